"""Bridges from sorot's predictions to other tools' objects (each needs its own extra).

``from sorot.integrations import to_doc`` gives a spaCy ``Doc``
(:mod:`sorot.integrations.spacy_docs`, ``pip install "sorot[spacy]"``). The module is not
named ``spacy``: nothing of ours is named after a dependency.
"""

from __future__ import annotations

from sorot.models.lazy import lazy_attributes

__getattr__, __dir__ = lazy_attributes(__name__, {"to_doc": "sorot.integrations.spacy_docs"}, [])

__all__ = ["to_doc"]
