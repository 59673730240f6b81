"""`sorot predict` as users run it: formats, errors, odd ids, kill -9 and resume, two processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pyarrow.parquet as pq
import pytest
from helpers import sorot, write_jsonl

from sorot.inference.batch_predict import repair_and_read_ids

SENTENCES = ["Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.",
             "Hamas membebaskan sandera di Gaza setelah perundingan di Kairo.",
             "Menteri Luar Negeri Iran Abbas Araghchi membahas program nuklir.",
             "Harga cabai naik menjelang Lebaran."]


def corpus(n: int) -> list[dict]:
    return [{"id": f"doc-{i}", "text": " ".join(SENTENCES[(i + k) % 4] for k in range(1 + i % 5)),
             "url": f"https://contoh.id/{i}", "lang": "id"} for i in range(n)]


def ids_in(path) -> Counter:
    return Counter(json.loads(x)["id"] for x in path.read_text().splitlines() if x.strip())


def test_predict_jsonl_with_bad_records_kept_fields_and_odd_ids(tmp_path, trained):
    odd = ["../../luar", "a/b\\c", "spasi dan\ttab", "ünï", ""]
    rows = corpus(5) + [{"id": i, "text": SENTENCES[0]} for i in odd[:-1]] + [
        "{rusak\n", {"id": "kosong", "text": ""}, {"id": odd[-1], "text": "tanpa id"}]
    (tmp_path / "in").mkdir()
    src = write_jsonl(tmp_path / "in" / "a.jsonl", rows)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    r = sorot("predict", "--model", trained[1], src, "-o", out_dir / "p.jsonl", "--keep-fields", "url")
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in (out_dir / "p.jsonl").read_text().splitlines()]
    assert Counter(x["id"] for x in recs) == Counter([f"doc-{i}" for i in range(5)] + odd[:-1])
    assert all(set(x) == {"id", "labels", "primary", "scores", "entities", "url"}
               for x in recs if x["id"].startswith("doc"))
    errors = [json.loads(x) for x in (out_dir / "p.errors.jsonl").read_text().splitlines()]
    assert [e["reason"][:14] for e in errors] == ["malformed JSON", "empty text", "missing id"]
    assert sorted(p.name for p in out_dir.iterdir()) == ["p.errors.jsonl", "p.jsonl", "p.jsonl.source.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # nothing escaped
    assert r.stdout.startswith("9 done, 0 skipped (already done), 3 failed;")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_formats(tmp_path, trained, fmt):
    src = write_jsonl(tmp_path / "a.jsonl", corpus(7))
    r = sorot("predict", "--model", trained[1], src, "-o", tmp_path / f"p.{fmt}", "--keep-fields", "all")
    assert r.returncode == 0, r.stderr
    if fmt == "parquet":
        table = pq.read_table(tmp_path / "p.parquet")
        cols, n = table.column_names, table.num_rows
    else:
        lines = (tmp_path / "p.csv").read_text().splitlines()
        cols, n = lines[0].split(","), len(lines) - 1
    assert n == 7 and cols[:3] == ["id", "labels", "primary"]
    assert {"score_gaza", "entities", "url", "lang"} <= set(cols)


def test_parquet_keeps_entities_nested_and_round_trips(tmp_path, trained):
    import pyarrow as pa

    src = write_jsonl(tmp_path / "a.jsonl", corpus(5))
    assert sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.jsonl").returncode == 0
    assert sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.parquet").returncode == 0
    table = pq.read_table(tmp_path / "p.parquet")
    assert table.schema.field("labels").type == pa.list_(pa.string())
    assert table.schema.field("entities").type.value_type.names == [
        "start", "end", "label", "text", "score", "canonical", "topic"]
    jsonl = {json.loads(x)["id"]: json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()}
    for row in table.to_pylist():
        rec = jsonl[row["id"]]
        assert row["labels"] == rec["labels"] and row["score_gaza"] == rec["scores"]["gaza"]
        names = ("start", "end", "label", "text", "score", "canonical", "topic")
        assert row["entities"] == [{k: e.get(k) for k in names} for e in rec["entities"]]


def test_existing_output_needs_resume_or_overwrite(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", corpus(3))
    assert sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.jsonl").returncode == 0
    r = sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.jsonl")
    assert r.returncode == 1 and "add --resume" in r.stderr
    r = sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.jsonl", "--overwrite")
    assert r.returncode == 0 and ids_in(tmp_path / "p.jsonl") == Counter(f"doc-{i}" for i in range(3))
    r = sorot("predict", "--model", tmp_path / "none", src, "-o", tmp_path / "q.jsonl")
    assert r.returncode == 1 and "model folder not found" in r.stderr


def test_partial_last_line_is_repaired(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "lab')
    assert repair_and_read_ids(path) == {"a", "b"}
    assert path.read_text() == '{"id": "a"}\n{"id": "b"}\n'


def test_kill_9_mid_run_then_resume_writes_every_id_exactly_once(tmp_path, trained):
    n = 3000
    src = write_jsonl(tmp_path / "a.jsonl", corpus(n))
    out = tmp_path / "p.jsonl"
    cmd = [sys.executable, "-m", "sorot", "predict", "--model", str(trained[1]), str(src),
           "-o", str(out), "--batch-size", "8", "--sync-every", "8", "--read-ahead", "64"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = sum(ids_in(out).values())
    assert 0 < done < n, "the kill must land mid-run"
    with out.open("a") as f:  # a torn write, as a kill during write() leaves
        f.write('{"id": "doc-999999", "labels": [')
    r = sorot("predict", "--model", trained[1], src, "-o", out, "--resume")
    assert r.returncode == 0, r.stderr
    assert "skipped (already done)" in r.stderr
    counts = ids_in(out)
    assert set(counts) == {f"doc-{i}" for i in range(n)} and set(counts.values()) == {1}


def test_two_processes_shard_and_merge(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", corpus(41) + ["{rusak\n"])
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2",
           "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
           "-m", "sorot", "predict", "--model", str(trained[1]), str(src),
           "-o", str(tmp_path / "p.jsonl"), "--device", "cpu"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "[rank 0]" in r.stderr and "[rank 1]" in r.stderr
    assert ids_in(tmp_path / "p.jsonl") == Counter(f"doc-{i}" for i in range(41))
    assert len((tmp_path / "p.errors.jsonl").read_text().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "p.errors.jsonl", "p.jsonl",
                                                         "p.jsonl.source.json"]
