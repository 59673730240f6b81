"""Batch inference past one machine: ``sorot predict --engine ray`` (``pip install sorot[ray]``).

Ray Data runs the job on a local Ray that sorot starts itself (the machine's CPUs), or
on an existing cluster (``--ray-address`` or ``RAY_ADDRESS``):

1. each input *unit* — a JSONL, CSV or Parquet file, or a folder of ``.txt`` files — is
   read in a Ray task by sorot's own readers, so every record is checked as in
   ``sorot predict`` and a bad one becomes an error row, never a lost one;
2. the rows are *prepared* in CPU tasks (:mod:`sorot.inference.stages`: words,
   windows, token-budget passes), run through the encoder in a pool of actors
   (``concurrency`` actors, ``num_gpus`` each, one model each: the *forward* stage only),
   and *decoded* in CPU tasks again, so the CPU work scales with the cluster's CPUs;
3. the driver writes one output file per unit (``OUT/<unit>-<hash>.jsonl`` or
   ``.parquet``) and one errors file, under temporary names, renaming the output last.

A rerun after a crash skips every unit whose output file exists (it is complete, since
it was renamed whole), so no id is written twice.

Python::

    from sorot.inference.ray_engine import RayJob, run_ray
    run_ray(RayJob(inputs=["s3-mirror/dumps/"], output="preds/", model="ORG/sorot-indobert-base",
                   concurrency=8, num_gpus=1))
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from sorot.inference.loading import backend_source, check_backend
from sorot.inference.ray_stages import ForwardActor, decode_rows, prepare_rows
from sorot.inference.run_state import OutputLock, fingerprint, model_fingerprint, record_provenance
from sorot.inference.sinks import refuse_overwriting_inputs
from sorot.inference.text.readers import SUFFIXES, ReaderOptions
from sorot.models.errors import SorotError

log = logging.getLogger(__name__)


@dataclass
class RayJob:
    """One Ray Data batch-inference job. ``batch_size`` is the most windows per forward
    pass, as for :meth:`Predictor.predict`; ``rows_per_batch`` is how many articles an
    actor receives at a time."""

    inputs: list[str | Path]
    output: str | Path
    model: str
    revision: str | None = None
    format: str = "jsonl"
    #: input fields copied to each record: ``["all"]`` (the default, as weak-label does), or names
    keep_fields: list[str] = field(default_factory=lambda: ["all"])
    reader: ReaderOptions = field(default_factory=ReaderOptions)
    concurrency: int = 2
    num_gpus: float = 0.0
    threads_per_actor: int = 1
    batch_size: int = 32
    rows_per_batch: int = 64
    max_batch_tokens: int = 8192
    dtype: str = "auto"
    quantize: str | None = None
    #: torch, or onnx (ONNX Runtime on the CPU actors); ``None``: onnx with ``quantize``, else torch
    backend: str | None = None
    address: str | None = None
    #: redo every unit, finished or not (otherwise a unit is redone only when its input,
    #: the model or the output options changed since its file was written)
    overwrite: bool = False
    progress: bool | None = None


@dataclass
class RayStats:
    units: int = 0
    skipped_units: int = 0
    written: int = 0
    errors: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0
    cluster: str = ""  # where the job ran: "a local Ray started for this run at HOST:PORT", "the Ray at HOST:PORT"

    def failure(self, max_error_rate: float | None) -> str | None:
        from sorot.inference.sinks import run_failure

        return run_failure(self.written, self.errors, "the .errors.jsonl files", max_error_rate)

    def summary(self) -> str:
        rate = self.written / self.seconds if self.seconds else 0.0
        return (f"{self.written} done, {self.errors} failed, {self.units - self.skipped_units} units "
                f"predicted, {self.skipped_units} skipped (already done); {rate:.1f} docs/s, "
                f"{self.seconds:.1f} s (Ray start-up {self.startup_seconds:.1f} s"
                + (f", on {self.cluster})" if self.cluster else ")"))


def input_units(inputs: list[str | Path]) -> list[Path]:
    """The units of work: files with a known suffix, and folders of ``.txt`` files; a
    folder of other files gives each of them; a glob pattern expands."""
    units: list[Path] = []
    for item in inputs:
        # the stdlib's glob takes absolute patterns too (Path.glob refuses them)
        pattern = str(item)
        paths = sorted(map(Path, glob.glob(pattern, recursive=True))) if any(c in pattern for c in "*?[") \
            else [Path(item)]
        if not paths:
            raise SorotError(f"input not found: nothing matches {pattern}")
        for p in paths:
            if not p.exists():
                raise SorotError(f"input not found: {p}")
            units += _folder_units(p) if p.is_dir() else [p]
    if not units:
        raise SorotError(f"no input files in {', '.join(map(str, inputs))}")
    return units


def _folder_units(folder: Path) -> list[Path]:
    """A folder's units: its ``.txt`` files together (the folder itself, read as articles),
    and each JSONL, CSV or Parquet file beside them on its own; none is dropped."""
    files = sorted(folder.iterdir())
    txt = [folder] if any(f.suffix.lower() == ".txt" for f in files) else []
    return txt + [f for f in files if f.is_file() and f.suffix.lower() in SUFFIXES[1:]]


def unit_name(unit: Path) -> str:
    """A stable output name per unit: its stem and a 128-bit hash of its full path (a 32-bit
    one collided among 45,089 names, and the two units then shared one output file)."""
    digest = hashlib.blake2b(str(unit.resolve()).encode(), digest_size=16).hexdigest()
    return f"{unit.name.split('.')[0]}-{digest}"


def unit_names(units: list[Path]) -> dict[Path, str]:
    """Each unit's output name, refusing the run if two units would share one."""
    names: dict[str, Path] = {}
    for unit in units:
        name = unit_name(unit)
        if name in names and names[name].resolve() != unit.resolve():
            raise SorotError(f"{names[name]} and {unit} would write the same output {name}")
        names[name] = unit
    return {unit: name for name, unit in names.items()}


def _error_row(unit: str, error) -> dict:
    # ensure_ascii: a lone surrogate in a bad record is escaped, never a crash in Arrow
    return {"unit": unit, "id": "", "text": "", "source": unit, "extra": "{}",
            "error": json.dumps(error.to_dict(), ensure_ascii=True)}


def _read_unit(reader: ReaderOptions):
    def read(row: dict):
        from sorot.inference.text.article import RecordError

        try:
            for rec in reader.read(row["unit"]):
                if isinstance(rec, RecordError):
                    yield _error_row(row["unit"], rec)
                else:
                    yield {"unit": row["unit"], "id": rec.id, "text": rec.text, "source": rec.source,
                           "extra": json.dumps(rec.extra, ensure_ascii=True, default=str), "error": ""}
        except Exception as e:  # an unreadable file is this unit's error, not the whole job's
            yield _error_row(row["unit"], RecordError(row["unit"], f"{type(e).__name__}: {e}"))
    return read


class _UnitWriter:
    """Writes one unit's records and errors under temporary names; ``close`` renames the
    errors file, then the output file last: an output file that exists is complete."""

    def __init__(self, out_dir: Path, unit: str, fmt: str, source: dict) -> None:
        self.unit, self.source = unit, source
        name = unit_name(Path(unit))
        self.final = out_dir / f"{name}.{fmt}"
        self.errors_final = out_dir / f"{name}.errors.jsonl"
        self.fmt, self.records, self.written, self.errors = fmt, [], 0, 0
        self.partial_errors = out_dir / f".{name}.errors.jsonl.partial"
        self.partial = self.final.with_name(f".{self.final.name}.partial")
        self._errors = self.partial_errors.open("w", encoding="utf-8")
        # JSONL streams to disk; Parquet collects the unit's records for one typed table
        self._out = self.partial.open("w", encoding="utf-8") if fmt == "jsonl" else None

    def add(self, record: str, error: str) -> None:
        if error:
            self._errors.write(error + "\n")
            self.errors += 1
        elif self._out is not None:
            self._out.write(record + "\n")
            self.written += 1
        else:
            self.records.append(json.loads(record))
            self.written += 1

    def close(self) -> None:
        from sorot.inference.output_formats import parquet_table

        self._errors.close()
        if self._out is not None:
            self._out.close()
        else:
            import pyarrow.parquet as pq

            pq.write_table(parquet_table(self.records), self.partial)
        if self.errors:
            os.replace(self.partial_errors, self.errors_final)
        else:
            self.partial_errors.unlink()
            self.errors_final.unlink(missing_ok=True)  # a redone unit's old errors
        record_provenance(self.final, self.source)  # OUT/<unit>.jsonl.source.json
        os.replace(self.partial, self.final)  # last: an output file that exists is complete


def _start_ray(address: str | None) -> tuple[float, str]:
    """Start or join Ray: ``(seconds it took, where the job runs)``."""
    import ray

    start = time.perf_counter()
    address = address or os.environ.get("RAY_ADDRESS")
    quiet = {"log_to_driver": False, "logging_level": logging.WARNING}
    where = "the Ray this process already runs on"
    if not ray.is_initialized():
        if address:
            try:
                ray.init(address=address, **quiet)
            except ConnectionError as e:
                raise SorotError(_join_failure(address, e)) from e
            where = "the Ray at"
        else:  # the embedded default: a new local Ray over this machine's CPUs ("local": not
            # a cluster that `ray start` left running here, which ray.init() would join, and
            # refuse because num_cpus is given)
            ray.init(address="local", num_cpus=os.cpu_count(), include_dashboard=False, **quiet)
            where = "a local Ray started for this run at"
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # its progress lines: -v shows them
    # said in the summary: a cluster joined by mistake, or not joined, is otherwise easy to miss
    where = f"{where} {ray.get_runtime_context().gcs_address}"
    return time.perf_counter() - start, where


def _join_failure(address: str, e: ConnectionError) -> str:
    """One line for a cluster that would not be joined, and the usual cause's remedy.

    Ray 2.59+ turns token authentication on for a cluster started where a token exists
    (``~/.ray/auth_token``, left by any earlier local ``ray.init()``), but a driver sends
    the token to an address given by name only when ``RAY_AUTH_MODE=token``: it then
    retries for 20 s and says only "Failed to connect", the reason being in the chained
    error."""
    chain = "".join(traceback.format_exception(e))
    if "InvalidAuthToken" not in chain or os.environ.get("RAY_AUTH_MODE", "").lower() == "token":
        return f"could not join the Ray at {address}: {e}"
    return (f"could not join the Ray at {address}: it asks for a token, which Ray sends to a named "
            "address only with RAY_AUTH_MODE=token: set it, with the cluster's token in "
            "~/.ray/auth_token or RAY_AUTH_TOKEN (`ray get-auth-token` on the head prints it), or on "
            "the head node give --ray-address auto")


def _dataset(job: RayJob, units: list[Path]):
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # unit after unit, so each can be closed
    ctx.enable_progress_bars = log.isEnabledFor(logging.DEBUG) if job.progress is None else job.progress
    # a CPU actor asks for slightly less than its threads so that the CPU tasks still fit;
    # beside GPU actors, each CPU task takes a core, beside CPU actors (which run the
    # encoder on those cores) only a slice, or no task would ever be scheduled
    actor_cpus = job.threads_per_actor if job.num_gpus else max(0.5, job.threads_per_actor - 0.1)
    task_cpus = 1 if job.num_gpus else 0.05
    # read → prepare (CPU tasks) → forward (the actor pool) → decode (CPU tasks): the CPU
    # stages scale with the cluster's CPUs, not with each actor's one Python thread
    return (ray.data.from_items([{"unit": str(u)} for u in units])
            .flat_map(_read_unit(job.reader), num_cpus=0.1)
            .map_batches(prepare_rows, fn_kwargs={"job": job}, batch_size=job.rows_per_batch,
                         batch_format="pandas", num_cpus=task_cpus)
            .map_batches(ForwardActor, fn_constructor_args=(job,), batch_size=1, batch_format="pandas",
                         concurrency=job.concurrency, num_gpus=job.num_gpus, num_cpus=actor_cpus)
            .map_batches(decode_rows, fn_kwargs={"job": job}, batch_size=1, batch_format="pandas",
                         num_cpus=task_cpus))


def _write_units(dataset, out_dir: Path, fmt: str, stats: RayStats, sources: dict[str, dict]) -> None:
    """Rows arrive unit after unit (order is preserved); each unit's file is written whole.
    A unit whose rows came back after its file was closed would overwrite it: refused."""
    writer: _UnitWriter | None = None
    closed: set[str] = set()
    for batch in dataset.iter_batches(batch_size=None, batch_format="pandas"):
        for unit, record, error in zip(batch["unit"], batch["record"], batch["error"]):
            if writer is None or writer.unit != unit:
                if writer is not None:
                    writer.close()
                    closed.add(writer.unit)
                if unit in closed:
                    raise SorotError(f"records of {unit} arrived after its output was written; "
                                     "run again to redo it")
                writer = _UnitWriter(out_dir, unit, fmt, sources[unit])
            writer.add(record, error)
            stats.written += not error
            stats.errors += bool(error)
    if writer is not None:
        writer.close()


def run_ray(job: RayJob) -> RayStats:
    """Run the job; units whose output file exists are skipped (resume)."""
    try:
        import ray  # noqa: F401
    except ImportError as e:
        raise SorotError("--engine ray needs Ray: pip install 'sorot[ray]'") from e
    if job.format not in ("jsonl", "parquet"):
        raise SorotError("--engine ray writes jsonl or parquet")
    for flag, value, least in (("--actors", job.concurrency, 1), ("--threads-per-actor", job.threads_per_actor, 1),
                               ("--batch-size", job.batch_size, 1), ("--gpus-per-actor", job.num_gpus, 0)):
        if value < least:
            raise SorotError(f"{flag} must be at least {least}, got {value}")
    out_dir = Path(job.output)
    refuse_overwriting_inputs(job.inputs, [out_dir])
    out_dir.mkdir(parents=True, exist_ok=True)
    with OutputLock(out_dir):  # OUT.lock beside the folder: one Ray run per output at a time
        return _run_locked(job, out_dir)


def _unit_source(job: RayJob, unit: Path, model_content: str) -> dict:
    """What a unit's output is made from: its input, the model's content, the options."""
    return {"input": fingerprint(unit), "model": str(job.model), "revision": job.revision,
            "model_content": model_content, "keep_fields": sorted(job.keep_fields),
            "text_column": job.reader.text_column, "id_column": job.reader.id_column,
            "csv_delimiter": job.reader.csv_delimiter, "dtype": job.dtype, "quantize": job.quantize,
            **backend_source(job.backend, job.quantize)}


def _finished(out_dir: Path, unit: Path, fmt: str, source: dict) -> bool:
    """A unit's output exists and was made from the same input, model and options."""
    name = unit_name(unit)
    if not (out_dir / f"{name}.{fmt}").exists():
        return False
    try:
        return json.loads((out_dir / f"{name}.{fmt}.source.json").read_text()) == source
    except (OSError, ValueError):
        return False  # written before provenance was recorded: redo it


def plan_units(job: RayJob, out_dir: Path) -> tuple[list[Path], list[Path], dict[str, dict]]:
    """``(units, the units to predict, what each unit's output is made from)``: a unit is
    redone when its output is missing, or was made from another input, model or options."""
    from sorot.inference.loading import model_files, model_folder

    units = list(unit_names(input_units(job.inputs)))  # one unit per distinct output name
    content = model_fingerprint(model_folder(job.model, job.revision, files=model_files(job.backend, job.quantize)))
    sources = {str(u): _unit_source(job, u, content) for u in units}
    todo = [u for u in units
            if job.overwrite or not _finished(out_dir, u, job.format, sources[str(u)])]
    return units, todo, sources


def _run_locked(job: RayJob, out_dir: Path) -> RayStats:
    check_backend(job.backend, job.quantize, "cuda" if job.num_gpus else "cpu", job.dtype)
    units, todo, sources = plan_units(job, out_dir)
    stats = RayStats(units=len(units), skipped_units=len(units) - len(todo))
    start = time.perf_counter()
    if todo:  # a rerun over finished outputs starts no Ray at all
        stats.startup_seconds, stats.cluster = _start_ray(job.address)
        start = time.perf_counter()
        try:
            _write_units(_dataset(job, todo), out_dir, job.format, stats, sources)
        except SorotError:
            raise
        except Exception as e:  # a Ray task's failure: its first line, not 150 remote ones
            first = str(e).strip().splitlines()[0] if str(e).strip() else ""
            raise SorotError(f"the Ray job failed: {type(e).__name__}: {first[:300]} "
                             "(run again with -v for the traceback); finished files are kept") from e
    stats.seconds = time.perf_counter() - start
    log.debug("%s", stats.summary())
    return stats
