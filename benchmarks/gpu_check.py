"""The GPU check: train, predict and benchmark a model of IndoBERT-base shape on one GPU.

Ready for the day a GPU is lent (under 5 minutes on one GPU). It builds a backbone
folder laid out as the hub repo ``indobenchmark/indobert-base-p1`` is (random weights):
``config.json``, ``pytorch_model.bin`` with ``bert.``-prefixed keys and a 50,000-row
embedding larger than the vocabulary, ``vocab.txt``, and ``tokenizer_config.json``
holding ``{}``. Then it

1. trains sorot on it for ``--steps`` steps with ``--precision auto`` (bf16 on a
   bf16 GPU) on the shipped samples (plus ``../shared/corpus/raw.jsonl`` when present);
2. runs ``sorot predict`` over ``--docs`` articles;
3. runs ``benchmarks/inference.py`` on the same device;
4. runs ``benchmarks/pipeline.py --device cuda``: ``sorot predict``'s docs/s and GPU
   utilisation with 0, 4, 8 and 12 worker processes (a base-size model);

and prints training samples/s and tokens/s, the precision in effect, predict docs/s and
peak GPU memory. ``--smoke`` runs the same steps at a tiny size on the CPU (CI runs it).

    python benchmarks/gpu_check.py            # on a GPU machine
    python benchmarks/gpu_check.py --smoke    # anywhere, about a minute
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE = {"hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12,
        "intermediate_size": 3072, "max_position_embeddings": 512, "vocab_size": 50_000}
SMOKE = {"hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2,
         "intermediate_size": 128, "max_position_embeddings": 128, "vocab_size": 6_000}


def sample_texts() -> list[str]:
    from sorot.inference.text.resources import data_path
    from sorot.training.demo import demo_inputs

    texts = []
    for path in demo_inputs()[0] or [data_path("samples/articles.jsonl")]:
        texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return texts


def make_backbone(folder: Path, shape: dict, texts: list[str]) -> None:
    """An IndoBERT-shaped hub folder: pickle weights with the ``bert.`` prefix, vocab.txt only."""
    import torch
    from transformers import BertConfig, BertForPreTraining

    from sorot.training.tiny import train_wordpiece

    folder.mkdir(parents=True)
    vocab = train_wordpiece(texts, vocab_size=4000).get_vocab()
    (folder / "vocab.txt").write_text("".join(f"{w}\n" for w in sorted(vocab, key=vocab.get)),
                                      encoding="utf-8")
    (folder / "tokenizer_config.json").write_text("{}")
    config = BertConfig(**shape)  # 50,000 embedding rows, fewer words in vocab.txt: as IndoBERT
    model = BertForPreTraining(config)
    assert next(iter(model.state_dict())).startswith("bert.")
    torch.save(model.state_dict(), folder / "pytorch_model.bin")
    config.save_pretrained(folder)


def train(backbone: Path, silver: Path, out: Path, args) -> dict:
    import torch
    from transformers import TrainingArguments

    from sorot.training.arguments import DataArguments, ModelArguments
    from sorot.training.run import run_training

    window = 128 if args.smoke else 512
    targs = TrainingArguments(output_dir=str(out), max_steps=args.steps, per_device_train_batch_size=8,
                              learning_rate=3e-5, warmup_steps=min(20, args.steps // 10), report_to="none",
                              save_strategy="no", logging_steps=max(1, args.steps // 10),
                              disable_tqdm=True, use_cpu=args.smoke, seed=1)
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    model_dir, _ = run_training(ModelArguments(backbone=str(backbone), window_length=window,
                                               window_stride=window // 4),
                                DataArguments(train=[str(silver)], precision="auto"), targs)
    end = [json.loads(x) for x in (out / "log.jsonl").read_text().splitlines()][-1]
    card = (model_dir / "README.md").read_text()
    precision = card.split("- precision: `")[1].split("`")[0]
    peak = torch.cuda.max_memory_allocated() / 2**30 if torch.cuda.is_available() else 0.0
    return {"model": model_dir, "samples_s": end["train_samples_per_second"],
            "runtime": end["train_runtime"], "precision": precision, "peak_gib": peak}


def tokens_per_sample(model_dir: Path, silver: Path) -> float:
    """Mean sub-tokens the model encodes per training article (all windows)."""
    from sorot.inference.predictor import Predictor

    p = Predictor.from_pretrained(model_dir, device="cpu")
    texts = [json.loads(x)["text"] for x in silver.read_text().splitlines()]
    return p.prepare(texts, max_windows=64).num_tokens / len(texts)


def run(cmd: list[str]) -> str:
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr[-3000:]}")
    return r.stdout + r.stderr


def predict(model_dir: Path, texts: list[str], work: Path, args) -> float:
    docs = work / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as f:
        for i in range(args.docs):
            f.write(json.dumps({"id": f"d{i}", "text": texts[i % len(texts)]}) + "\n")
    device = "cpu" if args.smoke else "cuda"
    start = time.perf_counter()
    run([sys.executable, "-m", "sorot", "predict", "--model", str(model_dir), str(docs), "-o",
         str(work / "preds.jsonl"), "--device", device, "--no-progress", "-q"])
    return args.docs / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", action="store_true", help="tiny size on the CPU (for CI)")
    ap.add_argument("--steps", type=int, help="training steps (default 300; smoke 3)")
    ap.add_argument("--docs", type=int, help="documents to predict (default 2000; smoke 16)")
    args = ap.parse_args()
    args.steps = args.steps or (3 if args.smoke else 300)
    args.docs = args.docs or (16 if args.smoke else 2000)
    from sorot.training.jobs import weak_label

    texts = sample_texts()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        make_backbone(work / "backbone", SMOKE if args.smoke else BASE, texts)
        (work / "raw.jsonl").write_text("".join(json.dumps({"id": f"t{i}", "text": t}) + "\n"
                                                for i, t in enumerate(texts)))
        weak_label(work / "raw.jsonl", work / "silver.jsonl")
        res = train(work / "backbone", work / "silver.jsonl", work / "run", args)
        tokens = res["samples_s"] * tokens_per_sample(res["model"], work / "silver.jsonl")
        print(f"train: {args.steps} steps in {res['runtime']:.1f} s, precision {res['precision']}, "
              f"{res['samples_s']:.1f} samples/s, {tokens:,.0f} tokens/s, "
              f"peak GPU memory {res['peak_gib']:.2f} GiB")
        print(f"predict: {predict(res['model'], texts, work, args):.1f} docs/s over {args.docs} documents "
              "(sorot predict, start-up included)")
        bench = [sys.executable, str(Path(__file__).with_name("inference.py")), "--repeats", "1"]
        bench += ["--docs", "8", "--methods", "sorot"] if args.smoke else ["--device", "cuda", "--docs", "256"]
        print("inference benchmark:\n" + run(bench).strip())
        if not args.smoke:  # the CPU stages feeding one GPU: docs/s and utilisation at 0-12 workers
            pipeline = [sys.executable, str(Path(__file__).with_name("pipeline.py")), "--device", "cuda"]
            print("pipeline benchmark:\n" + run(pipeline).strip())


if __name__ == "__main__":
    main()
