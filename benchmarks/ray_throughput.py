"""The Ray engine on one machine: a local Ray with 2 actors of 1 thread each against one
process with 2 threads, on the same documents and the same base-size random-init model.

Prints docs/s for both and Ray's fixed start-up cost (starting Ray, then the actors'
first batch, measured as the run's time less the steady rate's). Needs ``sorot[ray]``.

    python benchmarks/ray_throughput.py              # 128 documents in 8 input files
    python benchmarks/ray_throughput.py --docs 256
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _inference_benchmark():
    """``build`` and ``documents`` of benchmarks/inference.py (the same model and articles),
    loaded from its path: a bare ``import inference`` is what sorot never does."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("sorot_inference_benchmark", HERE / "inference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build, module.documents


def one_process(workdir: Path, texts: list[str]) -> float:
    code = (f"import time, torch, json; torch.set_num_threads(2)\n"
            f"from sorot import Predictor\n"
            f"p = Predictor.from_pretrained({str(workdir / 'sorot')!r}, device='cpu')\n"
            f"texts = json.load(open({str(workdir / 'texts.json')!r}))\n"
            f"p.predict(texts[:4]); t = time.perf_counter(); p.predict(texts, batch_size=32)\n"
            f"print(len(texts) / (time.perf_counter() - t))")
    (workdir / "texts.json").write_text(json.dumps(texts))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def with_ray(workdir: Path, texts: list[str], files: int) -> tuple[float, float, float]:
    """(docs/s over the whole run, Ray's start-up seconds, whole-run seconds)."""
    from sorot.inference.ray_engine import RayJob, run_ray

    inputs = workdir / "in"
    inputs.mkdir()
    per = len(texts) // files
    for f in range(files):
        with (inputs / f"part{f}.jsonl").open("w") as out:
            for i, t in enumerate(texts[f * per:(f + 1) * per]):
                out.write(json.dumps({"id": f"{f}-{i}", "text": t}) + "\n")
    stats = run_ray(RayJob(inputs=[inputs], output=workdir / "out", model=str(workdir / "sorot"),
                           concurrency=2, threads_per_actor=1, rows_per_batch=16))
    return stats.written / stats.seconds, stats.startup_seconds, stats.seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=128)
    ap.add_argument("--files", type=int, default=8)
    args = ap.parse_args()
    build, documents = _inference_benchmark()

    texts = documents(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        build(workdir, texts)
        single = one_process(workdir, texts)
        t = time.perf_counter()
        ray_rate, startup, seconds = with_ray(workdir, texts, args.files)
        total = time.perf_counter() - t
    fixed = max(0.0, seconds - len(texts) / single)  # what Ray adds beyond one process's steady rate
    print(f"{len(texts)} documents, base-size random-init model, 2 CPU threads in all")
    print(f"  one process, 2 threads:     {single:6.2f} docs/s (steady, after warm-up)")
    print(f"  Ray, 2 actors x 1 thread:   {ray_rate:6.2f} docs/s over the run "
          f"(Ray start {startup:.1f} s, run {seconds:.1f} s, wall {total:.1f} s)")
    print(f"  Ray's fixed cost beyond the single process's rate: about {fixed:.1f} s "
          "(actor start-up, model loading per actor, scheduling)")


if __name__ == "__main__":
    main()
