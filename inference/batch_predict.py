"""``sorot predict``: the batch script for large dumps of scraped articles.

* **Streaming, bounded memory.** Records are read lazily; ``--read-ahead`` articles
  at a time are sorted by length and predicted ``--sync-every`` at a time, in forward
  passes of at most ``--batch-size`` windows and ``--max-batch-tokens`` padded tokens.
  Memory depends on the read-ahead, not the corpus.
* **Durable output.** Results are appended every ``--sync-every`` articles, flushed and ``fsync``-ed. The
  JSONL file is the run's log: ``--resume`` repairs a partial last line (left by
  ``kill -9``), skips the ids already written and writes nothing twice.
* **Bad records** go to ``OUT.errors.jsonl`` with the id and the reason; the run goes on.
* **Several processes** (``accelerate launch``): rank 0 takes the one lock of ``OUT`` and
  checks it for every rank; rank r takes records r, r+N, r+2N…, writes
  ``OUT.part-r-of-N.jsonl``, and rank 0 merges the parts into ``OUT`` at the end,
  atomically and each id once. ``--resume`` reads the parts of any process count.
* ``--format csv|parquet`` flattens the finished JSONL log into that format.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sorot.inference.device_loop import Stats, run_stages
from sorot.inference.loading import backend_source, check_backend
from sorot.inference.output_formats import convert
from sorot.inference.run_state import (
    OutputLock,
    check_provenance,
    concat_parts,
    fingerprint,
    merge_parts,
    model_fingerprint,
    part_files,
    record_provenance,
    repair_and_read_ids,
)
from sorot.inference.sinks import (
    STDOUT,
    error_sink,
    errors_path_for,
    output_sink,
    refuse_overwriting_inputs,
)
from sorot.inference.text.readers import ReaderOptions
from sorot.inference.time_limit import DEFAULT_MAX_SECONDS
from sorot.inference.workers import Plan
from sorot.models.errors import SorotError

FORMATS = ("jsonl", "csv", "parquet")
log = logging.getLogger(__name__)


@dataclass
class PredictJob:
    """Everything one ``sorot predict`` run needs (the CLI fills it from its flags).

    ``batch_size`` means what it means for :meth:`Predictor.predict`: the most windows
    per forward pass. ``sync_every`` articles are written and ``fsync``-ed together;
    ``read_ahead`` articles are read and sorted by length at a time.
    """

    input: str | Path
    output: str | Path
    model: str
    revision: str | None = None
    format: str | None = None
    #: input fields copied to each record: ``["all"]`` (the default, as weak-label does), or names
    keep_fields: list[str] = field(default_factory=lambda: ["all"])
    resume: bool = False
    overwrite: bool = False
    batch_size: int = 32
    sync_every: int = 32
    read_ahead: int = 1024
    max_batch_tokens: int = 8192
    device: str = "auto"
    dtype: str = "auto"
    quantize: str | None = None
    #: torch, or onnx (ONNX Runtime on the CPU); ``None``: onnx with ``quantize``, else torch
    backend: str | None = None
    reader: ReaderOptions = field(default_factory=ReaderOptions)
    errors: str | Path | None = None
    progress: bool | None = None
    force: bool = False
    max_error_rate: float | None = None
    #: a record whose CPU work takes longer becomes an error record (None or 0: no limit)
    max_seconds_per_record: float | None = DEFAULT_MAX_SECONDS
    #: intra-op threads of this process, torch's or ONNX Runtime's (``None``: their default)
    threads: int | None = None
    #: worker processes for reading, prepare and decode (0: all in this process; "auto")
    workers: int | str = "auto"

    def check(self) -> None:
        """Refuse settings that cannot work together, before anything is opened."""
        if self.threads is not None and self.threads < 1:
            raise SorotError("--threads must be at least 1")
        if self.workers != "auto" and (not isinstance(self.workers, int) or self.workers < 0):
            raise SorotError(f"--workers must be a number from 0, or auto; got {self.workers!r}")
        if str(self.input) == "-" and self.workers not in ("auto", 0):
            raise SorotError("--workers: each worker reads the input itself, and standard input can "
                             "be read only once; give a file, or --workers 0")
        check_backend(self.backend, self.quantize, self.device, self.dtype)
        for name in ("batch_size", "sync_every", "read_ahead", "max_batch_tokens"):
            if getattr(self, name) < 1:
                raise SorotError(f"--{name.replace('_', '-')} must be at least 1")
        if self.max_error_rate is not None and not 0 <= self.max_error_rate <= 1:
            raise SorotError("--max-error-rate is a fraction between 0 and 1")
        if str(self.output) == STDOUT and (self.resume or self.format not in (None, "jsonl")):
            raise SorotError("-o - writes JSON Lines to standard output: --resume and "
                             "--format csv/parquet need an output file")


def _distributed():
    """``(rank, world, device)`` from accelerate's ``PartialState``, which reads the
    launcher's environment (``accelerate launch``, ``torchrun``) and starts the process
    group; a single process needs none of it."""
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1:
        return 0, 1, None
    import torch
    from accelerate import PartialState

    state = PartialState(cpu=not torch.cuda.is_available())
    return state.process_index, state.num_processes, state.device


def _paths(job: PredictJob, rank: int, world: int) -> dict[str, Path]:
    out = Path(job.output)
    fmt = job.format or (out.suffix.lstrip(".") if out.suffix.lstrip(".") in FORMATS else "jsonl")
    log_path = out if fmt == "jsonl" else out.with_name(out.name + ".log.jsonl")
    errors = Path(job.errors) if job.errors else errors_path_for(out)
    if world == 1:
        return {"out": out, "fmt": fmt, "log": log_path, "part": log_path, "errors": errors,
                "err_part": errors}
    tag = f"part-{rank}-of-{world}"
    return {"out": out, "fmt": fmt, "log": log_path, "errors": errors,
            "part": log_path.with_name(f"{log_path.stem}.{tag}.jsonl"),
            "err_part": errors.with_name(f"{errors.stem}.{tag}.jsonl")}


def _refuse_or_clear_existing(job: PredictJob, paths: dict) -> None:
    """A plain rerun on an existing output is refused; ``--overwrite`` clears it. The final
    log and the parts of every rank of any earlier run count, whatever their process count."""
    log_path = paths["log"]
    written = [p for p in (log_path, *part_files(log_path)) if p.exists() and p.stat().st_size]
    if written and not (job.resume or job.overwrite):
        raise SorotError(f"{written[0]} exists: add --resume to continue it, or --overwrite")
    for stale in (*part_files(paths["errors"]), *(written if job.overwrite else [])):
        stale.unlink(missing_ok=True)  # error parts of an interrupted run: their records run again


def _done_ids(job: PredictJob, paths: dict) -> set[str]:
    """Ids already written (``--resume``): in the final log and in every part file."""
    if str(job.output) == STDOUT or not job.resume:
        return set()
    done: set[str] = set()
    for path in (paths["log"], *part_files(paths["log"])):
        done |= repair_and_read_ids(path)  # rank 0 repaired them already: this only reads
    return done


def _made_from(job: PredictJob) -> dict:
    """What decides the output's records: the input, the model's content, and every option
    that shapes a record (resuming with other kept fields would mix columns)."""
    from sorot.inference.loading import model_files, model_folder

    folder = model_folder(job.model, job.revision, files=model_files(job.backend, job.quantize))
    return {"inputs": [fingerprint(job.input)], "model": str(job.model), "revision": job.revision,
            "model_content": model_fingerprint(folder), **backend_source(job.backend, job.quantize),
            "text_column": job.reader.text_column, "id_column": job.reader.id_column,
            "csv_delimiter": job.reader.csv_delimiter, "keep_fields": sorted(job.keep_fields),
            "dtype": job.dtype, "quantize": job.quantize}


def _guard_outputs(job: PredictJob, paths: dict) -> OutputLock | None:
    """Refuse to overwrite the input; lock the final output (one lock, whatever the process
    count); refuse or clear an existing output; check what it was made from; repair what
    an interrupted run left. Everything that can refuse comes before anything is written,
    so a refused run changes nothing on disk (the provenance is recorded once the model
    has loaded)."""
    if str(job.output) == STDOUT:
        return None
    refuse_overwriting_inputs([job.input], [paths["out"], paths["log"], paths["errors"],
                                            paths["part"], paths["err_part"]])
    lock = OutputLock(paths["log"]).__enter__()
    try:
        _refuse_or_clear_existing(job, paths)
        paths["made_from"] = _made_from(job)  # hashes the model's files: once a run
        check_provenance(paths["out"], paths["made_from"], job.resume, job.force)
        if job.resume:
            for path in (paths["log"], *part_files(paths["log"])):
                repair_and_read_ids(path)
    except BaseException:
        lock.__exit__(None, None, None)
        raise
    return lock


def _gather_totals(stats: Stats) -> None:
    """Every rank's counts summed, on every rank (so that all exit alike)."""
    from accelerate.utils import gather_object

    counts = gather_object([(stats.written, stats.skipped, stats.errors, stats.tokens, stats.first_error)])
    stats.written, stats.skipped, stats.errors, stats.tokens = (sum(c[k] for c in counts) for k in range(4))
    stats.first_error = next((c[4] for c in counts if c[4]), None)


def _guard_all_ranks(job: PredictJob, paths: dict, rank: int, world: int) -> OutputLock | None:
    """Rank 0 guards the output for every rank and tells them the outcome; no rank writes
    before it (a barrier follows the reading of done ids)."""
    if world == 1:
        return _guard_outputs(job, paths)
    from accelerate.utils import broadcast_object_list

    lock, failure, outcome = None, None, [None]
    if rank == 0:
        try:
            lock = _guard_outputs(job, paths)
        except BaseException as e:
            failure, outcome = e, [str(e)]
    broadcast_object_list(outcome, from_process=0)
    if failure is not None:
        raise failure
    if outcome[0] is not None:
        raise SorotError(f"rank 0 refused the run: {outcome[0]}")
    return lock


def run_predict(job: PredictJob) -> Stats:
    """The whole batch run; known failures raise :class:`SorotError` (or ``OSError``)."""
    job.check()
    rank, world, rank_device = _distributed()
    try:
        if world > 1 and str(job.output) == STDOUT:
            raise SorotError("several processes cannot share standard output: give -o OUT.jsonl")
        return _run_ranked(job, rank, world, rank_device)
    finally:
        if world > 1:
            _end_process_group()


def _run_ranked(job: PredictJob, rank: int, world: int, rank_device) -> Stats:
    paths = _paths(job, rank, world)
    lock = _guard_all_ranks(job, paths, rank, world)
    try:  # the lock is held until the parts are merged
        stats = _predict_all(job, paths, rank, world, rank_device)
        stats.rank = rank
        if world > 1:  # each rank's own line; the caller prints the totals once, on rank 0
            log.info("[rank %d] %s", rank, stats.summary())
            _gather_totals(stats)
        if str(job.output) != STDOUT:
            _finish(paths, rank, world)
    finally:
        if lock is not None:
            lock.__exit__(None, None, None)
    return stats


def _end_process_group() -> None:
    """Destroy the process group before the interpreter shuts down. Left to exit, gloo's
    worker threads can still hold tensors while Python is torn down, and the process dies
    of SIGABRT after a run that succeeded (seen in CI on a two-process ``--resume``; the
    failure pytorch/pytorch#179291 describes). This alone did not stop it: the ``sorot``
    command also ends a launched rank before teardown (``cli._leave_if_launched_rank``)."""
    import torch.distributed as dist

    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


def _predict_all(job: PredictJob, paths: dict, rank: int, world: int, rank_device) -> Stats:
    from tqdm.auto import tqdm

    from sorot.inference.predictor import Predictor

    done = _done_ids(job, paths)
    if done and rank == 0:
        log.info("--resume: %d records already in %s are skipped (already done)", len(done), paths["log"])
    if world > 1:
        from accelerate import PartialState

        PartialState().wait_for_everyone()  # every rank has read the done ids before any writes
    device = job.device if job.device != "auto" or rank_device is None else rank_device
    predictor = Predictor.from_pretrained(job.model, revision=job.revision, device=device,
                                          dtype=job.dtype, quantize=job.quantize, backend=job.backend,
                                          threads=job.threads, max_batch_tokens=job.max_batch_tokens)
    if rank == 0 and str(job.output) != STDOUT:  # the run has really started: say what from
        record_provenance(paths["out"], paths["made_from"])
    job.reader.read(job.input)  # a missing input or unknown format fails here, in one line
    plan = Plan(partial(job.reader.read, job.input), rank, world, frozenset(done), job.read_ahead,
                job.sync_every, job.max_seconds_per_record)
    stats = Stats()
    to_stdout = str(job.output) == STDOUT
    sink = output_sink(STDOUT) if to_stdout else output_sink(paths["part"], "a")
    # -o - sends bad records to stderr unless --errors names a file
    errors_sink = error_sink(job.output, None if to_stdout and not job.errors else paths["err_part"])
    with sink, errors_sink as errors, tqdm(desc=f"predict[{rank}]" if world > 1 else "predict",
                                           unit=" docs", disable=None if job.progress is None
                                           else not job.progress) as bar:
        run_stages(predictor, plan, job, (sink, errors, stats, bar))
    stats.errors_output, stats.first_error = errors.name, errors.first
    return stats


def _finish(paths: dict, rank: int, world: int) -> None:
    if world > 1:
        from accelerate import PartialState

        PartialState().wait_for_everyone()  # every part is complete before rank 0 merges
    if rank != 0:
        return
    # the parts of this run and of any interrupted earlier run, whatever its process count
    merge_parts(paths["log"], part_files(paths["log"]))
    if world > 1:
        concat_parts(paths["errors"], part_files(paths["errors"]))
    if paths["fmt"] != "jsonl":
        convert(paths["log"], paths["out"], paths["fmt"])
    where = paths["out"] if paths["fmt"] == "jsonl" else f"{paths['out']} (log: {paths['log']})"
    log.info("predictions in %s", where)
    if paths["errors"].exists():
        log.info("bad records in %s", paths["errors"])
