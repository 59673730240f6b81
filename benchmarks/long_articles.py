"""Seconds and peak memory for very long articles: every text step must be linear.

For each shape of long article that scraped dumps hold (plain sentences, one line
without breaks, an open bracketed credit followed by whitespace, repeated "(reuters "
captions, one long word, ``\\r``-only line ends, many short lines) and each size
(10k, 100k, 1M characters), it times ``weak-label`` (the weak labeler) and ``predict``
(a random-init tiny sorot model: the point is the CPU text work, not the model) on
one core, and prints the ratio time(1M) / time(100k): about 10 for linear work,
about 100 for quadratic. Each (tool, shape) runs in its own process pinned to one
core; peak memory is that process's peak resident set (VmHWM) after each size,
sizes run smallest first.

    python benchmarks/long_articles.py                      # 10k, 100k, 1M characters
    python benchmarks/long_articles.py --sizes 10000 100000 --tools weak-label

Targets: ratio <= 12 for every shape, and every 1M-character article weak-labelled
in under 30 s on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Sergei Lavrov di Moskow pada Senin. "


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


SHAPES = {
    "plain sentences": lambda n: _repeat(SENTENCE * 4 + "\n\n", n),
    "one line": lambda n: _repeat(SENTENCE, n),
    "open credit + spaces": lambda n: "Putin tiba di Kyiv.\n(a/" + " " * (n - 25) + "akhir",
    "repeated (reuters": lambda n: _repeat("(reuters ", n),
    "one long word": lambda n: "Putin " + "a" * (n - 6),
    "\\r line ends": lambda n: _repeat(SENTENCE + "\r", n),
    "many short lines": lambda n: _repeat("Dunia\nPutin tiba.\n", n),
}
TOOLS = ("weak-label", "predict")


def _peak_mib() -> float:
    status = Path("/proc/self/status").read_text().splitlines()
    return next(int(x.split()[1]) for x in status if x.startswith("VmHWM:")) / 1024


def _make_model(folder: Path) -> None:
    from sorot.models import SorotConfig, SorotModel
    from sorot.training.tiny import tiny_backbone_config, train_wordpiece

    tok = train_wordpiece([SENTENCE, "Dunia reuters Kyiv akhir"] * 10)
    SorotModel(SorotConfig(backbone_config=tiny_backbone_config(len(tok)).to_dict(),
                           window_length=128, window_stride=32)).save_pretrained(folder)
    tok.save_pretrained(folder)


def _labeller(tool: str, model: str):
    if tool == "weak-label":
        from sorot.training.weak.labeler import WeakLabeler

        return WeakLabeler.load().label
    import torch

    from sorot.inference.predictor import Predictor

    torch.set_num_threads(1)
    return Predictor.from_pretrained(model, device="cpu").predict


def child(tool: str, shape: str, sizes: list[int], model: str) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    run = _labeller(tool, model)
    run("Putin tiba di Kyiv.")  # warm-up: lazy tables and first-call costs
    for n in sizes:
        text = SHAPES[shape](n)
        start = time.perf_counter()
        run(text)
        print(json.dumps({"n": n, "seconds": time.perf_counter() - start, "peak_mib": _peak_mib()}),
              flush=True)


def _measure(tool: str, shape: str, sizes: list[int], model: Path) -> dict[int, dict]:
    r = subprocess.run([sys.executable, __file__, "--child", tool, shape, str(model),
                        *map(str, sizes)], capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"{tool} on {shape!r} failed:\n{r.stderr[-2000:]}")
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    return {row["n"]: row for row in rows}


def _report(tool: str, shape: str, res: dict[int, dict], sizes: list[int]) -> float | None:
    cells = " | ".join(f"{n // 1000}k: {res[n]['seconds']:6.2f} s {res[n]['peak_mib']:5.0f} MiB"
                       for n in sizes)
    ratio = None
    if 100_000 in res and 1_000_000 in res:
        ratio = res[1_000_000]["seconds"] / max(res[100_000]["seconds"], 1e-6)
    tail = f" | ratio 1M/100k {ratio:5.1f}" if ratio is not None else ""
    print(f"{tool:<10} {shape:<22} {cells}{tail}", flush=True)
    return ratio


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS))
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        tool, shape, model, *sizes = args.child
        return child(tool, shape, [int(s) for s in sizes], model)
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "model"
        if "predict" in args.tools:
            _make_model(model)
        ratios, slowest = {}, {}
        for tool in args.tools:
            for shape in SHAPES:
                res = _measure(tool, shape, sizes, model)
                ratios[(tool, shape)] = _report(tool, shape, res, sizes)
                slowest[tool] = max(slowest.get(tool, 0.0), res[sizes[-1]]["seconds"])
    for tool in args.tools:
        known = [r for (t, _), r in ratios.items() if t == tool and r is not None]
        if known:
            print(f"{tool}: worst ratio time(1M)/time(100k) {max(known):.1f} (target <= 12)")
        print(f"{tool}: slowest {sizes[-1]:,}-character article {slowest[tool]:.2f} s on one core"
              + (" (target < 30 s)" if tool == "weak-label" else ""))


if __name__ == "__main__":
    main()
