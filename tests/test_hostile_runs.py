"""The numbered defects of the hostile-input report, each as a regression test run the way
a user runs sorot: no input destroyed, no record stuck, no model running its own code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from helpers import write_jsonl

GOOD = "Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina."


def sorot(*args, **kw):
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TQDM_DISABLE": "1"}
    return subprocess.run([sys.executable, "-m", "sorot", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=600, **kw)


def corpus(path: Path, n: int, start: int = 0) -> Path:
    return write_jsonl(path, [{"id": f"d{i}", "text": GOOD, "n": i} for i in range(start, start + n)])


def ids_in(path: Path) -> Counter:
    return Counter(json.loads(x)["id"] for x in path.read_text().splitlines() if x.strip())


# 1. the input is sacred
@pytest.mark.parametrize("how", ["same", "hardlink", "symlink"])
def test_an_output_that_is_the_input_is_refused_before_writing(tmp_path, trained, how):
    src = corpus(tmp_path / "in.jsonl", 3)
    before = src.read_bytes()
    out = {"same": src, "hardlink": tmp_path / "hard.jsonl", "symlink": tmp_path / "soft.jsonl"}[how]
    if how == "hardlink":
        os.link(src, out)
    elif how == "symlink":
        os.symlink(src, out)
    for args in (["weak-label", src, "-o", out],
                 ["predict", "--model", trained[1], src, "-o", out, "--overwrite"]):
        r = sorot(*args)
        assert r.returncode == 1 and "writing it would destroy the input" in r.stderr, r.stderr
        assert src.read_bytes() == before


def test_a_failed_weak_label_run_leaves_the_old_output_whole(tmp_path):
    out = tmp_path / "out.jsonl"
    assert sorot("weak-label", corpus(tmp_path / "a.jsonl", 2), "-o", out).returncode == 0
    before = out.read_bytes()
    r = sorot("weak-label", tmp_path / "a.jsonl", "-o", out, "--gazetteer", tmp_path / "missing.yaml")
    assert r.returncode == 1 and out.read_bytes() == before
    assert not list(tmp_path.glob(".*partial"))


# 2. one poison record never stops a run, and --resume always makes progress
def test_poison_record_midway_then_resume_finishes_every_record(tmp_path):
    rows = [json.dumps({"id": f"d{i}", "text": GOOD}) + "\n" for i in range(2001)]
    rows[1500] = '{"id": "\\ud800", "text": "x"}\n'
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    r = sorot("weak-label", src, "-o", tmp_path / "out.jsonl")
    assert r.returncode == 0, r.stderr
    assert len(ids_in(tmp_path / "out.jsonl")) == 2000
    (err,) = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert err["location"] == "line 1501" and err["id"] == "\\ud800"


def test_predict_with_poison_records_and_a_non_utf8_file_name(tmp_path, trained):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(GOOD)
    Path(os.fsdecode(bytes(docs) + b"/b-\xff.txt")).write_text(GOOD)
    r = sorot("predict", "--model", trained[1], docs, "-o", tmp_path / "p.jsonl")
    assert r.returncode == 0, r.stderr
    assert ids_in(tmp_path / "p.jsonl") == Counter(["a"])
    (err,) = [json.loads(x) for x in (tmp_path / "p.errors.jsonl").read_text().splitlines()]
    assert err["id"] == "b-\\udcff" and err["reason"].startswith("id is not valid Unicode")


# 3. loading never runs code
@pytest.mark.parametrize("file", ["config.json", "tokenizer_config.json"])
def test_a_model_that_declares_auto_map_is_refused(tmp_path, trained, file):
    model = tmp_path / "model"
    shutil.copytree(trained[1], model)
    data = json.loads((model / file).read_text())
    data["auto_map"] = {"AutoTokenizer": ["evil.EvilTokenizer", None]}
    (model / file).write_text(json.dumps(data))
    (model / "evil.py").write_text("open('PWNED', 'w').write('ran')\n")
    r = sorot("predict", "--model", model, "-", "-o", "-", input="", cwd=tmp_path)
    assert r.returncode == 1 and f"{file} declares auto_map" in r.stderr
    assert not (tmp_path / "PWNED").exists()


def test_a_yaml_alias_bomb_gazetteer_is_refused_at_once(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi"))
    (tmp_path / "gaz.yaml").write_text(bomb + "people: *i\n")
    start = time.perf_counter()
    r = sorot("weak-label", corpus(tmp_path / "a.jsonl", 1), "-o", tmp_path / "o.jsonl",
              "--gazetteer", tmp_path / "gaz.yaml")
    assert r.returncode == 1 and "YAML aliases (*name) are not allowed" in r.stderr
    assert time.perf_counter() - start < 60


# 4. resume is safe: a lock, and provenance
def test_two_runs_on_one_output_the_second_is_refused(tmp_path, trained):
    src = corpus(tmp_path / "in.jsonl", 600)
    out = tmp_path / "p.jsonl"
    first = subprocess.Popen([sys.executable, "-m", "sorot", "predict", "--model", str(trained[1]),
                              str(src), "-o", str(out), "--sync-every", "4"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while not (tmp_path / "p.jsonl.lock").exists() and time.time() < deadline:
        time.sleep(0.05)
    second = sorot("predict", "--model", trained[1], src, "-o", out, "--resume")
    first.communicate(timeout=600)
    assert first.returncode == 0
    assert second.returncode == 1 and "another sorot run is writing this output" in second.stderr
    assert ids_in(out) == Counter(f"d{i}" for i in range(600))
    assert not (tmp_path / "p.jsonl.lock").exists()


def test_resume_against_another_input_is_refused_unless_forced(tmp_path, trained):
    out = tmp_path / "p.jsonl"
    assert sorot("predict", "--model", trained[1], corpus(tmp_path / "a.jsonl", 3), "-o", out).returncode == 0
    other = corpus(tmp_path / "b.jsonl", 3, start=100)
    r = sorot("predict", "--model", trained[1], other, "-o", out, "--resume")
    assert r.returncode == 1 and "resuming would mix two runs" in r.stderr
    assert ids_in(out) == Counter(f"d{i}" for i in range(3))
    r = sorot("predict", "--model", trained[1], other, "-o", out, "--resume", "--force")
    assert r.returncode == 0 and len(ids_in(out)) == 6


# 6. --keep-fields takes the union of the columns
def test_keep_fields_in_csv_output_keeps_every_value(tmp_path, trained):
    rows = [{"id": "d0", "text": GOOD}] + [{"id": f"d{i}", "text": GOOD, "url": f"u{i}"}
                                           for i in range(1, 10)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    r = sorot("predict", "--model", trained[1], src, "-o", tmp_path / "p.csv", "--keep-fields", "url")
    assert r.returncode == 0, r.stderr
    import csv

    got = {row["id"]: row["url"] for row in csv.DictReader((tmp_path / "p.csv").open())}
    assert got == {"d0": "", **{f"d{i}": f"u{i}" for i in range(1, 10)}}
    assert (tmp_path / "p.csv.errors.jsonl").exists() is False  # its own name per format


# 8. exit codes say when a run failed
def test_predict_fails_when_nothing_succeeds_or_too_many_fail(tmp_path, trained):
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": f"x{i}", "text": ""} for i in range(3)])
    r = sorot("predict", "--model", trained[1], bad, "-o", tmp_path / "p.jsonl")
    assert r.returncode == 1 and "no record could be processed" in r.stderr
    mixed = write_jsonl(tmp_path / "m.jsonl", [{"id": "g", "text": GOOD}, {"id": "b", "text": ""}])
    r = sorot("predict", "--model", trained[1], mixed, "-o", tmp_path / "q.jsonl", "--max-error-rate", "0.2")
    assert r.returncode == 1 and "1 of 2 records failed (50.0%)" in r.stderr
    assert ids_in(tmp_path / "q.jsonl") == Counter(["g"])  # the run finished all the same


# 11. known failures are one line, whatever the command
def test_a_full_disk_is_one_line(tmp_path):
    r = sorot("weak-label", corpus(tmp_path / "a.jsonl", 2), "-o", "/dev/full")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines()[-1] == "sorot: error: [Errno 28] No space left on device"


# 12. repairing a damaged output keeps every good line and names the bad one
def test_resume_repairs_a_damaged_middle_line(tmp_path, trained):
    src = corpus(tmp_path / "in.jsonl", 5)
    out = tmp_path / "p.jsonl"
    assert sorot("predict", "--model", trained[1], src, "-o", out).returncode == 0
    lines = out.read_text().splitlines(keepends=True)
    lines[2] = '{"id": "d2", "labels": [\n'  # a torn record in the middle
    out.write_text("".join(lines))
    r = sorot("predict", "--model", trained[1], src, "-o", out, "--resume")
    assert r.returncode == 0, r.stderr
    assert f"{out} line 3: not a prediction record; moved to" in r.stderr
    assert ids_in(out) == Counter(f"d{i}" for i in range(5))
    (moved,) = [json.loads(x) for x in (tmp_path / "p.damaged.jsonl").read_text().splitlines()]
    assert moved["line"] == 3 and moved["content"].startswith('{"id": "d2"')


# 13. export-labelstudio reports what it leaves out
def test_export_labelstudio_reports_bad_records(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": GOOD}, "{rusak\n"])
    r = sorot("export-labelstudio", src, "-o", tmp_path / "tasks.json")
    assert r.returncode == 0 and "1 bad records written to" in r.stderr
    assert len(json.loads((tmp_path / "tasks.json").read_text())) == 1
    (err,) = [json.loads(x) for x in (tmp_path / "tasks.json.errors.jsonl").read_text().splitlines()]
    assert err["location"] == "line 2" and err["reason"].startswith("malformed JSON")


# 10. import-labelstudio never crashes on a malformed export
def test_import_labelstudio_rejects_bad_spans_and_ids_and_imports_the_rest(tmp_path):
    def task(tid, start, end, label="LEADER", text=None, **value):
        return {"id": tid, "data": {"id": tid, "text": GOOD}, "annotations": [{"id": 1, "result": [
            {"id": "r", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": start, "end": end, "labels": [label],
                       **({"text": text} if text is not None else {}), **value}}]}]}

    tasks = [task("ok", 15, 29, text="Vladimir Putin"), task("far", 0, 10000),
             task("shifted", 16, 30, text="Vladimir Putin"), task("ok", 15, 29),
             task("person", 15, 29, label="PERSON"), {"data": {"text": GOOD}, "annotations": []},
             "not a task", {"id": 9}]
    (tmp_path / "export.json").write_text(json.dumps(tasks))
    r = sorot("import-labelstudio", tmp_path / "export.json", "-o", tmp_path / "gold.jsonl")
    assert r.returncode == 0, r.stderr
    assert ids_in(tmp_path / "gold.jsonl") == Counter(["ok"])
    errors = {e["location"]: e["reason"] for e in
              map(json.loads, (tmp_path / "gold.errors.jsonl").read_text().splitlines())}
    assert errors["task 2"] == "span [0, 10000) is outside a text of 66 characters"
    assert errors["task 3"].startswith("span [16, 30) holds 'ladimir Putin ', but Label Studio says")
    assert errors["task 4"] == "duplicate id 'ok': an earlier task has it"
    assert errors["task 5"].startswith("unknown label 'PERSON'")
    assert errors["task 6"] == "no id in data.id nor in the task"
    assert errors["task 7"] == errors["task 8"] == "not a Label Studio task (no data object)"


# 14. a small training set trains
def test_build_dataset_and_train_on_three_articles(tmp_path):
    src = corpus(tmp_path / "a.jsonl", 3)
    r = sorot("build-dataset", src, "-o", tmp_path / "ds", "--validation-fraction", "0.5")
    assert r.returncode == 0, r.stderr
    r = sorot("train", "--backbone", "tiny", "--train", tmp_path / "ds", "--output-dir", tmp_path / "run",
              "--max-steps", "1", "--report-to", "none", "--use-cpu", "--disable-tqdm", "true")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "run" / "model" / "model.safetensors").exists()
