"""The optional parts of the install, and the one-line error when a command needs one.

The core install is what prediction needs (torch, transformers, tokenizers, the hub
client, safetensors, pyarrow, NumPy). Each extra adds what its commands import:

>>> sorted(EXTRAS)
['onnx', 'ray', 'spacy', 'train']
>>> require("train", "sorot train") is None  # installed here
True
"""

from __future__ import annotations

from importlib.util import find_spec

from sorot.models.errors import SorotError

#: Import names of each extra's packages (pyproject.toml lists the same, by distribution;
#: tests/test_package.py keeps the two in step).
EXTRAS: dict[str, tuple[str, ...]] = {
    # training, the weak labeler, evaluation, reports and Label Studio export
    "train": ("datasets", "seqeval", "evaluate", "matplotlib", "wordfreq"),
    # sorot export-onnx and --backend onnx / --quantize int8
    "onnx": ("onnx", "onnxruntime", "onnxscript"),
    # sorot predict --engine ray
    "ray": ("ray", "pandas"),
    # sorot.integrations.to_doc
    "spacy": ("spacy",),
}


def missing(extra: str) -> list[str]:
    """The packages of ``extra`` that are not installed (found without importing them)."""
    return [name for name in EXTRAS[extra] if find_spec(name) is None]


def require(extra: str, what: str) -> None:
    """Fail in one line, naming the extra, when ``what`` cannot run without it."""
    if gone := missing(extra):
        raise SorotError(f"{what} needs the {extra} extra ({', '.join(gone)} not installed): "
                         f'pip install "sorot[{extra}]"')
