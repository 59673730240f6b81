"""Typed arguments of ``sorot train``: from flags, or from one YAML/JSON file.

Model settings (backbone, windows, pooling, loss weights) end up in the model's
config; data settings say what to train and evaluate on; optimisation settings
are transformers' :class:`~transformers.TrainingArguments` (precision, gradient
accumulation, warm-up, scheduler, checkpoints, resume, logging).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sorot.models.configuration import DEFAULT_BACKBONE


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
