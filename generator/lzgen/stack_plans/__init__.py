"""Running terraform over the stacks of a rendered tree: ``lzgen plan``.

Not to be confused with :mod:`lzgen.plan`, the planning stage that turns the model into stacks.
This package starts terraform processes:

- :mod:`.results`: a stack's outcome, the counts read from its plan JSON, the exit code;
- :mod:`.processes`: terraform subprocesses that Ctrl-C can stop, and their environment;
- :mod:`.schedule`: stacks in parallel, each after the stacks it reads;
- :mod:`.real`: a stack planned in its own directory, with the user's credentials;
- :mod:`.changed`: the stacks a git diff (or a previous manifest) touches, and their readers;
- :mod:`.run`: one ``lzgen plan`` run, offline (:mod:`lzgen.offline`) or real;
- :mod:`.progress` and :mod:`.summary`: what the user sees while and after it runs.
"""
