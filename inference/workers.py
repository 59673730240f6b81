"""The CPU stages of ``sorot predict`` in worker processes, so the device never waits on Python.

``--workers N`` runs *reading and prepare* in N ``torch.utils.data.DataLoader`` worker
processes and *decode* (with the record's JSON encoding) in a small process pool; the
main process only copies tensors, runs the forward passes and appends lines to the
output. With ``--workers 0`` the very same functions run in the main process.

The input is cut into *windows* of ``read_ahead`` records (bad records and records
already done do not count), each sorted longest first and cut into batches of
``sync_every``, numbered in order. Every process reads the input and prepares the
batches that are its own (batch ``k`` belongs to worker ``k mod N``); the DataLoader
hands them back in order, so the output is the same, byte for byte, whatever ``N``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from sorot.inference.stages import Prepared
from sorot.inference.text.article import Article, RecordError
from sorot.inference.time_limit import time_limit
from sorot.models.errors import SorotError


@dataclass
class Batch:
    """``sync_every`` articles, prepared together; when that failed, ``singles`` holds each
    article prepared alone, or the exception that stopped it. The first batch of a window
    also carries the bad and already-done records met while reading the window (a window
    with no article to predict gives one empty batch that carries only those)."""

    index: int
    articles: list[Article]
    prep: Prepared | None = None
    singles: list = field(default_factory=list)
    seconds: float = 0.0
    errors: list[dict] = field(default_factory=list)
    skipped: int = 0

    def pin_memory(self) -> Batch:
        for p in [self.prep, *self.singles]:
            if isinstance(p, Prepared):
                p.pin_memory()
        return self


@dataclass
class Window:
    """``read_ahead`` articles of the input as read, and the bad and already-done records
    met on the way (in input order)."""

    index: int
    articles: list[Article] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    skipped: int = 0


@dataclass
class Plan:
    """How to read and cut the input: the same in every process."""

    read: object  #: a callable returning the record iterator (``ReaderOptions.read`` bound)
    rank: int = 0
    world: int = 1
    done: frozenset = frozenset()
    read_ahead: int = 1024
    sync_every: int = 32
    max_seconds: float | None = None


def windows(plan: Plan) -> Iterator[Window]:
    """The input's windows, in order (records of this rank only)."""
    window = Window(0)
    for k, rec in enumerate(plan.read()):
        if k % plan.world != plan.rank:
            continue
        if isinstance(rec, RecordError):
            window.errors.append(rec.to_dict())
        elif rec.id in plan.done:
            window.skipped += 1
        else:
            window.articles.append(rec)
            if len(window.articles) == plan.read_ahead:
                yield window
                window = Window(window.index + 1)
    if window.articles or window.errors or window.skipped:
        yield window


def batches(plan: Plan) -> Iterator[Batch]:
    """The input's batches, numbered in order: each window sorted longest first (so a batch
    holds articles of similar length) and cut into ``sync_every`` articles."""
    index = 0
    for window in windows(plan):
        articles = sorted(window.articles, key=lambda a: -len(a.text))
        for k in range(0, max(len(articles), 1), plan.sync_every):
            batch = Batch(index, articles[k:k + plan.sync_every])
            if k == 0:
                batch.errors, batch.skipped = window.errors, window.skipped
            index += 1
            yield batch


def prepare_batch(batch: Batch, prepare, plan: Plan) -> Batch:
    """Prepare the batch's articles together; when that fails (or runs past its records'
    time budget), one at a time, so one bad record never costs the others theirs."""
    if not batch.articles:
        return batch
    budget = plan.max_seconds
    start = time.process_time()
    try:
        with time_limit(budget and budget * len(batch.articles)):
            batch.prep = prepare([a.text for a in batch.articles]).for_device()
    except Exception:
        batch.singles = [_prepare_alone(prepare, a.text, budget) for a in batch.articles]
    batch.seconds = time.process_time() - start
    return batch


def _prepare_alone(prepare, text: str, budget: float | None):
    try:
        with time_limit(budget):
            return prepare([text]).for_device()
    except Exception as e:
        return e


def die_with_parent() -> None:
    """Ask Linux to kill this worker when the main process dies (``kill -9`` included)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _worker_init(_worker_id: int) -> None:
    os.environ["TOKENIZERS_PARALLELISM"] = "false"  # one core each; the workers are the parallelism
    die_with_parent()


def prepared_batches(plan: Plan, prepare, workers: int, pin: bool, watchdog=None) -> Iterator[Batch]:
    """Prepared batches in order: in this process (``workers=0``) or in a DataLoader whose
    worker processes ``watchdog`` (a :class:`Watchdog`) keeps an eye on."""
    if workers == 0:
        yield from (prepare_batch(b, prepare, plan) for b in batches(plan))
        return
    from torch.utils.data import DataLoader  # here: a run without workers never imports torch

    from sorot.inference.batch_source import BatchSource

    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    loader = DataLoader(BatchSource(plan, prepare), batch_size=None, num_workers=workers,
                        prefetch_factor=4, pin_memory=pin, worker_init_fn=_worker_init,
                        multiprocessing_context=START_METHOD)
    it = iter(loader)
    if watchdog is not None:
        watchdog.watch(lambda: list(getattr(it, "_workers", [])))
    yield from it


@contextlib.contextmanager
def worker_deaths():
    """A worker's death as :class:`WorkerDied`: the DataLoader reports it from its SIGCHLD
    handler, so it surfaces anywhere in the main process, not only where it reads."""
    try:
        yield
    except RuntimeError as e:
        if "DataLoader worker" in str(e):
            raise WorkerDied(str(e).strip().splitlines()[0]) from None
        raise


def resolve_workers(workers: int | str, device, world: int = 1) -> int:
    """``auto``: none on a CPU device, where the encoder's own threads use the cores (the
    CPU side is about 2 ms of an article's 100 ms with a base-size encoder there), else
    the cores left to this process's share after the main process, at most 12. Give
    ``--workers`` yourself for a small encoder on many cores."""
    if workers != "auto":
        return int(workers)
    if getattr(device, "type", str(device)) == "cpu":
        return 0
    return max(1, min(12, (os.cpu_count() or 2) // max(world, 1) - 1))


def decode_processes(workers: int) -> int:
    """Decode costs about a third of prepare (measured): one decode process per three
    prepare workers, at least one when there are workers at all."""
    return 0 if workers == 0 else max(1, round(workers / 3))


class WorkerDied(SorotError, RuntimeError):
    """A worker process died (killed, or out of memory); what was written is kept."""

    def __init__(self, what: str) -> None:
        super().__init__(f"a worker process died ({what.rstrip('.')}); every record written so far "
                         "is kept: run again with --resume to finish")


#: fork where it is safe: the workers inherit the loaded tokenizer and lexicons instead of
#: unpickling them (on macOS and Windows the platform default, which pickles them)
START_METHOD = "fork" if sys.platform.startswith("linux") else None


class Watchdog:
    """Ends the run in one line when a worker process died and the main process has not
    failed by itself within ``grace`` seconds: a worker killed while it wrote a batch into
    the pipe leaves the reader waiting for the rest of it, forever. Everything written
    is fsync-ed batch by batch, so ending the process is as safe as ``kill -9``."""

    def __init__(self, grace: float = 10.0) -> None:
        import threading

        self.grace, self.sources, self.stopped = grace, [], threading.Event()
        self.thread = threading.Thread(target=self._run, name="sorot-watchdog", daemon=True)
        self.thread.start()

    def watch(self, processes) -> None:
        """``processes()`` lists ``multiprocessing`` processes to watch."""
        self.sources.append(processes)

    def _dead(self) -> list:
        return [p for source in self.sources for p in source() if p.exitcode not in (None, 0)]

    def _run(self) -> None:
        since = None
        while not self.stopped.wait(1.0):
            dead = self._dead()
            since = (since or time.monotonic()) if dead else None
            if dead and time.monotonic() - since > self.grace:
                p = dead[0]
                what = f"pid {p.pid}, exit code {p.exitcode}" if p.exitcode > 0 else \
                    f"pid {p.pid}, killed by signal {-p.exitcode}"
                print(f"sorot: error: {WorkerDied(what)}", file=sys.stderr, flush=True)
                os._exit(1)

    def stop(self) -> None:
        self.stopped.set()


# ---- decode ------------------------------------------------------------------------
_DECODER = None


def _decode_init(decoder) -> None:
    global _DECODER
    _DECODER = decoder
    die_with_parent()


def _decode_in_worker(args):
    return _DECODER(*args)


class DecodeStage:
    """Decode batches in order, inline (``processes=0``) or in a pool of processes; at
    most ``2 * processes`` batches are in flight, so memory stays bounded."""

    def __init__(self, decoder, processes: int) -> None:
        self.decoder, self.pending = decoder, deque()
        self.pool = None
        if processes:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context(START_METHOD),
                                            initializer=_decode_init, initargs=(decoder,))
        self.limit = max(1, 2 * processes)

    def processes(self) -> list:
        """The pool's processes (for the :class:`Watchdog`)."""
        return list((getattr(self.pool, "_processes", None) or {}).values())

    def submit(self, *args) -> Iterator:
        """Queue one batch; yields the results that are due, oldest first."""
        if self.pool is None:
            yield self.decoder(*args)
            return
        from concurrent.futures.process import BrokenProcessPool

        try:
            self.pending.append(self.pool.submit(_decode_in_worker, args))
        except BrokenProcessPool as e:
            raise WorkerDied(f"a decode process: {e}") from None
        while len(self.pending) > self.limit:
            yield self._result(self.pending.popleft())

    def drain(self) -> Iterator:
        while self.pending:
            yield self._result(self.pending.popleft())

    @staticmethod
    def _result(future):
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool as e:
            raise WorkerDied(f"a decode process: {e}") from None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class RecordDecoder:
    """Decode + the output record + its JSON line, for one batch; picklable (it is what
    a decode process holds). Returns, per article in order, ``(line, None)`` or
    ``(None, error record)``, and the CPU seconds it took."""

    def __init__(self, spec, lookups, keep_fields: list[str], thresholds: dict | None = None) -> None:
        self.spec, self.lookups, self.keep, self.thresholds = spec, lookups, keep_fields, thresholds

    def __call__(self, articles: list[Article], parts: list) -> tuple[list, float]:
        from sorot.inference.decode import decode
        from sorot.inference.output_formats import prediction_error

        start, out, k = time.process_time(), [], 0
        for part in parts:  # (words, forwarded) for consecutive articles, or one exception
            if isinstance(part, Exception):
                out.append((None, prediction_error(articles[k], part)))
                k += 1
                continue
            words, fwd = part
            for pred in decode(words, fwd, self.spec, self.lookups, self.thresholds):
                out.append(self._line(articles[k], pred))
                k += 1
        return out, time.process_time() - start

    def _line(self, article: Article, pred: dict) -> tuple:
        from sorot.inference.output_formats import prediction_record
        from sorot.inference.sinks import UnwritableRecord, json_line

        try:
            return json_line(prediction_record(article, pred, self.keep)), None
        except UnwritableRecord as e:  # a kept input field that is not valid Unicode
            return None, RecordError(article.source, str(e), id=article.id).to_dict()
