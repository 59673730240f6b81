"""sorot: leaders, officials and conflict topics in Indonesian news, and the conflicts
each article covers (``russia_ukraine``, ``israel_iran``, ``gaza``).

The public API is lazy, so ``import sorot`` and ``sorot --help`` load no torch:

>>> import sorot
>>> sorot.__version__ != ""
True

``from sorot import Predictor`` (or ``SorotModel``/``SorotConfig``) imports
:mod:`sorot.models.modeling`, which registers the ``sorot`` model type with the
transformers Auto classes.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from sorot.models.lazy import lazy_attributes

try:
    __version__ = version("sorot")
except PackageNotFoundError:  # a checkout on sys.path that was never installed
    __version__ = "0+unknown"

_LAZY = {
    "Predictor": "sorot.inference.predictor",
    "SorotConfig": "sorot.models.modeling",
    "SorotModel": "sorot.models.modeling",
    "SorotOutput": "sorot.models.modeling",
    "WeakLabeler": "sorot.training.weak.labeler",
    "ARTICLE_LABELS": "sorot.models.schema",
    "ENTITY_TYPES": "sorot.models.schema",
    "TOPIC_IDS": "sorot.models.schema",
}


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, ["__version__"])

__all__ = ["__version__", *_LAZY]
