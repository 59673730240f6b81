"""Configuration of the joint sorot model: backbone, label maps, thresholds, windows.

Everything a saved model needs to predict lives here, so that a folder or a hub
repository is self-describing: both label maps, the per-label thresholds tuned on
dev, the window settings, the pooling, the loss weights, the backbone's name and
revision, and the sorot version that wrote it.

>>> from transformers import BertConfig
>>> cfg = SorotConfig(backbone_config=BertConfig(hidden_size=32, num_hidden_layers=1,
...                   num_attention_heads=2, intermediate_size=64).to_dict())
>>> cfg.model_type, cfg.num_tags, cfg.article_labels, cfg.thresholds["gaza"]
('sorot', 7, ['russia_ukraine', 'israel_iran', 'gaza'], 0.5)
"""

from __future__ import annotations

from transformers import AutoConfig, PretrainedConfig

from sorot.models.schema import ARTICLE_LABELS, BIO_TAGS, DEFAULT_BACKBONE, MODEL_TYPE, PRIMARY_VALUES

POOLING_MODES = ("attention", "max", "mean")


def installed_version() -> str:
    try:
        from importlib.metadata import version

        return version("sorot")
    except Exception:  # running from a checkout that was never installed
        return "0+unknown"


class SorotConfig(PretrainedConfig):
    """Config of :class:`~sorot.models.modeling.SorotModel` (``model_type = "sorot"``)."""

    model_type = MODEL_TYPE
    sub_configs = {"backbone_config": AutoConfig}

    def __init__(
        self,
        backbone_config: dict | PretrainedConfig | None = None,
        backbone_name: str = DEFAULT_BACKBONE,
        backbone_revision: str | None = None,
        tags: list[str] | tuple[str, ...] = BIO_TAGS,
        article_labels: list[str] | tuple[str, ...] = ARTICLE_LABELS,
        primary_labels: list[str] | tuple[str, ...] = PRIMARY_VALUES,
        thresholds: dict[str, float] | None = None,
        window_length: int = 512,
        window_stride: int = 128,
        pooling: str = "attention",
        tag_loss_weight: float = 1.0,
        article_loss_weight: float = 1.0,
        primary_loss_weight: float = 0.5,
        article_pos_weight: list[float] | None = None,
        classifier_dropout: float = 0.1,
        sorot_version: str | None = None,
        **kwargs,
    ) -> None:
        if isinstance(backbone_config, dict):
            backbone_config = AutoConfig.for_model(**backbone_config)
        if pooling not in POOLING_MODES:
            raise ValueError(f"pooling must be one of {', '.join(POOLING_MODES)}, got {pooling!r}")
        if not 0 <= window_stride < window_length - 2:
            raise ValueError(f"window_stride {window_stride} must be below window_length - 2 "
                             f"({window_length - 2})")
        self.backbone_config = backbone_config
        self.backbone_name = backbone_name
        self.backbone_revision = backbone_revision
        self.tags = list(tags)
        self.article_labels = list(article_labels)
        self.primary_labels = list(primary_labels)
        self.thresholds = {lbl: 0.5 for lbl in self.article_labels} | dict(thresholds or {})
        self.window_length = window_length
        self.window_stride = window_stride
        self.pooling = pooling
        self.tag_loss_weight = tag_loss_weight
        self.article_loss_weight = article_loss_weight
        self.primary_loss_weight = primary_loss_weight
        self.article_pos_weight = article_pos_weight
        self.classifier_dropout = classifier_dropout
        self.sorot_version = sorot_version or installed_version()
        kwargs.setdefault("id2label", dict(enumerate(self.tags)))
        kwargs.setdefault("label2id", {t: i for i, t in enumerate(self.tags)})
        super().__init__(**kwargs)

    @property
    def num_tags(self) -> int:
        return len(self.tags)

    @property
    def hidden_size(self) -> int:
        return self.backbone_config.hidden_size
