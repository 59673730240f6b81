"""How fast ``sorot predict``'s CPU side is, alone and with worker processes.

On the real articles of ``../shared/corpus`` (replicated to ``--docs`` records, ids made
unique) it runs the batch job in this process, ``run_predict`` as ``sorot predict`` does:

* with a **stub encoder** (correctly shaped tag logits and window vectors at almost no
  cost, with about one word in six tagged so that decoding has spans to build), so
  that only the CPU side is timed, at ``--workers 0, 1, 2`` (and 4, 8, 12 where the
  machine has the cores);
* with the **tiny** model (the ``tiny`` preset's shape, random weights) at the same
  worker counts;

and prints, one per line, docs/s and CPU milliseconds per article (all processes), the
scaling of 2 workers against 0, the same for the Python API (``Predictor.predict(texts,
workers=N)``, stub encoder), the stage breakdown with no workers, whether every
output is byte-identical across worker counts, and the time from launching
``sorot predict`` to its first forward pass (tiny model, a subprocess).

    python benchmarks/pipeline.py                   # CPU, this machine
    python benchmarks/pipeline.py --device cuda     # base-size backbone on a GPU, with
                                                    # GPU utilisation at 0, 4, 8, 12 workers

Throughput counts from the first record read to the last line written (model loading
is the start-up line's business). A benchmark, not a test: compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import torch


def documents(n: int) -> list[str]:
    from sorot.inference.text.resources import data_path
    from sorot.training.corpus import shared_corpus

    corpus = shared_corpus()
    paths = [corpus / "dev.jsonl", corpus / "raw.jsonl"] if corpus else [data_path("samples/articles.jsonl")]
    texts = [json.loads(line)["text"] for p in paths for line in p.open(encoding="utf-8")]
    return (texts * (n // len(texts) + 1))[:n]


def build_model(folder: Path, texts: list[str], size: str) -> Path:
    """A random-init sorot model: ``tiny`` (the preset's shape), ``stub`` (tiny, but with
    the production window of 512) or ``base`` (IndoBERT-base shape)."""
    from transformers import BertConfig

    from sorot.inference.text.resources import data_path
    from sorot.models import SorotConfig, SorotModel
    from sorot.training.tiny import TINY_WINDOW_LENGTH, TINY_WINDOW_STRIDE, tiny_backbone_config, train_wordpiece

    window, stride = (TINY_WINDOW_LENGTH, TINY_WINDOW_STRIDE) if size == "tiny" else (512, 128)
    tok = train_wordpiece(texts, vocab_size=8000)
    tok.model_max_length = window
    torch.manual_seed(0)
    backbone = BertConfig(vocab_size=len(tok)) if size == "base" else tiny_backbone_config(len(tok))
    backbone.max_position_embeddings = max(window, 512 if size == "base" else window)
    model = SorotModel(SorotConfig(backbone_config=backbone.to_dict(), window_length=window,
                                   window_stride=stride))
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    for name in ("gazetteer.yaml", "topics.yaml"):
        shutil.copy(data_path(name), folder / name)
    return folder


def stub_encoder(self, input_ids, attention_mask, token_type_ids=None):
    """``(W, L, T)`` logits that tag about one word in six, and ``(W, H)`` zero vectors."""
    tags = input_ids % 41
    tags = torch.where(tags < self.config.num_tags, tags, torch.zeros_like(tags))
    logits = torch.nn.functional.one_hot(tags, self.config.num_tags).float() * 5
    return logits, logits.new_zeros((input_ids.shape[0], self.config.hidden_size))


class GpuSampler:
    """GPU utilisation from ``nvidia-smi``, sampled every 200 ms while a run lasts."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self.proc = subprocess.Popen(["nvidia-smi", "--query-gpu=utilization.gpu", "--format=csv,noheader,nounits",
                                      "-lms", "200"], stdout=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.strip().split(",")[0].strip().isdigit():
                self.samples.append(float(line.split(",")[0]))

    def stop(self) -> float:
        self.proc.terminate()
        return sum(self.samples) / len(self.samples) if self.samples else float("nan")


def run(src: Path, out: Path, model: Path, workers: int, device: str, n: int, gpu: bool = False) -> dict:
    from sorot.inference.batch_predict import PredictJob, run_predict

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time()
    sampler = GpuSampler() if gpu else None
    stats = run_predict(PredictJob(input=src, output=out, model=str(model), device=device, workers=workers,
                                   progress=False, overwrite=True, max_seconds_per_record=None))
    util = sampler.stop() if sampler else None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert stats.written == n, f"{stats.written} of {n} written"
    return {"docs_s": n / stats.pipeline_seconds, "cpu_ms": (time.process_time() - cpu + children) / n * 1000,
            "stages": {k: v / n * 1000 for k, v in stats.stage_seconds.items()}, "gpu": util,
            "bytes": out.read_bytes()}


def api_run(model: Path, texts: list[str], workers: int, device: str) -> dict:
    """``Predictor.predict(texts, workers=N)``, the Python API's own prepare processes."""
    from sorot.inference import Predictor

    p = Predictor.from_pretrained(model, device=device)
    start = time.perf_counter()
    preds = p.predict(texts, workers=workers)
    return {"docs_s": len(texts) / (time.perf_counter() - start), "preds": preds}


def startup(src: Path, model: Path, device: str, workdir: Path) -> float:
    """Seconds from launching ``sorot predict`` to its first forward pass (its ``-v`` log)."""
    start = time.time()
    r = subprocess.run([sys.executable, "-m", "sorot", "-v", "predict", "--model", str(model), str(src),
                        "-o", str(workdir / "startup.jsonl"), "--device", device, "--overwrite", "--no-progress"],
                       capture_output=True, text=True, timeout=600)
    m = re.search(r"first forward pass at ([0-9.]+)", r.stderr)
    if r.returncode or not m:
        raise SystemExit(f"sorot predict failed or logged no first forward:\n{r.stderr[-2000:]}")
    return float(m.group(1)) - start


def worker_counts(device: str) -> list[int]:
    if device.startswith("cuda"):
        return [0, 4, 8, 12]
    cores = os.cpu_count() or 1
    return [w for w in (0, 1, 2, 4, 8, 12) if w <= max(2, cores)]


def report(name: str, results: dict[int, dict]) -> None:
    for w, r in results.items():
        gpu = f", GPU {r['gpu']:.0f}% busy" if r["gpu"] is not None else ""
        cores = r["docs_s"] * r["cpu_ms"] / 1000  # how many cores the run kept busy
        print(f"{name} workers={w}: {r['docs_s']:.0f} docs/s, {r['cpu_ms']:.2f} ms CPU/doc "
              f"({cores:.2f} cores busy){gpu}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--device", default="cpu")
    args = ap.parse_args()
    torch.set_num_threads(1 if args.device == "cpu" else torch.get_num_threads())
    workdir = Path(tempfile.mkdtemp(prefix="sorot-pipeline-"))
    texts = documents(args.docs)
    src = workdir / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{k}", "text": t}) + "\n" for k, t in enumerate(texts)))
    counts = worker_counts(args.device)
    gpu = args.device.startswith("cuda")
    identical = []
    if not gpu:
        from sorot.models.modeling import SorotModel

        stub = build_model(workdir / "stub", texts, "stub")
        real = SorotModel.encode_windows
        SorotModel.encode_windows = stub_encoder  # forked workers inherit it; they never call it
        try:
            cpu = {w: run(src, workdir / f"stub-{w}.jsonl", stub, w, "cpu", args.docs) for w in counts}
            api = {w: api_run(stub, texts, w, "cpu") for w in (0, 2)}
        finally:
            SorotModel.encode_windows = real
        identical.append(len({r["bytes"] for r in cpu.values()}) == 1)
        report("cpu-side", cpu)
        print(f"cpu-side scaling 2 vs 0 workers: {cpu[2]['docs_s'] / cpu[0]['docs_s']:.2f}x")
        print(f"python api (stub) Predictor.predict: {api[0]['docs_s']:.0f} docs/s with workers=0, "
              f"{api[2]['docs_s']:.0f} with workers=2 ({api[2]['docs_s'] / api[0]['docs_s']:.2f}x), "
              f"same results: {'yes' if api[0]['preds'] == api[2]['preds'] else 'no'}")
        s = cpu[0]["stages"]
        other = cpu[0]["cpu_ms"] - s["prepare"] - s["decode"] - s["write"]
        print(f"stage breakdown (ms/doc): prepare {s['prepare']:.2f}, decode {s['decode']:.2f}, "
              f"write {s['write']:.2f}, other {other:.2f}")
    model = build_model(workdir / ("base" if gpu else "tiny"), texts, "base" if gpu else "tiny")
    full = {w: run(src, workdir / f"model-{w}.jsonl", model, w, args.device, args.docs, gpu) for w in counts}
    identical.append(len({r["bytes"] for r in full.values()}) == 1)
    report("base-size model" if gpu else "tiny model", full)
    print(f"outputs identical across worker counts: {'yes' if all(identical) else 'no'}")
    print(f"startup to first forward: {startup(src, model, args.device, workdir):.2f} s")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
