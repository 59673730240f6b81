"""The joint sorot model and the label schema in code.

This package's ``__init__`` is lazy: ``sorot.models.schema`` imports neither torch
nor transformers, so the text-processing side can use the schema for free.

Importing :mod:`sorot.models.modeling` registers the ``sorot`` model type with
``AutoConfig`` and ``AutoModel``; ``from sorot.models import SorotModel``,
``from sorot import SorotModel`` and ``from sorot import Predictor`` all import it.
"""

from __future__ import annotations

from sorot.models.lazy import lazy_attributes
from sorot.models.schema import (
    ARTICLE_LABELS,
    BIO_TAGS,
    DEFAULT_BACKBONE,
    ENTITY_TYPES,
    PRIMARY_OTHER,
    PRIMARY_VALUES,
    TOPIC_IDS,
)

_LAZY = {"SorotConfig": "sorot.models.modeling", "SorotModel": "sorot.models.modeling",
         "SorotOutput": "sorot.models.modeling"}


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, ["ARTICLE_LABELS", "BIO_TAGS", "DEFAULT_BACKBONE",
                                                            "ENTITY_TYPES", "PRIMARY_OTHER", "PRIMARY_VALUES",
                                                            "TOPIC_IDS"])

__all__ = ["ARTICLE_LABELS", "BIO_TAGS", "DEFAULT_BACKBONE", "ENTITY_TYPES", "PRIMARY_OTHER",
           "PRIMARY_VALUES", "TOPIC_IDS", "SorotConfig", "SorotModel", "SorotOutput"]
