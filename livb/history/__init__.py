"""The plan's history in git: earlier versions of the folder, what changed, and decisions.

:mod:`~livb.history.versions` reads the folder as it was at a revision or tag (through a hardened
git); :mod:`~livb.history.diff` compares two loaded folders in Dutch; :mod:`~livb.history.besluit`
records an approval or signature in besluiten.yaml, as a commit and a tag.
"""
