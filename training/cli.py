"""The ``sorot`` command line: one program, one subcommand per job.

Exit codes: 0 ok, 1 failure, 2 usage error. Heavy libraries are imported inside
each command, so ``sorot --help`` is instant.

    sorot weak-label ARTICLES -o silver.jsonl
    sorot build-dataset ARTICLES -o data_dir
    sorot evaluate --gold gold.jsonl --pred silver.jsonl
    sorot demo
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from inference.readers import DEFAULT_MAX_CHARS


class CliError(Exception):
    """A failure to report as ``sorot: error: ...`` with exit code 1."""


def _add_reader_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", type=Path,
                   help="a directory of .txt files, or a .txt, .jsonl, .csv or .parquet file")
    p.add_argument("--text-column", default="text", help="text field of jsonl/csv/parquet")
    p.add_argument("--id-column", default="id", help="id field of jsonl/csv/parquet")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="refuse longer articles (default %(default)s)")


def _articles(args):
    from inference.readers import read_articles

    try:
        return read_articles(args.input, text_column=args.text_column, id_column=args.id_column,
                             max_chars=args.max_chars)
    except (FileNotFoundError, ValueError) as e:
        raise CliError(str(e)) from e


def _report_run(what: str, out: Path, written: int, errors: int, errors_path: Path) -> None:
    print(f"{what}: {written} written to {out}", file=sys.stderr)
    if errors:
        print(f"{errors} bad records written to {errors_path}", file=sys.stderr)
    if not written and errors:
        raise CliError(f"no record could be processed; see {errors_path}")


def cmd_weak_label(args) -> None:
    from inference.sinks import process_corpus
    from training.weak.labeler import WeakLabeler

    labeler = WeakLabeler.load(args.gazetteer)
    def label(article):  # extra input fields ride along; they never replace a prediction
        pred = labeler.label(article.text, article.id)
        return {**pred, **{k: v for k, v in article.extra.items() if k not in pred}}

    counts = process_corpus(_articles(args), label, args.output, desc="weak-label")
    _report_run("weak-label", args.output, *counts)


def _records_for_dataset(args):
    """Annotated records from ``args.input``: as written (--annotated), or weak-labelled."""
    from inference.readers import RecordError
    from training.weak.labeler import WeakLabeler

    labeler = None if args.annotated else WeakLabeler.load(args.gazetteer)
    for art in _articles(args):
        if isinstance(art, RecordError):
            yield art
        elif labeler is None:
            yield {"id": art.id, "text": art.text, **art.extra}
        else:
            yield labeler.label(art.text, art.id)


def cmd_build_dataset(args) -> None:
    from inference.readers import RecordError
    from inference.sinks import ErrorSink, errors_path_for
    from training.builder import build_dataset
    from training.records import AnnotationError, validate_record

    errors_path = errors_path_for(args.output / "input.jsonl")
    with ErrorSink(errors_path) as errors:
        def good():
            for rec in _records_for_dataset(args):
                if isinstance(rec, RecordError):
                    errors.write(rec.to_dict())
                    continue
                try:
                    yield validate_record(rec)
                except AnnotationError as e:
                    errors.write({"source": str(args.input), "id": rec.get("id"), "reason": str(e)})

        stats = build_dataset(good(), args.output, args.validation_fraction,
                              "gold" if args.annotated else "silver")
    print(stats.summary())
    print(f"dataset written to {args.output} (hf/, train.jsonl, validation.jsonl, stats.json)")
    if errors.count:
        print(f"{errors.count} bad records written to {errors_path}", file=sys.stderr)
    if not sum(stats.examples.values()):
        raise CliError("no valid record in the input")


def _model_predictions(args, gold: dict) -> dict:
    """Predict every gold article with ``--model`` and save the predictions beside the report."""
    from inference.predictor import Predictor
    from inference.sinks import JsonlSink

    predictor = Predictor.from_pretrained(args.model, revision=args.revision, device=args.device)
    preds = predictor.predict_records(gold)
    with JsonlSink(f"{args.output}.pred.jsonl") as sink:
        for p in preds.values():
            sink.write(p)
    return preds


def cmd_evaluate(args) -> None:
    from training.records import AnnotationError, load_annotated
    from training.scoring import score, to_markdown

    if (args.pred is None) == (args.model is None):
        raise CliError("give exactly one of --pred PRED.jsonl or --model DIR_OR_HUB_ID")
    args.output = args.output or (args.pred.with_suffix("") if args.pred else Path("eval"))
    try:
        gold = load_annotated(args.gold)
        pred = load_annotated(args.pred) if args.pred else _model_predictions(args, gold)
        report = score(gold, pred)
    except (AnnotationError, ValueError, OSError) as e:
        raise CliError(str(e)) from e
    prefix = args.output
    name = args.pred.name if args.pred else str(args.model)
    md = to_markdown(report, f"{name} against {args.gold.name}")
    Path(f"{prefix}.eval.json").write_text(json.dumps(report, indent=2) + "\n")
    Path(f"{prefix}.eval.md").write_text(md)
    print(md)
    if getattr(args, "report", None):
        from training.report import write_report

        page = write_report(gold, pred, report, args.report, name)
        print(f"report page: {page}", file=sys.stderr)
    print(f"report written to {prefix}.eval.json and {prefix}.eval.md", file=sys.stderr)


def cmd_train(args) -> None:
    from transformers import HfArgumentParser, TrainingArguments

    from training.arguments import DataArguments, ModelArguments
    from training.hub import HubError
    from training.records import AnnotationError
    from training.train import TrainingDataError, run_training

    parser = HfArgumentParser((ModelArguments, DataArguments, TrainingArguments), prog="sorot train")
    argv = args.args
    try:
        if len(argv) == 1 and argv[0].endswith((".yaml", ".yml", ".json")):
            yaml_file = argv[0].endswith(("yaml", "yml"))
            margs, dargs, targs = (parser.parse_yaml_file if yaml_file else parser.parse_json_file)(
                argv[0], allow_extra_keys=False)
        else:
            margs, dargs, targs = parser.parse_args_into_dataclasses(argv)
    except (ValueError, TypeError) as e:  # unknown or ill-typed settings: a usage error
        parser.error(str(e))
    try:
        out, report = run_training(margs, dargs, targs)
    except (TrainingDataError, AnnotationError, HubError, OSError) as e:
        raise CliError(str(e)) from e
    if os.environ.get("RANK", "0") == "0":  # once, not once per process
        print(f"model saved to {out}")


def cmd_export_labelstudio(args) -> None:
    from inference.readers import Article
    from training.labelstudio import export_tasks, labeling_config

    articles = [a for a in _articles(args) if isinstance(a, Article)]
    if args.model:
        from inference import Predictor

        predictor = Predictor.from_pretrained(args.model, device=args.device)
        preds = list(predictor.predict_records({a.id: {"text": a.text} for a in articles}).values())
        version = f"sorot:{args.model}"
    else:
        from training.weak.labeler import WeakLabeler

        labeler = WeakLabeler.load(args.gazetteer)
        preds = [labeler.label(a.text, a.id) for a in articles]
        version = "sorot-weak-labeler"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(export_tasks(preds, version), ensure_ascii=False, indent=1))
    config = args.output.with_suffix(".config.xml")
    config.write_text(labeling_config())
    print(f"{len(preds)} tasks written to {args.output}; labelling config in {config}")


def cmd_import_labelstudio(args) -> None:
    from inference.sinks import ErrorSink, JsonlSink, errors_path_for
    from training.labelstudio import import_export
    from training.records import AnnotationError, validate_record

    try:
        tasks = json.loads(args.input.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise CliError(f"{args.input}: not a Label Studio JSON export ({e})") from e
    if not isinstance(tasks, list):
        raise CliError(f"{args.input}: a Label Studio JSON export is a list of tasks")
    report = import_export(tasks)
    with JsonlSink(args.output) as out, ErrorSink(errors_path_for(args.output)) as errors:
        for rec in report.records:
            try:
                out.write(validate_record(rec))
            except AnnotationError as e:
                errors.write({"source": str(args.input), "id": rec["id"], "reason": str(e)})
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"{out.count} records written to {args.output}; {len(report.skipped)} skipped tasks; "
          f"{errors.count} invalid; {len(report.warnings)} warnings")


def build_parser() -> argparse.ArgumentParser:
    from inference import batch
    from training import demo

    parser = argparse.ArgumentParser(prog="sorot", description=(
        "Tag leaders, officials and conflict topics in Indonesian news, and label articles "
        "with the conflicts they cover (russia_ukraine, israel_iran, gaza)."))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("weak-label", help="silver predictions from raw articles (rules + gazetteer)")
    _add_reader_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="output JSONL")
    p.add_argument("--gazetteer", type=Path, help="a gazetteer YAML/JSON to use instead of ours")
    p.set_defaults(func=cmd_weak_label)

    p = sub.add_parser("build-dataset", help="a Hugging Face dataset from raw or annotated articles")
    _add_reader_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="output directory")
    p.add_argument("--annotated", action="store_true",
                   help="the input is already annotated (gold JSONL): convert, do not weak-label")
    p.add_argument("--validation-fraction", type=float, default=0.1)
    p.add_argument("--gazetteer", type=Path)
    p.set_defaults(func=cmd_build_dataset)

    p = sub.add_parser("evaluate", help="score predictions, or a model, against gold (SCHEMA §4)")
    p.add_argument("--gold", type=Path, required=True, help="gold JSONL")
    p.add_argument("--pred", type=Path, help="predictions JSONL")
    p.add_argument("--model", help="a saved model folder or hub id: predict, then score")
    p.add_argument("--revision", help="hub revision of --model")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:1 ...")
    p.add_argument("--report", type=Path, help="also write plots (PNG) and a self-contained HTML page here")
    p.add_argument("-o", "--output", type=Path,
                   help="report prefix for .eval.json/.eval.md (default: PRED without .jsonl, "
                        "or ./eval with --model)")
    p.set_defaults(func=cmd_evaluate)

    # its flags are parsed by transformers' HfArgumentParser (`sorot train --help`)
    p = sub.add_parser("train", add_help=False, help="train the joint model (see sorot train --help)")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("export-labelstudio", help="Label Studio tasks with pre-annotations")
    _add_reader_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="tasks JSON (config XML beside it)")
    p.add_argument("--model", help="pre-annotate with this model instead of the weak labeler")
    p.add_argument("--device", default="auto")
    p.add_argument("--gazetteer", type=Path)
    p.set_defaults(func=cmd_export_labelstudio)

    p = sub.add_parser("import-labelstudio", help="a Label Studio JSON export back to gold JSONL")
    p.add_argument("input", type=Path, help="Label Studio JSON export")
    p.add_argument("-o", "--output", type=Path, required=True, help="gold JSONL (SCHEMA §3)")
    p.set_defaults(func=cmd_import_labelstudio)

    batch.add_parser(sub)
    demo.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command == "train":
        args.args = extra
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        args.func(args)
    except CliError as e:
        print(f"sorot: error: {e}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as e:  # input and model problems from `sorot predict`
        if args.command != "predict":
            raise
        print(f"sorot: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sorot: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
