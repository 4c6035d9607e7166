"""Allow ``python -m livb``."""

from livb.cli import main

main()
