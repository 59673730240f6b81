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

import itertools
from pathlib import Path

from sorot.inference.text.resources import data_path
from sorot.training.corpus import shared_corpus


def demo_inputs() -> tuple[list[Path], Path]:
    """Raw inputs to weak-label, and the gold file to score on."""
    corpus = shared_corpus()
    raw = [data_path("samples/articles.jsonl")]
    if corpus and (corpus / "raw.jsonl").exists():
        raw.append(corpus / "raw.jsonl")
    gold = corpus / "dev.jsonl" if corpus else data_path("samples/gold.jsonl")
    return raw, gold


def run_demo(output: Path = Path("runs/demo"), epochs: int = 40) -> None:
    """The whole pipeline into ``output``; ``epochs=0`` skips training the tiny model."""
    from sorot.training.jobs import build_dataset, evaluate, weak_label

    output.mkdir(parents=True, exist_ok=True)
    raw, gold = demo_inputs()
    print(f"== sorot demo: weak-label {', '.join(map(str, raw))}; score on {gold}")
    merged_inputs = output / "raw_inputs.jsonl"
    with merged_inputs.open("w", encoding="utf-8") as merged:
        for line in itertools.chain.from_iterable(p.open(encoding="utf-8") for p in raw):
            merged.write(line if line.endswith("\n") else line + "\n")
    silver = output / "silver.jsonl"
    print(weak_label(merged_inputs, silver))
    print("\n== build the silver dataset")
    print(build_dataset(silver, output / "dataset", annotated=True).summary())
    print("\n== score the weak labeler on gold")
    gold_pred = output / "gold_pred.jsonl"
    weak_label(gold, gold_pred)
    print(evaluate(gold, pred=gold_pred, output=output / "weak_labeler", overwrite=True)[1])
    if epochs:
        model_dir = train_tiny(output, gold, raw, epochs)
        show_predictions(model_dir, output / "dataset")


def train_tiny(out: Path, gold: Path, raw: list[Path], epochs: int) -> Path:
    """Train the tiny preset on the silver dataset; print its scores on gold."""
    from transformers import TrainingArguments

    from sorot.training.arguments import DataArguments, ModelArguments
    from sorot.training.run import run_training
    from sorot.training.scoring import to_markdown

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


def show_predictions(model_dir: Path, dataset: Path, n: int = 2) -> None:
    """Predictions on articles the model never trained on: the dataset's validation split."""
    import json

    from sorot.inference.predictor import Predictor

    held_out = dataset / "validation.jsonl"
    lines = held_out.read_text(encoding="utf-8").splitlines()[:n] if held_out.exists() else []
    where = "held out of training (the dataset's validation split)"
    if not lines:  # a dataset too small for a validation split
        lines = (dataset / "train.jsonl").read_text(encoding="utf-8").splitlines()[:n]
        where = "from the training split (the dataset had no validation split): not a test"
    predictor = Predictor.from_pretrained(model_dir, device="cpu")
    print(f"\n== predictions of the tiny model on {len(lines)} articles {where}")
    for line in lines:
        art = json.loads(line)
        pred = predictor.predict(art["text"])
        ents = ", ".join(f"{e['text']} [{e['label']}]" for e in pred["entities"][:8])
        print(f"- {art['id']}: labels={pred['labels']} primary={pred['primary']}\n  {ents}")
