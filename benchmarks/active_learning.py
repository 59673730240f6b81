"""Active learning on the dev gold: which articles make an annotation hour count?

A simulation of the loop `sorot export-labelstudio --select K --by STRATEGY` drives:

* dev gold is split once (seeded) into a fixed **test third**, never selected nor
  trained on, and a **pool**; a small **seed set** is drawn from the pool;
* every model trains the ``tiny`` preset on silver labels (the weak labeler over the
  shared corpus's unlabelled ``raw.jsonl``, always the same) plus the gold selected so far;
* each round, each strategy picks ``K`` more pool articles with the previous round's
  model (``uncertainty``, ``disagreement`` with the weak labeler, or ``random``), their
  gold joins its training set, the model is retrained from scratch, and it is scored on
  the test third.

    python benchmarks/active_learning.py                       # 3 rounds of 8, seed 8
    python benchmarks/active_learning.py --rounds 2 --k 6 --epochs 8

The tiny model is trained from scratch, so absolute scores are low and noisy (one
training seed per cell); read the columns side by side, not as model quality. Needs
``../shared/corpus`` (dev gold and raw articles).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import tempfile
from pathlib import Path

from sorot.training.corpus import shared_corpus
from sorot.training.records import load_annotated
from sorot.training.scoring import score
from sorot.training.selection import STRATEGIES, select


def train(workdir: Path, gold: list[dict], silver: Path, epochs: int, seed: int) -> Path:
    """The tiny model on silver plus ``gold`` (gold weighted 3, as the README's recipe)."""
    from transformers import TrainingArguments

    from sorot.training.arguments import DataArguments, ModelArguments
    from sorot.training.run import run_training

    workdir.mkdir(parents=True, exist_ok=True)
    gold_file = workdir / "gold.jsonl"
    gold_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold), encoding="utf-8")
    args = TrainingArguments(output_dir=str(workdir / "run"), per_device_train_batch_size=4, learning_rate=3e-3,
                             save_strategy="no", report_to="none", use_cpu=True, disable_tqdm=True, seed=seed,
                             logging_strategy="no", num_train_epochs=epochs)
    data = DataArguments(train=[str(silver), str(gold_file)], source_weights=[1.0, 3.0])
    return run_training(ModelArguments(backbone="tiny"), data, args)[0]


def scores(model: Path, test: dict[str, dict]) -> tuple[float, float, object]:
    from sorot import Predictor

    p = Predictor.from_pretrained(model, device="cpu")
    report = score(test, p.predict_records(test))
    return report["articles"]["micro"]["f1"], report["entities"]["micro"]["f1"], p


def silver_file(corpus: Path, out: Path) -> Path:
    from sorot.training.weak.labeler import WeakLabeler

    labeler = WeakLabeler.load()
    rows = [json.loads(line) for line in (corpus / "raw.jsonl").read_text(encoding="utf-8").splitlines()]
    out.write_text("".join(json.dumps(labeler.label(r["text"], str(r["id"])), ensure_ascii=False) + "\n"
                           for r in rows), encoding="utf-8")
    return out


def pick(strategy: str, predictor, pool: list[dict], k: int, seed: int, weak) -> list[dict]:
    preds = list(predictor.predict_records({r["id"]: r for r in pool}).values())
    weak_preds = [weak.label(r["text"], r["id"]) for r in pool] if strategy == "disagreement" else None
    chosen = select(preds, k, strategy, thresholds=dict(predictor.decode_spec.thresholds), weak=weak_preds,
                    seed=seed)
    return [pool[i] for i, _ in chosen]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--k", type=int, default=8, help="articles selected per round")
    ap.add_argument("--seed-size", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    corpus = shared_corpus()
    if corpus is None:
        raise SystemExit("needs ../shared/corpus (dev.jsonl and raw.jsonl)")
    from sorot.training.weak.labeler import WeakLabeler

    weak = WeakLabeler.load()
    gold = list(load_annotated(corpus / "dev.jsonl").values())
    random.Random(args.seed).shuffle(gold)
    cut = len(gold) // 3
    test = {r["id"]: r for r in gold[:cut]}
    pool, seed_set = gold[cut + args.seed_size:], gold[cut:cut + args.seed_size]
    print(f"dev gold: {len(gold)} articles; test {len(test)} (fixed), seed {len(seed_set)}, pool {len(pool)}; "
          f"silver: weak labels of raw.jsonl; tiny model, {args.epochs} epochs; k = {args.k} per round")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        silver = silver_file(corpus, tmp / "silver.jsonl")
        art, ent, predictor = scores(train(tmp / "seed", seed_set, silver, args.epochs, args.seed), test)
        print(f"{'round':>5} {'gold':>4}  " + "  ".join(f"{s:>22}" for s in STRATEGIES))
        print(f"{0:>5} {len(seed_set):>4}  " + "  ".join(f"art {art:.3f} ent {ent:.3f}".rjust(22) for _ in STRATEGIES))
        state = {s: (list(seed_set), list(pool), predictor) for s in STRATEGIES}
        for rnd in range(1, args.rounds + 1):
            cells = []
            for s in STRATEGIES:
                train_set, left, pred = state[s]
                chosen = pick(s, pred, left, args.k, args.seed + rnd, weak)
                ids = {r["id"] for r in chosen}
                train_set, left = train_set + chosen, [r for r in left if r["id"] not in ids]
                art, ent, pred = scores(train(tmp / f"{s}-{rnd}", train_set, silver, args.epochs, args.seed), test)
                state[s] = (train_set, left, pred)
                cells.append(f"art {art:.3f} ent {ent:.3f}".rjust(22))
            print(f"{rnd:>5} {len(state[STRATEGIES[0]][0]):>4}  " + "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
