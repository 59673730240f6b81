"""Readers: every format, and every kind of bad input named with its place and reason."""

from __future__ import annotations

import csv
import tracemalloc

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from helpers import write_jsonl

from sorot.inference.text.article import Article, ReadError, RecordError
from sorot.inference.text.readers import read_articles, read_articles_strict

TEXT = "Presiden Rusia Vladimir Putin menolak gencatan senjata."


def test_txt_directory_uses_stems_as_ids_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text("Artikel kedua.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [(a.id, a.text) for a in read_articles(tmp_path)] == [("a", TEXT), ("b", "Artikel kedua.")]


def test_jsonl_keeps_extra_fields_and_text_exactly(tmp_path):
    raw = "  Putin\r\n tiba.\u00a0 "
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": 7, "text": raw, "url": "u", "lang": "id"}])
    (art,) = read_articles(path)
    assert art == Article("7", raw, {"url": "u", "lang": "id"}, str(path))


def test_csv_with_chosen_columns(tmp_path):
    path = tmp_path / "a.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["doc", "body", "url"])
        w.writerow(["d1", "Baris satu,\n\"kutip\" dua", "u1"])
    (art,) = read_articles(path, text_column="body", id_column="doc")
    assert (art.id, art.text, art.extra) == ("d1", 'Baris satu,\n"kutip" dua', {"url": "u1"})


def test_parquet(tmp_path):
    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [TEXT, None], "n": [1, 2]}), path)
    first, second = read_articles(path)
    assert (first.id, first.extra) == ("p1", {"n": 1})
    assert (second.location, second.reason) == ("row 2", "missing text")


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty file"),
    ("bad.txt", b"Putin \xff\xfe tiba", "invalid UTF-8 at byte 6"),
    ("bin.txt", b"\x00\x01\x02PK\x03", "binary file"),
])
def test_bad_txt_files_name_file_and_reason(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    records = list(read_articles(tmp_path))
    bad = [r for r in records if isinstance(r, RecordError)]
    assert [r.id for r in records if isinstance(r, Article)] == ["ok"]  # nothing else lost
    assert len(bad) == 1 and bad[0].source.endswith(name) and bad[0].reason.startswith(reason)


def test_bad_jsonl_lines_are_reported_and_the_rest_survives(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "a", "text": TEXT},
        "{not json\n",
        {"text": "tanpa id"},
        {"id": "a", "text": "id kembar"},
        {"id": "c", "text": "   "},
        "[1, 2]\n",
        "\n",
        {"id": "d", "text": TEXT},
    ])
    raw = path.read_bytes() + b'{"id": "e", "text": "\xff"}\n'
    path.write_bytes(raw)
    out = [(r.location, r.reason) if isinstance(r, RecordError) else r.id
           for r in read_articles(path)]
    assert out == ["a", ("line 2", "malformed JSON: Expecting property name enclosed in double "
                            "quotes at column 2"),
                   ("line 3", "missing id"), ("line 4", "duplicate id 'a'"), ("line 5", "empty text"),
                   ("line 6", "a JSON list, not an object"), "d",
                   ("line 9", "invalid UTF-8 at byte 21: b'\\xff\"}'")]


def test_empty_jsonl_and_csv_without_text_column(tmp_path):
    (tmp_path / "e.jsonl").write_text("", encoding="utf-8")
    assert [r.reason for r in read_articles(tmp_path / "e.jsonl")] == ["empty file: no records"]
    (tmp_path / "a.csv").write_text("id,judul\n1,Putin\n", encoding="utf-8")
    (err,) = read_articles(tmp_path / "a.csv")
    assert err.reason == ("no column 'text' (columns: id, judul); choose one with --text-column "
                          "/ --id-column")


def test_huge_article_is_refused_with_a_clear_reason(tmp_path):
    big = "Putin tiba. " * (20 * 1024 * 1024 // 12)  # ~20 MB
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "text": big}, {"id": "ok", "text": TEXT}])
    (err_txt,) = read_articles(tmp_path / "big.txt")
    assert "over the limit of 1,000,000 characters" in err_txt.reason
    err, ok = read_articles(path)
    assert err.id == "big" and "20,971,512 characters, over the limit" in err.reason
    assert ok.id == "ok"
    (art,) = read_articles(tmp_path / "big.txt", max_chars=30_000_000)
    assert len(art.text) == len(big)


def test_unknown_format_and_missing_input_raise(tmp_path):
    (tmp_path / "a.xml").write_text("<a/>")
    with pytest.raises(ValueError, match="unknown input format '.xml'"):
        read_articles(tmp_path / "a.xml")
    with pytest.raises(FileNotFoundError, match="input not found"):
        read_articles(tmp_path / "nope.jsonl")


def test_strict_reader_raises_at_first_bad_record(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": TEXT}, "{oops\n"])
    with pytest.raises(ReadError, match=r"a.jsonl:line 2: malformed JSON"):
        list(read_articles_strict(path))


def test_reading_streams_with_flat_memory(tmp_path):
    def peak(n: int) -> int:
        path = write_jsonl(tmp_path / f"{n}.jsonl",
                           [{"id": f"d{i}", "text": TEXT * 20} for i in range(n)])
        tracemalloc.start()
        for _ in read_articles(path):
            pass
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(1_000), peak(10_000)
    # only 8-byte id digests accumulate (for the duplicate check), not the texts
    assert large < small + 10_000 * 200
