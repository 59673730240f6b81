"""The one base class of the errors sorot can explain.

Bad input, a missing or wrong model, a malformed export or gazetteer, unusable
training data: each raises a subclass of :class:`SorotError` whose message names the
file, record or setting and the reason. The ``sorot`` command prints these as
``sorot: error: <message>`` and exits 1, without a traceback (``-v`` shows one).

>>> issubclass(SorotError, Exception)
True
"""


class SorotError(Exception):
    """A failure with a message meant for the user (no traceback needed)."""
