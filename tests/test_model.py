"""The joint model on small tensors: pooling, masks, padding, losses, backbones, loading."""

from __future__ import annotations

import torch
from transformers import AutoConfig, AutoModel, BertConfig, BertModel, XLMRobertaConfig

from sorot.models import SorotConfig, SorotModel
from sorot.models.modeling import masked_mean, pool_windows

TINY = dict(vocab_size=60, hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
            intermediate_size=32, max_position_embeddings=40)


def tiny_model(pooling="attention", backbone=None, seed=0) -> SorotModel:
    torch.manual_seed(seed)
    cfg = SorotConfig(backbone_config=(backbone or BertConfig(**TINY)).to_dict(), pooling=pooling,
                      window_length=40, window_stride=8)
    return SorotModel(cfg).eval()


def test_masked_mean_ignores_padding():
    hidden = torch.tensor([[[1.0, 2.0], [3.0, 4.0], [100.0, 100.0]]])
    assert masked_mean(hidden, torch.tensor([[1, 1, 0]])).tolist() == [[2.0, 3.0]]


def test_pooling_modes_on_known_values():
    vecs = torch.tensor([[1.0, 4.0], [3.0, 2.0], [5.0, 5.0]])
    index = torch.tensor([0, 0, 1])
    mean, w = pool_windows(vecs, index, 2, "mean")
    assert mean.tolist() == [[2.0, 3.0], [5.0, 5.0]] and w.tolist() == [0.5, 0.5, 1.0]
    mx, _ = pool_windows(vecs, index, 2, "max")
    assert mx.tolist() == [[3.0, 4.0], [5.0, 5.0]]
    att, w = pool_windows(vecs, index, 2, "attention", scores=torch.tensor([0.0, 1e4, 3.0]))
    assert torch.allclose(att, torch.tensor([[3.0, 2.0], [5.0, 5.0]])) and w[2] == 1.0


def _batch(articles: list[list[list[int]]]):
    windows = [w for art in articles for w in art]
    width = max(map(len, windows))
    ids = torch.tensor([w + [0] * (width - len(w)) for w in windows])
    mask = torch.tensor([[1] * len(w) + [0] * (width - len(w)) for w in windows])
    index = torch.tensor([a for a, art in enumerate(articles) for _ in art])
    return {"input_ids": ids, "attention_mask": mask, "article_index": index}


def test_an_article_scores_the_same_alone_or_padded_in_a_batch():
    for pooling in ("attention", "max", "mean"):
        model = tiny_model(pooling)
        a = [[2, 11, 12, 13, 3], [2, 14, 15, 3]]            # two windows
        b = [[2] + list(range(20, 50)) + [3]]                # one long window
        with torch.no_grad():
            alone = model(**_batch([a]))
            both = model(**_batch([a, b]))
        assert torch.allclose(alone.article_logits[0], both.article_logits[0], atol=1e-5)
        assert torch.allclose(alone.tag_logits[1, :4], both.tag_logits[1, :4], atol=1e-5)
        assert torch.allclose(both.window_weights[:2].sum(), torch.tensor(1.0))


def test_losses_use_float_labels_pos_weight_and_ignore_index():
    model = tiny_model()
    model.config.article_pos_weight = [2.0, 1.0, 1.0]
    batch = _batch([[[2, 11, 12, 3]], [[2, 13, 3]]])
    tags = torch.full_like(batch["input_ids"], -100)
    tags[0, 1] = 1
    out = model(**batch, tag_labels=tags, article_labels=torch.tensor([[1.0, 0, 0], [0, 0, 1.0]]),
                primary_labels=torch.tensor([0, 3]))
    expected_tag = torch.nn.functional.cross_entropy(out.tag_logits[0, 1:2], torch.tensor([1]))
    assert torch.allclose(out.tag_loss, expected_tag)
    total = out.tag_loss + out.article_loss + 0.5 * out.primary_loss
    assert torch.allclose(out.loss, total)


def test_loss_falls_on_a_fixed_toy_set():
    model = tiny_model().train()
    batch = _batch([[[2, 11, 12, 13, 3]], [[2, 21, 22, 3]]])
    tags = torch.full_like(batch["input_ids"], -100)
    tags[0, 1:4] = torch.tensor([1, 2, 0])
    tags[1, 1:3] = torch.tensor([5, 6])
    labels = dict(tag_labels=tags, article_labels=torch.tensor([[1.0, 0, 0], [0, 0, 1.0]]),
                  primary_labels=torch.tensor([0, 2]))
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    losses = []
    for _ in range(60):
        loss = model(**batch, **labels).loss
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.4 * losses[0]  # measured: 3.3 -> about 0.6


def test_other_bert_family_backbones_work():
    xlmr = XLMRobertaConfig(**TINY, pad_token_id=1)
    model = tiny_model(backbone=xlmr)
    out = model(**_batch([[[0, 11, 12, 2]]]))
    assert tuple(out.tag_logits.shape) == (1, 4, 7)


def test_indobert_quirks_bin_weights_vocab_only_tokenizer_big_embeddings(tmp_path):
    # An IndoBERT-like folder: config + pytorch_model.bin + vocab.txt, no tokenizer.json,
    # and an embedding matrix larger than the vocabulary.
    src = tmp_path / "indobert-like"
    src.mkdir()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "presiden", "putin", "tiba", "."]
    (src / "vocab.txt").write_text("\n".join(vocab) + "\n")
    (src / "tokenizer_config.json").write_text('{"do_lower_case": true}')
    torch.manual_seed(0)
    bert = BertModel(BertConfig(**TINY), add_pooling_layer=False)
    bert.config.save_pretrained(src)
    torch.save(bert.state_dict(), src / "pytorch_model.bin")

    model = SorotModel.from_backbone(str(src), window_length=40, window_stride=8)
    assert model.encoder.embeddings.word_embeddings.num_embeddings == 60 > len(vocab)
    assert torch.equal(model.encoder.embeddings.word_embeddings.weight,
                       bert.embeddings.word_embeddings.weight)
    out = tmp_path / "saved"
    model.save_pretrained(out)
    assert sorted(p.name for p in out.iterdir()) == ["config.json", "model.safetensors"]
    again = AutoModel.from_pretrained(out)  # through the Auto classes, no remote code
    assert type(again) is SorotModel and AutoConfig.from_pretrained(out).model_type == "sorot"
    assert again.config.backbone_name == str(src)

    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(src)
    assert tok.is_fast and tok.tokenize("Presiden PUTIN") == ["presiden", "putin"]
