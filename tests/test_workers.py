"""`sorot predict --workers N`: the CPU stages in worker processes, and nothing else changes.

Same bytes out whatever N (bad records, a record that breaks its batch, JSONL and
Parquet); kill -9 of the run, or of one worker, then --resume: every id exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from helpers import sorot, write_jsonl

from sorot.inference import stages
from sorot.inference.batch_predict import PredictJob, run_predict
from sorot.inference.text.readers import ReaderOptions
from sorot.inference.workers import Plan, batches, resolve_workers, windows

SENTENCES = ["Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.",
             "Hamas membebaskan sandera di Gaza setelah perundingan di Kairo.",
             "Menteri Luar Negeri Iran Abbas Araghchi membahas program nuklir.",
             "Harga cabai naik menjelang Lebaran."]
POISON = "RACUN"  # a record whose prepare raises (patched below): it breaks its batch


def _text(i: int) -> str:
    return " ".join(SENTENCES[(i + k) % 4] for k in range(1 + i % 6))


def _folder(tmp_path: Path, n: int) -> Path:
    """``n`` articles as .txt files, one of them not UTF-8 and one poison."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"d{i:04d}.txt").write_text(_text(i) + (f" {POISON}" if i == 7 else ""), encoding="utf-8")
    (folder / "d0100.txt").write_bytes(b"Presiden \xff\xfe tiba.")
    return folder


@pytest.fixture
def poisoned(monkeypatch):
    real = stages.prepare

    def prepare(texts, tokenizer, spec):
        if any(POISON in t for t in texts):
            raise ValueError("poisoned record")
        return real(texts, tokenizer, spec)

    monkeypatch.setattr(stages, "prepare", prepare)  # forked workers inherit it


def _run(src, out, model, workers: int, fmt: str = "jsonl"):
    job = PredictJob(input=src, output=out, model=str(model), progress=False, device="cpu",
                     workers=workers, read_ahead=16, sync_every=4, format=fmt)
    return run_predict(job)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_zero_and_two_workers_write_the_same_bytes(tmp_path, trained, poisoned, fmt):
    src = _folder(tmp_path, 240)
    outs = {}
    for workers in (0, 2):
        out = tmp_path / f"w{workers}" / f"p.{fmt}"
        stats = _run(src, out, trained[1], workers, fmt)
        assert (stats.written, stats.errors) == (238, 2)  # 240 files: one not UTF-8, one poison
        outs[workers] = out
    log = {w: outs[w] if fmt == "jsonl" else outs[w].with_name(outs[w].name + ".log.jsonl") for w in outs}
    assert log[0].read_bytes() == log[2].read_bytes()
    errors = {w: next(outs[w].parent.glob("*errors.jsonl")).read_text() for w in outs}
    assert errors[0] == errors[2]
    reasons = [json.loads(x)["reason"] for x in errors[0].splitlines()]
    assert reasons[0] == "prediction failed: ValueError: poisoned record"  # d0007, in window 0
    assert reasons[1].startswith("invalid UTF-8 at byte 9")  # d0100, in window 6
    if fmt == "parquet":
        assert pq.read_table(outs[0]).to_pylist() == pq.read_table(outs[2]).to_pylist()


def test_windows_are_cut_the_same_in_every_process(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": f"r{i}", "text": _text(i)} for i in range(50)]
                      + ["{rusak\n"])
    plan = Plan(lambda: ReaderOptions().read(src), done=frozenset({"r3"}), read_ahead=16, sync_every=8)
    cut = [(w.index, len(w.articles), len(w.errors), w.skipped) for w in windows(plan)]
    assert cut == [(0, 16, 0, 1), (1, 16, 0, 0), (2, 16, 0, 0), (3, 1, 1, 0)]
    cut = [(b.index, len(b.articles), len(b.errors), b.skipped) for b in batches(plan)]
    assert cut == [(0, 8, 0, 1), (1, 8, 0, 0), (2, 8, 0, 0), (3, 8, 0, 0), (4, 8, 0, 0), (5, 8, 0, 0),
                   (6, 1, 1, 0)]
    longest = next(batches(plan)).articles
    assert [len(a.text) for a in longest] == sorted((len(a.text) for a in longest), reverse=True)
    ranks = [[a.id for w in windows(Plan(plan.read, rank=r, world=2, read_ahead=16)) for a in w.articles]
             for r in (0, 1)]
    assert ranks[0][:3] == ["r0", "r2", "r4"] and ranks[1][:3] == ["r1", "r3", "r5"]


def test_auto_workers_follow_the_device():
    import torch

    assert resolve_workers("auto", torch.device("cpu")) == 0
    assert resolve_workers(3, torch.device("cpu")) == 3
    assert 1 <= resolve_workers("auto", torch.device("cuda")) <= 12


def _start(src, out, model, *extra) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "sorot", "predict", "--model", str(model), str(src), "-o", str(out),
           "--workers", "2", "--sync-every", "4", "--read-ahead", "64", "--no-progress", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_lines(out: Path, n: int, proc: subprocess.Popen) -> None:
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        if out.exists() and out.read_text().count("\n") >= n:
            return
        time.sleep(0.05)
    pytest.fail(f"no {n} lines in {out} (rc {proc.poll()})")


def _children(pid: int) -> list[int]:
    r = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(x) for x in r.stdout.split()]


def _ids(path: Path) -> Counter:
    return Counter(json.loads(x)["id"] for x in path.read_text().splitlines() if x.strip())


@pytest.mark.slow
def test_kill_9_during_a_two_worker_run_then_resume_writes_every_id_once(tmp_path, trained):
    n = 1500
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": f"d{i}", "text": _text(i)} for i in range(n)])
    out = tmp_path / "p.jsonl"
    proc = _start(src, out, trained[1])
    _wait_for_lines(out, 40, proc)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(1.0)
    assert workers and not [w for w in workers if _alive(w)], "workers outlived the killed run"
    done = sum(_ids(out).values())
    assert 0 < done < n, "the kill must land mid-run"
    r = sorot("predict", "--model", trained[1], src, "-o", out, "--workers", "2", "--resume")
    assert r.returncode == 0, r.stderr
    assert _ids(out) == Counter(f"d{i}" for i in range(n))


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize("which", [0, -1])  # the decode process starts first, the prepare workers after
def test_a_worker_that_dies_fails_the_run_in_one_line_and_resume_finishes(tmp_path, trained, which):
    n = 1500
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": f"d{i}", "text": _text(i)} for i in range(n)])
    out = tmp_path / "p.jsonl"
    proc = _start(src, out, trained[1])
    _wait_for_lines(out, 40, proc)
    os.kill(sorted(_children(proc.pid))[which], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1, stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("sorot: error: a worker process died") and "--resume" in last
    assert "Traceback" not in stderr
    r = sorot("predict", "--model", trained[1], src, "-o", out, "--workers", "2", "--resume")
    assert r.returncode == 0, r.stderr
    assert _ids(out) == Counter(f"d{i}" for i in range(n))


def test_the_watchdog_ends_a_run_whose_worker_died_and_whose_reader_hangs():
    code = ("import time, types\n"
            "from sorot.inference.workers import Watchdog\n"
            "w = Watchdog(grace=0.5)\n"
            "w.watch(lambda: [types.SimpleNamespace(pid=4242, exitcode=-9)])\n"
            "time.sleep(30)\n")  # the main thread stuck, as on a half-written batch
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert r.stderr.strip() == ("sorot: error: a worker process died (pid 4242, killed by signal 9); "
                                "every record written so far is kept: run again with --resume to finish")


@pytest.mark.slow
def test_accelerate_launch_with_workers_in_each_process_writes_every_id_once(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": f"d{i}", "text": _text(i)} for i in range(120)])
    two = tmp_path / "two.jsonl"
    launch = [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2",
              "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", "-m", "sorot",
              "predict", "--model", str(trained[1]), str(src), "-o", str(two), "--device", "cpu",
              "--no-progress", "--workers", "1", "--sync-every", "8", "--read-ahead", "16"]
    r = subprocess.run(launch, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert _ids(two) == Counter(f"d{i}" for i in range(120))
    assert all(set(json.loads(x)) >= {"labels", "primary", "scores", "entities"} for x in two.read_text().splitlines())


def test_workers_refuse_standard_input_which_only_one_process_can_read(trained):
    r = subprocess.run([sys.executable, "-m", "sorot", "predict", "--model", str(trained[1]), "-", "-o", "-",
                        "--workers", "2"], input='{"id": "a", "text": "Putin tiba."}\n', capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 1 and "standard input can be read only once" in r.stderr.strip().splitlines()[-1]
    r = subprocess.run([sys.executable, "-m", "sorot", "predict", "--model", str(trained[1]), "-", "-o", "-"],
                       input='{"id": "a", "text": "Putin tiba."}\n', capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and json.loads(r.stdout.splitlines()[0])["id"] == "a"


# ---- Predictor.predict(workers=N): the Python API's prepare in processes ---------------

def test_predictor_predict_with_workers_gives_the_same_results_in_order(trained):
    from sorot.inference import Predictor

    p = Predictor.from_pretrained(trained[1], device="cpu", lookahead=1)
    texts = [_text(i) for i in range(40)]
    alone = p.predict(texts, batch_size=4)
    assert p.predict(texts, batch_size=4, workers=2) == alone  # 10 groups over 2 processes
    lazy = p.predict(iter(texts), batch_size=4, workers=1)  # an iterator stays lazy
    assert not isinstance(lazy, list) and list(lazy) == alone
    assert p(texts[:3], batch_size=4, workers=2) == alone[:3]


def test_predictor_workers_must_be_a_whole_number(trained):
    from sorot.inference import Predictor

    p = Predictor.from_pretrained(trained[1], device="cpu")
    with pytest.raises(ValueError, match="workers must be a whole number >= 0, got -1"):
        p.predict(["Putin tiba."], workers=-1)


def test_a_prepare_process_that_dies_fails_predict_in_one_line(trained, monkeypatch):
    from sorot.inference import Predictor, prepare_pool
    from sorot.inference.workers import WorkerDied

    def die(texts, tokenizer, spec):
        os._exit(3)

    monkeypatch.setattr(prepare_pool, "prepare", die)  # the forked workers inherit it
    p = Predictor.from_pretrained(trained[1], device="cpu", lookahead=1)
    with pytest.raises(WorkerDied, match="a worker process died .*a prepare process"):
        p.predict([_text(i) for i in range(8)], batch_size=2, workers=2)
