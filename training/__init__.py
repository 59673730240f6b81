"""sorot training: silver labels, datasets, training, scoring, cards and reports.

The public names load lazily, so ``import sorot.training`` stays light (the weak
labeler needs no torch):

>>> import sorot.training as t
>>> sorted(n for n in t.__all__ if n[0].isupper())[:3]
['DataArguments', 'ModelArguments', 'WeakLabeler']

``run_training(ModelArguments(...), DataArguments(...), TrainingArguments(...))`` is what
``sorot train`` runs; ``score(gold, pred)`` is SCHEMA §4; the ``jobs`` functions are the
other CLI subcommands (``weak_label``, ``build_dataset``, ``evaluate``, Label Studio).
"""

from __future__ import annotations

from sorot.models.lazy import lazy_attributes

_LAZY = {
    "run_training": "sorot.training.run",
    "ModelArguments": "sorot.training.arguments",
    "DataArguments": "sorot.training.arguments",
    "WeakLabeler": "sorot.training.weak.labeler",
    "score": "sorot.training.scoring",
    "write_dataset": "sorot.training.builder",
    "weak_label": "sorot.training.jobs",
    "build_dataset": "sorot.training.jobs",
    "evaluate": "sorot.training.jobs",
    "export_labelstudio": "sorot.training.jobs",
    "import_labelstudio": "sorot.training.jobs",
}

__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)

__all__ = list(_LAZY)
