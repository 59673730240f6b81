"""The docstring examples of every sorot module, run against the installed package.

Run here rather than with ``--doctest-modules``, which would import the source folders
under their bare names (``models.schema``) beside ``sorot.models.schema``.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest


def _modules() -> list[str]:
    # each subpackage is walked from its own __path__: in an editable install the source
    # folders are mapped in, and do not sit inside sorot/ on disk
    names = []
    for package in ("sorot", "sorot.models", "sorot.inference", "sorot.training"):
        pkg = importlib.import_module(package)
        names.append(package)
        names += [i.name for i in pkgutil.walk_packages(pkg.__path__, f"{package}.")
                  if i.name != "sorot.__main__"]
    return sorted(set(names))


MODULES = _modules()


def test_every_part_of_the_package_is_walked():
    for name in ("sorot.cli", "sorot.models.schema", "sorot.inference.text.readers",
                 "sorot.training.weak.labeler", "sorot.training.jobs"):
        assert name in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                             verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
