"""One error path for every subcommand: `sorot: error: …` on one line, exit 1 (2 for
usage), no traceback unless -v; plus stdin/stdout, --version, `python -m sorot`, env."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import write_jsonl

from sorot.inference.text.resources import data_path

ARTICLE = "Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina."


def sorot(*args, stdin: str | None = None, cwd=None):
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TQDM_DISABLE": "1"}
    return subprocess.run([sys.executable, "-m", "sorot", *map(str, args)], capture_output=True,
                          text=True, env=env, input=stdin, timeout=300, cwd=cwd)


def one_error_line(r: subprocess.CompletedProcess) -> str:
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sorot: error: "), r.stderr
    return lines[0]


def test_missing_input(tmp_path):
    line = one_error_line(sorot("weak-label", tmp_path / "nope.jsonl", "-o", tmp_path / "o.jsonl"))
    assert line == f"sorot: error: input not found: {tmp_path / 'nope.jsonl'}"


def test_unknown_input_format(tmp_path):
    (tmp_path / "a.xml").write_text("<a/>")
    line = one_error_line(sorot("build-dataset", tmp_path / "a.xml", "-o", tmp_path / "d"))
    assert "unknown input format '.xml'" in line


@pytest.mark.parametrize("command", ["predict", "export-labelstudio", "evaluate"])
def test_missing_model(tmp_path, command):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    args = {"predict": ["predict", "--model", tmp_path / "no-model", src, "-o", tmp_path / "o.jsonl"],
            "export-labelstudio": ["export-labelstudio", src, "-o", tmp_path / "t.json",
                                   "--model", tmp_path / "no-model"],
            "evaluate": ["evaluate", "--gold", data_path("samples/gold.jsonl"),
                         "--model", tmp_path / "no-model"]}[command]
    line = one_error_line(sorot(*args))
    assert line == f"sorot: error: model folder not found: {tmp_path / 'no-model'}"


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "not a Label Studio JSON export"),
    ('{"tasks": []}', "a Label Studio JSON export is a list of tasks, not a JSON dict"),
    ('[1, "x", {"data": 3}]', "no record could be processed; see "),
])
def test_malformed_labelstudio_export(tmp_path, content, reason):
    (tmp_path / "export.json").write_text(content)
    line = one_error_line(sorot("import-labelstudio", tmp_path / "export.json", "-o", tmp_path / "g.jsonl"))
    assert reason in line


def test_bad_gazetteer(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    (tmp_path / "gaz.yaml").write_text("- name: Someone\n  type: KING\n  aliases: [Someone]\n")
    line = one_error_line(sorot("weak-label", src, "-o", tmp_path / "o.jsonl", "--gazetteer",
                                tmp_path / "gaz.yaml"))
    assert "gaz.yaml" in line


def test_bad_training_data(tmp_path):
    line = one_error_line(sorot("train", "--backbone", "tiny", "--train", tmp_path / "nothing",
                                "--output-dir", tmp_path / "run", "--use-cpu"))
    assert "not a dataset folder" in line


@pytest.mark.parametrize("flags, says", [
    (["--train", "nothing"], "nothing: not a dataset folder from `sorot build-dataset` nor a .jsonl file"),
    (["--train", "gone.jsonl"], "gone.jsonl: no such file"),
    (["--train", "gold.jsonl", "--dev-gold", "gone.jsonl"], "--dev-gold gone.jsonl: no such file"),
    (["--train", "gold.jsonl", "--tune-gold", "gone.jsonl"], "--tune-gold gone.jsonl: no such file"),
])
def test_train_refuses_a_missing_source_before_any_model_code_loads(tmp_path, flags, says):
    (tmp_path / "gold.jsonl").write_text(data_path("samples/gold.jsonl").read_text())
    assert one_error_line(sorot("train", "--backbone", "tiny", *flags, "--output-dir", "run", "--use-cpu",
                                cwd=tmp_path)) == f"sorot: error: {says}"
    code = ("import sys\nfrom sorot.training.arguments import parse_train_args\ntry:\n"
            "    parse_train_args(sys.argv[1:])\nexcept Exception as e:\n"
            "    print(type(e).__name__, 'transformers.modeling_utils' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code, "--backbone", "tiny", *flags, "--output-dir", "run"],
                       capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert r.stdout.split() == ["TrainingDataError", "False"]


def test_a_backbone_that_cannot_load_is_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "gold.jsonl").write_text(data_path("samples/gold.jsonl").read_text())
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(tmp_path / "hub")}
    for backbone in ("org/not-cached", "empty"):
        r = subprocess.run([sys.executable, "-m", "sorot", "train", "--backbone", backbone, "--train",
                            "gold.jsonl", "--output-dir", "run", "--use-cpu"], capture_output=True, text=True,
                           cwd=tmp_path, env=env, timeout=300)
        assert one_error_line(r).startswith(f"sorot: error: could not load the backbone {backbone}: ")


def test_usage_errors_exit_2_without_traceback(tmp_path):
    for args in (["weak-label"], ["predict", "--model"], ["weak-label", "x", "-o", "y", "--frobnicate"],
                 ["predict", "--model", "m", "x", "-o", "y", "--dtype", "fp8"]):
        r = sorot(*args)
        assert r.returncode == 2 and "Traceback" not in r.stderr, (args, r.stderr)
        assert "error:" in r.stderr.strip().splitlines()[-1]


def test_verbose_shows_the_traceback(tmp_path):
    r = sorot("-v", "weak-label", tmp_path / "nope.jsonl", "-o", tmp_path / "o.jsonl")
    assert r.returncode == 1 and "Traceback" in r.stderr and "InputNotFoundError" in r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith("sorot: error: input not found")


def test_unexpected_errors_say_so_and_point_to_verbose(capsys):
    from sorot.cli import _report_error

    assert _report_error(KeyError("k"), verbose=False) == 1
    assert capsys.readouterr().err == ("sorot: error: unexpected KeyError: 'k' "
                                       "(run again with -v for the traceback)\n")


def test_stdin_and_stdout(tmp_path):
    lines = json.dumps({"id": "a", "text": ARTICLE}) + "\n{bad json\n"
    r = sorot("weak-label", "-", "-o", "-", stdin=lines)
    assert r.returncode == 0, r.stderr
    (pred,) = [json.loads(x) for x in r.stdout.splitlines()]  # results only: summary on stderr
    assert pred["id"] == "a" and pred["labels"] == ["russia_ukraine"]
    err = [json.loads(x) for x in r.stderr.splitlines() if x.startswith("{")]
    assert [(e["source"], e["location"]) for e in err] == [("<stdin>", "line 2")]
    assert "weak-label: 1 written to <stdout>; 1 bad records in <stderr>" in r.stderr
    assert not (tmp_path / "-").exists()


def test_predict_reads_stdin_and_writes_stdout(trained, tmp_path):
    r = sorot("predict", "--model", trained[1], "-", "-o", "-",
              stdin=json.dumps({"id": "a", "text": ARTICLE}) + "\n", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (row,) = [json.loads(x) for x in r.stdout.splitlines()]
    assert row["id"] == "a" and not list(tmp_path.iterdir())
    line = one_error_line(sorot("predict", "--model", trained[1], "-", "-o", "-", "--resume", stdin=""))
    assert "--resume and --format csv/parquet need an output file" in line


def test_quiet_silences_information(trained, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}])
    loud = sorot("predict", "--model", trained[1], src, "-o", tmp_path / "a.jsonl")
    quiet = sorot("predict", "-q", "--model", trained[1], src, "-o", tmp_path / "b.jsonl")
    assert loud.returncode == quiet.returncode == 0
    assert "predictions in" in loud.stderr and "predictions in" not in quiet.stderr
    assert quiet.stdout.startswith("1 done, 0 skipped")  # the summary is a result: it stays


def test_version_module_and_env():
    import sorot as pkg

    r = sorot("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"sorot {pkg.__version__}"
    r = sorot("env")
    assert r.returncode == 0
    keys = [line.split(":")[0] for line in r.stdout.splitlines()]
    assert keys[:3] == ["- sorot", "- torch", "- transformers"]
    assert "- CUDA available" in keys and "- CPU bf16" in keys
