"""Where the shipped data files (gazetteer, lexicons, samples) live.

``data/`` is installed as the resource package ``sorot.data`` and read through
:mod:`importlib.resources`, so it is found the same way from a wheel, an editable
install or a zip.

>>> data_path("gazetteer.yaml").name
'gazetteer.yaml'
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def data_dir() -> Path:
    """The folder that holds the shipped data files."""
    with as_file(files("sorot.data")) as path:  # a real folder for wheels and checkouts
        return Path(path)


def data_path(name: str) -> Path:
    """Path of one shipped data file; raise ``FileNotFoundError`` naming it if absent."""
    path = data_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"shipped data file {name!r} not found in {path.parent}")
    return path
