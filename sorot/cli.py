"""The ``sorot`` command line: one program, one subcommand per job.

Each subcommand parses its flags and calls one plain function (:mod:`sorot.training.jobs`,
:func:`sorot.inference.batch_predict.run_predict`, :func:`sorot.training.run.run_training`).
Every failure takes one path: ``sorot: error: …`` on stderr, exit 1 (2 for usage),
and a traceback only with ``-v``. ``-`` as an input reads JSON Lines from stdin and
``-o -`` writes them to stdout. Heavy libraries load inside the commands, so
``sorot --help`` imports no torch.

    sorot weak-label ARTICLES -o silver.jsonl
    cat dump.jsonl | sorot predict --model M - -o - > preds.jsonl
    sorot env
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import logging
import os
import sys
import traceback
from pathlib import Path

import sorot
from sorot.extras import require
from sorot.inference.text.article import DEFAULT_MAX_CHARS
from sorot.inference.text.readers import ReaderOptions
from sorot.inference.time_limit import DEFAULT_MAX_SECONDS
from sorot.models.errors import SorotError
from sorot.models.schema import ARTICLE_LABELS

log = logging.getLogger("sorot")


def _common() -> argparse.ArgumentParser:
    """-q/-v, accepted before or after the subcommand."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                   help="more detail (debug logging, tracebacks on errors)")
    p.add_argument("-q", "--quiet", action="count", default=argparse.SUPPRESS,
                   help="only warnings and errors on stderr")
    return p


def _add_reader_args(p: argparse.ArgumentParser, what: str = "articles") -> None:
    p.add_argument("input", help=f"{what}: a directory of .txt files, a .txt, .jsonl, .csv or "
                                 ".parquet file, or - for JSON Lines on stdin")
    p.add_argument("--text-column", default="text", help="text field of jsonl/csv/parquet")
    p.add_argument("--id-column", default="id", help="id field of jsonl/csv/parquet")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="refuse longer articles (default %(default)s)")
    p.add_argument("--csv-delimiter", metavar="CHAR", type=_delimiter,
                   help="field separator of a .csv input (default: detected from the header "
                        "among , ; TAB |); \\t means a tab")


def _add_model_args(p: argparse.ArgumentParser, required: bool, what: str) -> None:
    p.add_argument("--model", required=required, help=f"a saved model folder or a hub id{what}")
    p.add_argument("--revision", help="hub revision (branch, tag or commit) of --model")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:1 ...")
    p.add_argument("--backend", choices=["torch", "onnx"],
                   help="torch (default) or onnx: ONNX Runtime on the CPU (pip install 'sorot[onnx]'), "
                        "from the model's onnx/ export or one made into the cache on first use")
    p.add_argument("--quantize", choices=["int8"],
                   help="int8 on the CPU: ONNX Runtime's dynamically quantised encoder (implies --backend onnx)")


def _add_error_rate(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-error-rate", type=float, metavar="FRACTION",
                   help="exit 1 when more than this share of records failed (default: only "
                        "when none succeeded); the run always finishes first")


def _delimiter(value: str) -> str:
    value = "\t" if value in ("\\t", "tab", "TAB") else value
    if len(value) != 1:
        raise argparse.ArgumentTypeError(f"one character, got {value!r}")
    return value


def _add_budget(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-seconds-per-record", type=float, metavar="S",
                   help="a record whose work takes longer becomes an error record and the run goes "
                        f"on (default {DEFAULT_MAX_SECONDS:g}; 0: no limit)")


def _add_batch_memory(p: argparse.ArgumentParser) -> None:
    p.add_argument("--batch-memory", type=_articles, metavar="N",
                   help="a name the rules found by its role in one article also tags its role-less "
                        "mentions in the others: read N articles before writing them (default 1000; "
                        "0: off, each article on its own)")


def _articles(value: str) -> int:
    return _from_zero(value, "a number of articles from 0")


def _from_zero(value: str, what: str) -> int:
    """``value`` as a whole number from 0, or the argument's error: "WHAT; got 'VALUE'"."""
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{what}; got {value!r}")
    return n


def _budget(args) -> float:
    value = getattr(args, "max_seconds_per_record", None)
    return DEFAULT_MAX_SECONDS if value is None else value


def _keep_fields(args) -> list[str]:
    """``--keep-fields``: every input field by default (one rule with weak-label), or a list, or none."""
    value = (args.keep_fields or "all").strip()
    return [] if value == "none" else ["all"] if value == "all" else [k for k in value.split(",") if k]


def _reader(args) -> ReaderOptions:
    return ReaderOptions(args.text_column, args.id_column, args.max_chars, args.csv_delimiter)


def _model_source(args):
    from sorot.training.jobs import ModelSource

    return (ModelSource(args.model, getattr(args, "revision", None), args.device, args.backend, args.quantize)
            if args.model else None)


def _summary_out(output) -> object:
    """Summaries go to stdout, unless stdout carries the results (``-o -``)."""
    return sys.stderr if str(output) == "-" else sys.stdout


def cmd_weak_label(args) -> None:
    require("train", "sorot weak-label")
    from sorot.training.jobs import weak_label

    summary = weak_label(args.input, args.output, _reader(args), args.gazetteer, _budget(args), args.batch_memory)
    print(summary, file=_summary_out(args.output))
    summary.check(args.max_error_rate)


def cmd_build_dataset(args) -> None:
    require("train", "sorot build-dataset")
    from sorot.training.jobs import build_dataset

    stats = build_dataset(args.input, args.output, reader=_reader(args), annotated=args.annotated,
                          validation_fraction=args.validation_fraction, gazetteer=args.gazetteer,
                          max_seconds=_budget(args), batch_memory=args.batch_memory)
    print(stats.summary())
    print(f"dataset written to {args.output} (hf/, train.jsonl, validation.jsonl, stats.json)")


def cmd_evaluate(args) -> None:
    require("train", "sorot evaluate")
    from sorot.training.jobs import WeakLabelerSource, evaluate

    if sum(bool(x) for x in (args.pred, args.model, args.weak_labeler)) != 1:
        args.parser.error("give exactly one of --pred PRED.jsonl (- for stdin), --model DIR_OR_HUB_ID "
                          "or --weak-labeler")
    if args.leave_names_out and not args.weak_labeler:
        raise SorotError("--leave-names-out scores the weak labeler: add --weak-labeler")
    weak = WeakLabelerSource(args.gazetteer, args.leave_names_out, args.batch_memory) if args.weak_labeler else None
    _, markdown = evaluate(args.gold, pred=args.pred, model=_model_source(args), weak=weak,
                           output=args.output, report_dir=args.report, overwrite=args.overwrite,
                           half=args.half)
    print(markdown)


def cmd_train(args) -> None:
    require("train", "sorot train")
    import os

    from sorot.training.arguments import parse_train_args

    margs, dargs, targs = parse_train_args(args.args)
    from sorot.training.run import run_training  # after the settings: a bad one is refused first

    out, report = run_training(margs, dargs, targs)
    if os.environ.get("RANK", "0") == "0":  # once, not once per process
        from sorot.training.scoring import to_markdown

        if report:
            print(to_markdown(report, f"final scores on {Path(dargs.dev_gold).name}"))
        print(f"model saved to {out}")


#: Local-engine flags that mean nothing under Ray, and why.
_NOT_UNDER_RAY = {
    "max_seconds_per_record": "is not enforced under --engine ray (Ray runs tasks outside the "
                              "main thread, where no timer can interrupt them)",
    "errors": "does not apply under --engine ray: each file's bad records go to OUT/<file>.errors.jsonl",
    "force": "does not apply under --engine ray: a file whose input, model or options changed is "
             "predicted again by itself",
    "sync_every": "does not apply under --engine ray: each output file is written whole",
    "read_ahead": "does not apply under --engine ray: Ray streams the rows",
    "threads": "is for one process: under --engine ray give --threads-per-actor",
    "workers": "is for one process: under --engine ray the CPU stages run as Ray tasks over the "
               "cluster's CPUs",
}


def _workers(value: str) -> int | str:
    if value == "auto":
        return value
    return _from_zero(value, "a number from 0, or auto")


def _refuse_what_ray_cannot_honour(args) -> None:
    """Every flag of ``sorot predict`` works under ``--engine ray`` or is refused here."""
    for name, why in _NOT_UNDER_RAY.items():
        if getattr(args, name) != args.parser.get_default(name):  # given on the command line
            raise SorotError(f"--{name.replace('_', '-')} {why}")
    if args.device.startswith("cuda") and not args.gpus_per_actor:
        raise SorotError("--device cuda under --engine ray: give each actor a GPU with --gpus-per-actor")
    if args.device == "cpu" and args.gpus_per_actor:
        raise SorotError("--device cpu contradicts --gpus-per-actor: leave one of them out")


def cmd_predict_ray(args) -> None:
    from sorot.inference.ray_engine import RayJob, run_ray

    _refuse_what_ray_cannot_honour(args)
    fmt = args.format or ("parquet" if str(args.output).endswith(".parquet") else "jsonl")
    job = RayJob(inputs=[args.input], output=args.output, model=args.model, revision=args.revision,
                 format=fmt, keep_fields=_keep_fields(args),
                 reader=_reader(args), concurrency=args.actors, num_gpus=args.gpus_per_actor,
                 threads_per_actor=args.threads_per_actor, batch_size=args.batch_size,
                 max_batch_tokens=args.max_batch_tokens, dtype=args.dtype, quantize=args.quantize,
                 backend=args.backend, address=args.ray_address, overwrite=args.overwrite, progress=args.progress)
    stats = run_ray(job)
    print(stats.summary())
    if failure := stats.failure(args.max_error_rate):
        raise SorotError(failure)


def cmd_predict(args) -> None:
    from sorot.inference.batch_predict import PredictJob, run_predict

    if args.engine == "ray":
        return cmd_predict_ray(args)
    job = PredictJob(
        input=args.input, output=args.output, model=args.model, revision=args.revision,
        format=args.format, keep_fields=_keep_fields(args),
        resume=args.resume, overwrite=args.overwrite, batch_size=args.batch_size,
        sync_every=args.sync_every, read_ahead=args.read_ahead,
        max_batch_tokens=args.max_batch_tokens, device=args.device, dtype=args.dtype,
        quantize=args.quantize, backend=args.backend, reader=_reader(args), errors=args.errors, progress=args.progress,
        force=args.force, max_error_rate=args.max_error_rate, max_seconds_per_record=_budget(args),
        threads=args.threads, workers=args.workers)
    stats = run_predict(job)
    if stats.rank == 0:  # once, with every rank's totals under accelerate launch
        print(stats.summary(), file=_summary_out(args.output))
    if failure := stats.failure(job.max_error_rate):
        raise SorotError(failure)


def cmd_export_labelstudio(args) -> None:
    require("train", "sorot export-labelstudio")
    from sorot.training.jobs import Selection, export_labelstudio

    selection = Selection(args.select, args.by, args.seed, tuple(args.exclude or ()))
    n = export_labelstudio(args.input, args.output, reader=_reader(args), model=_model_source(args),
                           gazetteer=args.gazetteer, selection=selection, batch_memory=args.batch_memory)
    print(f"{n} tasks written to {args.output}; labelling config in "
          f"{args.output.with_suffix('.config.xml')}")


def cmd_import_labelstudio(args) -> None:
    from sorot.training.jobs import import_labelstudio

    summary, warnings = import_labelstudio(args.input, args.output)
    for w in warnings:
        log.warning("%s", w)
    print(summary, file=_summary_out(args.output))
    summary.check()


def cmd_demo(args) -> None:
    require("train", "sorot demo")
    from sorot.training.demo import run_demo

    run_demo(args.output, args.epochs)


def cmd_export_onnx(args) -> None:
    require("onnx", "sorot export-onnx")
    from sorot.inference.loading import model_folder
    from sorot.inference.onnx_export import export_onnx

    folder = model_folder(args.model, args.revision)
    if args.output is None and not Path(args.model).is_dir():
        raise SorotError(f"{args.model} is a hub id: give -o DIR (the hub cache is not a place to write), "
                         "or export in the folder you push from")
    out = export_onnx(folder, args.output, int8=not args.no_int8)
    print(f"ONNX export in {out}: " + ", ".join(sorted(p.name for p in out.iterdir())))


def cmd_env(args) -> None:
    from sorot.environment import describe

    print(describe())


def _add_predict(sub, common) -> None:
    p = sub.add_parser("predict", parents=[common],
                       help="predict a corpus with a trained model (streaming, resumable)")
    _add_reader_args(p)
    _add_model_args(p, True, "")
    p.add_argument("-o", "--output", required=True,
                   help="OUT.jsonl, OUT.csv or OUT.parquet, or - for JSON Lines on stdout")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], help="default: from the suffix")
    p.add_argument("--errors", help="bad records go here (default OUT.errors.jsonl; stderr for -o -)")
    p.add_argument("--keep-fields", metavar="FIELDS",
                   help="input fields copied to the output: all of them (default, as weak-label "
                        "does), a comma-separated list, or none")
    p.add_argument("--resume", action="store_true", help="continue OUT, skipping ids already written")
    p.add_argument("--overwrite", action="store_true", help="start OUT afresh")
    p.add_argument("--force", action="store_true",
                   help="--resume even though the input or model differ from the ones OUT was made from")
    _add_error_rate(p)
    _add_budget(p)
    p.add_argument("--batch-size", type=int, default=32,
                   help="most windows (pieces of up to window_length sub-tokens) per forward pass")
    p.add_argument("--max-batch-tokens", type=int, default=8192, help="most padded tokens per forward pass")
    p.add_argument("--sync-every", type=int, default=32,
                   help="articles written and fsync-ed together (what a crash can lose)")
    p.add_argument("--read-ahead", type=int, default=1024,
                   help="articles read and sorted by length at a time (bounds memory)")
    p.add_argument("--dtype", default="auto", choices=["auto", "fp32", "bf16", "fp16"])
    p.add_argument("--threads", type=int, metavar="N",
                   help="intra-op threads of this process, torch's or ONNX Runtime's (default: one per core; "
                        "under --engine ray use --threads-per-actor)")
    p.add_argument("--workers", type=_workers, default="auto", metavar="N|auto",
                   help="processes that read, prepare and decode while this one runs the model "
                        "(0: all here; auto, the default: 0 on a CPU device, else the cores "
                        "left to this process, at most 12)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on a terminal only)")
    ray = p.add_argument_group("--engine ray (pip install 'sorot[ray]'): -o is a folder, one "
                               "output file per input file; a rerun skips files finished from the "
                               "same input, model and options (--overwrite redoes them all)")
    ray.add_argument("--engine", choices=["local", "ray"], default="local",
                     help="local: this process (or accelerate launch); ray: Ray Data")
    ray.add_argument("--ray-address", help="an existing Ray cluster (default: $RAY_ADDRESS, else a "
                                           "local Ray over this machine's CPUs)")
    ray.add_argument("--actors", type=int, default=2, help="predictor actors (default %(default)s)")
    ray.add_argument("--gpus-per-actor", type=float, default=0.0)
    ray.add_argument("--threads-per-actor", type=int, default=1)
    p.set_defaults(func=cmd_predict, parser=p)


def _add_training_side(sub, common) -> None:
    p = sub.add_parser("weak-label", parents=[common],
                       help="silver predictions from raw articles (rules + gazetteer)")
    _add_reader_args(p)
    p.add_argument("-o", "--output", required=True, help="output JSONL, or - for stdout")
    p.add_argument("--gazetteer", type=Path, help="a gazetteer YAML/JSON to use instead of ours")
    _add_batch_memory(p)
    _add_error_rate(p)
    _add_budget(p)
    p.set_defaults(func=cmd_weak_label)

    p = sub.add_parser("build-dataset", parents=[common],
                       help="a Hugging Face dataset from raw or annotated articles")
    _add_reader_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="output directory")
    p.add_argument("--annotated", action="store_true",
                   help="the input is already annotated (gold JSONL): convert, do not weak-label")
    p.add_argument("--validation-fraction", type=float, default=0.1)
    p.add_argument("--gazetteer", type=Path)
    _add_batch_memory(p)
    _add_budget(p)
    p.set_defaults(func=cmd_build_dataset)

    p = sub.add_parser("evaluate", parents=[common],
                       help="score predictions, or a model, against gold (SCHEMA §4)")
    p.add_argument("--gold", type=Path, required=True, help="gold JSONL")
    p.add_argument("--pred", type=Path, help="predictions JSONL, or - for standard input")
    p.set_defaults(parser=p)
    _add_model_args(p, False, ": predict, then score")
    p.add_argument("--weak-labeler", action="store_true", help="predict with the weak labeler, then score")
    p.add_argument("--leave-names-out", type=int, default=0, metavar="K",
                   help="with --weak-labeler: K folds, each labelled without the gazetteer people "
                        "named in it (how well the rules find people they do not know)")
    p.add_argument("--gazetteer", type=Path, help="with --weak-labeler: another gazetteer")
    _add_batch_memory(p)
    p.add_argument("--half", choices=("development", "check"),
                   help="score one half of the gold articles, cut by a hash of the id: rules are "
                        "changed from the development half's errors, the check half estimates "
                        "articles nobody read (leave articles out)")
    p.add_argument("--report", type=Path, help="also write plots (PNG) and a self-contained HTML page here")
    p.add_argument("-o", "--output", type=Path,
                   help="report prefix for .eval.json/.eval.md/.pred.jsonl (default: PRED without "
                        ".jsonl; else REPORT/eval with --report; else ./eval)")
    p.add_argument("--overwrite", action="store_true", help="replace an earlier evaluation's files")
    p.set_defaults(func=cmd_evaluate)

    # its flags are parsed by transformers' HfArgumentParser (`sorot train --help`)
    p = sub.add_parser("train", add_help=False, parents=[common],
                       help="train the joint model (see sorot train --help)")
    p.set_defaults(func=cmd_train)


def _add_tools(sub, common) -> None:
    p = sub.add_parser("export-labelstudio", parents=[common],
                       help="Label Studio tasks with pre-annotations")
    _add_reader_args(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="tasks JSON (config XML beside it)")
    _add_model_args(p, False, " to pre-annotate with, instead of the weak labeler")
    p.add_argument("--gazetteer", type=Path)
    _add_batch_memory(p)
    p.add_argument("--select", type=int, metavar="N",
                   help="only the N articles most worth annotating, best first (default: all)")
    p.add_argument("--by", choices=["uncertainty", "disagreement", "random"], default="uncertainty",
                   help="with --select: the model's least certain labels and spans (needs --model), where "
                        "the model and the weak labeler disagree most (needs --model), or a seeded draw")
    p.add_argument("--seed", type=int, default=0, help="with --by random (default %(default)s)")
    p.add_argument("--exclude", type=Path, action="append", metavar="GOLD.jsonl",
                   help="never select an article of this gold file again (by id or text; repeatable)")
    p.set_defaults(func=cmd_export_labelstudio)

    p = sub.add_parser("import-labelstudio", parents=[common],
                       help="a Label Studio JSON export back to gold JSONL")
    p.add_argument("input", help="Label Studio JSON export, or - for stdin")
    p.add_argument("-o", "--output", required=True, help="gold JSONL (SCHEMA §3), or - for stdout")
    p.set_defaults(func=cmd_import_labelstudio)

    p = sub.add_parser("export-onnx", parents=[common],
                       help="write a model's ONNX export and its int8 copy (for --backend onnx)")
    p.add_argument("model", help="a saved model folder or a hub id")
    p.add_argument("--revision", help="hub revision (branch, tag or commit) of the model")
    p.add_argument("-o", "--output", type=Path,
                   help="where the files go (default: MODEL/onnx, which push_to_hub uploads)")
    p.add_argument("--no-int8", action="store_true", help="only the fp32 export")
    p.set_defaults(func=cmd_export_onnx)

    p = sub.add_parser("demo", parents=[common],
                       help="run the pipeline end to end on the embedded default data")
    p.add_argument("-o", "--output", type=Path, default=Path("runs/demo"))
    p.add_argument("--epochs", type=int, default=40,
                   help="tiny-model epochs (0 skips training; default %(default)s)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("env", parents=[common],
                       help="versions, device, CUDA and bf16 support (paste it into bug reports)")
    p.set_defaults(func=cmd_env)


def build_parser() -> argparse.ArgumentParser:
    common = _common()  # shared by the subcommands; the main parser gets its own copy
    # no abbreviations: `--threads 1` was silently taken for `--threads-per-actor 1`
    parser = argparse.ArgumentParser(prog="sorot", parents=[_common()], allow_abbrev=False, description=(
        "Tag leaders, officials and conflict topics in Indonesian news, and label articles "
        f"with the conflicts they cover ({', '.join(ARTICLE_LABELS)})."),
        epilog="Exit codes: 0 ok, 1 failure, 2 usage error.")
    parser.add_argument("--version", action="version", version=f"sorot {sorot.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=functools.partial(argparse.ArgumentParser, allow_abbrev=False))
    _add_training_side(sub, common)
    _add_predict(sub, common)
    _add_tools(sub, common)
    return parser


def _configure_logging(verbosity: int) -> None:
    level = logging.DEBUG if verbosity > 0 else logging.WARNING if verbosity < 0 else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s" if verbosity <= 0 else
                                           "%(levelname)s %(name)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False
    if verbosity < 0:  # -q: no progress bars either
        os.environ.setdefault("TQDM_DISABLE", "1")


def _report_error(e: BaseException, verbose: bool) -> int:
    """One line on stderr, exit 1; the traceback only with ``-v``."""
    if verbose:
        traceback.print_exception(e, file=sys.stderr)
    if isinstance(e, (SorotError, OSError, ValueError)):
        message = str(e) or type(e).__name__
    else:  # a bug: say so, and how to see more
        message = f"unexpected {type(e).__name__}: {e}"
        if not verbose:
            message += " (run again with -v for the traceback)"
    print(f"sorot: error: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    """The ``sorot`` command; returns its exit status (a launched rank never returns)."""
    code = _run(argv)
    _leave_if_launched_rank(code)
    return code


def _leave_if_launched_rank(code: int) -> None:
    """End a rank of ``accelerate launch``/``torchrun`` without interpreter teardown.

    gloo's worker threads can still hold tensors when Python finalizes, and the rank then
    dies of SIGABRT after a run that succeeded: CI saw it twice on a two-process
    ``--resume``, once after the process group was destroyed explicitly
    (pytorch/pytorch#179291). By now every output is closed and merged, so the rank
    flushes its streams and logs and leaves with its own status."""
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1 or "torch.distributed" not in sys.modules:
        return
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(code)


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command == "train":
        args.args = extra
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.verbose, args.quiet = getattr(args, "verbose", 0), getattr(args, "quiet", 0)
    _configure_logging(args.verbose - args.quiet)
    try:
        args.func(args)
    except KeyboardInterrupt:
        print("sorot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `sorot predict … -o - | head`: the reader left early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no 2nd error at exit
        return 1
    except Exception as e:
        return _report_error(e, args.verbose > 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
