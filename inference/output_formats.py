"""The prediction record of the batch jobs, and its CSV and Parquet forms.

JSONL keeps the record as it is (SCHEMA §3 plus the kept input fields). CSV flattens
it: labels joined by ``;``, one ``score_<label>`` column per label, entities as JSON
text. Parquet keeps the structure: ``labels`` is ``list<string>`` and ``entities`` is
``list<struct<start, end, label, text, score, canonical, topic>>``, which pandas,
polars, DuckDB and ``datasets`` read natively. Both flat forms take the union of the
columns over all records, and are written under a temporary name and renamed.

>>> import pyarrow as pa
>>> rec = {"id": "a", "labels": ["gaza"], "primary": "gaza", "scores": {"gaza": 0.9},
...        "entities": [{"start": 0, "end": 5, "label": "LEADER", "text": "Putin", "score": 0.8}]}
>>> t = parquet_table([rec])
>>> t.schema.field("entities").type == pa.list_(ENTITY)
True
>>> t.to_pylist()[0]["entities"][0]["canonical"] is None
True
"""

from __future__ import annotations

import csv
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa

from sorot.inference.text.article import Article

ENTITY = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()),
                    ("text", pa.string()), ("score", pa.float64()), ("canonical", pa.string()),
                    ("topic", pa.string())])
_CORE = ("id", "labels", "primary", "scores", "entities")


def prediction_record(article: Article, pred: dict, keep: list[str]) -> dict:
    """The output record: id, labels, primary, scores, entities, and the input fields
    asked for (``["all"]`` for every one); a kept field never replaces a prediction."""
    out = {"id": article.id, "labels": pred["labels"], "primary": pred["primary"],
           "scores": pred["scores"], "entities": pred["entities"]}
    fields = article.extra if keep == ["all"] else {k: article.extra[k] for k in keep
                                                    if k in article.extra}
    return out | {k: v for k, v in fields.items() if k not in out}


def prediction_error(article: Article, error: Exception) -> dict:
    """The errors-file record of an article whose prediction failed."""
    from sorot.inference.text.article import RecordError

    return RecordError(article.source, f"prediction failed: {type(error).__name__}: {error}",
                       id=article.id).to_dict()


def _text(v):
    return v if isinstance(v, str) or v is None else json.dumps(v, ensure_ascii=False)


def flat_row(rec: dict, nested: bool) -> dict:
    """One CSV (``nested=False``) or Parquet row of a record."""
    row = {"id": rec["id"], "labels": rec["labels"] if nested else ";".join(rec["labels"]),
           "primary": rec["primary"]}
    row |= {f"score_{k}": v for k, v in rec["scores"].items()}
    row["n_entities"] = len(rec["entities"])
    row["entities"] = ([{k: e.get(k) for k in ENTITY.names} for e in rec["entities"]] if nested
                       else json.dumps(rec["entities"], ensure_ascii=False))
    return row | {k: _text(v) for k, v in rec.items() if k not in _CORE}


def _column_type(name: str) -> pa.DataType:
    if name.startswith("score_"):
        return pa.float64()
    return {"n_entities": pa.int64(), "labels": pa.list_(pa.string()),
            "entities": pa.list_(ENTITY)}.get(name, pa.string())


def parquet_table(records: Iterable[dict], columns: list[str] | None = None) -> pa.Table:
    rows = [flat_row(r, nested=True) for r in records]
    columns = columns or list(dict.fromkeys(k for row in rows for k in row))
    schema = pa.schema([(c, _column_type(c)) for c in columns])
    return pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows], schema=schema)


def _records(log: Path) -> Iterator[dict]:
    with log.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _columns(log: Path, nested: bool) -> list[str]:
    """Every column of every record, in order of first appearance: a field only some
    records have (``--keep-fields url``) still gets its column."""
    return list(dict.fromkeys(k for rec in _records(log) for k in flat_row(rec, nested)))


def write_parquet(records: Iterable[dict], out: Path, columns: list[str], chunk: int = 2048) -> None:
    import pyarrow.parquet as pq

    schema = parquet_table([], columns).schema
    with pq.ParquetWriter(out, schema) as writer:
        it = iter(records)
        while batch := list(itertools.islice(it, chunk)):  # streamed: larger than memory is fine
            writer.write_table(parquet_table(batch, columns))


def convert(log: Path, out: Path, fmt: str) -> None:
    """Stream the JSONL log into a CSV or Parquet file, written under a temporary name
    and renamed, so a reader never sees half a file."""
    partial = out.with_name(f".{out.name}.partial")
    if fmt == "csv":
        with partial.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=_columns(log, nested=False), restval="")
            writer.writeheader()
            writer.writerows(flat_row(r, nested=False) for r in _records(log))
    else:
        write_parquet(_records(log), partial, _columns(log, nested=True))
    os.replace(partial, out)
