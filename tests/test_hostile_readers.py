"""Hostile input for every reader: a generated set of over 1,000 bad or odd records, and
the property that every input record ends up exactly once, in the output or in the
errors file, with its location and reason. Texts are written for this project."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sorot.inference.text.article import Article, RecordError
from sorot.inference.text.readers import read_articles
from sorot.training.jobs import weak_label

GOOD = "Menteri Luar Negeri Sugiono bertemu Presiden Prabowo Subianto di Jakarta."

# One JSONL line per kind: (raw bytes, does it survive as an article?)
JSONL_KINDS = {
    "good": lambda i: (json.dumps({"id": f"j{i}", "text": GOOD}).encode(), True),
    "deep": lambda i: (b'{"id": "d%d", "text": ' % i + b"[" * 1000 + b"]" * 1000 + b"}", False),
    "huge_int": lambda i: (b'{"id": ' + b"9" * 5000 + b', "text": "x"}', False),
    "surrogate_id": lambda i: (b'{"id": "\\ud800%d", "text": "ok"}' % i, False),
    "surrogate_text": lambda i: (b'{"id": "s%d", "text": "a \\udfff b"}' % i, False),
    "bad_utf8": lambda i: (b'{"id": "u%d", "text": "caf\xe9"}' % i, False),
    "not_object": lambda i: (b"[1, 2, 3]", False),
    "missing_id": lambda i: (json.dumps({"text": GOOD}).encode(), False),
    "empty_text": lambda i: (json.dumps({"id": f"e{i}", "text": "  "}).encode(), False),
    "nul_text": lambda i: (json.dumps({"id": f"n{i}", "text": "a\x00b"}).encode(), False),
    "float_id": lambda i: (json.dumps({"id": 1.5 + i, "text": GOOD}).encode(), False),
    "list_text": lambda i: (json.dumps({"id": f"l{i}", "text": ["a"]}).encode(), False),
    "malformed": lambda i: (b'{"id": "m%d", "text": ' % i, False),
    "dup": lambda i: (json.dumps({"id": "j0", "text": GOOD}).encode(), False),
}


def jsonl_file(path: Path, kinds: list[str]) -> tuple[int, int]:
    """Write one line per kind (the first line is always a good `j0`); return (good, bad)."""
    lines, good = [], 0
    for i, kind in enumerate(["good", *kinds]):
        raw, ok = JSONL_KINDS[kind](i)
        lines.append(raw)
        good += ok
    path.write_bytes(b"\n".join(lines) + b"\n")
    return good, len(lines) - good


def csv_file(path: Path, n: int) -> tuple[int, int]:
    """Rows of every CSV kind, written as bytes so that bad UTF-8 can be planted."""
    buf, good = io.StringIO(), 0
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "text", "url"])
    for i in range(n):
        kind = i % 6
        if kind == 0:
            w.writerow([f"c{i}", GOOD, f"u{i}"])
            good += 1
        elif kind == 1:
            w.writerow([f"c{i}", "", "u"])          # empty text
        elif kind == 2:
            w.writerow(["", GOOD, "u"])             # missing id
        elif kind == 3:
            w.writerow([f"c{i}", GOOD, "u", "extra"])  # more fields than the header
        elif kind == 4:
            w.writerow(["c0", GOOD, "u"])           # duplicate id
        else:
            w.writerow([f"c{i}", "BADBYTE", "u"])   # invalid UTF-8, planted below
    path.write_bytes(buf.getvalue().encode().replace(b"BADBYTE", b"caf\xe9 \xff"))
    return good, n - good


def parquet_file(path: Path, n: int) -> tuple[int, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ids, texts, good = [], [], 0
    for i in range(n):
        kind = i % 4
        ids.append(None if kind == 1 else "p0" if kind == 3 and i > 3 else f"p{i}")
        texts.append(None if kind == 2 else GOOD)
        good += kind == 0 or (kind == 3 and i <= 3)
    pq.write_table(pa.table({"id": ids, "text": texts}), path)
    return good, n - good


def txt_folder(folder: Path, outside: Path, n: int) -> tuple[int, int]:
    folder.mkdir()
    outside.write_text("a private file outside the input folder\n")
    good = 0
    for i in range(n):
        kind = i % 6
        name = folder / f"t{i}.txt"
        if kind == 0:
            name.write_text(GOOD)
            good += 1
        elif kind == 1:
            name.write_bytes(b"")
        elif kind == 2:
            name.write_bytes(b"\x00\x01binary")
        elif kind == 3:
            name.write_bytes(b"caf\xe9")
        elif kind == 4:
            os.symlink(outside, name)
        else:  # a file name that is not UTF-8
            Path(os.fsdecode(bytes(folder) + b"/t%d-\xff.txt" % i)).write_text(GOOD)
    return good, n - good


def run_and_count(src, tmp_path: Path) -> tuple[list[dict], list[dict]]:
    out = tmp_path / "out.jsonl"
    weak_label(src, out)
    preds = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    errs_path = tmp_path / "out.errors.jsonl"
    errs = [json.loads(x) for x in errs_path.read_text(encoding="utf-8").splitlines()] \
        if errs_path.exists() else []
    return preds, errs


def test_over_a_thousand_generated_bad_records_every_one_accounted_for(tmp_path):
    kinds = [k for k in JSONL_KINDS if k != "good"]
    cases = {"a.jsonl": lambda p: jsonl_file(p, [kinds[i % len(kinds)] for i in range(520)]),
             "b.csv": lambda p: csv_file(p, 360), "c.parquet": lambda p: parquet_file(p, 160),
             "txt": lambda p: txt_folder(p, tmp_path / "secret.txt", 120)}
    total_bad = 0
    for name, make in cases.items():
        work = tmp_path / name.replace(".", "_")
        work.mkdir()
        good, bad = make(work / name)
        preds, errs = run_and_count(work / name, work)
        assert len(preds) == good and len({p["id"] for p in preds}) == good, name
        assert len(errs) == bad, name
        assert all(e["reason"] and e["source"] for e in errs), name
        locations = [(e["source"], e["location"], e["id"]) for e in errs]
        assert len(set(locations)) == len(locations), name  # one error per record, each placed
        total_bad += bad
    assert total_bad >= 1000
    assert "private file" not in (tmp_path / "txt" / "out.jsonl").read_text()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(JSONL_KINDS)), max_size=25))
def test_every_jsonl_record_lands_exactly_once(tmp_path_factory, kinds):
    tmp = tmp_path_factory.mktemp("prop")
    good, bad = jsonl_file(tmp / "in.jsonl", kinds)
    preds, errs = run_and_count(tmp / "in.jsonl", tmp)
    assert (len(preds), len(errs)) == (good, bad)
    lines = sorted(int(e["location"].split()[1]) for e in errs)
    assert len(set(lines)) == len(lines) and all(1 <= n <= len(kinds) + 1 for n in lines)


@pytest.mark.parametrize(("raw", "reason"), [
    (b'{"id": "a", "text": ' + b"[" * 1000 + b"]" * 1000 + b"}", "malformed JSON: nested too deeply"),
    (b'{"id": ' + b"1" * 5000 + b', "text": "x"}', "malformed JSON: Exceeds the limit (4300 digits)"),
    (b'{"id": "\\ud800", "text": "x"}', "id is not valid Unicode: lone surrogate '\\ud800' at character 0"),
])
def test_poison_json_records_are_errors_not_crashes(tmp_path, raw, reason):
    (tmp_path / "in.jsonl").write_bytes(raw + b"\n" + json.dumps({"id": "ok", "text": GOOD}).encode())
    records = list(read_articles(tmp_path / "in.jsonl"))
    assert isinstance(records[0], RecordError) and records[0].reason.startswith(reason)
    assert isinstance(records[1], Article) and records[1].id == "ok"
    assert json.dumps(records[0].to_dict(), ensure_ascii=False).encode("utf-8")  # writable


def test_crlf_is_a_line_end_and_a_bare_cr_is_reported_but_split(tmp_path):
    a, b = (json.dumps({"id": i, "text": GOOD}).encode() for i in ("a", "b"))
    (tmp_path / "crlf.jsonl").write_bytes(a + b"\r\n" + b + b"\r\n")
    assert [r.id for r in read_articles(tmp_path / "crlf.jsonl")] == ["a", "b"]
    (tmp_path / "cr.jsonl").write_bytes(a + b"\r" + b + b"\r")
    records = list(read_articles(tmp_path / "cr.jsonl"))
    assert [r.id for r in records] == ["a", "b"]
    assert records[1].source.endswith("cr.jsonl")


def test_csv_bom_header_byte_and_unclosed_quotes(tmp_path):
    (tmp_path / "bom.csv").write_bytes("\ufeffid,text\n1,Putin tiba.\n".encode())
    assert [r.id for r in read_articles(tmp_path / "bom.csv")] == ["1"]
    (tmp_path / "bom.jsonl").write_bytes('\ufeff{"id": "1", "text": "Putin tiba."}\n'.encode())
    assert [r.id for r in read_articles(tmp_path / "bom.jsonl")] == ["1"]
    (tmp_path / "hdr.csv").write_bytes(b"id,text,ur\xffl\n1,Putin tiba.,x\n2,Zelensky tiba.,y\n")
    assert [r.id for r in read_articles(tmp_path / "hdr.csv")] == ["1", "2"]
    rows = ["id,text"] + [f"{i},Berita nomor {i} hari ini." for i in range(1, 6)]
    rows[2] = '2,"Kutipan tanpa penutup'  # an unclosed quote swallows the rows after it
    (tmp_path / "q.csv").write_text("\n".join(rows) + "\n")
    records = list(read_articles(tmp_path / "q.csv"))
    assert isinstance(records[0], Article) and records[0].id == "1"
    (err,) = records[1:]
    assert isinstance(err, RecordError) and err.location.startswith("row 2 (lines 3-")
    assert "unexpected end of data" in err.reason or "unclosed quote" in err.reason
    # the quote closes cleanly four lines later: csv alone would return one row of 5 lines
    rows += ['6,akhir kutipan"', "7,Berita tujuh."]
    (tmp_path / "q2.csv").write_text("\n".join(rows) + "\n")
    records = list(read_articles(tmp_path / "q2.csv"))
    assert [getattr(r, "id", None) for r in records] == ["1", None, "7"]
    assert records[1].reason == ("a quoted field runs from line 3 to 7 and holds 4 lines that look "
                                 "like rows: an unclosed quote?")


def test_txt_symlinks_out_of_the_folder_are_skipped_and_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(GOOD)
    os.symlink(tmp_path / "docs" / "a.txt", tmp_path / "docs" / "b.txt")  # inside: fine
    (tmp_path / "secret").write_text("rahasia")
    os.symlink(tmp_path / "secret", tmp_path / "docs" / "c.txt")
    records = list(read_articles(tmp_path / "docs"))
    assert [(type(r).__name__, r.id) for r in records] == [
        ("Article", "a"), ("Article", "b"), ("RecordError", "c")]
    assert "outside the input folder: skipped" in records[2].reason
