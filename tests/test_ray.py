"""`sorot predict --engine ray` on a local Ray (2 CPUs), a tiny model and a few hundred
records over several input files, run as a user runs it. Skipped without Ray."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from helpers import write_jsonl

pytest.importorskip("ray")
pytestmark = pytest.mark.slow

SENTENCES = ["Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.",
             "Hamas membebaskan sandera di Gaza setelah perundingan di Kairo.",
             "Menteri Luar Negeri Iran Abbas Araghchi membahas program nuklir.",
             "Harga cabai naik menjelang Lebaran, kata pedagang di Jakarta."]


def sorot(*args, **kw):
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TQDM_DISABLE": "1"}
    return subprocess.run([sys.executable, "-m", "sorot", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=900, **kw)


def make_inputs(folder: Path, files: int, per_file: int) -> int:
    folder.mkdir()
    n = 0
    for f in range(files):
        rows = [{"id": f"f{f}-{i}", "text": " ".join(SENTENCES[(i + k) % 4] for k in range(1 + i % 3)),
                 "url": f"u{i}"} for i in range(per_file)]
        n += len(rows)
        if f == 0:
            rows.append("{rusak\n")  # one bad record
        if f == files - 1:
            import csv

            with (folder / f"c{f}.csv").open("w", newline="") as out:
                w = csv.DictWriter(out, fieldnames=["id", "text", "url"])
                w.writeheader()
                w.writerows(rows)
        else:
            write_jsonl(folder / f"j{f}.jsonl", rows)
    return n


def records(folder: Path, suffix: str = ".jsonl") -> list[dict]:
    return [json.loads(x) for p in sorted(folder.glob(f"*{suffix}")) if not p.name.endswith(".errors.jsonl")
            for x in p.read_text().splitlines() if x.strip()]


def comparable(rec: dict) -> str:
    rec = {**rec, "scores": {k: round(v, 3) for k, v in rec["scores"].items()},
           "entities": [{**e, "score": round(e["score"], 3)} for e in rec["entities"]]}
    return json.dumps(rec, sort_keys=True, ensure_ascii=False)


def test_ray_output_equals_single_process_and_bad_records_land_in_errors(tmp_path, trained):
    n = make_inputs(tmp_path / "in", files=3, per_file=80)
    r = sorot("predict", "--engine", "ray", "--model", trained[1], tmp_path / "in", "-o", tmp_path / "out",
              "--keep-fields", "url")
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"{n} done, 1 failed, 3 units predicted" in r.stdout
    ray_out = records(tmp_path / "out")
    # the reference: each file through the one-process engine, run in this process (three
    # more CLI runs would each spend about 8 s importing transformers)
    from sorot.inference.batch_predict import PredictJob, run_predict

    single = []
    for src in sorted((tmp_path / "in").iterdir()):
        out = tmp_path / "single" / f"{src.stem}.jsonl"
        run_predict(PredictJob(input=src, output=out, model=str(trained[1]), keep_fields=["url"], workers=0,
                               progress=False))
        single += records(out.parent)
    single = [json.loads(x) for x in {comparable(s) for s in single}]
    assert Counter(map(comparable, ray_out)) == Counter(map(comparable, single))
    (err_file,) = (tmp_path / "out").glob("j0-*.errors.jsonl")
    (err,) = [json.loads(x) for x in err_file.read_text().splitlines()]
    assert err["location"] == "line 81" and err["reason"].startswith("malformed JSON")


def test_killed_then_rerun_every_id_exactly_once(tmp_path, trained):
    n = make_inputs(tmp_path / "in", files=6, per_file=40)
    cmd = [sys.executable, "-m", "sorot", "predict", "--engine", "ray", "--model", str(trained[1]),
           str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--actors", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline and not finished(tmp_path / "out"):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and the local Ray it started
    proc.wait()
    done_before = len(finished(tmp_path / "out"))
    assert 0 < done_before <= 6  # on a fast machine the kill may land after the last file
    r = sorot("predict", "--engine", "ray", "--model", trained[1], tmp_path / "in", "-o", tmp_path / "out",
              "--actors", "1")
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"{6 - done_before} units predicted, {done_before} skipped (already done)" in r.stdout
    assert Counter(rec["id"] for rec in records(tmp_path / "out")) == Counter(
        f"f{f}-{i}" for f in range(6) for i in range(40))
    assert len(records(tmp_path / "out")) == n


def test_a_crash_mid_file_leaves_only_partial_files_which_a_rerun_replaces(tmp_path, trained):
    make_inputs(tmp_path / "in", files=4, per_file=20)
    args = ("predict", "--engine", "ray", "--model", trained[1], tmp_path / "in", "-o", tmp_path / "out",
            "--actors", "1")
    assert sorot(*args).returncode == 0
    # what a crash leaves: two units' outputs not yet renamed, one of them half written
    for out in finished(tmp_path / "out")[:2]:
        partial = out.with_name(f".{out.name}.partial")
        partial.write_text("".join(out.read_text().splitlines(keepends=True)[:7]) + '{"id": "f0-')
        out.unlink()
    r = sorot(*args)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "2 units predicted, 2 skipped (already done)" in r.stdout
    assert Counter(rec["id"] for rec in records(tmp_path / "out")) == Counter(
        f"f{f}-{i}" for f in range(4) for i in range(20))
    assert not list((tmp_path / "out").glob(".*.partial"))


def finished(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("*.jsonl") if not p.name.endswith(".errors.jsonl"))


def test_parquet_output_round_trips_with_nested_types_on_the_onnx_int8_backend(tmp_path, exported):
    """Also the Ray engine on ONNX Runtime: the actors load the folder's onnx/ export."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    make_inputs(tmp_path / "in", files=2, per_file=30)
    r = sorot("predict", "--engine", "ray", "--model", exported, tmp_path / "in", "-o", tmp_path / "out",
              "--format", "parquet", "--quantize", "int8", "--actors", "1")
    assert r.returncode == 0, r.stderr[-3000:]
    tables = [pq.read_table(p) for p in sorted((tmp_path / "out").glob("*.parquet"))]
    assert sum(t.num_rows for t in tables) == 60
    for t in tables:
        assert t.schema.field("entities").type == pa.list_(pa.struct([
            ("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()), ("text", pa.string()),
            ("score", pa.float64()), ("canonical", pa.string()), ("topic", pa.string())]))
        assert t.schema.field("labels").type == pa.list_(pa.string())
    rows = [row for t in tables for row in t.to_pylist()]
    assert all(row["n_entities"] == len(row["entities"]) for row in rows)
    assert all(isinstance(e["start"], int) and isinstance(e["label"], str) for row in rows for e in row["entities"])
    assert any(row["entities"] for row in rows)
    source = json.loads(next((tmp_path / "out").glob("*.parquet.source.json")).read_text())
    assert source["backend"] == "onnx" and source["quantize"] == "int8"


def test_the_cpu_stages_load_no_torch_and_prepare_as_the_predictor_does(trained):
    """Each Ray CPU worker reads config.json and tokenizer.json as the ONNX backend does:
    0.5 s and 46 MiB a worker here, where transformers' config and tokenizer took 3.5 s
    and 264 MiB, with the same windows, passes and decode settings as the predictor's."""
    import numpy as np

    from sorot.inference.decode import DecodeSpec
    from sorot.inference.predictor import Predictor
    from sorot.inference.ray_stages import _cpu_side

    prepare, decode_spec, _ = _cpu_side(str(trained[1]), None, 32, 8192, False)
    predictor = Predictor.from_pretrained(trained[1], device="cpu")
    assert prepare.keywords["spec"] == predictor.prepare_spec
    assert decode_spec == DecodeSpec.of(predictor.config)
    texts = [" ".join(SENTENCES[: k + 1]) * (k + 1) for k in range(4)]
    ours, theirs = prepare(texts), predictor.prepare(texts)
    assert ours.passes == theirs.passes
    assert all(np.array_equal(a, b) for pa, pb in zip(ours.inputs, theirs.inputs) for a, b in zip(pa, pb))
    code = (f"import sys; from sorot.inference.ray_stages import _cpu_side; _cpu_side({str(trained[1])!r}, None, "
            "32, 8192, False); print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.stdout.strip() == "[]", r.stderr[-2000:]


def test_a_cluster_left_running_is_joined_only_when_named_and_a_token_it_asks_for_is_explained(
        tmp_path, trained):
    """Without --ray-address or RAY_ADDRESS, sorot starts its own local Ray, as documented:
    ray.init() alone joins the cluster `ray start --head` left on the machine, and refused
    the CPUs sorot asks for ("When connecting to an existing cluster, num_cpus and
    num_gpus must not be provided"). Named, the cluster is joined, and the summary says
    which. The head starts where an earlier local Ray left a token (~/.ray/auth_token), so
    Ray 2.59+ turns token authentication on: a driver given its address sends no token
    unless RAY_AUTH_MODE=token, and Ray then said only "Failed to connect"."""
    import secrets
    import socket
    import tempfile

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tmp_path / "home"
    (home / ".ray").mkdir(parents=True)
    (home / ".ray" / "auth_token").write_text(secrets.token_hex(32))
    # a Ray folder of its own, so that no other test's Ray is the one `auto` finds
    ray_tmp = Path(tempfile.mkdtemp(prefix="r", dir="/tmp"))  # short: Ray's socket paths
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("RAY_ADDRESS", "RAY_AUTH"))},
           "HOME": str(home), "RAY_TMPDIR": str(ray_tmp)}
    head = subprocess.Popen([str(Path(sys.executable).with_name("ray")), "start", "--head", "--block",
                             f"--port={port}", "--num-cpus=2", "--include-dashboard=false",
                             "--disable-usage-stats"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        latest = ray_tmp / "ray" / "ray_current_cluster"  # where ray.init() looks for a cluster to join
        deadline = time.time() + 120
        while time.time() < deadline and not (latest.exists() and latest.read_text().strip().endswith(f":{port}")):
            time.sleep(0.2)
        named = latest.read_text().strip()
        assert named.endswith(f":{port}"), "the head did not start"
        make_inputs(tmp_path / "in", files=2, per_file=5)

        def run(out, *flags, **more_env):
            return subprocess.run([sys.executable, "-m", "sorot", "predict", "--engine", "ray", "--model",
                                   str(trained[1]), str(tmp_path / "in"), "-o", str(tmp_path / out),
                                   "--actors", "1", *flags], capture_output=True, text=True,
                                  env={**env, **more_env}, timeout=900)

        r = run("local")
        assert r.returncode == 0, r.stderr[-3000:]
        assert "10 done, 1 failed, 2 units predicted" in r.stdout and "on a local Ray started" in r.stdout
        # Ray retries a refused connection for 20 s; 2 s say the same (a test's knob only)
        r = run("named", "--ray-address", named, RAY_gcs_server_port_wait_time_s="2")
        assert r.returncode == 1 and r.stderr.strip().splitlines()[-1] == (
            f"sorot: error: could not join the Ray at {named}: it asks for a token, which Ray sends to a "
            "named address only with RAY_AUTH_MODE=token: set it, with the cluster's token in "
            "~/.ray/auth_token or RAY_AUTH_TOKEN (`ray get-auth-token` on the head prints it), or on the "
            "head node give --ray-address auto")
        for flags, more_env in [(["--ray-address", named], {"RAY_AUTH_MODE": "token"}),
                                (["--ray-address", "auto", "--overwrite"], {})]:
            r = run("named", *flags, **more_env)
            assert r.returncode == 0, r.stderr[-3000:]
            assert "10 done, 1 failed, 2 units predicted, 0 skipped" in r.stdout
            assert f"on the Ray at {named})" in r.stdout
    finally:
        os.killpg(head.pid, signal.SIGKILL)  # the head and every process `ray start` began
        head.wait(timeout=60)
        shutil.rmtree(ray_tmp, ignore_errors=True)
