"""What livb writes into a folder for the user to fill in: a new folder and its new files.

:mod:`~livb.starters.scaffold` makes a new gemeente folder (``livb init``);
:mod:`~livb.starters.new` adds a meeting, interview, actor, priority, goal or year of follow-up
(``livb new``); :mod:`~livb.starters.skeleton` renders the commented YAML both start from.
Every file is commented in Dutch and written through :mod:`livb.core.transaction`, never over
the user's.
"""
