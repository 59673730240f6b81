"""Lazy public names for a package's ``__init__`` (PEP 562), so importing it stays light.

>>> getattr_, dir_ = lazy_attributes("demo", {"sqrt": "math"}, ["x"])
>>> getattr_("sqrt")(9.0), "sqrt" in dir_()
(3.0, True)
"""

from __future__ import annotations

import importlib


def lazy_attributes(package: str, names: dict[str, str], eager: list[str] = ()):
    """``(__getattr__, __dir__)`` for ``package``: each of ``names`` is imported from its
    module on first use; ``eager`` lists the names the package defines itself."""
    def __getattr__(name: str):
        if name in names:
            return getattr(importlib.import_module(names[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*eager, *names})

    return __getattr__, __dir__
