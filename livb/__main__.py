"""Allow ``python -m livb``."""

from livb.cli import run

run()
