"""Errors raised by the domain layer, worded for the clerk who caused them."""


class ValidationError(Exception):
    """A rule was broken. `field` names the form field the message belongs next to."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(Exception):
    """A record asked for by id does not exist (any more)."""


class Forbidden(ValidationError):
    """The signed-in user's role or organisation limits do not allow this."""

    def __init__(self, message: str):
        super().__init__("permission", message)
