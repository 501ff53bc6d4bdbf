"""A vocabulary of codes: a dict whose membership test answers "no" for any value that cannot
be a code (a list, a dict, from a script or a crafted file) instead of raising TypeError, so
"is this a known code?" is always a plain yes or no and the caller's message follows."""


class Codes(dict):
    def __contains__(self, value) -> bool:
        try:
            return super().__contains__(value)
        except TypeError:
            return False


def as_codes(namespace: dict) -> None:
    """Every upper-case dict of a vocabulary module made a Codes (called at its end)."""
    for name, value in list(namespace.items()):
        if name.isupper() and type(value) is dict:
            namespace[name] = Codes(value)
