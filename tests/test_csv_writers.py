"""CSV files written by the tools users have read back record for record.

Articles are multi-line, so every writer quotes fields that span lines, hold the
delimiter, quotes or ``\\r\\n``. Each file is written by the real tool (Python's ``csv``,
pandas, an Excel-style export) from texts written for this test, and read both by
sorot and by the tool's own reader; the two must agree exactly.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from sorot.inference.text.article import Article
from sorot.inference.text.readers import read_articles
from sorot.inference.text.tabular import detect_delimiter

TEXTS = [
    "Putin menolak gencatan senjata.\nIa bertemu Trump, Zelensky, dan Macron.",
    'Menlu berkata: "Kami, bangsa Indonesia, mendukung Palestina."\n\nGaza; Rafah; Khan Younis.',
    "Baris pertama dengan CRLF.\r\nBaris kedua, dengan koma, titik koma; dan tab\tdi sini.\r\n",
    "Satu baris saja.",
    # continuation lines with as many commas as the file has columns, the case that used to be
    # mistaken for swallowed rows
    "Judul berita\nIran, Israel, dan AS berunding.\nRusia, Ukraina, dan Turki juga, kata dia.",
    '"Kutipan" di awal, lalu\n"kutipan" di awal baris berikutnya, dan akhir "kutipan"',
    "Satu;dua;tiga\n;;\n,,\n",
]
ROWS = [{"id": f"art-{i:03d}", "judul": f"Judul {i}, dengan koma", "text": t, "url": f"https://contoh.id/{i}"}
        for i, t in enumerate(TEXTS)]
COLUMNS = ["id", "judul", "text", "url"]


def _write_csv_module(path, **kw):
    encoding = kw.pop("encoding", "utf-8")
    with path.open("w", newline="", encoding=encoding) as f:
        w = csv.writer(f, **kw)
        w.writerow(COLUMNS)
        w.writerows([[r[c] for c in COLUMNS] for r in ROWS])


def _write_pandas(path, **kw):
    pd = pytest.importorskip("pandas")
    pd.DataFrame(ROWS, columns=COLUMNS).to_csv(path, index=False, **kw)


WRITERS = {
    "csv-default": lambda p: _write_csv_module(p),
    "csv-quote-all": lambda p: _write_csv_module(p, quoting=csv.QUOTE_ALL),
    "csv-unix-lf": lambda p: _write_csv_module(p, lineterminator="\n"),
    "csv-tab": lambda p: _write_csv_module(p, delimiter="\t"),
    "pandas-default": lambda p: _write_pandas(p),
    "pandas-quote-all": lambda p: _write_pandas(p, quoting=csv.QUOTE_ALL),
    # what Excel writes in locales with a decimal comma: BOM, CRLF, semicolons
    "excel-semicolon-bom-crlf": lambda p: _write_csv_module(p, dialect="excel", delimiter=";",
                                                             encoding="utf-8-sig"),
    "pandas-excel-semicolon-bom": lambda p: _write_pandas(p, sep=";", encoding="utf-8-sig",
                                                           lineterminator="\r\n"),
}


def _reference(path, delimiter):
    """What the tool's own reader (Python's csv, as pandas agrees) gets from the file."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_record_of_a_real_writers_csv_round_trips(tmp_path, writer):
    path = tmp_path / f"{writer}.csv"
    WRITERS[writer](path)
    records = list(read_articles(path))
    assert all(isinstance(r, Article) for r in records), [str(r) for r in records if not isinstance(r, Article)]
    assert [(r.id, r.text, r.extra) for r in records] == [
        (r["id"], r["text"], {"judul": r["judul"], "url": r["url"]}) for r in ROWS]
    delimiter = ";" if "semicolon" in writer else "\t" if "tab" in writer else ","
    assert [r.text for r in records] == [row["text"] for row in _reference(path, delimiter)]


def test_pandas_reads_the_same_rows_as_sorot(tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "p.csv"
    _write_pandas(path, sep=";", encoding="utf-8-sig")
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert [r.text for r in read_articles(path)] == frame["text"].tolist()


def test_an_explicit_delimiter_wins_over_detection(tmp_path):
    path = tmp_path / "pipe.csv"
    _write_csv_module(path, delimiter="|")
    assert [r.id for r in read_articles(path, csv_delimiter="|")] == [r["id"] for r in ROWS]
    # read with the wrong delimiter, the header is one column: the message says what to try
    (err,) = read_articles(path, csv_delimiter=";")
    assert "--csv-delimiter" in err.reason


def test_delimiter_detection_from_the_header():
    assert detect_delimiter("id,text\r\n") == ","
    assert detect_delimiter("id;judul;text\n") == ";"
    assert detect_delimiter("id\tjudul\ttext\n") == "\t"
    assert detect_delimiter('"a;b",c,d\n') == ","  # a delimiter inside quotes does not count


def test_the_issue_reproduction_from_the_command_line(tmp_path):
    """The minimal report: one multi-line field with commas lost a record, exit 0."""
    path = tmp_path / "mini.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        w.writerow(["a", "Putin menolak gencatan senjata.\nIa bertemu Trump, Zelensky, dan Macron."])
        w.writerow(["b", "Kyiv membantah."])
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "sorot", "weak-label", str(path), "-o", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "2 written" in proc.stdout and "bad" not in proc.stdout
    assert [json.loads(line)["id"] for line in out.open()] == ["a", "b"]
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_semicolon_flag_on_the_command_line(tmp_path):
    path = tmp_path / "semi.csv"
    _write_csv_module(path, delimiter=";")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "sorot", "weak-label", str(path), "-o", str(out),
                           "--csv-delimiter", ";"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(out.read_text().splitlines()) == len(ROWS)


@pytest.mark.parametrize("writer", ["csv", "pandas"])
def test_the_real_raw_corpus_as_csv_reads_back_38_of_38(tmp_path, corpus, writer):
    rows = [json.loads(line) for line in (corpus / "raw.jsonl").open(encoding="utf-8")]
    table = [{"kode": r["id"], "judul": r["text"].partition("\n")[0], "isi": r["text"].partition("\n")[2],
              "url": r.get("url", "")} for r in rows]
    path = tmp_path / "raw.csv"
    if writer == "csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, ["kode", "judul", "isi", "url"])
            w.writeheader()
            w.writerows(table)
    else:
        pytest.importorskip("pandas").DataFrame(table).to_csv(path, index=False)
    records = list(read_articles(path, id_column="kode", text_column="isi"))
    assert [(r.id, r.text) for r in records] == [(t["kode"], t["isi"]) for t in table]
