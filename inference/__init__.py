"""sorot inference: text processing shared with training, and the packaged predictor.

``from inference import Predictor`` loads the predictor (and registers the sorot
model type with the transformers Auto classes); the text-processing modules import
neither torch nor transformers.
"""


def __getattr__(name: str):
    if name == "Predictor":  # lazy: readers and tokenisation stay light to import
        from inference.predictor import Predictor

        return Predictor
    raise AttributeError(f"module 'inference' has no attribute {name!r}")


__all__ = ["Predictor"]
