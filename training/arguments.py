"""Typed arguments of ``sorot train``: from flags, a YAML/JSON file or a shipped config
by name, with flags after a config overriding it (:func:`parse_train_args`).

Model settings (backbone, windows, pooling, loss weights) end up in the model's
config; data settings say what to train and evaluate on; optimisation settings
are transformers' :class:`~transformers.TrainingArguments` (precision, gradient
accumulation, warm-up, scheduler, checkpoints, resume, logging).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sorot.models.errors import SorotError
from sorot.models.schema import DEFAULT_BACKBONE


class TrainingDataError(SorotError, ValueError):
    """Training data that cannot be trained on; the message names the source or record."""


def check_source(path: str | Path) -> Path:
    """The folder ``load_source`` reads of a ``--train`` source (a dataset folder from
    ``sorot build-dataset`` or its ``hf/``), or the ``.jsonl`` file itself; anything else is
    refused. Torch-free, so that ``sorot train`` refuses a wrong path in seconds.

    >>> check_source("nothing")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sorot.training.arguments.TrainingDataError: nothing: not a dataset folder from `sorot build-dataset` ...
    """
    p = Path(path)
    if p.suffix == ".jsonl":
        if not p.is_file():
            raise TrainingDataError(f"{path}: no such file")
        return p
    hf = p / "hf" if (p / "hf").exists() else p
    if not any((hf / f).exists() for f in ("dataset_dict.json", "dataset_info.json")):
        raise TrainingDataError(f"{path}: not a dataset folder from `sorot build-dataset` "
                                "nor a .jsonl file")
    return hf


@dataclass
class ModelArguments:
    backbone: str = field(default=DEFAULT_BACKBONE, metadata={
        "help": "hub id or local folder of a BERT-family encoder, or 'tiny' to train a small "
                "BERT and WordPiece tokenizer from scratch (CPU demo)"})
    backbone_revision: str | None = field(default=None, metadata={"help": "hub revision"})
    window_length: int = field(default=512, metadata={
        "help": "sub-tokens per window, special tokens included (the config's window_length)"})
    window_stride: int = field(default=128, metadata={
        "help": "sub-tokens two neighbouring windows share (the config's window_stride)"})
    pooling: str = field(default="attention", metadata={"help": "attention, max or mean"})
    tag_loss_weight: float = 1.0
    article_loss_weight: float = 1.0
    primary_loss_weight: float = 0.5
    article_pos_weight: list[float] | None = field(default=None, metadata={
        "help": "BCE pos_weight per article label, in schema order"})
    classifier_dropout: float = 0.1


@dataclass
class DataArguments:
    train: list[str] = field(default_factory=list, metadata={
        "help": "dataset folders from `sorot build-dataset` (their hf/ subfolder is read)"})
    source_weights: list[float] | None = field(default=None, metadata={
        "help": "one sampling weight per --train folder (e.g. gold 3, silver 1)"})
    dev_gold: str | None = field(default=None, metadata={
        "help": "gold JSONL to evaluate on during and after training; the article-label "
                "thresholds are tuned on it by cross-fitting (never scored on the articles "
                "that tuned them), unless --tune-gold is given"})
    tune_gold: str | None = field(default=None, metadata={
        "help": "gold JSONL to tune the article-label thresholds on, apart from --dev-gold"})
    tiny_corpus: list[str] = field(default_factory=list, metadata={
        "help": "raw inputs whose text trains the tiny preset's tokenizer"})
    early_stopping_patience: int | None = field(default=None, metadata={
        "help": "stop after this many evaluations without improvement on dev"})
    precision: str = field(default="auto", metadata={
        "help": "auto (bf16 on GPUs that support it, else fp16 on GPU, fp32 on CPU), fp32, "
                "bf16 (also on CPU, through autocast) or fp16; --bf16/--fp16 override it"})
    tensorboard: bool = field(default=True, metadata={
        "help": "also log to TensorBoard (in --output-dir/runs) when tensorboard is installed"})
    resume: bool = field(default=False, metadata={
        "help": "resume from the last checkpoint in --output-dir"})
    export_onnx: bool = field(default=False, metadata={
        "help": "also write the ONNX export (onnx/model.onnx and the int8 onnx/model_int8.onnx) into "
                "the model folder, before any push (needs pip install 'sorot[onnx]')"})

    def check_sources(self) -> None:
        """Refuse a source that is not there, naming its setting. ``sorot train``'s parser
        calls this as it builds the arguments, before transformers' modelling code loads (a
        few seconds, not the ten a model import takes), and ``run_training`` calls it
        first; a config that names paths absent here still parses into these arguments."""
        for path in self.train:
            check_source(path)
        for name in ("dev_gold", "tune_gold"):
            path = getattr(self, name)
            if path is not None and not Path(path).is_file():
                raise TrainingDataError(f"--{name.replace('_', '-')} {path}: no such file")


def _split_config(argv: list[str]) -> tuple[str | None, list[str]]:
    """The config that ``sorot train`` was given (``--config NAME`` anywhere, or a first
    argument that is not a flag) and the flags that override it."""
    if "--config" in argv:
        i = argv.index("--config")
        if i + 1 >= len(argv):
            raise SorotError("--config needs a file or the name of a shipped config")
        return argv[i + 1], argv[:i] + argv[i + 2:]
    if argv and not argv[0].startswith("-"):
        return argv[0], argv[1:]
    return None, argv


def _config_file(name: str) -> Path:
    """A config file, or a shipped one by name (``indobert-base``), from a checkout or a wheel."""
    from importlib.resources import files

    if Path(name).is_file():
        return Path(name)
    shipped = files("sorot.training") / "configs"
    if not Path(name).suffix and (shipped / f"{name}.yaml").is_file():
        return Path(str(shipped / f"{name}.yaml"))
    names = sorted(p.name.removesuffix(".yaml") for p in shipped.iterdir() if p.name.endswith(".yaml"))
    raise SorotError(f"no training config {name!r}: give a YAML/JSON file, or a shipped one: "
                     f"{', '.join(names)}")


def _read_config(name: str) -> tuple[Path, dict]:
    """A config file's path and settings; one that is no object of settings is refused
    (before transformers loads, so that the error comes in a second)."""
    from sorot.inference.text.resources import load_yaml

    path = _config_file(name)
    config = load_yaml(path)
    if not isinstance(config, dict):
        raise SorotError(f"{name}: not a training config: expected one JSON/YAML object of settings, "
                         f"got a {type(config).__name__}")
    return path, config


def _config_as_defaults(parser, path: Path, config: dict) -> None:
    """A config file's settings become the parser's defaults, so flags after it override them."""
    known = {a.dest for a in parser._actions}
    unknown = sorted(set(config) - known)
    if unknown:
        parser.error(f"{path}: unknown settings: {', '.join(unknown)}")
    parser.set_defaults(**config)
    for action in parser._actions:
        if action.dest in config:
            action.required = False  # given by the file


@dataclass
class _CheckedDataArguments(DataArguments):
    """DataArguments whose sources are checked as the parser builds them: before
    TrainingArguments, whose construction loads transformers' modelling code."""

    def __post_init__(self):
        self.check_sources()


def parse_train_args(argv: list[str]):
    """``(ModelArguments, DataArguments, TrainingArguments)`` from ``sorot train``'s words;
    unknown or ill-typed settings are a usage error (exit 2)."""
    name, rest = _split_config(argv)
    config = _read_config(name) if name is not None else None
    from transformers import HfArgumentParser, TrainingArguments

    parser = HfArgumentParser((ModelArguments, _CheckedDataArguments, TrainingArguments), prog="sorot train",
                              allow_abbrev=False)
    if config is not None:
        _config_as_defaults(parser, *config)
    try:
        return parser.parse_args_into_dataclasses(rest)
    except TrainingDataError:
        raise  # the data, not the command's words: one error line, exit 1
    except (ValueError, TypeError) as e:
        parser.error(str(e))
