"""Where the shipped data files (gazetteer, lexicons, samples) live.

``data/`` is installed as the resource package ``sorot_data``; from a plain checkout
it is found next to this package.

>>> data_path("gazetteer.yaml").name
'gazetteer.yaml'
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def data_dir() -> Path:
    """The folder that holds the shipped data files."""
    spec = importlib.util.find_spec("sorot_data")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return Path(__file__).resolve().parents[1] / "data"


def data_path(name: str) -> Path:
    """Path of one shipped data file; raise ``FileNotFoundError`` naming it if absent."""
    path = data_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"shipped data file {name!r} not found in {path.parent}")
    return path
