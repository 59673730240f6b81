"""sorot inference: text processing shared with training, and the packaged predictor.

The text-processing modules (readers, words, boilerplate, gazetteer, topics) import
neither torch nor transformers. ``from sorot.inference import Predictor`` loads the
predictor, which imports :mod:`sorot.models.modeling` and so registers the model type.
"""


def __getattr__(name: str):
    if name == "Predictor":  # lazy: readers and tokenisation stay light to import
        from sorot.inference.predictor import Predictor

        return Predictor
    raise AttributeError(f"module 'sorot.inference' has no attribute {name!r}")


__all__ = ["Predictor"]
