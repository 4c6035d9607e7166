"""The basics every other package stands on, knowing nothing of a gemeente.

Errors and their exit codes, Dutch dates and counts, the diagnostics a command prints, the path
guard (:mod:`~livb.core.safepaths`), every write (:mod:`~livb.core.transaction`: atomic,
compare-and-swap, exclusive create, the folder's lock), where livb's own templates are, and the
pause of the cyclic garbage collector. Nothing here imports another livb package.
"""
