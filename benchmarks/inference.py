"""Inference speed and memory: sorot against the pipelines a user would otherwise chain.

One run, the same documents, a random-init model of IndoBERT-base size (768 hidden,
12 layers, 512 positions), the same batch size and thread count for every method.
Each method runs in its own subprocess so that its peak RSS is its own:

* ``sorot``        — ``Predictor.predict`` (fp32), all outputs: tags, labels, primary;
* ``pipelines``    — ``pipeline("token-classification", aggregation_strategy="simple",
                     stride=128)`` + ``pipeline("text-classification", top_k=None)``;
* ``plain``        — the encoder's bare forward pass over the same tokens packed into full
                     512-token windows: the upper reference for any wrapper;
* ``plain-bf16``   — the same in bf16, the reference for ``sorot-bf16``;
* ``sorot-bf16``   — ``dtype="bf16"`` (CPUs with avx512_bf16/AMX, or GPUs);
* ``sorot-onnx``   — ``backend="onnx"``: the encoder on ONNX Runtime (CPU), heads in NumPy;
* ``sorot-onnx-int8`` — ``quantize="int8"``: ONNX Runtime's dynamically quantised encoder
                     (what ``--quantize int8`` means since torch.ao's path went).

The ONNX export (``sorot export-onnx``) is made once before the rounds and timed apart.
ONNX Runtime gets the same intra-op thread count as torch.

On a GPU (``--device cuda``) the default methods are plain-bf16, sorot-bf16 and the
pipelines, and each method's peak GPU memory is printed too.

    python benchmarks/inference.py                 # 64 documents, batch 16, 3 rounds
    python benchmarks/inference.py --docs 128 --batch-size 32 --methods sorot plain
    python benchmarks/inference.py --repeats 1     # one quick round

Tokens/s counts each document's sub-tokens once (no special tokens, no overlap), so
all methods are measured against the same work. The methods run in interleaved rounds
(plain, sorot, pipelines, … then again) and each method's fastest round counts, as
``timeit`` does: on a shared machine noise only ever adds time, and interleaving
spreads slow spells over all methods alike. The spread of the rounds is printed too.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

METHODS = ["plain", "sorot", "pipelines", "plain-bf16", "sorot-bf16", "sorot-onnx", "sorot-onnx-int8"]
ONNX_METHODS = ("sorot-onnx", "sorot-onnx-int8")
GPU_METHODS = ["plain-bf16", "sorot-bf16", "pipelines"]  # the default with --device cuda
MAX_BATCH_TOKENS = int(__import__("os").environ.get("SOROT_MAX_BATCH_TOKENS", "8192"))


def documents(n: int) -> list[str]:
    from sorot.inference.text.resources import data_path
    from sorot.training.corpus import shared_corpus

    paths = [data_path("samples/articles.jsonl")]
    corpus = shared_corpus()
    if corpus:
        paths = [corpus / "dev.jsonl", corpus / "raw.jsonl", *paths]
    texts = [json.loads(line)["text"] for p in paths for line in p.open(encoding="utf-8")]
    return (texts * (n // len(texts) + 1))[:n]


def build(workdir: Path, texts: list[str], hf_heads: bool = True) -> None:
    """A base-size sorot model and, for the chained pipelines (``hf_heads``), matching HF
    heads with the same encoder weights, saved once."""
    from transformers import BertConfig, BertForSequenceClassification, BertForTokenClassification

    from sorot.models import SorotConfig, SorotModel
    from sorot.training.tiny import train_wordpiece

    tok = train_wordpiece(texts, vocab_size=8000)
    tok.model_max_length = 512
    torch.manual_seed(0)
    backbone = BertConfig(vocab_size=len(tok), max_position_embeddings=512)
    model = SorotModel(SorotConfig(backbone_config=backbone.to_dict()))
    model.save_pretrained(workdir / "sorot")
    tok.save_pretrained(workdir / "sorot")
    if not hf_heads:
        return  # two more base-size models to build and write: only "pipelines" reads them
    shared = {k: v for k, v in backbone.to_dict().items() if k not in ("id2label", "label2id")}
    for cls, name, n in ((BertForTokenClassification, "tok", 7),
                         (BertForSequenceClassification, "cls", 3)):
        hf = cls(BertConfig(**shared, num_labels=n))
        hf.bert.load_state_dict(model.encoder.state_dict(), strict=False)
        hf.save_pretrained(workdir / name)
        tok.save_pretrained(workdir / name)


def count_tokens(tok, texts: list[str]) -> int:
    return sum(len(ids) for ids in tok(texts, add_special_tokens=False)["input_ids"])


def sync(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def run_plain(workdir: Path, texts: list[str], batch: int, device: str, dtype: str = "fp32"):
    from sorot.inference.loading import load_model
    from sorot.inference.torch_backend import resolve_dtype

    model, tok = load_model(workdir / "sorot")
    model = model.to(device, dtype=resolve_dtype(dtype, torch.device(device))).eval()
    ids = [i for seq in tok(texts, add_special_tokens=False)["input_ids"] for i in seq]
    windows = [[tok.cls_token_id, *ids[k:k + 510], tok.sep_token_id] for k in range(0, len(ids), 510)]

    def forward(chunk):  # (B, 512) ids, the last chunk's last window shorter
        width = max(map(len, chunk))
        x = torch.tensor([w + [0] * (width - len(w)) for w in chunk], device=device)
        model.encode_windows(x, (x != 0).long())

    with torch.inference_mode():
        forward(windows[:2])  # warm-up, as the other methods get
        sync(device)
        start = time.perf_counter()
        for k in range(0, len(windows), batch):
            forward(windows[k:k + batch])
        sync(device)
    return time.perf_counter() - start, None


def run_sorot(workdir: Path, texts: list[str], batch: int, device: str, dtype="fp32", **kw):
    from sorot.inference import Predictor

    if kw:  # the ONNX backend: ONNX Runtime on as many threads as torch has
        kw["threads"] = torch.get_num_threads()
    p = Predictor.from_pretrained(workdir / "sorot", device=device, dtype=dtype,
                                  max_batch_tokens=MAX_BATCH_TOKENS, **kw)
    p.predict(texts[:2])  # warm-up
    start = time.perf_counter()
    preds = p.predict(texts, batch_size=batch)  # results are read back, so this syncs
    return time.perf_counter() - start, comparable(preds)


def comparable(preds: list[dict]) -> list[dict]:
    """What agreement compares: labels, and entity spans with their type."""
    return [{"labels": x["labels"], "entities": [(e["start"], e["end"], e["label"])
                                                 for e in x["entities"]]} for x in preds]


def run_pipelines(workdir: Path, texts: list[str], batch: int, device: str):
    from transformers import pipeline

    ner = pipeline("token-classification", model=str(workdir / "tok"), aggregation_strategy="simple",
                   stride=128, device=device)
    clf = pipeline("text-classification", model=str(workdir / "cls"), top_k=None, device=device,
                   truncation=True)
    ner(texts[:2])
    clf(texts[:2])
    start = time.perf_counter()
    ner(texts, batch_size=batch)
    clf(texts, batch_size=batch)
    return time.perf_counter() - start, None


def peak_rss_mib() -> float:
    """This process's peak resident memory. ``ru_maxrss`` would not do: Linux carries the
    parent's high-water mark across exec, so every child would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args) -> None:
    workdir, dev = Path(args.workdir), args.device
    texts = documents(args.docs)
    runners = {"plain": lambda: run_plain(workdir, texts, args.batch_size, dev),
               "plain-bf16": lambda: run_plain(workdir, texts, args.batch_size, dev, "bf16"),
               "sorot": lambda: run_sorot(workdir, texts, args.batch_size, dev),
               "sorot-bf16": lambda: run_sorot(workdir, texts, args.batch_size, dev, dtype="bf16"),
               "sorot-onnx": lambda: run_sorot(workdir, texts, args.batch_size, dev, backend="onnx"),
               "sorot-onnx-int8": lambda: run_sorot(workdir, texts, args.batch_size, dev, quantize="int8"),
               "pipelines": lambda: run_pipelines(workdir, texts, args.batch_size, dev)}
    seconds, preds = runners[args.child]()
    gpu = torch.cuda.max_memory_allocated() / 2**20 if dev.startswith("cuda") else None
    print(json.dumps({"seconds": seconds, "rss_mib": peak_rss_mib(), "gpu_mib": gpu, "preds": preds}))


def agreement(a: list[dict], b: list[dict]) -> tuple[float, float]:
    """Share of documents with identical labels, and of entities found by both."""
    labels = sum(x["labels"] == y["labels"] for x, y in zip(a, b)) / len(a)
    ea = {(i, tuple(e)) for i, x in enumerate(a) for e in x["entities"]}
    eb = {(i, tuple(e)) for i, y in enumerate(b) for e in y["entities"]}
    return labels, (len(ea & eb) / len(ea | eb) if ea | eb else 1.0)


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="sorot inference benchmark")
    ap.add_argument("--docs", type=int, default=64)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=3,
                    help="interleaved rounds over all methods; each method's fastest counts")
    ap.add_argument("--device", default="cpu", help="cpu (default) or cuda, cuda:1 ...")
    ap.add_argument("--methods", nargs="+", choices=METHODS,
                    help=f"default: {' '.join(METHODS)}; on CUDA {' '.join(GPU_METHODS)}")
    ap.add_argument("--agreement-model", type=Path,
                    help="the trained model folder whose bf16/int8 agreement with fp32 is measured "
                         "(default: the tiny model, trained here on the shipped gold samples)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    gpu = args.device.startswith("cuda")
    args.methods = args.methods or (GPU_METHODS if gpu else METHODS)
    if gpu and set(ONNX_METHODS) & set(args.methods):
        ap.error("the ONNX methods run ONNX Runtime on the CPU; leave them out with --device cuda")
    return args


def main() -> None:
    args = parse_args()
    if args.child:
        return child(args)
    texts = documents(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp), texts, hf_heads="pipelines" in args.methods)
        if set(ONNX_METHODS) & set(args.methods):
            from sorot.inference.onnx_export import export_onnx

            start = time.perf_counter()
            export_onnx(Path(tmp) / "sorot")
            sizes = {f.name: f.stat().st_size / 2**20 for f in (Path(tmp) / "sorot" / "onnx").glob("*.onnx")}
            print(f"ONNX export (fp32 + int8): {time.perf_counter() - start:.1f} s; "
                  + ", ".join(f"{k} {v:,.0f} MiB" for k, v in sorted(sizes.items())))
        from transformers import AutoTokenizer

        tokens = count_tokens(AutoTokenizer.from_pretrained(Path(tmp) / "sorot"), texts)
        where = (torch.cuda.get_device_name(args.device) if args.device.startswith("cuda")
                 else f"{torch.get_num_threads()} CPU threads")
        print(f"{len(texts)} documents, {tokens:,} tokens, batch {args.batch_size}, {where}, "
              f"base-size random-init model, best of {args.repeats} interleaved rounds")
        rounds = {m: [] for m in args.methods}
        for _ in range(args.repeats):
            for m in args.methods:
                rounds[m].append(run_child(m, tmp, args))
    results = {m: best_round(rs) for m, rs in rounds.items()}
    for m, r in results.items():
        spread = "–".join(f"{x['seconds']:.1f}" for x in sorted(rounds[m], key=lambda x: x["seconds"]))
        gpu = f"  peak GPU {r['gpu_mib']:7,.0f} MiB" if r.get("gpu_mib") is not None else ""
        print(f"{m:>15}: {len(texts) / r['seconds']:7.2f} docs/s {tokens / r['seconds']:9,.0f} "
              f"tokens/s  peak RSS {r['rss_mib']:7,.0f} MiB{gpu}  (rounds {spread} s)")
    report_ratios(results)
    with tempfile.TemporaryDirectory() as tmp:
        which = args.agreement_model or "the tiny model trained here on the shipped gold samples"
        trained_agreement(args.agreement_model or train_tiny(Path(tmp)), which, texts, args.batch_size,
                          args.device)


def run_child(method: str, workdir: str, args) -> dict:
    """One method, one round, in a fresh process (its own peak memory, no warm caches)."""
    out = subprocess.run([sys.executable, __file__, "--child", method, "--workdir", workdir,
                          "--docs", str(args.docs), "--batch-size", str(args.batch_size),
                          "--device", args.device], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def best_round(rounds: list[dict]) -> dict:
    """The fastest round's time and predictions, and the highest peak memory of all rounds."""
    fastest = min(rounds, key=lambda r: r["seconds"])
    gpu = [r["gpu_mib"] for r in rounds if r.get("gpu_mib") is not None]
    return {**fastest, "rss_mib": max(r["rss_mib"] for r in rounds), "gpu_mib": max(gpu, default=None)}


def train_tiny(out: Path) -> Path:
    """The tiny model trained for 12 epochs on the shipped gold samples (as the tests do)."""
    from transformers import TrainingArguments

    from sorot.inference.text.resources import data_path
    from sorot.training.arguments import DataArguments, ModelArguments
    from sorot.training.run import run_training

    gold = str(data_path("samples/gold.jsonl"))
    args = TrainingArguments(output_dir=str(out), per_device_train_batch_size=4, learning_rate=3e-3,
                             save_strategy="no", report_to="none", use_cpu=True, disable_tqdm=True,
                             seed=7, logging_steps=1, num_train_epochs=12)
    folder = run_training(ModelArguments(backbone="tiny"), DataArguments(train=[gold], dev_gold=gold), args)[0]
    from sorot.inference.onnx_export import export_onnx

    export_onnx(folder)  # into its own onnx/, not the user's cache
    return folder


def trained_agreement(folder: Path, which, texts: list[str], batch: int, device: str) -> None:
    """bf16, ONNX fp32 and ONNX int8 agreement with fp32 on a trained model (confident logits)."""
    from sorot.inference import Predictor

    def preds(**kw):
        p = Predictor.from_pretrained(folder, device=device, **kw)
        return comparable(p.predict(texts, batch_size=batch))

    fp32 = preds(dtype="fp32")
    variants = (("bf16", {"dtype": "bf16"}),) + ((("onnx fp32", {"backend": "onnx"}),
                                                   ("onnx int8", {"quantize": "int8"})) if device == "cpu" else ())
    for name, kw in variants:
        labels, ents = agreement(fp32, preds(**kw))
        print(f"{name} agreement with fp32 (trained model: {which}): entities {ents:.1%}, labels {labels:.1%}")


RATIOS = [  # (faster, slower, what, target)
    ("sorot", "pipelines", "sorot vs chained pipelines (docs/s, fp32)", ">= 2.3x"),
    ("sorot", "plain", "sorot vs plain forward (tokens/s, fp32)", ">= 0.85"),
    ("sorot-bf16", "pipelines", "sorot bf16 vs chained pipelines fp32", ">= 6x on CPU"),
    ("sorot-bf16", "plain-bf16", "sorot bf16 vs plain forward bf16", ""),
    ("sorot-onnx", "sorot", "sorot onnx fp32 vs sorot fp32", ""),
    ("sorot-onnx-int8", "sorot", "sorot onnx int8 vs sorot fp32", ">= 2.5x"),
    ("sorot-onnx-int8", "pipelines", "sorot onnx int8 vs chained pipelines", ">= 7x"),
]


def report_ratios(r: dict) -> None:
    for a, b, what, target in RATIOS:
        if a in r and b in r:
            print(f"{what + ':':<46}{r[b]['seconds'] / r[a]['seconds']:6.2f}x"
                  + (f"  (target {target})" if target else ""))
    for m in ("sorot-bf16", *ONNX_METHODS):
        if m in r and "sorot" in r:
            labels, ents = agreement(r["sorot"]["preds"], r[m]["preds"])
            print(f"{m} agreement with fp32: labels {labels:.1%}, entities {ents:.1%}")


if __name__ == "__main__":
    main()
