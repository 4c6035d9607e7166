"""The gemeente folder as files: finding it, reading its YAML and CSV, and saying where a value is.

:mod:`~livb.folder.project` finds the folder and loads it into the models of :mod:`livb.model`;
:mod:`~livb.folder.yamlio` reads YAML with the line and column of every value, and
:mod:`~livb.folder.yamledit` changes a file's text in place, every other byte kept;
:mod:`~livb.folder.schema_errors` turns a validation error into a message at that place (in
the folder's language); :mod:`~livb.folder.schema` writes the JSON Schemas editors use.
Nothing here knows the method; every write goes through :mod:`livb.core.transaction`.
"""
