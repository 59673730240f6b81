"""Where the shipped data files (gazetteer, lexicons, samples) live.

``data/`` is installed as the resource package ``sorot.data`` and read through
:mod:`importlib.resources`, so it is found the same way from a wheel, an editable
install or a zip.

>>> data_path("gazetteer.yaml").name
'gazetteer.yaml'
"""

from __future__ import annotations

import json
from importlib.resources import as_file, files
from pathlib import Path

from sorot.models.errors import SorotError


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


#: Larger YAML/JSON data files are refused: the shipped gazetteer is about 60 KB.
MAX_DATA_FILE_BYTES = 20_000_000


class DataFileError(SorotError, ValueError):
    """A gazetteer or lexicon file that cannot be used; the message names it and why."""


def refuse_unknown_keys(data: dict, known: list[str] | tuple[str, ...], where: str) -> None:
    """Refuse a data file's mapping with keys its reader does not know. Read loosely, a
    misspelt key ("rank:" for "ranks:") would be an empty list, its rule quietly off.

    >>> refuse_unknown_keys({"ranks": [], "rank": []}, ["ranks", "corps"], "roles:")
    Traceback (most recent call last):
    ...
    sorot.inference.text.resources.DataFileError: roles: unknown keys ['rank'] (known: ranks, corps)
    """
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise DataFileError(f"{where} unknown keys {unknown} (known: {', '.join(known)})")


def read_bounded(path: Path, limit: int, what: str, error: type[Exception] = DataFileError) -> bytes:
    """The bytes of a regular file, refusing it past ``limit`` bytes *read*: a size on disk
    can lie (``/dev/zero`` behind a symbolic link has size 0 and never ends)."""
    if not path.is_file():
        raise error(f"{path}: not a regular file (a device, a pipe or a folder) for {what}")
    with path.open("rb") as f:
        raw = f.read(limit + 1)
    if len(raw) > limit:
        raise error(f"{path}: over the limit of {limit:,} bytes for {what}")
    return raw


def _load_without_aliases(text: str):
    """``safe_load`` without anchors and aliases: a 450-byte "billion laughs" file would
    otherwise expand to gigabytes, and sorot's data files never need them. libyaml (the C
    parser PyYAML's wheels carry) reads the events first, stopping at the first alias
    before anything is built, then loads; that is 4 to 5 times faster than PyYAML's
    Python loader (0.16 s against 0.73 s to parse the shipped gazetteer), which every
    ``weak-label``, ``evaluate`` and ``predict`` paid at start-up."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # a PyYAML built without libyaml
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise DataFileError(f"line {event.start_mark.line + 1}: YAML aliases (*name) are "
                                "not allowed in sorot data files")
    return yaml.load(text, Loader=loader)


def load_yaml(path: str | Path, error: type[Exception] = DataFileError):
    """A YAML or JSON data file, safely: size-limited, no aliases, no Python objects.

    ``error`` is the exception raised, naming the file, for a file that cannot be used.
    """
    import yaml

    path = Path(path)
    try:
        text = read_bounded(path, MAX_DATA_FILE_BYTES, "a data file", error).decode("utf-8")
        if path.suffix.lower() == ".json":  # JSON is YAML, but PyYAML's scanner is 50x slower
            return json.loads(text)
        return _load_without_aliases(text)
    except DataFileError as e:
        raise error(f"{path}: {e}") from e
    except (yaml.YAMLError, UnicodeDecodeError, json.JSONDecodeError) as e:  # one line, always
        raise error(f"{path}: not valid YAML/JSON: {' '.join(str(e).split())}") from e
    except RecursionError as e:
        raise error(f"{path}: nested too deeply to be a data file") from e
    except OSError as e:
        raise error(f"{path}: cannot be read: {e}") from e
