"""The training-side jobs behind ``sorot`` subcommands, as plain functions.

Each takes paths and typed options and returns what it made; :mod:`sorot.cli` only
parses flags and calls these. Known failures raise a
:class:`~sorot.models.errors.SorotError` subclass whose message names the file or
record and the reason.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "in.jsonl").write_text(json.dumps({"id": "a", "text": "Presiden Joko Widodo tiba."}) + "\\n")
>>> weak_label(d / "in.jsonl", d / "out.jsonl").written
1
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from sorot.inference.sinks import (
    UnwritableRecord,
    error_sink,
    errors_path_for,
    output_sink,
    process_corpus,
    refuse_overwriting_inputs,
    run_failure,
    write_text_atomic,
)
from sorot.inference.text.article import RecordError
from sorot.inference.text.readers import ReaderOptions
from sorot.inference.time_limit import DEFAULT_MAX_SECONDS
from sorot.models.errors import SorotError

log = logging.getLogger(__name__)
DEFAULT_READER = ReaderOptions()  # frozen: safe to share as a default


@dataclass(frozen=True)
class RunSummary:
    """What a corpus job did: records written and records sent to the errors output."""

    what: str
    output: str
    written: int
    errors: int
    errors_output: str
    skipped: int = 0
    first_error: str | None = None

    def __str__(self) -> str:
        bad = f"; {self.errors} bad records in {self.errors_output}" if self.errors else ""
        skipped = f"; {self.skipped} skipped" if self.skipped else ""
        return f"{self.what}: {self.written} written to {self.output}{skipped}{bad}"

    def check(self, max_error_rate: float | None = None) -> RunSummary:
        """Raise when nothing could be processed, or when the share of failed records
        passes ``max_error_rate``."""
        if failure := run_failure(self.written, self.errors, self.errors_output, max_error_rate,
                                  self.first_error):
            raise SorotError(failure)
        return self


def weak_label(input: str | Path, output: str | Path, reader: ReaderOptions = DEFAULT_READER,
               gazetteer: str | Path | None = None, max_seconds: float | None = DEFAULT_MAX_SECONDS,
               batch_memory: int | None = None) -> RunSummary:
    """Silver predictions (SCHEMA §3) for every article of ``input``; ``-`` is stdin/stdout.
    An article that takes longer than ``max_seconds`` becomes an error record. The batch
    memory (:mod:`~sorot.training.weak.batch_memory`) reads ``batch_memory`` articles
    (default 1000; ``0``: off) before it writes them."""
    refuse_overwriting_inputs([input], [output, errors_path_for(output)])

    def label(item):  # extra input fields ride along; they never replace a prediction
        article, pred = item
        return {**pred, **{k: v for k, v in article.extra.items() if k not in pred}}

    records = _weak_labelled(reader.read(input), gazetteer, max_seconds, batch_memory)
    written, errors, where, first = process_corpus(records, label, output, desc="weak-label")
    return RunSummary("weak-label", "<stdout>" if str(output) == "-" else str(output),
                      written, errors, where, first_error=first)


def _weak_labelled(articles, gazetteer, max_seconds: float | None, batch_memory: int | None):
    """``(article, prediction)`` pairs and :class:`RecordError` s, in input order."""
    from sorot.training.weak.batch_memory import labelled
    from sorot.training.weak.labeler import WeakLabeler

    labeler = WeakLabeler.load(gazetteer).warm_up()
    return labelled(labeler, articles, batch_memory, max_seconds)


def _records_for_dataset(input, reader: ReaderOptions, annotated: bool, gazetteer,
                         max_seconds: float | None = DEFAULT_MAX_SECONDS, batch_memory: int | None = None):
    """Records of ``input``: as written (annotated), or weak-labelled within ``max_seconds``."""
    if not annotated:
        for item in _weak_labelled(reader.read(input), gazetteer, max_seconds, batch_memory):
            yield item if isinstance(item, RecordError) else item[1]
        return
    for art in reader.read(input):
        yield art if isinstance(art, RecordError) else {"id": art.id, "text": art.text, **art.extra}


def build_dataset(input: str | Path, output: Path, *, reader: ReaderOptions = DEFAULT_READER,
                  annotated: bool = False, validation_fraction: float = 0.1,
                  gazetteer: str | Path | None = None, max_seconds: float | None = DEFAULT_MAX_SECONDS,
                  batch_memory: int | None = None):
    """A Hugging Face dataset in ``output`` from raw (weak-labelled, with the batch memory of
    :func:`weak_label`) or annotated articles.

    Returns the :class:`~sorot.training.builder.BuildStats`; bad records go to
    ``output/input.errors.jsonl``.
    """
    from sorot.training import builder
    from sorot.training.records import AnnotationError, validate_record

    with error_sink(Path(output) / "input.jsonl") as errors:
        def good():
            for rec in _records_for_dataset(input, reader, annotated, gazetteer, max_seconds, batch_memory):
                if isinstance(rec, RecordError):
                    errors.write(rec.to_dict())
                    continue
                try:
                    yield validate_record(rec)
                except AnnotationError as e:
                    errors.write({"source": str(input), "id": rec.get("id"), "reason": str(e)})

        stats = builder.write_dataset(good(), output, validation_fraction, "gold" if annotated else "silver",
                                      card={"input": "standard input" if str(input) == "-" else Path(input).name})
    if errors.count:
        log.warning("%d bad records written to %s", errors.count, errors.name)
    if not sum(stats.examples.values()):
        raise SorotError(f"no valid record in {input}")
    return stats


@dataclass(frozen=True)
class ModelSource:
    """A saved model to predict with: folder or hub id, revision, device, backend and int8."""

    model: str
    revision: str | None = None
    device: str = "auto"
    backend: str | None = None
    quantize: str | None = None

    def predictor(self):
        from sorot.inference.predictor import Predictor

        return Predictor.from_pretrained(self.model, revision=self.revision, device=self.device,
                                         backend=self.backend, quantize=self.quantize)


@dataclass(frozen=True)
class WeakLabelerSource:
    """Predict with the weak labeler; with ``leave_names_out`` k folds, each fold without
    the gazetteer people any of whose names occur in it (how well the rules generalise)."""

    gazetteer: str | Path | None = None
    leave_names_out: int = 0
    batch_memory: int | None = None  # articles per batch of the memory; 0: off (None: 1000)

    @property
    def name(self) -> str:
        k = self.leave_names_out
        return f"weak labeler, leave names out ({k} folds)" if k else "weak labeler"

    def predict(self, gold: dict) -> dict:
        from sorot.training.weak.batch_memory import label_batch
        from sorot.training.weak.labeler import WeakLabeler
        from sorot.training.weak.leave_names_out import leave_names_out

        labeler = WeakLabeler.load(self.gazetteer)
        if self.leave_names_out:
            preds, removed = leave_names_out(labeler, gold, self.leave_names_out, self.batch_memory)
            log.info("people removed from the gazetteer per fold: %s", removed)
            return preds
        return dict(zip(gold, label_batch(labeler, [r["text"] for r in gold.values()], list(gold), self.batch_memory)))


def _predictions(gold_records: dict, pred, model, weak, output: Path) -> tuple[dict, str]:
    from sorot.training.records import load_annotated

    if pred is not None:
        return load_annotated(pred), "<stdin>" if str(pred) == "-" else pred.name
    preds = weak.predict(gold_records) if weak else model.predictor().predict_records(gold_records)
    with output_sink(f"{output}.pred.jsonl") as sink:
        for p in preds.values():
            sink.write(p)
    return preds, weak.name if weak else model.model


def evaluate(gold: Path, *, pred: Path | None = None, model: ModelSource | None = None,
             weak: WeakLabelerSource | None = None, output: Path | None = None,
             report_dir: Path | None = None, overwrite: bool = False,
             half: str | None = None) -> tuple[dict, str]:
    """Score ``pred`` (or the predictions of ``model`` or the weak labeler) against
    ``gold`` (SCHEMA §4); with ``half`` (``"development"``/``"check"``) only that half
    of the gold articles (:func:`~sorot.training.weak.leave_names_out.half_of`).

    Writes ``OUTPUT.eval.json`` and ``OUTPUT.eval.md`` (and the predictions as
    ``OUTPUT.pred.jsonl`` when sorot predicted them); returns the report and its Markdown.
    """
    from sorot.training.records import load_annotated
    from sorot.training.scoring import score, to_markdown

    if sum(x is not None for x in (pred, model, weak)) != 1:
        raise SorotError("give exactly one of --pred PRED.jsonl, --model DIR_OR_HUB_ID or --weak-labeler")
    from_stdin = pred is not None and str(pred) == "-"
    if output is None:  # beside the predictions, else in the report folder, else ./eval
        output = pred.with_suffix("") if pred and not from_stdin else (
            Path(report_dir) / "eval" if report_dir is not None else Path("eval"))
    ends = (".eval.json", ".eval.md") + ((".pred.jsonl",) if pred is None else ())
    if not overwrite and (clash := [p for e in ends if (p := Path(f"{output}{e}")).exists()]):
        raise SorotError(f"{clash[0]} exists from an earlier evaluation: give another -o, or --overwrite")
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    gold_records = _half(load_annotated(gold), half)
    preds, name = _predictions(gold_records, pred, model, weak, output)
    report = score(gold_records, {k: preds[k] for k in gold_records if k in preds} if half else preds)
    md = to_markdown(report, f"{name} against {Path(gold).name}" + (f" ({half} half)" if half else ""))
    Path(f"{output}.eval.json").write_text(json.dumps(report, indent=2) + "\n")
    Path(f"{output}.eval.md").write_text(md)
    log.info("report written to %s.eval.json and %s.eval.md", output, output)
    if report_dir is not None:
        from sorot.training.report import write_report

        log.info("report page: %s", write_report(gold_records, preds, report, report_dir, name))
    return report, md


def _half(gold: dict, half: str | None) -> dict:
    from sorot.training.weak.leave_names_out import HALVES, half_of

    if half is None:
        return gold
    if half not in HALVES:
        raise SorotError(f"--half must be one of {', '.join(HALVES)}, not {half!r}")
    kept = {k: v for k, v in gold.items() if half_of(k) == half}
    if not kept:
        raise SorotError(f"no gold article falls in the {half} half")
    return kept


@dataclass(frozen=True)
class Selection:
    """``--select N --by STRATEGY``: the N articles most worth annotating
    (:mod:`sorot.training.selection`); ``exclude`` names gold files whose articles are
    never offered again (by id or by text)."""

    n: int | None = None
    by: str = "uncertainty"
    seed: int = 0
    exclude: tuple[str | Path, ...] = ()


def _excluded(articles: list, exclude) -> list:
    from sorot.training.records import load_annotated

    ids, texts = set(), set()
    for path in exclude:
        for rid, rec in load_annotated(path).items():
            ids.add(str(rid))
            texts.add(rec["text"].strip())
    return [a for a in articles if str(a.id) not in ids and a.text.strip() not in texts]


def _task_predictions(articles: list, model, gazetteer, by: str | None, batch_memory: int | None = None):
    """The predictions tasks carry (the model's, else the weak labeler's), the thresholds
    they were decided with, and the weak labeler's when ``by`` compares the two."""
    weak = None
    if model is None or by == "disagreement":
        from sorot.training.weak.batch_memory import label_batch
        from sorot.training.weak.labeler import WeakLabeler

        weak = label_batch(WeakLabeler.load(gazetteer), [a.text for a in articles], [a.id for a in articles],
                           batch_memory)
    if model is None:
        if by in ("uncertainty", "disagreement"):
            raise SorotError(f"--by {by} needs --model: the weak labeler's scores say nothing of the "
                             "model's doubts (--by random works without one)")
        return weak, "sorot-weak-labeler", {}, weak
    predictor = model.predictor()
    preds = list(predictor.predict_records({a.id: {"text": a.text} for a in articles}).values())
    return preds, f"sorot:{model.model}", dict(predictor.decode_spec.thresholds), weak


def export_labelstudio(input: str | Path, output: Path, *, reader: ReaderOptions = DEFAULT_READER,
                       model: ModelSource | None = None, gazetteer: str | Path | None = None,
                       selection: Selection = Selection(),
                       batch_memory: int | None = None) -> int:
    """Label Studio tasks pre-annotated by the weak labeler (or ``model``), and the
    labelling config beside them (``OUTPUT.config.xml``); returns the task count. With
    ``selection.n``, only the articles most worth annotating, best first; every task's
    prediction has a ``score`` (the prediction's confidence, low = worth annotating) that
    Label Studio sorts by."""
    from sorot.training.labelstudio import export_tasks, labeling_config
    from sorot.training.selection import select, uncertainty

    refuse_overwriting_inputs([input, *selection.exclude], [output, output.with_suffix(".config.xml")])
    articles = []
    with error_sink(output) as errors:
        for a in reader.read(input):
            if isinstance(a, RecordError):
                errors.write(a.to_dict())
            else:
                articles.append(a)
    if errors.count:
        log.warning("%d bad records written to %s", errors.count, errors.name)
    articles = _excluded(articles, selection.exclude)
    by = selection.by if selection.n is not None else None
    preds, version, thresholds, weak = _task_predictions(articles, model, gazetteer, by, batch_memory)
    worth = {i: uncertainty(p, thresholds) for i, p in enumerate(preds)}
    order = list(range(len(preds)))
    if by is not None:
        picked = select(preds, selection.n, by, thresholds=thresholds, weak=weak, seed=selection.seed)
        order = [i for i, _ in picked]
        if by == "disagreement":  # its score then says how far model and labeler agree
            worth.update(picked)
    tasks = export_tasks([preds[i] for i in order], version, [articles[i].extra for i in order],
                         scores=[round(1.0 - worth[i], 4) for i in order])
    write_text_atomic(output, json.dumps(tasks, ensure_ascii=False, indent=1, default=str))
    write_text_atomic(output.with_suffix(".config.xml"), labeling_config())
    return len(tasks)


def _read_export(input: str | Path) -> list:
    where = "<stdin>" if str(input) == "-" else str(input)
    try:
        raw = sys.stdin.read() if str(input) == "-" else Path(input).read_text(encoding="utf-8")
        tasks = json.loads(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SorotError(f"{where}: not a Label Studio JSON export ({e})") from e
    if not isinstance(tasks, list):
        raise SorotError(f"{where}: a Label Studio JSON export is a list of tasks, "
                         f"not a JSON {type(tasks).__name__}")
    return tasks


def import_labelstudio(input: str | Path, output: str | Path) -> tuple[RunSummary, list[str]]:
    """A Label Studio JSON export (``-``: stdin) back to gold JSONL; returns the run
    summary and the import's warnings."""
    from sorot.training.labelstudio import import_export
    from sorot.training.records import AnnotationError, validate_record

    refuse_overwriting_inputs([input], [output, errors_path_for(output)])
    tasks = _read_export(input)
    report = import_export(tasks)
    source = "<stdin>" if str(input) == "-" else str(input)
    with output_sink(output, atomic=True) as out, error_sink(output) as errors:
        for n, rid, reason in report.errors:
            errors.write({"source": source, "location": f"task {n}", "id": rid, "reason": reason})
        for rec in report.records:
            try:
                out.write(validate_record(rec))
            except (AnnotationError, UnwritableRecord) as e:  # one bad task never costs the others
                errors.write({"source": source, "id": rec["id"], "reason": str(e)})
    summary = RunSummary("import-labelstudio", out.name, out.count, errors.count, errors.name,
                         skipped=len(report.skipped))
    return summary, list(report.warnings)


__all__ = ["ModelSource", "RunSummary", "WeakLabelerSource", "build_dataset", "evaluate",
           "export_labelstudio", "import_labelstudio", "weak_label"]
