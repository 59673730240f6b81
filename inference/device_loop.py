"""The main process of ``sorot predict``: prepared batches in, forward, decode, lines out.

:func:`run_stages` takes prepared batches (from this process or from the DataLoader's
workers, :mod:`sorot.inference.workers`), runs each batch's forward passes here, hands
the results to the decode stage (inline or in processes) and appends the decoded lines
to the output in order, one ``fsync`` per batch. :class:`Stats` counts what happened
and how long each stage took.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from functools import partial

from sorot.inference.sinks import run_failure
from sorot.inference.time_limit import time_limit
from sorot.inference.workers import (
    DecodeStage,
    Plan,
    RecordDecoder,
    Watchdog,
    decode_processes,
    prepared_batches,
    resolve_workers,
    worker_deaths,
)

log = logging.getLogger("sorot.inference.batch_predict")


class Stats:
    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.written = self.skipped = self.errors = self.tokens = 0
        self.errors_output = ""
        self.first_error: str | None = None
        self.rank = 0
        #: seconds spent per stage: CPU seconds of prepare and decode (in whichever process
        #: ran them), wall seconds of forward and write in this one
        self.stage_seconds = {"prepare": 0.0, "forward": 0.0, "decode": 0.0, "write": 0.0}
        #: wall seconds from the first record read to the last line written (no model load)
        self.pipeline_seconds = 0.0
        self.first_forward_at: float | None = None

    def add(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] += seconds

    def failure(self, max_error_rate: float | None) -> str | None:
        return run_failure(self.written, self.errors, self.errors_output, max_error_rate,
                           self.first_error)

    def rates(self) -> tuple[float, float]:
        dt = max(time.perf_counter() - self.start, 1e-9)
        return self.written / dt, self.tokens / dt

    def summary(self) -> str:
        docs, toks = self.rates()
        return (f"{self.written} done, {self.skipped} skipped (already done), {self.errors} "
                f"failed; {docs:.1f} docs/s, {toks:,.0f} tokens/s, "
                f"{time.perf_counter() - self.start:.1f} s")


def _forward_alone(predictor, text: str, budget: float | None):
    """``(words, forwarded)`` of one article prepared and run here, or its exception."""
    try:
        with time_limit(budget):
            prep = predictor.prepare([text])
        return prep.words, predictor.forward(prep)
    except Exception as e:
        return e


def forward_batch(predictor, batch, budget: float | None, stats: Stats) -> list:
    """The device stage of one batch: the decoder's parts (see :class:`RecordDecoder`).
    A batch whose forward fails runs again one article at a time (within ``budget``)."""
    start = time.perf_counter()
    if stats.first_forward_at is None:  # start-up, as benchmarks/pipeline.py reads it from -v
        stats.first_forward_at = time.time()
        log.debug("first forward pass at %.3f (unix time)", stats.first_forward_at)
    if batch.prep is not None:
        stats.tokens += batch.prep.num_tokens
        try:
            parts = [(batch.prep.words, predictor.forward(batch.prep))]
        except Exception:  # isolate the record that broke the batch
            parts = [_forward_alone(predictor, a.text, budget) for a in batch.articles]
    else:
        parts = []
        for single in batch.singles:
            try:
                parts.append(single if isinstance(single, Exception) else
                             (single.words, predictor.forward(single)))
            except Exception as e:
                parts.append(e)
    stats.add("forward", time.perf_counter() - start)
    stats.add("prepare", batch.seconds)
    return parts


def _write(result, sink, errors, stats: Stats, bar) -> None:
    """One decoded batch: its lines, its error records, then one fsync."""
    start = time.perf_counter()
    lines, seconds = result
    stats.add("decode", seconds)
    for line, error in lines:
        if error is None:
            sink.write_line(line)
            stats.written += 1
        else:
            errors.write(error)
            stats.errors += 1
    sink.sync()
    stats.add("write", time.perf_counter() - start)
    docs, toks = stats.rates()
    bar.update(len(lines))
    bar.set_postfix_str(f"{docs:.1f} docs/s, {toks:,.0f} tok/s", refresh=False)


def run_stages(predictor, plan: Plan, job, out) -> None:
    """Prepared windows in, forward here, decode inline or in processes, lines out in order."""
    sink, errors, stats, bar = out
    workers = 0 if str(job.input) == "-" else resolve_workers(job.workers, predictor.device_type, plan.world)
    decoder = RecordDecoder(predictor.decode_spec, predictor.lookups, job.keep_fields)
    start = time.perf_counter()
    stage = DecodeStage(decoder, decode_processes(workers))
    watchdog = Watchdog() if workers else None
    if watchdog:
        watchdog.watch(stage.processes)
    from sorot.inference.stages import prepare

    prepare_fn = partial(prepare, tokenizer=predictor.tokenizer,
                         spec=replace(predictor.prepare_spec, max_windows=job.batch_size))
    try:
        with worker_deaths():
            for batch in prepared_batches(plan, prepare_fn, workers, predictor.device_type == "cuda", watchdog):
                for error in batch.errors:
                    errors.write(error)
                    stats.errors += 1
                stats.skipped += batch.skipped
                if batch.articles:
                    parts = forward_batch(predictor, batch, job.max_seconds_per_record, stats)
                    for result in stage.submit(batch.articles, parts):
                        _write(result, sink, errors, stats, bar)
            for result in stage.drain():
                _write(result, sink, errors, stats, bar)
    finally:
        if watchdog:
            watchdog.stop()
        stage.close()
        stats.pipeline_seconds = time.perf_counter() - start
