"""Training throughput of the joint model: tokens/s on the current device.

Measures, in one run and on the same articles, two batching strategies:

* ``dynamic``: articles sorted by length, batches of neighbours, windows padded to the
  longest in the batch (``sorot train --train-sampling-strategy group_by_length``);
* ``max``: windows padded to ``window_length`` (the naive way).

for the ``tiny`` preset and for a random-init base-size BERT (768 hidden, 12 layers,
512 positions). Tokens counted are real (unpadded) tokens, so padding costs show.

    python benchmarks/train_throughput.py                  # both sizes, CPU or GPU
    python benchmarks/train_throughput.py --sizes tiny --steps 20
    python benchmarks/train_throughput.py --dtype bf16     # autocast, on GPU
"""

from __future__ import annotations

import argparse
import json
import random
import time

import torch
from transformers import BertConfig

from sorot.inference.text.resources import data_path
from sorot.inference.text.words import word_spans
from sorot.models import SorotConfig, SorotModel
from sorot.training.corpus import shared_corpus
from sorot.training.encode import SorotCollator, encode_example
from sorot.training.tiny import tiny_backbone_config, train_wordpiece


def load_texts() -> list[str]:
    paths = [data_path("samples/articles.jsonl")]
    corpus = shared_corpus()
    if corpus:
        paths += [corpus / "raw.jsonl", corpus / "dev.jsonl"]
    return [json.loads(line)["text"] for p in paths for line in p.open(encoding="utf-8")]


def items_for(texts, tokenizer, length: int, stride: int) -> list[dict]:
    out = []
    for t in texts:
        words = [t[s:e] for s, e in word_spans(t)]
        ex = {"tokens": words, "ner_tags": [0] * len(words), "labels": [], "primary": 3}
        out.append(encode_example(ex, tokenizer, length, stride))
    return out


def batches(items: list[dict], size: int, grouped: bool, rng: random.Random) -> list[list[dict]]:
    order = sorted(items, key=lambda it: it["length"]) if grouped else rng.sample(items, len(items))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(chunks)
    return chunks


def pad_to(batch: dict, width: int, pad_id: int) -> dict:
    extra = width - batch["input_ids"].size(1)
    if extra <= 0:
        return batch
    padded = dict(batch)
    for key, value in (("input_ids", pad_id), ("attention_mask", 0), ("tag_labels", -100)):
        padded[key] = torch.nn.functional.pad(batch[key], (0, extra), value=value)
    return padded


def measure(model, items, collate, mode: str, steps: int, batch_size: int, device, dtype) -> float:
    """Real tokens per second over ``steps`` optimiser steps (after one warm-up step)."""
    rng = random.Random(0)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    model.train().to(device)
    plan = batches(items, batch_size, mode == "dynamic", rng)
    tokens, start = 0, None
    for k in range(steps + 1):
        batch = collate(plan[k % len(plan)])
        if mode == "max":
            batch = pad_to(batch, model.config.window_length, collate.pad_id)
        batch = {key: v.to(device) for key, v in batch.items()}
        with torch.autocast(device.type, dtype=dtype, enabled=dtype is not None):
            loss = model(**batch).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
        if device.type == "cuda":
            torch.cuda.synchronize()
        if k == 0:
            start = time.perf_counter()  # the first step warms up kernels and caches
        else:
            tokens += int(batch["attention_mask"].sum())
    return tokens / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", nargs="+", default=["tiny", "base"], choices=["tiny", "base"])
    ap.add_argument("--steps", type=int, default=None, help="default: 20 tiny, 3 base on CPU")
    ap.add_argument("--batch-size", type=int, default=4, help="articles per batch")
    ap.add_argument("--dtype", choices=["fp32", "bf16", "fp16"], default="fp32")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = ap.parse_args()
    device = torch.device(args.device)
    dtype = {"fp32": None, "bf16": torch.bfloat16, "fp16": torch.float16}[args.dtype]
    texts = load_texts()
    tokenizer = train_wordpiece(texts)
    collate = SorotCollator(tokenizer.pad_token_id)
    print(f"device {device}, {torch.get_num_threads()} threads, dtype {args.dtype}, "
          f"{len(texts)} articles, batch {args.batch_size} articles")
    for size in args.sizes:
        length = 128 if size == "tiny" else 512
        backbone = tiny_backbone_config(len(tokenizer)) if size == "tiny" else BertConfig(
            vocab_size=len(tokenizer), max_position_embeddings=512)
        torch.manual_seed(0)
        model = SorotModel(SorotConfig(backbone_config=backbone.to_dict(), window_length=length,
                                       window_stride=length // 4))
        items = items_for(texts, tokenizer, length, length // 4)
        steps = args.steps or (20 if size == "tiny" or device.type == "cuda" else 3)
        rates = {m: measure(model, items, collate, m, steps, args.batch_size, device, dtype)
                 for m in ("dynamic", "max")}
        print(f"{size:>5} (window {length}): dynamic padding + length groups "
              f"{rates['dynamic']:,.0f} tokens/s | pad to max {rates['max']:,.0f} tokens/s | "
              f"ratio {rates['dynamic'] / rates['max']:.2f}x")


if __name__ == "__main__":
    main()
