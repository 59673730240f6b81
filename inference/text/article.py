"""One input record as read: an :class:`Article`, or a :class:`RecordError` saying where and why.

Every reader (:mod:`~sorot.inference.text.readers` for directories, ``.txt`` and JSON Lines,
:mod:`~sorot.inference.text.tabular` for CSV and Parquet) checks its records with one
:class:`RecordChecker`, so each format refuses the same things with the same words.

>>> c = RecordChecker(max_chars=100)
>>> c.check("a.jsonl", "line 1", "x1", "Putin tiba.").id
'x1'
>>> str(c.check("a.jsonl", "line 2", "x1", "Lagi."))
"a.jsonl:line 2 (id 'x1'): duplicate id 'x1'"
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sorot.models.errors import SorotError

#: Articles longer than this are refused (a user raises it with ``--max-chars``).
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Article:
    """One input article: ``text`` exactly as read, ``extra`` holds every other field."""

    id: str
    text: str
    extra: dict = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True)
class RecordError:
    """A record that could not be read: where it is and why."""

    source: str
    reason: str
    location: str = ""
    id: str | None = None

    def to_dict(self) -> dict:
        """JSON-safe: a name or id that is not valid Unicode (a lone surrogate, a file name
        in another encoding) is written with backslash escapes, never lost."""
        return {"source": printable(self.source), "location": self.location,
                "id": None if self.id is None else printable(self.id), "reason": printable(self.reason)}

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        rid = f" (id {self.id!r})" if self.id is not None else ""
        return f"{where}{rid}: {self.reason}"


class InputError(SorotError, ValueError):
    """The input as a whole cannot be read: it does not exist, or its format is unknown."""


class InputNotFoundError(InputError, FileNotFoundError):
    """The input path does not exist."""


class ReadError(SorotError, ValueError):
    """Raised by :func:`read_articles_strict` on the first bad record."""


def printable(s: str) -> str:
    """``s`` as valid UTF-8 text: lone surrogates become ``\\udcXX`` escapes.

    >>> printable("ok"), printable("bad\\udcff")
    ('ok', 'bad\\\\udcff')
    """
    return s.encode("utf-8", "backslashreplace").decode("utf-8")


def unicode_problem(s: str) -> str | None:
    """Why ``s`` cannot be written as UTF-8 (a lone surrogate), or ``None``."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as e:
        return f"not valid Unicode: lone surrogate {s[e.start]!a} at character {e.start}"
    return None


@dataclass
class RecordChecker:
    """Checks ids and text of each record; remembers id digests to catch duplicates."""

    max_chars: int
    seen: set = field(default_factory=set)

    def check(self, source: str, location: str, rid, text) -> Article | RecordError:
        def err(reason: str) -> RecordError:
            return RecordError(source, reason, location, None if rid is None else str(rid))

        if rid is None or (isinstance(rid, str) and not rid.strip()):
            return err("missing id")
        if not isinstance(rid, (str, int)) or isinstance(rid, bool):
            return err(f"id must be a string or integer, got {type(rid).__name__}")
        if isinstance(rid, str) and (problem := unicode_problem(rid)):
            return err(f"id is {problem}")
        if text is None:
            return err("missing text")
        if not isinstance(text, str):
            return err(f"text must be a string, got {type(text).__name__}")
        if not text.strip():
            return err("empty text")
        if len(text) > self.max_chars:
            return err(f"text has {len(text):,} characters, over the limit of "
                       f"{self.max_chars:,} (raise it with --max-chars)")
        if "\x00" in text:
            return err("text holds NUL bytes: binary data, not text")
        if problem := unicode_problem(text):
            return err(f"text is {problem}")
        digest = hashlib.blake2b(str(rid).encode(), digest_size=8).digest()
        if digest in self.seen:
            return err(f"duplicate id {str(rid)!r}")
        self.seen.add(digest)
        return Article(str(rid), text, {}, source)


def with_extra(result: Article | RecordError, row: dict, id_col: str, text_col: str):
    if isinstance(result, RecordError):
        return result
    extra = {k: v for k, v in row.items() if k not in (id_col, text_col)}
    return Article(result.id, result.text, extra, result.source)
