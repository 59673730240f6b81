"""``sorot predict``: the batch script for large dumps of scraped articles.

* **Streaming, bounded memory.** Records are read lazily; a window of
  ``--window-docs`` articles is sorted by length and predicted in batches (the
  predictor cuts them by a token budget). Memory depends on the window, not the corpus.
* **Durable output.** Results are appended per batch, flushed and ``fsync``-ed. The
  JSONL file is the run's log: ``--resume`` repairs a partial last line (left by
  ``kill -9``), skips the ids already written and writes nothing twice.
* **Bad records** go to ``OUT.errors.jsonl`` with the id and the reason; the run goes on.
* **Several processes** (``accelerate launch``): rank r takes records r, r+N, r+2N…,
  writes ``OUT.part-r-of-N.jsonl``, and rank 0 merges the parts into ``OUT`` at the end.
* ``--format csv|parquet`` flattens the finished JSONL log into that format.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from inference.readers import Article, RecordError, read_articles
from inference.sinks import ErrorSink, JsonlSink, errors_path_for

FORMATS = ("jsonl", "csv", "parquet")


def repair_and_read_ids(path: Path) -> set[str]:
    """Cut a partial last line (an interrupted write), then return the ids in ``path``."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep < len(data):
        with path.open("r+b") as f:
            f.truncate(keep)
            os.fsync(f.fileno())
    ids = set()
    for line in data[:keep].splitlines():
        if line.strip():
            ids.add(str(json.loads(line)["id"]))
    return ids


def _shard(records, rank: int, world: int) -> Iterator:
    for k, rec in enumerate(records):
        if k % world == rank:
            yield rec


class Stats:
    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.written = self.skipped = self.errors = self.tokens = 0

    def rates(self) -> tuple[float, float]:
        dt = max(time.perf_counter() - self.start, 1e-9)
        return self.written / dt, self.tokens / dt

    def summary(self) -> str:
        docs, toks = self.rates()
        return (f"{self.written} written, {self.skipped} skipped (already done), {self.errors} "
                f"errors; {docs:.1f} docs/s, {toks:,.0f} tokens/s, "
                f"{time.perf_counter() - self.start:.1f} s")


def _record(article: Article, pred: dict, keep: list[str]) -> dict:
    out = {"id": article.id, "labels": pred["labels"], "primary": pred["primary"],
           "scores": pred["scores"], "entities": pred["entities"]}
    fields = article.extra if keep == ["all"] else {k: article.extra[k] for k in keep
                                                    if k in article.extra}
    return out | {k: v for k, v in fields.items() if k not in out}


def _predict_window(predictor, window: list[Article], batch_size: int, keep, sink, errors,
                    stats: Stats, bar) -> None:
    """Longest articles first, so batches hold articles of similar length."""
    window.sort(key=lambda a: -len(a.text))
    for k in range(0, len(window), batch_size):
        batch = window[k:k + batch_size]
        try:
            prep = predictor.prepare([a.text for a in batch], max_windows=batch_size)
            preds = predictor.run(prep)
        except Exception:  # isolate the record that broke the batch
            preds, prep = [], None
            for a in batch:
                try:
                    preds.append(predictor.predict(a.text))
                except Exception as e:
                    preds.append(e)
        for a, p in zip(batch, preds):
            if isinstance(p, Exception):
                errors.write(RecordError(a.source, f"prediction failed: {type(p).__name__}: {p}",
                                         id=a.id).to_dict())
                stats.errors += 1
            else:
                sink.write(_record(a, p, keep))
                stats.written += 1
        sink.sync()
        stats.tokens += prep.num_tokens if prep else 0
        docs, toks = stats.rates()
        bar.update(len(batch))
        bar.set_postfix_str(f"{docs:.1f} docs/s, {toks:,.0f} tok/s", refresh=False)


def _flatten(rec: dict) -> dict:
    """One CSV/Parquet row: scalars as columns, lists and entities as JSON text."""
    row = {"id": rec["id"], "labels": ";".join(rec["labels"]), "primary": rec["primary"]}
    row |= {f"score_{k}": v for k, v in rec["scores"].items()}
    row["n_entities"] = len(rec["entities"])
    row["entities"] = json.dumps(rec["entities"], ensure_ascii=False)
    for k, v in rec.items():
        if k not in ("id", "labels", "primary", "scores", "entities"):
            row[k] = v if isinstance(v, str) or v is None else json.dumps(v, ensure_ascii=False)
    return row


def convert(log: Path, out: Path, fmt: str, chunk: int = 2048) -> None:
    """Stream the JSONL log into a flattened CSV or Parquet file."""
    import csv

    rows = (_flatten(json.loads(line)) for line in log.open(encoding="utf-8") if line.strip())
    if fmt == "csv":
        with out.open("w", newline="", encoding="utf-8") as f:
            writer = None
            for row in rows:
                if writer is None:
                    writer = csv.DictWriter(f, fieldnames=list(row), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow(row)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, batch = None, []
    for row in [*rows, None]:
        if row is not None:
            batch.append(row)
        if batch and (row is None or len(batch) == chunk):
            table = pa.Table.from_pylist(batch) if writer is None else pa.Table.from_pylist(
                batch, schema=writer.schema)
            writer = writer or pq.ParquetWriter(out, table.schema)
            writer.write_table(table)
            batch = []
    if writer is not None:
        writer.close()


def _distributed():
    """``(rank, world, device)`` from the launcher's environment (``accelerate launch``,
    ``torchrun``); a process group is started for the final barrier."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return 0, 1, None
    import torch
    import torch.distributed as dist

    if not dist.is_initialized():
        dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    local = int(os.environ.get("LOCAL_RANK", "0"))
    device = torch.device(f"cuda:{local}") if torch.cuda.is_available() else torch.device("cpu")
    return dist.get_rank(), world, device


def _merge(parts: list[Path], into: Path) -> None:
    with into.open("ab") as dst:
        for part in parts:
            if part.exists():
                dst.write(part.read_bytes())
        dst.flush()
        os.fsync(dst.fileno())
    for part in parts:
        part.unlink(missing_ok=True)


def _paths(args, rank: int, world: int) -> dict[str, Path]:
    out = Path(args.output)
    fmt = args.format or (out.suffix.lstrip(".") if out.suffix.lstrip(".") in FORMATS else "jsonl")
    log = out if fmt == "jsonl" else out.with_name(out.name + ".log.jsonl")
    errors = errors_path_for(out)
    if world == 1:
        return {"out": out, "fmt": fmt, "log": log, "part": log, "errors": errors,
                "err_part": errors}
    tag = f"part-{rank}-of-{world}"
    return {"out": out, "fmt": fmt, "log": log, "errors": errors,
            "part": log.with_name(f"{log.stem}.{tag}.jsonl"),
            "err_part": errors.with_name(f"{errors.stem}.{tag}.jsonl")}


def run_predict(args) -> None:
    """The whole batch run; raises ``ValueError``/``OSError`` with a user-facing message."""
    from tqdm.auto import tqdm

    from inference.predictor import Predictor, chunked

    rank, world, rank_device = _distributed()
    paths = _paths(args, rank, world)
    if paths["part"].exists() and paths["part"].stat().st_size and not (args.resume or args.overwrite):
        raise ValueError(f"{paths['part']} exists: add --resume to continue it, or --overwrite")
    if args.overwrite:
        paths["part"].unlink(missing_ok=True)
    done = repair_and_read_ids(paths["part"]) if args.resume else set()
    if args.resume and world > 1:
        done |= repair_and_read_ids(paths["log"])
    device = args.device if args.device != "auto" or rank_device is None else rank_device
    predictor = Predictor.from_pretrained(args.model, revision=args.revision, device=device,
                                          dtype=args.dtype, quantize=args.quantize,
                                          max_batch_tokens=args.max_batch_tokens)
    records = _shard(read_articles(args.input, text_column=args.text_column,
                                   id_column=args.id_column, max_chars=args.max_chars), rank, world)
    keep = [k for k in (args.keep_fields or "").split(",") if k]
    stats = Stats()
    with JsonlSink(paths["part"], "a") as sink, ErrorSink(paths["err_part"]) as errors, \
            tqdm(desc=f"predict[{rank}]" if world > 1 else "predict", unit=" docs",
                 disable=None if args.progress is None else not args.progress) as bar:
        def todo():
            for rec in records:
                if isinstance(rec, RecordError):
                    errors.write(rec.to_dict())
                    stats.errors += 1
                elif rec.id in done:
                    stats.skipped += 1
                else:
                    yield rec

        for window in chunked(todo(), args.window_docs):
            _predict_window(predictor, window, args.batch_size, keep, sink, errors, stats, bar)
    print(f"[rank {rank}] " * (world > 1) + stats.summary(), file=sys.stderr)
    _finish(paths, rank, world)


def _finish(paths: dict, rank: int, world: int) -> None:
    if world > 1:
        import torch.distributed as dist

        dist.barrier()  # every part is complete before rank 0 merges
        dist.destroy_process_group()
    if rank != 0:
        return
    if world > 1:
        tags = [f"part-{r}-of-{world}" for r in range(world)]
        _merge([paths["log"].with_name(f"{paths['log'].stem}.{t}.jsonl") for t in tags], paths["log"])
        errs = [paths["errors"].with_name(f"{paths['errors'].stem}.{t}.jsonl") for t in tags]
        if any(p.exists() for p in errs):
            _merge(errs, paths["errors"])
    if paths["fmt"] != "jsonl":
        convert(paths["log"], paths["out"], paths["fmt"])
    where = paths["out"] if paths["fmt"] == "jsonl" else f"{paths['out']} (log: {paths['log']})"
    print(f"predictions in {where}", file=sys.stderr)
    if paths["errors"].exists():
        print(f"bad records in {paths['errors']}", file=sys.stderr)


def add_parser(sub) -> None:
    from inference.readers import DEFAULT_MAX_CHARS

    p = sub.add_parser("predict", help="predict a corpus with a trained model (streaming, resumable)")
    p.add_argument("input", type=Path, help="a directory of .txt files, or .txt/.jsonl/.csv/.parquet")
    p.add_argument("--model", required=True, help="a saved model folder or a hub id")
    p.add_argument("--revision", help="hub revision of --model")
    p.add_argument("-o", "--output", type=Path, required=True, help="OUT.jsonl, OUT.csv or OUT.parquet")
    p.add_argument("--format", choices=FORMATS, help="default: from the output's suffix")
    p.add_argument("--keep-fields", help="input fields to copy to the output, comma-separated, or 'all'")
    p.add_argument("--resume", action="store_true", help="continue OUT, skipping ids already written")
    p.add_argument("--overwrite", action="store_true", help="start OUT afresh")
    p.add_argument("--batch-size", type=int, default=32,
                   help="articles per written batch, and most windows per forward pass")
    p.add_argument("--window-docs", type=int, default=1024,
                   help="articles read ahead and sorted by length (bounds memory)")
    p.add_argument("--max-batch-tokens", type=int, default=8192, help="padded tokens per forward")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:1 ...")
    p.add_argument("--dtype", default="auto", help="auto, fp32, bf16 or fp16")
    p.add_argument("--quantize", choices=["int8"], help="dynamic int8 linear layers (CPU)")
    p.add_argument("--text-column", default="text")
    p.add_argument("--id-column", default="id")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS)
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on a terminal only)")
    p.set_defaults(func=run_predict)
