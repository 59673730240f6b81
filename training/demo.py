"""``sorot demo``: the whole pipeline on the embedded default data, end to end.

1. weak-label the shipped sample articles (plus ``../shared/corpus/raw.jsonl`` when
   that folder is present);
2. build the silver dataset from them;
3. score the weak labeler on gold: ``../shared/corpus/dev.jsonl`` when present,
   else the shipped hand-annotated samples;
4. train the ``tiny`` preset on the silver data (CPU, about a minute), tune its
   thresholds and score it on the same gold;
5. show its predictions on two sample articles.

Everything lands in ``--output`` (default ``runs/demo``). The tiny model is a
pipeline demo: real quality needs a pretrained IndoBERT trained on a GPU.
"""

from __future__ import annotations

import argparse
import itertools
import os
from pathlib import Path

from inference.resources import data_path


def shared_corpus() -> Path | None:
    """The shared real corpus folder, if there is one (``$SOROT_CORPUS`` or ``../shared/corpus``)."""
    candidates = [os.environ.get("SOROT_CORPUS"), "../shared/corpus",
                  Path(__file__).resolve().parents[2] / "shared" / "corpus"]
    for c in candidates:
        if c and (Path(c) / "dev.jsonl").exists():
            return Path(c)
    return None


def demo_inputs() -> tuple[list[Path], Path]:
    """Raw inputs to weak-label, and the gold file to score on."""
    corpus = shared_corpus()
    raw = [data_path("samples/articles.jsonl")]
    if corpus and (corpus / "raw.jsonl").exists():
        raw.append(corpus / "raw.jsonl")
    gold = corpus / "dev.jsonl" if corpus else data_path("samples/gold.jsonl")
    return raw, gold


def run_demo(args) -> None:
    from training.cli import cmd_build_dataset, cmd_evaluate, cmd_weak_label

    out: Path = args.output
    raw, gold = demo_inputs()
    print(f"== sorot demo: weak-label {', '.join(map(str, raw))}; score on {gold}")
    silver = out / "silver.jsonl"
    with silver.parent.joinpath("raw_inputs.jsonl").open("w", encoding="utf-8") as merged:
        for line in itertools.chain.from_iterable(p.open(encoding="utf-8") for p in raw):
            merged.write(line if line.endswith("\n") else line + "\n")
    common = {"text_column": "text", "id_column": "id", "max_chars": 1_000_000, "gazetteer": None}
    cmd_weak_label(argparse.Namespace(input=out / "raw_inputs.jsonl", output=silver, **common))
    print("\n== build the silver dataset")
    cmd_build_dataset(argparse.Namespace(input=silver, output=out / "dataset", annotated=True,
                                         validation_fraction=0.1, **common))
    print("\n== score the weak labeler on gold")
    gold_pred = out / "gold_pred.jsonl"
    cmd_weak_label(argparse.Namespace(input=gold, output=gold_pred, **common))
    cmd_evaluate(argparse.Namespace(gold=gold, pred=gold_pred, model=None,
                                    output=out / "weak_labeler"))
    if args.epochs:
        model_dir = train_tiny(out, gold, raw, args.epochs)
        show_predictions(model_dir)


def train_tiny(out: Path, gold: Path, raw: list[Path], epochs: int) -> Path:
    """Train the tiny preset on the silver dataset; print its scores on gold."""
    from transformers import TrainingArguments

    from training.arguments import DataArguments, ModelArguments
    from training.scoring import to_markdown
    from training.train import run_training

    print(f"\n== train the tiny preset ({epochs} epochs on CPU; a pipeline demo, not a real model)")
    targs = TrainingArguments(output_dir=str(out / "tiny"), num_train_epochs=epochs,
                              per_device_train_batch_size=4, learning_rate=3e-3, warmup_steps=40,
                              save_strategy="no", logging_steps=50, report_to="none", seed=42,
                              disable_tqdm=True)
    model_dir, report = run_training(
        ModelArguments(backbone="tiny"),
        DataArguments(train=[str(out / "dataset")], dev_gold=str(gold),
                      tiny_corpus=[str(p) for p in raw]), targs)
    if report:
        print(to_markdown(report, f"tiny model on {gold.name}"))
    print(f"model saved to {model_dir}")
    return model_dir


def show_predictions(model_dir: Path, n: int = 2) -> None:
    import json

    from inference.predictor import Predictor

    predictor = Predictor.from_pretrained(model_dir, device="cpu")
    lines = data_path("samples/articles.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    print("\n== predictions of the tiny model on sample articles")
    for line in lines:
        art = json.loads(line)
        pred = predictor.predict(art["text"])
        ents = ", ".join(f"{e['text']} [{e['label']}]" for e in pred["entities"][:8])
        print(f"- {art['id']}: labels={pred['labels']} primary={pred['primary']}\n  {ents}")


def add_parser(sub) -> None:
    p = sub.add_parser("demo", help="run the pipeline end to end on the embedded default data")
    p.add_argument("-o", "--output", type=Path, default=Path("runs/demo"))
    p.add_argument("--epochs", type=int, default=40,
                   help="tiny-model epochs (0 skips training; default %(default)s)")
    p.set_defaults(func=lambda args: (args.output.mkdir(parents=True, exist_ok=True),
                                      run_demo(args)))
