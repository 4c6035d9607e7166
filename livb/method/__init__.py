"""The federal method applied to a loaded folder: where the process stands and what is wrong.

:mod:`~livb.method.queries` answers the questions every rule, status line and document asks
(is the plan approved, who is the mayor, which meetings belong to a step);
:mod:`~livb.method.process` derives the state of the 27 steps and the follow-up from them;
:mod:`~livb.method.rules` holds one module per rule and :mod:`~livb.method.check` runs them;
:mod:`~livb.method.status` and :mod:`~livb.method.explain` say it to the user.
The method reads the models only: it never writes a file, renders or calls git.
"""
