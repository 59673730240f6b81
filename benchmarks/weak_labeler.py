"""How fast the weak labeler labels real articles, on one core.

    taskset -c 0 python benchmarks/weak_labeler.py [--rounds 5] [--corpus ../shared/corpus]

Labels every article of ``dev.jsonl`` and ``raw.jsonl`` ``--rounds`` times after one
warm-up pass and prints articles per second for each round and their median. To compare
two versions of the rules, run it on each, alternating, in the same minute: machines are
noisy, so only ratios of nearby runs mean anything.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from sorot.training.weak.labeler import WeakLabeler


def articles(corpus: Path) -> list[str]:
    texts = []
    for name in ("dev.jsonl", "raw.jsonl"):
        with (corpus / name).open(encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus")
    args = ap.parse_args()
    texts = articles(args.corpus)
    labeler = WeakLabeler.load().warm_up()
    for text in texts:  # first use fills the word-frequency cache
        labeler.label(text)
    rates = []
    for k in range(args.rounds):
        start = time.perf_counter()
        for text in texts:
            labeler.label(text)
        rates.append(len(texts) / (time.perf_counter() - start))
        print(f"round {k + 1}: {rates[-1]:.0f} articles/s")
    print(f"weak labeler: {statistics.median(rates):.0f} articles/s (median of {args.rounds}, "
          f"{len(texts)} articles)")


if __name__ == "__main__":
    main()
