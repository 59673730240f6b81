"""sorot inference: the packaged predictor and the batch engines.

The text layer it shares with training (readers, words, boilerplate, gazetteer,
topics) is the torch-free subpackage :mod:`sorot.inference.text`.
``from sorot.inference import Predictor`` loads the predictor, which imports
:mod:`sorot.models.modeling` and so registers the model type.
"""


def __getattr__(name: str):
    if name == "Predictor":  # lazy: readers and tokenisation stay light to import
        from sorot.inference.predictor import Predictor

        return Predictor
    raise AttributeError(f"module 'sorot.inference' has no attribute {name!r}")


__all__ = ["Predictor"]
