"""The command line: typer commands, their Dutch usage errors, and the reports they print.

:mod:`~livb.cli.app` declares the commands and turns every error into a Dutch message and an exit
code; :mod:`~livb.cli.dutch` gives typer and click Dutch words; :mod:`~livb.cli.report` prints
findings, status and progress with rich. Only this package prints to the terminal.
"""
