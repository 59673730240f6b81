"""Reading and validating annotated records (gold or predictions, SCHEMA §3).

Every check names the record and the reason, so that nothing is scored or trained
on garbage: offsets out of range, spans that cut a word or overlap, unknown labels,
empty text, a ``primary`` outside the schema.

>>> rec = {"id": "a", "text": "Putin tiba.", "labels": ["russia_ukraine"],
...        "primary": "russia_ukraine", "entities": [{"start": 0, "end": 5, "label": "LEADER"}]}
>>> validate_record(rec)["entities"][0]["label"]
'LEADER'
>>> validate_record({**rec, "primary": "ukraine"})
Traceback (most recent call last):
...
sorot.training.records.AnnotationError: record 'a': primary 'ukraine' is not one of ...
"""

from __future__ import annotations

import json
from pathlib import Path

from sorot.inference.text.bio import AlignmentError, spans_to_bio
from sorot.inference.text.words import word_spans
from sorot.models.errors import SorotError
from sorot.models.schema import ARTICLE_LABELS, ENTITY_TYPES, PRIMARY_OTHER, PRIMARY_VALUES, TOPIC_IDS


class AnnotationError(SorotError, ValueError):
    """An annotated record breaks the schema; the message names the record."""


def _check_entity(ent, n: int, text: str) -> str | None:
    if not isinstance(ent, dict):
        return f"entity {n} is not an object"
    start, end, label = ent.get("start"), ent.get("end"), ent.get("label")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        return f"entity {n} needs integer start and end"
    if not 0 <= start < end <= len(text):
        return f"entity {n} [{start}, {end}) is out of range for a text of length {len(text)}"
    if label not in ENTITY_TYPES:
        return f"entity {n} has unknown label {label!r} (labels: {', '.join(ENTITY_TYPES)})"
    if ent.get("topic") is not None and ent["topic"] not in TOPIC_IDS:
        return f"entity {n} has unknown topic {ent['topic']!r}"
    return None


def _problem(rec: dict) -> str | None:
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return "empty or missing text"
    labels = rec.get("labels", [])
    if not isinstance(labels, list) or any(lbl not in ARTICLE_LABELS for lbl in labels):
        return f"labels {labels!r} must be a list drawn from {', '.join(ARTICLE_LABELS)}"
    if len(set(labels)) != len(labels):
        return f"labels {labels!r} repeat a label"
    if rec.get("primary", PRIMARY_OTHER) not in PRIMARY_VALUES:
        return f"primary {rec.get('primary')!r} is not one of {', '.join(PRIMARY_VALUES)}"
    entities = rec.get("entities", [])
    if not isinstance(entities, list):
        return "entities must be a list"
    for n, ent in enumerate(entities):
        if (problem := _check_entity(ent, n, text)) is not None:
            return problem
    try:
        spans_to_bio(word_spans(text), entities)
    except AlignmentError as e:
        return str(e)
    return None


def validate_record(rec: dict, where: str = "") -> dict:
    """Return ``rec`` with defaults filled, or raise :class:`AnnotationError`."""
    if not isinstance(rec, dict):
        raise AnnotationError(f"{where or 'record'}: not a JSON object")
    name = f"record {rec.get('id')!r}" + (f" ({where})" if where else "")
    if rec.get("id") is None:
        raise AnnotationError(f"{name}: missing id")
    problem = _problem(rec)
    if problem:
        raise AnnotationError(f"{name}: {problem}")
    return {"labels": [], "primary": PRIMARY_OTHER, "entities": [], **rec}


def load_annotated(path: str | Path) -> dict[str, dict]:
    """All records of a JSONL file (``-``: standard input), by id; raise
    :class:`AnnotationError` on the first bad one."""
    import contextlib
    import io
    import sys

    stdin = str(path) == "-"
    path = Path("<stdin>") if stdin else Path(path)
    out: dict[str, dict] = {}
    source = contextlib.nullcontext(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")) if stdin \
        else path.open(encoding="utf-8")
    with source as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise AnnotationError(f"{where}: malformed JSON: {e.msg}") from e
            except (RecursionError, ValueError) as e:  # nested 10,000 deep; a 5,000-digit integer
                raise AnnotationError(f"{where}: malformed JSON: "
                                      f"{'nested too deeply' if isinstance(e, RecursionError) else e}") from e
            rec = validate_record(rec, where)
            rid = str(rec["id"])
            if rid in out:
                raise AnnotationError(f"record {rid!r} ({where}): duplicate id")
            out[rid] = rec
    if not out:
        raise AnnotationError(f"{path}: no records")
    return out
