"""The public face of a domain package, loaded on first use.

A package's `__init__` names what it offers and the module that defines each name; that
module is imported only when one of its names is first asked for. Importing one module of a
package (its tables, say) therefore never drags in the rest of the package: domains may read
each other's tables without their packages importing each other, and the sign-in window
opens without loading every domain.
"""

import importlib
from collections.abc import Callable


def face(package: dict, exports: dict[str, tuple[str, ...]]) -> tuple[Callable, Callable, list[str]]:
    """(`__getattr__`, `__dir__`, `__all__`) for a package whose globals are `package`;
    `exports` maps each module of the package to the names it offers."""
    name = package["__name__"]
    home = {item: f"{name}.{module}" for module, items in exports.items() for item in items}

    def __getattr__(item: str):
        if item not in home:
            raise AttributeError(f"module {name!r} has no attribute {item!r}")
        value = getattr(importlib.import_module(home[item]), item)
        package[item] = value  # later look-ups are plain attribute reads
        return value

    def __dir__() -> list[str]:
        return sorted(set(package) | set(home))

    return __getattr__, __dir__, sorted(home)
