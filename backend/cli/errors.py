"""How a command reports failure: a single line on stderr, never a traceback."""


class UsageFailure(Exception):
    """Bad input to a command; the message is shown as one line, the exit code is 2."""


class CommandFailed(Exception):
    """The command could not do its job (a service down, say); one line, exit code 1."""
