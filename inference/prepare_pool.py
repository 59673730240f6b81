"""The prepare stage of :meth:`Predictor.predict` in worker processes (``workers=N``).

The main process reads the texts, cuts them into groups and sends each group to a pool
of ``N`` processes that segment, tokenise and plan it (:func:`sorot.inference.stages.prepare`);
the prepared groups come back in input order while the main process runs the forward
passes and decodes. At most ``2 * N`` groups are in flight, so memory stays flat on an
endless iterator. The batch job has its own, richer version (``sorot predict --workers``,
:mod:`sorot.inference.workers`: a DataLoader, error records, a watchdog).

Only the tokenizer and the prepare settings cross to the workers (inherited through
``fork`` on Linux, pickled elsewhere), never the model.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from sorot.inference.stages import Prepared, PrepareSpec, prepare
from sorot.inference.workers import START_METHOD, WorkerDied, die_with_parent

_TOKENIZER, _SPEC = None, None


def _init(tokenizer, spec: PrepareSpec) -> None:
    global _TOKENIZER, _SPEC
    import os

    os.environ["TOKENIZERS_PARALLELISM"] = "false"  # one core each: the processes are the parallelism
    _TOKENIZER, _SPEC = tokenizer, spec
    die_with_parent()


def _prepare(texts: list[str], max_windows: int) -> Prepared:
    return prepare(texts, _TOKENIZER, replace(_SPEC, max_windows=max_windows)).for_device()


def prepared_in_processes(groups: Iterable[list[str]], tokenizer, spec: PrepareSpec, max_windows: int,
                          workers: int) -> Iterator[Prepared]:
    """Each group of ``groups`` prepared in one of ``workers`` processes, in order."""
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init,
                             initargs=(tokenizer, spec)) as pool:
        pending: deque = deque()
        try:
            for group in groups:
                pending.append(pool.submit(_prepare, group, max_windows))
                if len(pending) > 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as e:
            raise WorkerDied(f"a prepare process: {e}") from None
        finally:
            for future in pending:
                future.cancel()
