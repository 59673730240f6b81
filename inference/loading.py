"""Loading a saved sorot model safely, with errors that say what is wrong and how to fix it.

Weights load through safetensors only: a folder that holds only pickle weights
(``pytorch_model.bin``) is refused, since unpickling runs arbitrary code.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from sorot.models.errors import SorotError
from sorot.models.schema import MODEL_TYPE

#: Files a saved model carries beside its weights that the predictor reads at run time,
#: so that its output depends on the model, not on the installed sorot version.
MODEL_RESOURCES = ("gazetteer.yaml", "topics.yaml")
#: What is fetched of a hub repository: config, safetensors weights, tokenizer, resources.
HUB_FILES = ["config.json", "*.safetensors", "*.safetensors.index.json", "tokenizer*",
             "vocab.txt", "special_tokens_map.json", "added_tokens.json", *MODEL_RESOURCES]


def model_files(backend: str | None = None, quantize: str | None = None) -> list[str]:
    """What a backend fetches of a hub repository: the ONNX backend skips the torch weights."""
    if (backend or ("onnx" if quantize else "torch")) == "torch":
        return HUB_FILES
    from sorot.inference.onnx_backend import hub_files

    return hub_files(quantize)


def check_backend(backend: str | None, quantize: str | None, device: str = "auto", dtype: str = "auto") -> None:
    """``--quantize int8`` runs on ONNX Runtime, and ONNX Runtime here runs on the CPU in
    fp32 or int8: a setting it cannot honour is refused, never ignored."""
    if quantize and backend == "torch":
        raise SorotError("--quantize int8 runs on ONNX Runtime: use --backend onnx (or leave --backend "
                         "out); torch.ao's dynamic quantisation, which torch deprecates, is gone")
    onnx = backend == "onnx" or bool(quantize)
    if onnx and str(device) not in ("auto", "cpu"):
        raise SorotError(f"--backend onnx runs on the CPU, not --device {device}: use --backend torch on a GPU")
    if onnx and str(dtype) not in ("auto", "fp32", "float32"):
        raise SorotError(f"--backend onnx runs in fp32 (or int8 with --quantize int8), not --dtype {dtype}: "
                         "use --backend torch for bf16/fp16")


def backend_source(backend: str | None, quantize: str | None) -> dict:
    """The backend, for a run's provenance: only when it is onnx, so that outputs recorded
    before there was a choice still match a torch rerun."""
    return {"backend": "onnx"} if backend == "onnx" or quantize else {}


class ModelLoadError(SorotError, OSError):
    """The model could not be loaded; the message says why and what to do."""


def _refuse_remote_code(path: Path) -> None:
    """A folder whose config or tokenizer config declares ``auto_map`` asks to run its own
    Python: sorot never does, whatever the user answers to a prompt."""
    for name in ("config.json", "tokenizer_config.json"):
        try:
            data = json.loads((path / name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            continue
        except (ValueError, OSError) as e:
            raise ModelLoadError(f"{path / name} is not valid JSON ({e}); the file is corrupt") from e
        if isinstance(data, dict) and "auto_map" in data:
            raise ModelLoadError(f"{path / name} declares auto_map: the model asks to run its own "
                                 "Python code, which sorot never loads. Use a model saved by sorot")


#: The largest tokenizer or index file accepted (real ones are a few MB; a 1 GB one took 10 GB).
MAX_SIDE_FILE_BYTES = 200_000_000


def _inside(path: Path, folder: Path) -> bool:
    """``path`` (links followed) lies in ``folder``, or, for a hub snapshot
    (``models--org--name/snapshots/<commit>``), in that repository's ``blobs``."""
    target = path.resolve()
    roots = [folder.resolve()]
    if folder.parent.name == "snapshots":
        roots.append((folder.parent.parent / "blobs").resolve())
    return any(target.is_relative_to(r) for r in roots)


def _check_files(path: Path) -> None:
    """Every file the loaders read is a regular file inside the folder, of bounded size."""
    onnx = sorted((path / "onnx").iterdir()) if (path / "onnx").is_dir() else []
    for f in sorted(path.iterdir()) + onnx:
        if not f.name.endswith((".json", ".safetensors", ".txt", ".yaml", ".model", ".onnx")):
            continue
        if not _inside(f, path):
            raise ModelLoadError(f"{f} leads out of the model folder (to {f.resolve()}): refused")
        if not f.is_file():
            raise ModelLoadError(f"{f} is not a regular file (a device or a pipe): refused")
        if not f.name.endswith((".safetensors", ".onnx")) and f.stat().st_size > MAX_SIDE_FILE_BYTES:
            raise ModelLoadError(f"{f}: {f.stat().st_size:,} bytes, over the limit of "
                                 f"{MAX_SIDE_FILE_BYTES:,} for a tokenizer or index file")
    index = path / "model.safetensors.index.json"
    if index.exists():
        try:
            shards = set(json.loads(index.read_text(encoding="utf-8"))["weight_map"].values())
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise ModelLoadError(f"{index} is not a safetensors index ({e})") from e
        for shard in sorted(shards):
            if not isinstance(shard, str) or Path(shard).name != shard or not (path / shard).is_file():
                raise ModelLoadError(f"{index} names {shard!r}, which is not a file of the folder")


#: Files a tokenizer loads from (either one): what ``sorot train`` saves is tokenizer.json.
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt")


def check_folder(path: Path, weights: bool = True) -> None:
    """A sorot model folder whose files stay inside it, with tokenizer files; with
    ``weights``, one that has safetensors weights (the ONNX backend reads ``onnx/``
    instead, and a hub snapshot fetched for it has no torch weights).

    Every refusal here comes before transformers is imported, in about a second.
    """
    _check_files(path)
    config = path / "config.json"
    if not config.exists():
        raise ModelLoadError(f"{path} has no config.json: give the folder `sorot train` wrote "
                             "(OUTPUT_DIR/model) or a hub id")
    try:
        model_type = json.loads(config.read_text(encoding="utf-8")).get("model_type")
    except json.JSONDecodeError as e:
        raise ModelLoadError(f"{config} is not valid JSON ({e}); the file is corrupt") from e
    _refuse_remote_code(path)
    if model_type != MODEL_TYPE:
        raise ModelLoadError(f"{path} holds a {model_type!r} model, not a sorot model; train one "
                             "with `sorot train` and load its OUTPUT_DIR/model")
    names = {p.name for p in path.iterdir()}
    if not names & set(TOKENIZER_FILES):
        # transformers would build a 5-token stand-in from tokenizer_config.json alone, or
        # fail with several lines about sentencepiece when that file is missing too
        raise ModelLoadError(f"{path} has no tokenizer files ({' or '.join(TOKENIZER_FILES)}): "
                             f"{_TOKENIZER_HINT}")
    if weights and not any(n.endswith(".safetensors") for n in names):
        pickles = sorted(n for n in names if n.endswith((".bin", ".pt", ".pth", ".ckpt")))
        hint = (f" It has only pickle weights ({', '.join(pickles)}), which sorot refuses to "
                "load: unpickling can run arbitrary code. Re-save it with "
                "`model.save_pretrained(folder)` where you trust the file.") if pickles else ""
        if (path / "onnx").is_dir():
            hint += " It has an ONNX export: run it with --backend onnx (or --quantize int8)."
        raise ModelLoadError(f"{path} has no model.safetensors.{hint}")


def model_folder(model_id_or_dir: str | Path, revision: str | None = None, files: list[str] = HUB_FILES,
                 token: str | bool | None = None, cache_dir: str | Path | None = None) -> Path:
    """A local folder holding the model: the folder itself, or the hub repository's snapshot
    at ``revision`` from the hub cache (``HF_HUB_OFFLINE=1`` uses the cache alone) with the
    ``files`` patterns fetched; ``token`` and ``cache_dir`` as in transformers."""
    path = Path(model_id_or_dir)
    if path.exists():
        return path
    name = str(model_id_or_dir)
    if name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name:
        raise ModelLoadError(f"model folder not found: {model_id_or_dir}")
    if Path(name.split("/")[0]).is_dir():  # runs/nope: a typo in a path, not the hub id runs/nope
        raise ModelLoadError(f"model folder not found: {model_id_or_dir} ({name.split('/')[0]}/ is a "
                             "folder here; a hub id is ORG/NAME)")
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(str(model_id_or_dir), revision=revision, allow_patterns=files,
                                      token=token, cache_dir=cache_dir))
    except Exception as e:  # unknown repo, offline without a cached copy, no access...
        rev = f" at revision {revision!r}" if revision else ""
        raise ModelLoadError(f"could not get {model_id_or_dir}{rev} from the hub or its cache: "
                             f"{type(e).__name__}: {one_line(e)}") from e


def one_line(error: Exception) -> str:
    """A library's message of several lines as one: an error is one line of a job's log."""
    return " ".join(str(error).split())


@contextlib.contextmanager
def _no_loading_bar():
    """transformers draws a "Loading weights" bar for a folder that loads in about a second
    (a hub id is downloaded before, with the hub's own bars): noise in a batch job's log."""
    from transformers.utils import logging as hf_logging

    was = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was:
            hf_logging.enable_progress_bar()


def load_model(model_id_or_dir: str | Path, revision: str | None = None):
    """The torch model and tokenizer of a folder or hub id (safetensors only)."""
    path = model_folder(model_id_or_dir, revision)
    check_folder(path)  # a folder that cannot load is refused before transformers' modelling code loads
    from transformers import AutoModel, AutoTokenizer

    from sorot.models.modeling import SorotConfig  # registers the sorot type with the Auto classes

    try:
        with _no_loading_bar():
            model = AutoModel.from_pretrained(str(path), use_safetensors=True, trust_remote_code=False)
    except Exception as e:  # corrupt file, hub unreachable, missing weights...
        raise ModelLoadError(f"could not load the model from {model_id_or_dir}: "
                             f"{type(e).__name__}: {one_line(e)}") from e
    if not isinstance(model.config, SorotConfig):
        raise ModelLoadError(f"{model_id_or_dir} is not a sorot model")
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(path), trust_remote_code=False)
    except Exception as e:
        raise ModelLoadError(f"could not load the tokenizer from {model_id_or_dir}: {one_line(e)}; "
                             f"{_TOKENIZER_HINT}") from e
    check_tokenizer(tokenizer, model, str(model_id_or_dir))
    return model, tokenizer


#: Special tokens every window is built with (``[CLS] … [SEP]``, padded).
SPECIAL_TOKENS = ("cls_token", "sep_token", "pad_token", "unk_token")


def check_tokenizer(tokenizer, model, where: str) -> None:
    """Refuse a tokenizer that does not belong to the model.

    A folder without its tokenizer files still loads one in transformers: a stand-in of
    a handful of special tokens, under which every word is unknown, so the model would
    predict garbage and exit 0. The tokenizer's vocabulary must fit the model's
    embedding (no id past its last row) and fill most of it, and it must have the
    special tokens that windows are built with.
    """
    check_vocabulary(len(tokenizer), model.get_input_embeddings().num_embeddings, where)
    missing = [name for name in SPECIAL_TOKENS if getattr(tokenizer, f"{name}_id", None) is None]
    if missing:
        raise ModelLoadError(f"{where}: the tokenizer has no {', '.join(missing)}, which sorot's "
                             f"windows need; {_TOKENIZER_HINT}")


_TOKENIZER_HINT = "save the tokenizer `sorot train` trained with into the folder (tokenizer.json, vocab.txt…)"


def check_vocabulary(size: int, rows: int, where: str) -> None:
    """A tokenizer of ``size`` tokens fits an embedding of ``rows`` rows and fills most of it
    (both backends: the ONNX one reads ``rows`` from the config)."""
    hint = _TOKENIZER_HINT
    if size > rows:
        raise ModelLoadError(f"{where}: the tokenizer has {size:,} tokens but the model's embedding "
                             f"only {rows:,} rows: it is another model's tokenizer; {hint}")
    if size < rows // 2:
        raise ModelLoadError(f"{where}: the tokenizer has {size:,} tokens for a model embedding "
                             f"{rows:,}: the folder's tokenizer files are missing or wrong; {hint}")
