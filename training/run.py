"""``sorot train``: data -> joint model -> thresholds -> evaluation -> saved, carded model.

Runs the same under ``python -m``, ``sorot train`` and ``accelerate launch`` (the
transformers Trainer picks up the distributed setup). Outputs, under ``--output-dir``:
``checkpoint-*`` (for ``--resume``), ``log.jsonl`` and ``model/`` — safetensors
weights, config (label maps, thresholds, windows), tokenizer, gazetteer, evaluation
reports and the model card.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import shutil
from pathlib import Path

from datasets import Dataset, concatenate_datasets, load_from_disk

from sorot.inference.loading import MODEL_RESOURCES, one_line
from sorot.inference.text.resources import data_path
from sorot.models import SorotConfig, SorotModel
from sorot.models.errors import SorotError
from sorot.models.schema import ARTICLE_LABELS, BIO_TAGS, PRIMARY_VALUES
from sorot.training.arguments import DataArguments, ModelArguments, TrainingDataError, check_source
from sorot.training.builder import OLD_COLUMNS, example_from_record, features
from sorot.training.card import model_card
from sorot.training.encode import SorotCollator, encode_example
from sorot.training.precision import effective_training_arguments, precision_in_effect
from sorot.training.records import load_annotated
from sorot.training.scoring import score, to_markdown
from sorot.training.thresholds import cross_fitted, tune_thresholds
from sorot.training.tiny import TINY_WINDOW_LENGTH, TINY_WINDOW_STRIDE, tiny_backbone_config, train_wordpiece

log = logging.getLogger(__name__)


def _check_features(ds: Dataset, source: str) -> None:
    names = {"ner_tags": ds.features["ner_tags"].feature.names,
             "labels": ds.features["labels"].feature.names,
             "primary": ds.features["primary"].names}
    expected = {"ner_tags": list(BIO_TAGS), "labels": list(ARTICLE_LABELS), "primary": list(PRIMARY_VALUES)}
    for key, got in names.items():
        if got != expected[key]:
            raise TrainingDataError(f"{source}: its {key} label set {got} does not match the "
                                    f"model's {expected[key]}; rebuild it with `sorot build-dataset`")


def load_source(path: str) -> Dataset:
    """A dataset folder from ``sorot build-dataset``, or a SCHEMA JSONL file (validated)."""
    p = Path(path)
    if p.suffix == ".jsonl":
        records = load_annotated(p)  # raises AnnotationError naming the bad record
        return Dataset.from_list([example_from_record(r, "gold") for r in records.values()],
                                 features=features())
    ds = load_from_disk(str(check_source(p)))
    ds = ds["train"] if hasattr(ds, "keys") else ds
    if old := {a: b for a, b in OLD_COLUMNS.items() if a in ds.column_names}:  # built by sorot < 0.2
        ds = ds.rename_columns(old)
    _check_features(ds, path)
    return ds


def _weighted(sources: list[Dataset], weights: list[float] | None, seed: int) -> Dataset:
    """Concatenate sources, each repeated by its weight (the fraction sampled)."""
    weights = weights or [1.0] * len(sources)
    if len(weights) != len(sources):
        raise TrainingDataError(f"{len(weights)} source weights for {len(sources)} sources")
    parts = []
    for ds, w in zip(sources, weights):
        parts += [ds] * int(w)
        extra = round((w - int(w)) * len(ds))
        if extra:
            # indices in memory: on a dataset read from disk a cache file would land in the
            # user's dataset folder
            parts.append(ds.shuffle(seed=seed, keep_in_memory=True).select(range(extra)))
    if not parts or not sum(len(p) for p in parts):
        raise TrainingDataError("no training examples: give --train with at least one example")
    return concatenate_datasets(parts)


def build_model(margs: ModelArguments, texts, seed: int, checkpoint: str | None = None):
    """Tokenizer and model: pretrained backbone by hub id/folder, or the tiny preset
    (whose tokenizer comes from ``checkpoint`` when resuming)."""
    from transformers import AutoTokenizer, set_seed

    set_seed(seed)
    head = {"pooling": margs.pooling, "tag_loss_weight": margs.tag_loss_weight,
            "article_loss_weight": margs.article_loss_weight,
            "primary_loss_weight": margs.primary_loss_weight,
            "article_pos_weight": margs.article_pos_weight,
            "classifier_dropout": margs.classifier_dropout}
    if margs.backbone == "tiny":
        tokenizer = (AutoTokenizer.from_pretrained(checkpoint, trust_remote_code=False) if checkpoint
                     else train_wordpiece(texts))
        window_length = min(margs.window_length, TINY_WINDOW_LENGTH)
        window_stride = min(margs.window_stride, TINY_WINDOW_STRIDE)
        config = SorotConfig(backbone_config=tiny_backbone_config(len(tokenizer)).to_dict(),
                             backbone_name="tiny (random init)", window_length=window_length,
                             window_stride=window_stride, pad_token_id=tokenizer.pad_token_id, **head)
        return tokenizer, SorotModel(config)
    try:  # not found, offline and not cached, no access: transformers says so in several lines
        tokenizer = AutoTokenizer.from_pretrained(margs.backbone, revision=margs.backbone_revision,
                                                  trust_remote_code=False)
        head["pad_token_id"] = tokenizer.pad_token_id
        model = SorotModel.from_backbone(margs.backbone, margs.backbone_revision,
                                         window_length=margs.window_length,
                                         window_stride=margs.window_stride, **head)
    except (OSError, ValueError) as e:  # ValueError: a folder that holds no tokenizer
        rev = f" at revision {margs.backbone_revision!r}" if margs.backbone_revision else ""
        raise SorotError(f"could not load the backbone {margs.backbone}{rev}: {one_line(e)}") from e
    return tokenizer, model


def _tiny_texts(train: Dataset, extra_inputs: list[str]):
    from sorot.inference.text.article import Article
    from sorot.inference.text.readers import read_articles

    yield from train["text"]
    for path in extra_inputs:
        for art in read_articles(path):
            if isinstance(art, Article):
                yield art.text


def _encode(ds: Dataset, tokenizer, config: SorotConfig, cache_dir: Path) -> Dataset:
    """Windows of every example. The cache goes to the run's folder, never beside the
    dataset read from disk (where `datasets` would put it); its name is the data's
    fingerprint with the tokenizer's and the window settings, so a change re-encodes."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    vocab = backend.to_str() if backend is not None else str(sorted(tokenizer.get_vocab().items()))
    key = hashlib.sha256(f"{ds._fingerprint}|{vocab}|{config.window_length}|{config.window_stride}".encode())
    cache_dir.mkdir(parents=True, exist_ok=True)
    return ds.map(lambda ex: encode_example(ex, tokenizer, config.window_length, config.window_stride),
                  remove_columns=ds.column_names, desc="encoding windows",
                  cache_file_name=str(cache_dir / f"encoded-{key.hexdigest()[:20]}.arrow"))


def _trainer(model, tokenizer, targs, train_ds, dev_gold, dargs: DataArguments, extra_callbacks=()):
    from transformers import EarlyStoppingCallback

    from sorot.training import trainer as trainer_module

    callbacks = [trainer_module.JsonlLogger(Path(targs.output_dir) / "log.jsonl"), *extra_callbacks]
    if dargs.early_stopping_patience:
        if not dev_gold:
            raise TrainingDataError("early stopping needs a dev set: give --dev-gold")
        targs = dataclasses.replace(targs, load_best_model_at_end=True, metric_for_best_model="score",
                                    greater_is_better=True)
        callbacks.append(EarlyStoppingCallback(dargs.early_stopping_patience))
    targs = effective_training_arguments(targs, dargs.precision, dargs.tensorboard,
                                         model.config.pooling)
    # our evaluate() reads the gold records; the Trainer only needs to know there is a dev set
    dev_ids = Dataset.from_dict({"id": list(dev_gold)}) if dev_gold else None
    return trainer_module.SorotTrainer(
        model=model, args=targs, train_dataset=train_ds, eval_dataset=dev_ids,
        data_collator=SorotCollator(tokenizer.pad_token_id or 0), processing_class=tokenizer,
        callbacks=callbacks, dev_gold=dev_gold)


#: transformers' default ``logging_steps``: taken as "not set" by the user.
_DEFAULT_LOGGING_STEPS = 500


def _logging_steps(targs, n_train: int) -> float:
    """About 20 log lines a run when ``logging_steps`` was left at its default: a short run
    (a demo of a few dozen steps) otherwise logs its loss once, at the end."""
    if targs.logging_steps != _DEFAULT_LOGGING_STEPS or targs.logging_strategy != "steps":
        return targs.logging_steps
    per_step = targs.per_device_train_batch_size * targs.gradient_accumulation_steps * max(targs.world_size, 1)
    steps = targs.max_steps if targs.max_steps > 0 else \
        -(-n_train // per_step) * max(int(targs.num_train_epochs), 1)
    return max(1, min(_DEFAULT_LOGGING_STEPS, steps // 20))


def _dev_report(predictor, dev_gold: dict, tune_gold: dict | None, names: tuple[str, str]) -> dict:
    """Tune the shipped thresholds and score dev without tuning and scoring on one article:
    on ``tune_gold`` when given, else by cross-fitting on dev. The report says which."""
    labels = list(predictor.config.article_labels)

    def tuned_on(records: dict, preds: dict) -> dict[str, float]:
        return tune_thresholds([[preds[i]["scores"][lbl] for lbl in labels] for i in records],
                               [[int(lbl in records[i]["labels"]) for lbl in labels] for i in records],
                               labels)

    if tune_gold:
        predictor.config.thresholds = tuned_on(tune_gold, predictor.predict_records(tune_gold, 8))
        report = score(dev_gold, predictor.predict_records(dev_gold, 8))
        report["threshold_scheme"] = (f"thresholds tuned on {names[1]} ({len(tune_gold)} articles); "
                                      f"scored on {names[0]}, which tuned nothing")
        return report
    preds = predictor.predict_records(dev_gold, 8)
    decided, k = cross_fitted(dev_gold, preds, labels,
                              lambda held, t: predictor.predict_records(held, 8, t))
    report = score(dev_gold, decided)
    predictor.config.thresholds = tuned_on(dev_gold, preds)  # shipped: tuned on all of dev
    report["threshold_scheme"] = (f"{k}-fold cross-fitting on {names[0]}: each article's labels "
                                  "decided by thresholds tuned on the other folds; the shipped "
                                  "thresholds are tuned on all of it")
    return report


def _finalise(trainer, tokenizer, dev_gold, info: dict, counts: dict,
              tune_gold: dict | None = None) -> tuple[Path, dict | None]:
    """Tune thresholds, evaluate honestly, and save model, tokenizer, gazetteer, reports, card."""
    from sorot.inference.predictor import Predictor

    model, targs = trainer.model, trainer.args
    report = None
    if dev_gold:
        predictor = Predictor(model, tokenizer, device=model.device, dtype=model.dtype)
        report = _dev_report(predictor, dev_gold, tune_gold, (info["dev_name"], info.get("tune_name", "")))
        if targs.load_best_model_at_end:
            report["checkpoint_choice"] = ("dev chose the checkpoint (best dev score, early stopping): "
                                           "these scores are optimistic by that choice")
        if not info.get("pretrained", True):  # a demo: set it beside the labeler it learnt from
            from sorot.training.weak.labeler import WeakLabeler

            labeler = WeakLabeler.load()
            info["weak_report"] = score(dev_gold, {i: {"id": i, **labeler.label(r["text"], i)}
                                                   for i, r in dev_gold.items()})
    out = Path(targs.output_dir) / "model"
    if trainer.is_world_process_zero():
        model.save_pretrained(out)  # safetensors
        tokenizer.save_pretrained(out)
        for name in MODEL_RESOURCES:  # what the predictor reads travels with the model
            shutil.copy(data_path(name), out / name)
        if report:
            (out / "eval.json").write_text(json.dumps(report, indent=2) + "\n")
            (out / "eval.md").write_text(to_markdown(report))
        (out / "README.md").write_text(model_card(info, counts, report, hyperparameters(trainer)))
    return out, report


def hyperparameters(trainer) -> dict:
    """transformers' own extraction from the Trainer, plus what the joint model adds."""
    from transformers.modelcard import extract_hyperparameters_from_trainer

    cfg = trainer.model.config
    return {**extract_hyperparameters_from_trainer(trainer),
            "precision": precision_in_effect(trainer.args), "window_length": cfg.window_length,
            "window_stride": cfg.window_stride, "pooling": cfg.pooling, "thresholds": cfg.thresholds}


def _complete(checkpoint: Path) -> bool:
    """Whether a checkpoint was written whole: the Trainer writes ``trainer_state.json``
    after the weights, so a save killed midway lacks it (or leaves it unparseable)."""
    try:
        json.loads((checkpoint / "trainer_state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    needed = ["config.json", "tokenizer_config.json"]
    weights = sorted(checkpoint.glob("*.safetensors"))
    return bool(weights) and all(f.stat().st_size for f in weights) and all(
        (checkpoint / n).is_file() and (checkpoint / n).stat().st_size for n in needed)


def _last_checkpoint(output_dir: str) -> str:
    """The newest *complete* ``checkpoint-N`` (a kill during a save leaves a partial one,
    which transformers' own lookup would pick); say which, and which were passed over."""
    folder = Path(output_dir)
    found = sorted((p for p in folder.glob("checkpoint-*") if p.is_dir() and p.name[11:].isdigit()),
                   key=lambda p: int(p.name[11:]), reverse=True) if folder.is_dir() else []
    for checkpoint in found:
        if _complete(checkpoint):
            log.info("--resume: continuing from %s", checkpoint)
            return str(checkpoint)
        log.warning("--resume: %s is incomplete (a save was interrupted): passed over", checkpoint)
    if found:
        raise TrainingDataError(f"--resume: no complete checkpoint in {output_dir} "
                                f"({', '.join(p.name for p in found)} are all incomplete)")
    raise TrainingDataError(f"--resume: no checkpoint-* folder in {output_dir}")


def run_training(margs: ModelArguments, dargs: DataArguments, targs,
                 callbacks=()) -> tuple[Path, dict | None]:
    """Train, tune, evaluate and save; push to the hub when asked.

    Returns the model folder and the dev report (``None`` without ``dev_gold``).
    ``callbacks`` are extra transformers ``TrainerCallback`` objects."""
    dargs.check_sources()  # a missing gold file is refused now, not after training
    sources = [load_source(p) for p in dargs.train]
    train = _weighted(sources, dargs.source_weights, targs.seed)
    dev_gold = load_annotated(dargs.dev_gold) if dargs.dev_gold else None
    tune_gold = load_annotated(dargs.tune_gold) if dargs.tune_gold else None  # a bad record: before training
    checkpoint = _last_checkpoint(targs.output_dir) if dargs.resume else None
    tokenizer, model = build_model(margs, _tiny_texts(train, dargs.tiny_corpus), targs.seed,
                                   checkpoint)
    push = targs.push_to_hub  # the final folder is pushed, not every checkpoint
    targs = dataclasses.replace(targs, push_to_hub=False, logging_steps=_logging_steps(targs, len(train)))
    trainer = _trainer(model, tokenizer, targs, _encode(train, tokenizer, model.config,
                                                        Path(targs.output_dir) / "cache"),
                       dev_gold, dargs, callbacks)
    trainer.train(resume_from_checkpoint=checkpoint)  # the complete one chosen above, or None
    # the card names data and folders by readable names, never this machine's paths
    counts = {"training articles (after source weights)": len(train),
              **{f"source {Path(p).name}": len(s) for p, s in zip(dargs.train, sources)}}
    info = {"backbone": model.config.backbone_name, "dev": Path(str(dargs.dev_gold or "dev")).name,
            "pretrained": margs.backbone != "tiny",
            "dev_name": Path(str(dargs.dev_gold or "dev")).name,
            "tune_name": Path(str(dargs.tune_gold or "")).name,
            "model_id": targs.hub_model_id or f"{Path(targs.output_dir).name}/model"}
    out, report = _finalise(trainer, tokenizer, dev_gold, info, counts, tune_gold)
    if dargs.export_onnx and trainer.is_world_process_zero():  # uploaded with the model
        from sorot.inference.onnx_export import export_onnx

        export_onnx(out)
    if push and trainer.is_world_process_zero():
        from sorot.training.hub import push_folder

        push_folder(out, trainer.args)
    return out, report
