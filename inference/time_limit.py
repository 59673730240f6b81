"""A per-record time budget: a record whose work runs past it becomes an error record.

Every step of the text pipeline is meant to be linear in the text, but one pathological
record (a megabyte of odd punctuation, a shape nobody has seen) must never stall a run
of millions: ``--max-seconds-per-record`` turns it into an error and the run goes on.

The budget is a ``SIGALRM`` timer, so it interrupts pure-Python work between bytecodes
(a C call already running finishes first). Once the budget is spent the alarm repeats
every 50 ms, since Python drops an exception raised inside a ``__del__`` method or a gc
callback; a body that still finishes is over budget all the same. Signals reach only a
process's main thread:
elsewhere (a worker thread, a Ray task's thread) the budget is not enforced, and
:func:`time_limit` says so once in the log rather than failing.

>>> import time
>>> with time_limit(None):  # no budget
...     pass
>>> try:
...     with time_limit(0.05):
...         while True:
...             time.sleep(0.01)
... except RecordTimeout as e:
...     print(e)
took longer than 0.05 s (--max-seconds-per-record): skipped
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: The default budget: generous, since a news article takes well under a second.
DEFAULT_MAX_SECONDS = 300.0
#: Seconds between alarms once the budget is spent, until one ends the body.
_REPEAT = 0.05
log = logging.getLogger(__name__)
_warned = False


class RecordTimeout(ValueError):
    """A record ran past its time budget. A ``ValueError`` (not ``TimeoutError``, an
    ``OSError``), because it concerns one record: the sinks end a run only on ``OSError``."""

    def __init__(self, seconds: float):
        super().__init__(f"took longer than {seconds:g} s (--max-seconds-per-record): skipped")
        self.seconds = seconds


def _enforceable() -> bool:
    global _warned
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return True
    if not _warned:
        _warned = True
        log.info("the per-record time budget is enforced only in a process's main thread")
    return False


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RecordTimeout` in the body once ``seconds`` have passed.

    ``None`` or ``0`` means no limit. Not re-entrant: an inner limit replaces the outer.
    """
    if not seconds or seconds <= 0 or not _enforceable():
        yield
        return

    expired = []

    def expire(signum, frame):
        expired.append(True)
        raise RecordTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    # The alarm repeats: an exception raised where Python ignores exceptions (a __del__
    # method, a gc callback such as hypothesis's) is lost, and the next alarm must end
    # the body instead. CI saw a 0.8 s budget swallowed that way.
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:  # the body finished, but past its budget: every alarm was swallowed
        raise RecordTimeout(seconds)
