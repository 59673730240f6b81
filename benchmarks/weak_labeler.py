"""How fast the weak labeler labels real articles, on one core.

    taskset -c 0 python benchmarks/weak_labeler.py [--rounds 5] [--corpus ../shared/corpus]
        [--batch-memory] [--empty-gazetteer]

Labels every article of ``dev.jsonl`` and ``raw.jsonl`` ``--rounds`` times after one
warm-up pass and prints articles per second for each round and their median. To compare
two versions of the rules, run it on each, alternating, in the same minute: machines are
noisy, so only ratios of nearby runs mean anything. ``--batch-memory`` also times the
articles as one batch with the batch memory, alternating with each alone in every round
(``--empty-gazetteer``: with no gazetteer, where the memory finds the most).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from sorot.inference.text.gazetteer import Gazetteer
from sorot.training.weak.batch_memory import label_batch
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
    ap.add_argument("--batch-memory", action="store_true", help="also time the articles as one batch")
    ap.add_argument("--empty-gazetteer", action="store_true", help="label with no gazetteer")
    args = ap.parse_args()
    texts = articles(args.corpus)
    labeler = WeakLabeler.load()
    if args.empty_gazetteer:
        labeler = WeakLabeler(Gazetteer([]), labeler.topics, labeler.roles, labeler.evidence)
    labeler.warm_up()
    for text in texts:  # first use fills the word-frequency cache
        labeler.label(text)
    ways = {"each alone": lambda: [labeler.label(t) for t in texts]}
    if args.batch_memory:
        ways["one batch, with the memory"] = lambda: label_batch(labeler, texts)
    rates: dict[str, list[float]] = {way: [] for way in ways}
    for k in range(args.rounds):
        for way, run in ways.items():
            start = time.perf_counter()
            run()
            rates[way].append(len(texts) / (time.perf_counter() - start))
        print(f"round {k + 1}: " + ", ".join(f"{way} {r[-1]:.0f}" for way, r in rates.items()) + " articles/s")
    for way, r in rates.items():
        what = "weak labeler" if way == "each alone" else f"weak labeler, {way}"
        print(f"{what}: {statistics.median(r):.0f} articles/s (median of {args.rounds}, {len(texts)} articles)")

if __name__ == "__main__":
    main()
