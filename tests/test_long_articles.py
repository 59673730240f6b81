"""Long articles cost time linear in their length, and a runaway record never stalls a run.

Before the fix, one article that opened a bracketed credit and went on with spaces took
15 s at 80,000 characters and never finished at 1,000,000 (the default ``--max-chars``),
and 100,000 characters of short lines took 5 s: the articles beside them were never
written. The timings themselves live in ``benchmarks/long_articles.py``; these tests
only use generous limits that quadratic code cannot meet.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sorot.inference.time_limit import RecordTimeout

ORDINARY = ["Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.",
            "Hamas membebaskan sandera di Gaza setelah perundingan di Kairo.",
            "Menteri Luar Negeri Iran Abbas Araghchi membahas program nuklir."]
N = 200_000
PATHOLOGICAL = {
    "credit": "Putin tiba di Kyiv.\n(a/" + " " * N + "akhir",
    "reuters": ("(reuters " * (N // 9))[:N],
    "short-lines": "Dunia\nPutin tiba.\n" * (N // 18),
}


def _corpus(path, long_texts: dict[str, str]) -> list[str]:
    rows = [{"id": f"ok{i}", "text": t} for i, t in enumerate(ORDINARY)]
    rows[1:1] = [{"id": k, "text": t} for k, t in long_texts.items()]  # in the middle of the run
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [r["id"] for r in rows]


def _sorot(*args, timeout: float):
    return subprocess.run([sys.executable, "-m", "sorot", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)


def test_200k_character_pathological_articles_finish_and_their_neighbours_are_written(tmp_path):
    ids = _corpus(tmp_path / "in.jsonl", PATHOLOGICAL)
    out = tmp_path / "out.jsonl"
    # no budget: this is about the labeler's own cost (quadratic code took over 100 s here)
    proc = _sorot("weak-label", tmp_path / "in.jsonl", "-o", out, "--max-seconds-per-record", 0,
                  timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in out.open()] == ids


def test_a_record_past_the_time_budget_is_an_error_and_the_run_goes_on(tmp_path):
    # 2 million characters: seconds of honest work, far past a 0.05 s budget
    ids = _corpus(tmp_path / "in.jsonl", {"huge": "Putin tiba di Kyiv. " * 100_000})
    out = tmp_path / "out.jsonl"
    proc = _sorot("weak-label", tmp_path / "in.jsonl", "-o", out, "--max-chars", 3_000_000,
                  "--max-seconds-per-record", 0.05, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in out.open()] == [i for i in ids if i != "huge"]
    (err,) = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").open()]
    assert err["id"] == "huge"
    assert err["reason"] == "took longer than 0.05 s (--max-seconds-per-record): skipped"
    assert "1 bad records" in proc.stdout


# an alarm may land in a gc callback, where Python ignores it; the repeat ends the record
# (test_a_budget_spent_inside_a_del_method_still_ends_the_body), but pytest reports the
# ignored one
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_predict_turns_a_record_past_the_budget_into_an_error(tmp_path, trained):
    from sorot.inference.batch_predict import PredictJob, run_predict
    from sorot.inference.text.readers import ReaderOptions

    ids = _corpus(tmp_path / "in.jsonl", {"huge": "Putin tiba di Kyiv. " * 100_000})
    job = PredictJob(tmp_path / "in.jsonl", tmp_path / "out.jsonl", str(trained[1]), device="cpu",
                     reader=ReaderOptions(max_chars=3_000_000), max_seconds_per_record=0.2,
                     progress=False)
    stats = run_predict(job)
    assert (stats.written, stats.errors) == (len(ids) - 1, 1)
    assert sorted(json.loads(line)["id"] for line in (tmp_path / "out.jsonl").open()) == \
        sorted(i for i in ids if i != "huge")
    (err,) = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").open()]
    assert err["id"] == "huge" and "--max-seconds-per-record" in err["reason"]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the ignored alarm
def test_a_budget_spent_inside_a_del_method_still_ends_the_body():
    """An alarm that fires where Python ignores exceptions (a __del__ method here; in CI a
    gc callback of hypothesis) must not let the record run on: the alarm repeats."""
    import time

    from sorot.inference.time_limit import time_limit

    class SlowToDie:
        def __del__(self):
            time.sleep(0.3)  # the 0.1 s alarm fires here, and its exception is ignored

    start = time.perf_counter()
    with pytest.raises(RecordTimeout), time_limit(0.1):
        SlowToDie()
        while time.perf_counter() - start < 5:  # work the budget must stop
            pass
    assert time.perf_counter() - start < 1


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_body_that_finishes_after_a_swallowed_alarm_is_still_over_budget():
    import time

    from sorot.inference.time_limit import time_limit

    class SlowToDie:
        def __del__(self):
            time.sleep(0.3)

    with pytest.raises(RecordTimeout), time_limit(0.1):
        SlowToDie()  # the only alarm that fires is swallowed; nothing runs after it


def test_a_timeout_is_a_record_error_not_an_os_error():
    # the sinks end the whole run on OSError (a full disk); a slow record must not
    assert not issubclass(RecordTimeout, OSError) and issubclass(RecordTimeout, ValueError)


@pytest.mark.parametrize("line", ["(a/" + " " * N + "x", "(a/b" + " b" * N + "x",
                                  ("(reuters " * N)[:N], "(" + "a/" * N + " x"])
def test_boilerplate_line_rules_on_a_long_line_finish(line):
    """Each of these took quadratic time in one regex (seconds at 20,000 characters)."""
    from sorot.inference.text.boilerplate import find_boilerplate

    proc = subprocess.run([sys.executable, "-c", "import sys; from sorot.inference.text.boilerplate import "
                           "classify_line; classify_line(sys.stdin.read())"], input=line, text=True,
                          timeout=30, capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert find_boilerplate("Putin tiba.\n(ant/abc)")[0].kind == "byline"  # credits still found


def test_the_ray_engine_refuses_a_budget_it_cannot_enforce(tmp_path):
    pytest.importorskip("ray")
    _corpus(tmp_path / "in.jsonl", {})
    proc = _sorot("predict", "--engine", "ray", "--model", tmp_path / "m", tmp_path / "in.jsonl",
                  "-o", tmp_path / "out", "--max-seconds-per-record", 5, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith(
        "sorot: error: --max-seconds-per-record is not enforced under --engine ray")
