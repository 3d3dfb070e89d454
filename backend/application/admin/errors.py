"""Why an admin request cannot be done; the API maps each to a status code."""

from __future__ import annotations


class AdminError(Exception):
    """Base of the admin use cases' refusals; the message is safe to show the operator."""


class InvalidInput(AdminError, ValueError):
    """A parameter is missing or malformed (400)."""


class UnknownUser(AdminError, LookupError):
    """No user has that number (404)."""


class UnknownGrant(AdminError, LookupError):
    """No grant has that id (404)."""


class AlreadyRevoked(AdminError):
    """The grant was revoked before (409)."""


class NotWired(AdminError):
    """The service needed is not configured in this process (503)."""


class KeyNameTaken(AdminError):
    """An admin key with that name exists already."""


class UnknownKey(AdminError, LookupError):
    """No stored admin key has that name."""
