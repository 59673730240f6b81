"""Peak memory of `sorot predict` for 1k and 10k documents: it must not grow with corpus size.

Each size runs in a fresh subprocess that calls the batch script in-process and reports
its own peak resident memory (VmHWM). The model is a random-init tiny sorot model: the
point is the batch script's memory, not the model's.

    python benchmarks/predict_memory.py                 # 1,000 and 10,000 documents
    python benchmarks/predict_memory.py --sizes 1000 20000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = ["Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.",
             "Hamas membebaskan sandera di Gaza setelah perundingan di Kairo.",
             "Menteri Luar Negeri Iran Abbas Araghchi membahas program nuklir.",
             "Harga cabai naik menjelang Lebaran, kata pedagang di Jakarta."]


def make_model(folder: Path) -> None:
    from sorot.models import SorotConfig, SorotModel
    from sorot.training.tiny import tiny_backbone_config, train_wordpiece

    tok = train_wordpiece(SENTENCES * 10)
    SorotModel(SorotConfig(backbone_config=tiny_backbone_config(len(tok)).to_dict(),
                           window_length=128, window_stride=32)).save_pretrained(folder)
    tok.save_pretrained(folder)


def make_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(SENTENCES[(i + k) % 4] for k in range(2 + i % 7))
            f.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")


def child(model: str, corpus: str, out: str) -> None:
    from sorot.cli import main as sorot

    start = time.perf_counter()
    rc = sorot(["predict", "--model", model, corpus, "-o", out, "--no-progress"])
    hwm = next(int(x.split()[1]) for x in Path("/proc/self/status").read_text().splitlines()
               if x.startswith("VmHWM:"))
    print(json.dumps({"rc": rc, "peak_mib": hwm / 1024, "seconds": time.perf_counter() - start}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        make_model(tmp / "model")
        peaks = {}
        for n in args.sizes:
            make_corpus(tmp / f"{n}.jsonl", n)
            r = subprocess.run([sys.executable, __file__, "--child", str(tmp / "model"),
                                str(tmp / f"{n}.jsonl"), str(tmp / f"{n}.out.jsonl")],
                               capture_output=True, text=True)
            if r.returncode:
                sys.exit(f"the {n}-document run failed:\n{r.stderr[-2000:]}")
            res = json.loads(r.stdout.strip().splitlines()[-1])
            peaks[n] = res["peak_mib"]
            print(f"{n:>7,} documents: peak RSS {res['peak_mib']:6.0f} MiB, "
                  f"{n / res['seconds']:6.0f} docs/s (rc {res['rc']})")
        lo, hi = min(peaks), max(peaks)
        print(f"peak RSS ratio {hi:,} vs {lo:,} documents: {peaks[hi] / peaks[lo]:.3f}")


if __name__ == "__main__":
    main()
