"""The joint sorot model: one encoder pass gives token tags and article labels.

An article longer than the encoder's window is split into overlapping windows
(see :mod:`sorot.inference.windows`). A batch is a flat stack of windows plus
``article_index``, the article each window belongs to. The tag head reads every
token; the article heads read one vector per article, pooled over *all* its
windows (learned attention, max or mean), not just the first 512 tokens.

>>> import torch
>>> from transformers import BertConfig
>>> cfg = SorotConfig(backbone_config=BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1,
...                   num_attention_heads=2, intermediate_size=32, max_position_embeddings=32).to_dict(),
...                   window_length=32, window_stride=8)
>>> model = SorotModel(cfg).eval()
>>> out = model(input_ids=torch.randint(5, 50, (3, 10)), attention_mask=torch.ones(3, 10, dtype=torch.long),
...             article_index=torch.tensor([0, 0, 1]))
>>> tuple(out.tag_logits.shape), tuple(out.article_logits.shape), tuple(out.primary_logits.shape)
((3, 10, 7), (2, 3), (2, 4))
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn
from transformers import AutoConfig, AutoModel, PreTrainedModel
from transformers.utils import ModelOutput

from sorot.models.configuration import SorotConfig


@dataclass
class SorotOutput(ModelOutput):
    """Outputs of :class:`SorotModel`. W windows of L tokens, A articles.

    Args:
        loss: ``()`` weighted sum of the task losses, when labels are given.
        tag_loss: ``()`` token cross-entropy over first sub-tokens.
        article_loss: ``()`` BCE over article labels.
        primary_loss: ``()`` cross-entropy over ``primary`` (labels + ``other``).
        tag_logits: ``(W, L, num_tags)``.
        article_logits: ``(A, num_article_labels)``; sigmoid gives probabilities.
        primary_logits: ``(A, num_primary_labels)``; softmax gives probabilities.
        window_weights: ``(W,)`` each window's share of its article's pooled vector.
    """

    loss: torch.Tensor | None = None
    tag_loss: torch.Tensor | None = None
    article_loss: torch.Tensor | None = None
    primary_loss: torch.Tensor | None = None
    tag_logits: torch.Tensor | None = None
    article_logits: torch.Tensor | None = None
    primary_logits: torch.Tensor | None = None
    window_weights: torch.Tensor | None = None


def masked_mean(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """``(W, L, H)``, ``(W, L)`` -> ``(W, H)``: mean over real (unpadded) tokens."""
    mask = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)


def pool_windows(vectors: torch.Tensor, article_index: torch.Tensor, num_articles: int, mode: str,
                 scores: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Pool window vectors ``(W, H)`` into article vectors ``(A, H)``.

    ``mode`` is ``attention`` (softmax of ``scores`` ``(W,)`` within each article),
    ``mean`` or ``max``. Returns the pooled vectors and each window's weight ``(W,)``
    (for ``max``, the share of dimensions a window wins).
    """
    A, H = num_articles, vectors.size(-1)
    idx = article_index.unsqueeze(-1).expand(-1, H)
    if mode == "max":
        pooled = vectors.new_full((A, H), float("-inf")).scatter_reduce(0, idx, vectors, "amax")
        weights = (vectors == pooled[article_index]).to(vectors.dtype).mean(-1)
        return pooled, weights
    if mode == "mean":
        scores = torch.zeros(vectors.size(0), dtype=vectors.dtype, device=vectors.device)
    # softmax within each article: subtract the article's max for stability
    group_max = scores.new_full((A,), float("-inf")).scatter_reduce(0, article_index, scores, "amax")
    exp = (scores - group_max[article_index]).exp()
    denom = exp.new_zeros(A).index_add(0, article_index, exp)
    weights = exp / denom[article_index]
    pooled = vectors.new_zeros(A, H).index_add(0, article_index, vectors * weights.unsqueeze(-1))
    return pooled, weights


class SorotPreTrainedModel(PreTrainedModel):
    config_class = SorotConfig
    base_model_prefix = "sorot"
    supports_gradient_checkpointing = True
    _supports_sdpa = True

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Linear) and not getattr(module, "_is_hf_initialized", False):
            std = getattr(self.config.backbone_config, "initializer_range", 0.02)
            nn.init.normal_(module.weight, mean=0.0, std=std)
            if module.bias is not None:
                nn.init.zeros_(module.bias)


class SorotModel(SorotPreTrainedModel):
    """Encoder + tag head + article heads pooled over windows."""

    def __init__(self, config: SorotConfig) -> None:
        super().__init__(config)
        self.encoder = _encoder_from_config(config)
        H = config.hidden_size
        self.dropout = nn.Dropout(config.classifier_dropout)
        self.tag_head = nn.Linear(H, config.num_tags)
        self.window_scorer = nn.Linear(H, 1)  # attention pooling over windows
        self.article_head = nn.Linear(H, len(config.article_labels))
        self.primary_head = nn.Linear(H, len(config.primary_labels))
        self.post_init()

    def get_input_embeddings(self) -> nn.Module:
        """The encoder's token embedding (``resize_token_embeddings`` and loaders use it)."""
        return self.encoder.get_input_embeddings()

    def set_input_embeddings(self, value: nn.Module) -> None:
        self.encoder.set_input_embeddings(value)

    @classmethod
    def from_backbone(cls, name_or_path: str, revision: str | None = None,
                      **config_kwargs) -> SorotModel:
        """A new model on pretrained backbone weights (hub id or local folder).

        Weights shipped as ``pytorch_model.bin`` (IndoBERT) load through transformers'
        safe loader (torch >= 2.6) and are saved back as safetensors. The embedding
        matrix is kept at its size even when it is larger than the vocabulary.
        """
        backbone = _without_pooler(AutoModel.from_pretrained, name_or_path, revision=revision,
                                   trust_remote_code=False)
        config = SorotConfig(backbone_config=backbone.config.to_dict(), backbone_name=name_or_path,
                             backbone_revision=revision, **config_kwargs)
        model = cls(config)
        model.encoder.load_state_dict(backbone.state_dict())
        return model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                article_index: torch.Tensor, token_type_ids: torch.Tensor | None = None,
                tag_labels: torch.Tensor | None = None, article_labels: torch.Tensor | None = None,
                primary_labels: torch.Tensor | None = None, num_articles: int | None = None
                ) -> SorotOutput:
        """``input_ids``/``attention_mask`` ``(W, L)``; ``article_index`` ``(W,)``;
        ``tag_labels`` ``(W, L)`` with -100 where no tag is learned; ``article_labels``
        ``(A, num_article_labels)`` float; ``primary_labels`` ``(A,)``."""
        tag_logits, window_vecs = self.encode_windows(input_ids, attention_mask, token_type_ids)
        A = int(num_articles) if num_articles is not None else int(article_index.max()) + 1
        article_logits, primary_logits, weights = self.classify_articles(window_vecs, article_index, A)
        out = SorotOutput(tag_logits=tag_logits, article_logits=article_logits,
                          primary_logits=primary_logits, window_weights=weights)
        if tag_labels is not None or article_labels is not None or primary_labels is not None:
            self._add_losses(out, tag_labels, article_labels, primary_labels)
        return out

    def encode_windows(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                       token_type_ids: torch.Tensor | None = None):
        """Tag logits ``(W, L, T)`` and one vector per window ``(W, H)``.

        Windows are independent here, so callers may batch them in any order (sorted
        by length, by token budget) and pool per article afterwards."""
        kwargs = {"token_type_ids": token_type_ids} if token_type_ids is not None else {}
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              **kwargs).last_hidden_state  # (W, L, H)
        hidden = self.dropout(hidden)
        return self.tag_head(hidden), masked_mean(hidden, attention_mask)

    def classify_articles(self, window_vecs: torch.Tensor, article_index: torch.Tensor,
                          num_articles: int):
        """Article logits ``(A, C)``, primary logits ``(A, P)`` and window weights ``(W,)``."""
        pooled, weights = pool_windows(window_vecs, article_index, num_articles,
                                       self.config.pooling,
                                       self.window_scorer(window_vecs).squeeze(-1))
        return self.article_head(pooled), self.primary_head(pooled), weights

    def _add_losses(self, out: SorotOutput, tag_labels, article_labels, primary_labels) -> None:
        cfg, total = self.config, 0.0
        if tag_labels is not None:
            out.tag_loss = nn.functional.cross_entropy(
                out.tag_logits.flatten(0, 1).float(), tag_labels.flatten(), ignore_index=-100)
            total = total + cfg.tag_loss_weight * out.tag_loss
        if article_labels is not None:
            pos_weight = (torch.tensor(cfg.article_pos_weight, device=article_labels.device)
                          if cfg.article_pos_weight else None)
            out.article_loss = nn.functional.binary_cross_entropy_with_logits(
                out.article_logits.float(), article_labels.float(), pos_weight=pos_weight)
            total = total + cfg.article_loss_weight * out.article_loss
        if primary_labels is not None:
            out.primary_loss = nn.functional.cross_entropy(out.primary_logits.float(), primary_labels)
            total = total + cfg.primary_loss_weight * out.primary_loss
        out.loss = total


def _without_pooler(factory, *args, **kwargs) -> nn.Module:
    """A backbone without its pooler (whose weights would get no gradient); backbones
    that have none do not take the argument."""
    try:
        return factory(*args, add_pooling_layer=False, **kwargs)
    except TypeError:
        return factory(*args, **kwargs)


def _encoder_from_config(config: SorotConfig) -> nn.Module:
    return _without_pooler(AutoModel.from_config, config.backbone_config)


# Registering here, where the model class is defined, means every path that can build or
# load a model (`from sorot import Predictor`, `from sorot.models import SorotModel`, the
# CLI) has registered it; a saved config.json names only `model_type: "sorot"`, no path.
AutoConfig.register(SorotConfig.model_type, SorotConfig, exist_ok=True)
AutoModel.register(SorotConfig, SorotModel, exist_ok=True)
