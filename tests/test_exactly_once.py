"""Exactly once under every engine, resume that cannot mix, a tokenizer that must fit.

Regression tests for the audit's high items: ``accelerate launch`` wrote every record
twice on a rerun, ``--overwrite`` or a resume with another process count; a refused run
rewrote ``OUT.source.json`` so that the suggested ``--resume`` mixed two inputs; a model
folder without its tokenizer predicted garbage with exit 0; two Ray inputs of one stem
could share an output file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers import write_jsonl

from sorot.inference.run_state import merge_parts, part_files

SENTENCES = ["Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.",
             "Hamas membebaskan sandera di Gaza setelah perundingan di Kairo.",
             "Menteri Luar Negeri Iran Abbas Araghchi membahas program nuklir."]


def corpus(n: int, prefix: str = "doc") -> list[dict]:
    return [{"id": f"{prefix}-{i}", "text": " ".join(SENTENCES[(i + k) % 3] for k in range(1 + i % 3))}
            for i in range(n)]


def ids_in(path: Path) -> Counter:
    return Counter(json.loads(x)["id"] for x in path.read_text().splitlines() if x.strip())


def predict(model, src, out, *flags, processes: int = 1) -> subprocess.CompletedProcess:
    head = [sys.executable, "-m", "sorot"] if processes == 1 else [
        sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes",
        str(processes), "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
        "-m", "sorot"]
    cmd = [*head, "predict", "--model", str(model), str(src), "-o", str(out), "--device", "cpu",
           "--no-progress", *flags]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})


# ---- 1. accelerate launch: one lock, one provenance, an idempotent merge ---------------

@pytest.mark.slow
def test_two_processes_rerun_overwrite_and_resume_never_duplicate(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", corpus(30))
    out = tmp_path / "p.jsonl"
    expected = Counter(f"doc-{i}" for i in range(30))
    assert predict(trained[1], src, out, processes=2).returncode == 0
    rerun = predict(trained[1], src, out, processes=2)  # a plain rerun: refused, nothing added
    assert rerun.returncode == 1 and "add --resume to continue it, or --overwrite" in rerun.stderr
    assert ids_in(out) == expected
    assert predict(trained[1], src, out, "--overwrite", processes=2).returncode == 0
    assert ids_in(out) == expected
    assert predict(trained[1], src, out, "--resume", processes=2).returncode == 0
    assert ids_in(out) == expected
    assert not part_files(out) and not (tmp_path / "p.jsonl.lock").exists()


def _interrupted_two_process_run(tmp_path: Path, src: Path, trained) -> Path:
    """What a 2-process run killed mid-way leaves: a finished output from an earlier run
    is absent, two parts hold some records each, one ends in a torn line."""
    out = tmp_path / "p.jsonl"
    assert predict(trained[1], src, out).returncode == 0
    lines = out.read_text().splitlines(keepends=True)
    out.unlink()
    (tmp_path / "p.part-0-of-2.jsonl").write_text("".join(lines[0:10:2]))
    (tmp_path / "p.part-1-of-2.jsonl").write_text("".join(lines[1:10:2]) + lines[11][:25])
    return out


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 3])
def test_resume_with_another_process_count_finishes_every_id_once(tmp_path, trained, processes):
    src = write_jsonl(tmp_path / "a.jsonl", corpus(24))
    out = _interrupted_two_process_run(tmp_path, src, trained)
    r = predict(trained[1], src, out, "--resume", "--force", processes=processes)
    assert r.returncode == 0, r.stderr[-2000:]
    assert ids_in(out) == Counter(f"doc-{i}" for i in range(24))
    assert not part_files(out)


@pytest.mark.slow
def test_a_multi_process_run_is_refused_while_another_run_holds_the_output(tmp_path, trained):
    src = write_jsonl(tmp_path / "a.jsonl", corpus(12))
    out = tmp_path / "p.jsonl"
    from sorot.inference.run_state import OutputLock

    with OutputLock(out):  # a live single-process run on this output (this test process)
        r = predict(trained[1], src, out, "--resume", processes=2)
        assert r.returncode == 1 and "another sorot run is writing this output" in r.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "p.jsonl.lock"]


def test_merge_is_idempotent_when_killed_between_rename_and_cleanup(tmp_path):
    log = tmp_path / "p.jsonl"
    rows = [json.dumps({"id": f"d{i}"}) + "\n" for i in range(6)]
    log.write_text("".join(rows[:2]))
    parts = [tmp_path / "p.part-0-of-2.jsonl", tmp_path / "p.part-1-of-2.jsonl"]
    parts[0].write_text("".join(rows[1:4]))  # d1 is already in the log
    parts[1].write_text("".join(rows[4:]) + rows[0])
    kept = [p.read_bytes() for p in parts]
    assert merge_parts(log, part_files(log)) == 6 and not part_files(log)
    for p, body in zip(parts, kept):  # killed after the rename, before the parts went
        p.write_bytes(body)
    assert merge_parts(log, part_files(log)) == 6
    assert ids_in(log) == Counter(f"d{i}" for i in range(6))


# ---- 2. a refused run changes nothing on disk ------------------------------------------

def test_a_refused_rerun_leaves_the_provenance_and_the_resume_still_refused(tmp_path, trained):
    first = write_jsonl(tmp_path / "a.jsonl", corpus(6))
    other = write_jsonl(tmp_path / "b.jsonl", corpus(6, "asing"))
    out = tmp_path / "p.jsonl"
    assert predict(trained[1], first, out).returncode == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    refused = predict(trained[1], other, out)
    assert refused.returncode == 1 and "add --resume" in refused.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    resumed = predict(trained[1], other, out, "--resume")  # what the refusal suggested
    assert resumed.returncode == 1 and "resuming would mix two runs" in resumed.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# ---- 3. a tokenizer that does not belong to the model is refused ------------------------

def _without_tokenizer_files(model: Path, dst: Path) -> Path:
    """What a hand-copied folder often is: config, weights and tokenizer_config.json only."""
    shutil.copytree(model, dst)
    for f in dst.iterdir():
        if f.name.startswith(("tokenizer.json", "vocab", "special_tokens")):
            f.unlink()
    return dst


@pytest.mark.parametrize("left", ["tokenizer_config.json", "nothing"])
def test_a_folder_without_its_tokenizer_is_refused_in_one_line(tmp_path, trained, left):
    """Refused before transformers loads. With tokenizer_config.json alone transformers
    built a 5-token stand-in (garbage, exit 0); with nothing, it failed in several lines."""
    broken = _without_tokenizer_files(trained[1], tmp_path / "broken")
    if left == "nothing":
        (broken / "tokenizer_config.json").unlink()
    code = ("import sys\nfrom sorot import Predictor\ntry:\n    Predictor.from_pretrained(sys.argv[1])\n"
            "except Exception as e:\n    print(type(e).__name__, 'transformers.modeling_utils' in sys.modules)\n"
            "    print(e)")
    r = subprocess.run([sys.executable, "-c", code, str(broken)], capture_output=True, text=True, timeout=300)
    assert r.stdout.splitlines() == ["ModelLoadError False", f"{broken} has no tokenizer files (tokenizer.json or "
                                     "vocab.txt): save the tokenizer `sorot train` trained with into the folder "
                                     "(tokenizer.json, vocab.txt…)"]
    src = write_jsonl(tmp_path / "a.jsonl", corpus(3))
    r = predict(broken, src, tmp_path / "p.jsonl")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [f"sorot: error: {broken} has no tokenizer files "
                                             "(tokenizer.json or vocab.txt): save the tokenizer `sorot train` "
                                             "trained with into the folder (tokenizer.json, vocab.txt…)"]
    assert not (tmp_path / "p.jsonl").exists()


def test_a_tokenizer_far_smaller_than_the_embedding_is_refused(tmp_path, trained):
    from tokenizers import Tokenizer
    from tokenizers.models import WordPiece

    from sorot.inference.loading import ModelLoadError
    from sorot.inference.predictor import Predictor

    other = tmp_path / "other"
    shutil.copytree(trained[1], other)
    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])}
    Tokenizer(WordPiece(vocab, unk_token="[UNK]")).save(str(other / "tokenizer.json"))
    with pytest.raises(ModelLoadError, match="the tokenizer has 5 tokens for a model embedding"):
        Predictor.from_pretrained(other, device="cpu")


def test_a_hub_id_without_its_tokenizer_is_refused(tmp_path, trained):
    from helpers import lay_out_hub_cache

    broken = _without_tokenizer_files(trained[1], tmp_path / "broken")
    lay_out_hub_cache(broken, tmp_path / "hub", "org/rusak")
    code = "from sorot import Predictor; Predictor.from_pretrained('org/rusak')"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                       env={**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(tmp_path / "hub")})
    assert r.returncode == 1 and "ModelLoadError" in r.stderr and "has no tokenizer files" in r.stderr


def test_a_tokenizer_larger_than_the_embedding_is_refused(trained):
    from transformers import AutoTokenizer

    from sorot.inference.loading import ModelLoadError, check_tokenizer, load_model

    model, tokenizer = load_model(trained[1])
    bigger = AutoTokenizer.from_pretrained(trained[1])
    bigger.add_tokens([f"kata{i}" for i in range(model.get_input_embeddings().num_embeddings)])
    with pytest.raises(ModelLoadError, match="another model's tokenizer"):
        check_tokenizer(bigger, model, "m")
    check_tokenizer(tokenizer, model, "m")  # its own passes


# ---- 4. Ray output names cannot collide ------------------------------------------------

def test_unit_names_are_full_width_and_a_collision_is_refused(tmp_path, monkeypatch):
    from sorot.inference import ray_engine
    from sorot.models.errors import SorotError

    units = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        units.append(write_jsonl(tmp_path / folder / "berita.jsonl", corpus(1)))
    names = ray_engine.unit_names(units)
    assert len(set(names.values())) == 2 and all(len(n.split("-")[-1]) == 32 for n in names.values())
    monkeypatch.setattr(ray_engine, "unit_name", lambda unit: "berita-sama")
    with pytest.raises(SorotError, match="would write the same output berita-sama"):
        ray_engine.unit_names(units)


@pytest.mark.slow
def test_ray_same_stem_files_in_two_folders_keep_every_record(tmp_path, trained):
    pytest.importorskip("ray")
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        write_jsonl(tmp_path / "in" / folder / "berita.jsonl", corpus(15, folder))
    r = subprocess.run([sys.executable, "-m", "sorot", "predict", "--engine", "ray", "--model",
                        str(trained[1]), str(tmp_path / "in" / "*" / "berita.jsonl"), "-o",
                        str(tmp_path / "out"), "--actors", "1"], capture_output=True, text=True,
                       timeout=900, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    outputs = [p for p in (tmp_path / "out").glob("berita-*.jsonl") if not p.name.endswith("errors.jsonl")]
    assert len(outputs) == 2
    assert sum((ids_in(p) for p in outputs), Counter()) == Counter([*(f"a-{i}" for i in range(15)),
                                                       *(f"b-{i}" for i in range(15))])


# ---- 9, 11, 16. one lock, the kernel's, for every writer of an output --------------------

RACE = """
import sys, time
from pathlib import Path
from sorot.inference.run_state import OutputLock
from sorot.models.errors import SorotError
out, start = Path(sys.argv[1]), float(sys.argv[2])
while time.time() < start:
    time.sleep(0.001)
try:
    with OutputLock(out):
        print("got", flush=True)
        time.sleep(1.5)
except SorotError:
    print("refused", flush=True)
"""


@pytest.mark.parametrize("left_behind", ["dead-process", "empty"])
def test_racing_processes_on_a_stale_lock_only_one_takes_it(tmp_path, left_behind):
    out = tmp_path / "p.jsonl"
    lock = tmp_path / "p.jsonl.lock"
    # what a killed run or a full disk at start leaves: a lock file nobody holds
    lock.write_text(json.dumps({"pid": 999_999_999, "host": os.uname().nodename})
                    if left_behind == "dead-process" else "")
    start = __import__("time").time() + 3  # every process is up and waiting by then
    procs = [subprocess.Popen([sys.executable, "-c", RACE, str(out), str(start)], text=True,
                              stdout=subprocess.PIPE) for _ in range(6)]
    results = sorted(p.communicate(timeout=120)[0].strip() for p in procs)
    assert results == ["got"] + ["refused"] * 5
    assert not lock.exists()


def test_a_second_weak_label_run_on_one_output_is_refused(tmp_path):
    from sorot.inference.run_state import OutputLock
    from sorot.inference.sinks import JsonlSink

    src = write_jsonl(tmp_path / "a.jsonl", corpus(4))
    out = tmp_path / "s.jsonl"
    with OutputLock(out):  # a first run, still writing
        r = subprocess.run([sys.executable, "-m", "sorot", "weak-label", str(src), "-o", str(out)],
                           capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "another sorot run is writing this output" in r.stderr
    assert not out.exists()
    # each run writes its own partial file, and a later run clears what a killed one left
    assert JsonlSink(out, atomic=True)._target != JsonlSink(out, atomic=True)._target
    (tmp_path / ".s.jsonl.123-abcd.partial").write_text('{"id": "torn')
    r = subprocess.run([sys.executable, "-m", "sorot", "weak-label", str(src), "-o", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and ids_in(out) == Counter(f"doc-{i}" for i in range(4))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "s.jsonl"]


def test_a_second_ray_run_on_one_output_folder_is_refused(tmp_path):
    pytest.importorskip("ray")
    from sorot.inference.run_state import OutputLock

    src = write_jsonl(tmp_path / "a.jsonl", corpus(2))
    with OutputLock(tmp_path / "out"):
        r = subprocess.run([sys.executable, "-m", "sorot", "predict", "--engine", "ray", "--model",
                            str(tmp_path / "m"), str(src), "-o", str(tmp_path / "out")],
                           capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "another sorot run is writing this output" in r.stderr


# ---- 7. --resume cannot mix models or kept fields --------------------------------------

def test_resume_refuses_a_model_changed_in_place_or_other_kept_fields(tmp_path, trained):
    model = tmp_path / "model"
    shutil.copytree(trained[1], model)
    rows = [{**r, "url": f"https://contoh.id/{i}"} for i, r in enumerate(corpus(8))]
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    out = tmp_path / "p.jsonl"
    assert predict(model, src, out, "--keep-fields", "url").returncode == 0
    out.write_text("".join(out.read_text().splitlines(keepends=True)[:4]))  # as if interrupted
    other_fields = predict(model, src, out, "--resume")
    assert other_fields.returncode == 1 and "resuming would mix two runs" in other_fields.stderr
    gazetteer = model / "gazetteer.yaml"  # the folder retrained or edited in place
    gazetteer.write_text(gazetteer.read_text() + "\n# edited\n")
    other_model = predict(model, src, out, "--resume", "--keep-fields", "url")
    assert other_model.returncode == 1 and "model_content" in other_model.stderr
    assert len(out.read_text().splitlines()) == 4  # neither refused run wrote a record


# ---- 6, 12. a bad file or row group is error records; the rest is read ------------------

def _parquet_with_a_corrupt_row_group(path: Path, rows: list[dict], group: int = 600) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=group, use_dictionary=False)
    meta = pq.ParquetFile(path).metadata.row_group(1)
    text = next(meta.column(i) for i in range(meta.num_columns) if meta.column(i).path_in_schema == "text")
    with path.open("r+b") as f:  # garble the page header of the second group's text column
        f.seek(text.data_page_offset)
        f.write(b"\xff" * 64)


def test_a_corrupt_parquet_row_group_loses_only_its_rows(tmp_path):
    from sorot.inference.text.article import Article, RecordError
    from sorot.inference.text.readers import read_articles

    rows = corpus(1800)
    _parquet_with_a_corrupt_row_group(tmp_path / "a.parquet", rows)
    records = list(read_articles(tmp_path / "a.parquet"))
    good = [r.id for r in records if isinstance(r, Article)]
    (err,) = [r for r in records if isinstance(r, RecordError)]
    assert good == [r["id"] for r in rows[:600] + rows[1200:]]
    assert err.location == "row group 1 (rows 601-1200)" and "rows 601-1200 skipped" in err.reason


@pytest.mark.slow
def test_ray_bad_files_are_error_records_and_the_other_files_finish(tmp_path, trained):
    pytest.importorskip("ray")
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "baik.jsonl", corpus(20, "baik"))
    _parquet_with_a_corrupt_row_group(tmp_path / "in" / "rusak.parquet", corpus(1300, "pq"))
    # a kept field with a lone surrogate, as JSON escapes allow
    (tmp_path / "in" / "surrogat.jsonl").write_text(
        '{"id": "s1", "text": "Putin tiba di Kyiv.", "url": "\\udc80"}\n'
        '{"id": "s2", "text": "Hamas menolak.", "url": "ok"}\n')
    r = subprocess.run([sys.executable, "-m", "sorot", "predict", "--engine", "ray", "--model",
                        str(trained[1]), str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                        "--actors", "1", "--keep-fields", "url"], capture_output=True, text=True,
                       timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    out = {p.name.split("-")[0]: p for p in (tmp_path / "out").glob("*.jsonl")
           if not p.name.endswith(".errors.jsonl")}
    assert ids_in(out["baik"]) == Counter(f"baik-{i}" for i in range(20))
    assert len(ids_in(out["rusak"])) == 700 and ids_in(out["surrogat"]) == Counter(["s2"])
    errors = [json.loads(x) for p in (tmp_path / "out").glob("*.errors.jsonl") for x in p.open()]
    assert sorted(e.get("location", "") for e in errors)[-1].startswith("row group 1")
    assert any(e.get("id") == "s1" and "lone surrogate" in e["reason"] for e in errors)


# ---- 13. one task that is not valid Unicode never aborts a Label Studio import ----------

def test_a_lone_surrogate_task_is_an_error_and_the_other_tasks_are_imported(tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "labelstudio_export.json"
    tasks = json.loads(fixture.read_text())
    bad = json.loads(json.dumps(tasks[0]))
    bad["id"] = 999
    bad["data"]["text"] = bad["data"]["text"] + " \udc80"  # as a JSON "\\udc80" escape loads
    bad["data"]["id"] = "rusak-unicode"
    (tmp_path / "export.json").write_text(json.dumps([*tasks, bad]))  # ASCII JSON keeps the escape
    clean = subprocess.run([sys.executable, "-m", "sorot", "import-labelstudio", str(fixture), "-o",
                            str(tmp_path / "clean.jsonl")], capture_output=True, text=True, timeout=300)
    r = subprocess.run([sys.executable, "-m", "sorot", "import-labelstudio", str(tmp_path / "export.json"),
                        "-o", str(tmp_path / "gold.jsonl")], capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0 and r.returncode == 0, r.stderr
    assert (tmp_path / "gold.jsonl").read_text() == (tmp_path / "clean.jsonl").read_text()
    (err,) = [json.loads(x) for x in (tmp_path / "gold.errors.jsonl").open()]
    assert "lone surrogate" in err["reason"]


# ---- 15. an output where the input is read is refused -----------------------------------

def test_an_output_inside_the_input_folder_is_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(SENTENCES[0])
    for out in ("docs/silver.txt", "docs/silver.jsonl"):
        r = subprocess.run([sys.executable, "-m", "sorot", "weak-label", "docs", "-o", out],
                           capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert r.returncode == 1 and "inside the input folder" in r.stderr
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["a.txt"]
    r = subprocess.run([sys.executable, "-m", "sorot", "weak-label", "docs", "-o", "silver.jsonl"],
                       capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_a_ray_output_folder_that_is_the_input_folder_is_refused(tmp_path):
    pytest.importorskip("ray")
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "a.jsonl", corpus(2))
    r = subprocess.run([sys.executable, "-m", "sorot", "predict", "--engine", "ray", "--model", "m",
                        "in", "-o", "in"], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert r.returncode == 1 and "sorot: error: the output in is the input in" in r.stderr
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["a.jsonl"]


# ---- 5. Ray redoes what changed, and honours or refuses every flag ----------------------

def _ray(model, inputs, out, *flags):
    return subprocess.run([sys.executable, "-m", "sorot", "predict", "--engine", "ray", "--model",
                           str(model), str(inputs), "-o", str(out), "--actors", "1", *flags],
                          capture_output=True, text=True, timeout=900)


@pytest.mark.slow
def test_ray_redoes_a_file_whose_input_or_model_changed(tmp_path, trained):
    pytest.importorskip("ray")
    model = tmp_path / "model"
    shutil.copytree(trained[1], model)
    (tmp_path / "in").mkdir()
    a = write_jsonl(tmp_path / "in" / "a.jsonl", corpus(6, "a"))
    write_jsonl(tmp_path / "in" / "b.jsonl", corpus(6, "b"))
    out = tmp_path / "out"
    assert _ray(model, tmp_path / "in", out).returncode == 0

    def outputs():
        return {p.name.split("-")[0]: ids_in(p) for p in out.glob("*.jsonl") if not p.name.endswith("errors.jsonl")}

    with a.open("a") as f:  # records appended to one input
        f.write(json.dumps({"id": "a-baru", "text": SENTENCES[0]}) + "\n")
    r = _ray(model, tmp_path / "in", out)
    assert r.returncode == 0 and "1 units predicted, 1 skipped" in r.stdout
    assert outputs()["a"] == Counter([*(f"a-{i}" for i in range(6)), "a-baru"])
    assert "0 units predicted, 2 skipped" in _ray(model, tmp_path / "in", out, "--resume").stdout
    assert outputs()["b"] == Counter(f"b-{i}" for i in range(6))
    # what the next run would redo, asked in-process (each Ray run costs about 20 s here)
    from sorot.inference.ray_engine import RayJob, plan_units

    def todo(**options):
        job = RayJob(inputs=[str(tmp_path / "in")], output=out, model=str(model), **options)
        return [u.name for u in plan_units(job, out)[1]]

    assert todo() == [] and todo(overwrite=True) == ["a.jsonl", "b.jsonl"]
    assert todo(keep_fields=["url"]) == ["a.jsonl", "b.jsonl"]  # another output option
    gazetteer = model / "gazetteer.yaml"  # the model changed in place: every file is redone
    gazetteer.write_text(gazetteer.read_text() + "\n# edited\n")
    assert todo() == ["a.jsonl", "b.jsonl"]


@pytest.mark.parametrize("flags, message", [
    (["--errors", "e.jsonl"], "--errors does not apply under --engine ray"),
    (["--force"], "--force does not apply under --engine ray"),
    (["--sync-every", "8"], "--sync-every does not apply under --engine ray"),
    (["--read-ahead", "8"], "--read-ahead does not apply under --engine ray"),
    (["--workers", "2"], "--workers is for one process: under --engine ray the CPU stages run as Ray tasks"),
    (["--threads", "2"], "--threads is for one process: under --engine ray give --threads-per-actor"),
    (["--device", "cuda"], "give each actor a GPU with --gpus-per-actor"),
    (["--device", "cpu", "--gpus-per-actor", "1"], "--device cpu contradicts --gpus-per-actor")])
def test_ray_refuses_a_flag_it_cannot_honour(tmp_path, flags, message):
    src = write_jsonl(tmp_path / "a.jsonl", corpus(1))
    r = _ray(tmp_path / "m", src, tmp_path / "out", *flags)
    assert r.returncode == 1 and message in r.stderr.strip().splitlines()[-1]


# ---- 8. model-folder files cost what their size says, and no more ----------------------

def _names_sharing_a_first_word(n: int) -> str:
    people = [{"name": f"Muhammad Nama{i} Keluarga{i}", "type": "OFFICIAL", "role": "Menteri",
               "conflicts": ["gaza"], "aliases": [f"Muhammad Nama{i}"]} for i in range(n)]
    return json.dumps({"people": people})


def test_big_lexicons_of_names_sharing_a_first_word_load_in_linear_time(tmp_path):
    """3.6 MB of names sharing "Muhammad" and 1 MB of topic cues sharing a first word each
    took over 900 s to load (the phrase table re-sorted on every insertion)."""
    (tmp_path / "gaz.json").write_text(_names_sharing_a_first_word(40_000))
    topics = {"topics": {"ceasefire": [f"serangan jenis{i} baru" for i in range(40_000)]}}
    (tmp_path / "topics.json").write_text(json.dumps(topics))
    assert (tmp_path / "gaz.json").stat().st_size > 3_000_000
    code = ("import sys; from sorot.inference.text.gazetteer import Gazetteer; from sorot.inference.text.topics import "
            "TopicLexicon; from sorot.inference.text.phrases import Document; g = Gazetteer.load(sys.argv[1]); "
            "t = TopicLexicon.load(sys.argv[2]); d = Document.from_text('Muhammad Nama39999 tiba. ' * 2000); "
            "print(len(g.find(d)), len(t.find(Document.from_text('serangan jenis7 baru'))))")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "gaz.json"), str(tmp_path / "topics.json")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == ["2000", "1"]


def test_a_data_file_that_never_ends_is_refused_at_once(tmp_path):
    from sorot.inference.text.gazetteer import Gazetteer, GazetteerError

    os.symlink("/dev/zero", tmp_path / "gaz.yaml")  # size 0 on disk, endless to read
    with pytest.raises(GazetteerError, match="not a regular file"):
        Gazetteer.load(tmp_path / "gaz.yaml")


@pytest.mark.parametrize("damage", ["gazetteer-to-dev-zero", "index-to-dev-zero", "huge-tokenizer",
                                    "link-out-of-the-folder"])
def test_a_model_folder_with_files_of_no_real_limit_is_refused(tmp_path, trained, damage):
    from sorot.inference.loading import ModelLoadError, load_model

    model = tmp_path / "m"
    shutil.copytree(trained[1], model)
    if damage == "gazetteer-to-dev-zero":
        (model / "gazetteer.yaml").unlink()
        os.symlink("/dev/zero", model / "gazetteer.yaml")
        expected = "leads out of the model folder"
    elif damage == "index-to-dev-zero":
        (model / "model.safetensors.index.json").write_text(json.dumps({"weight_map": {"w": "/dev/zero"}}))
        expected = "which is not a file of the folder"
    elif damage == "huge-tokenizer":
        with (model / "tokenizer.json").open("r+b") as f:
            f.truncate(300_000_000)  # sparse: no real disk used
        expected = "over the limit of 200,000,000 for a tokenizer or index file"
    else:
        (tmp_path / "secret.txt").write_text("rahasia")
        os.symlink(tmp_path / "secret.txt", model / "vocab.txt")
        expected = "leads out of the model folder"
    with pytest.raises(ModelLoadError, match=expected):
        load_model(model)


# ---- 14. Ray input listing: absolute globs, and folders of .txt and JSONL together -------

def test_ray_units_of_a_mixed_folder_and_an_absolute_glob(tmp_path):
    from sorot.inference.ray_engine import input_units

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCES[0])
    write_jsonl(tmp_path / "in" / "b.jsonl", corpus(2))
    (tmp_path / "in" / "catatan.md").write_text("bukan masukan")
    # the .txt files as one unit (the folder), and the JSONL beside them, no longer dropped
    assert input_units([tmp_path / "in"]) == [tmp_path / "in", tmp_path / "in" / "b.jsonl"]
    assert input_units([str(tmp_path / "in" / "*.jsonl")]) == [tmp_path / "in" / "b.jsonl"]


@pytest.mark.parametrize("world", ["2", "1"])
def test_a_launched_rank_leaves_without_interpreter_teardown(tmp_path, world):
    """gloo's threads can abort a rank in Python's teardown after a run that succeeded
    (SIGABRT, seen twice in CI on a two-process --resume): a rank under a launcher ends
    before teardown, its output complete and its last lines flushed; a plain run tears
    down as usual."""
    src = write_jsonl(tmp_path / "a.jsonl", corpus(3))
    out = tmp_path / "w.jsonl"
    script = ("import atexit, sys, torch.distributed\n"
              "atexit.register(lambda: print('TEARDOWN', flush=True))\n"
              "from sorot.cli import main\n"
              f"code = main(['weak-label', {str(src)!r}, '-o', {str(out)!r}])\n"
              "print('RETURNED', code, flush=True)\n")
    env = {**os.environ, "WORLD_SIZE": world, "PYTHONUNBUFFERED": "1"}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr
    assert ids_in(out) == Counter(f"doc-{i}" for i in range(3))
    assert "weak-label: 3 written to" in run.stdout + run.stderr  # flushed before leaving
    if world == "2":
        assert "TEARDOWN" not in run.stdout and "RETURNED" not in run.stdout
    else:
        assert run.stdout.splitlines()[-2:] == ["RETURNED 0", "TEARDOWN"]
