"""Allow ``python -m livb``."""

from livb.cli.app import main

main()
