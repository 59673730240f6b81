"""The stages of ``sorot predict --engine ray`` as Ray Data functions and actors.

Rows (one per record, from :mod:`sorot.inference.ray_engine`'s readers) go through
:func:`prepare_rows` (a CPU task: a batch of rows → one row holding the batch prepared),
:class:`ForwardActor` (the actor pool: the encoder, and nothing else) and
:func:`decode_rows` (a CPU task: back to one row per record, with its output line or
its error). Each stage runs the same functions as ``sorot predict``. A batch crosses
between stages pickled in a ``payload`` column.
"""

from __future__ import annotations

import functools
import json
import pickle


@functools.lru_cache(maxsize=2)
def _cpu_side(model: str, revision: str | None, batch_size: int, max_batch_tokens: int, gpu: bool):
    """What the CPU stages need of the model (no weights): the prepare function, the
    decode spec and the lexicons; loaded once per Ray worker process, then reused.

    The settings are read from ``config.json`` and the tokenizer from ``tokenizer.json``
    as the ONNX backend reads them, so a CPU worker imports neither transformers nor
    torch (0.5 s and 46 MiB peak to load here, against 3.5 s and 264 MiB through
    transformers); a folder without ``tokenizer.json`` falls back to its tokenizer."""
    from sorot.inference.decode import DecodeSpec, EntityLookups
    from sorot.inference.loading import model_folder
    from sorot.inference.onnx_backend import ModelSettings
    from sorot.inference.predictor import folder_lexicons
    from sorot.inference.stages import PrepareSpec, prepare
    from sorot.inference.word_tokenizer import WordTokenizer

    folder = model_folder(model, revision)
    config = ModelSettings.read(folder)
    if (folder / "tokenizer.json").is_file():
        tokenizer = WordTokenizer.from_folder(folder)
    else:
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(str(folder), trust_remote_code=False)
    spec = PrepareSpec.of(config, tokenizer, "cuda" if gpu else "cpu", max_windows=batch_size,
                          max_batch_tokens=max_batch_tokens)  # the limits Predictor uses
    return (functools.partial(prepare, tokenizer=tokenizer, spec=spec), DecodeSpec.of(config),
            EntityLookups(*folder_lexicons(folder)))


def _side(job):
    return _cpu_side(job.model, job.revision, job.batch_size, job.max_batch_tokens, bool(job.num_gpus))


def prepare_rows(batch, job):
    """CPU task: a batch of rows → one row holding the batch prepared (pickled), with the
    rows' units and error records in order. A record that breaks the batch is prepared
    alone, as in ``sorot predict``."""
    import pandas as pd

    from sorot.inference.text.article import Article
    from sorot.inference.workers import Batch, Plan, prepare_batch

    rows = batch.to_dict("records")
    good = [r for r in rows if not r["error"]]
    articles = [Article(r["id"], r["text"], json.loads(r["extra"]), r["source"]) for r in good]
    prepared = prepare_batch(Batch(0, articles), _side(job)[0], Plan(read=None, max_seconds=None))
    slots = [(r["unit"], r["error"]) for r in rows]
    return pd.DataFrame({"payload": [pickle.dumps((slots, prepared), protocol=5)]})


class ForwardActor:
    """The device stage: one model per actor; prepared batches in, forwarded batches out."""

    def __init__(self, job) -> None:
        import torch

        from sorot.inference.predictor import Predictor

        torch.set_num_threads(job.threads_per_actor)
        device = "cuda" if job.num_gpus and torch.cuda.is_available() else "cpu"
        self.predictor = Predictor.from_pretrained(job.model, revision=job.revision, device=device,
                                                   dtype=job.dtype, quantize=job.quantize, backend=job.backend,
                                                   threads=job.threads_per_actor,
                                                   max_batch_tokens=job.max_batch_tokens)

    def __call__(self, batch):
        import pandas as pd

        from sorot.inference.device_loop import Stats, forward_batch

        out = []
        for payload in batch["payload"]:
            slots, prepared = pickle.loads(payload)
            parts = forward_batch(self.predictor, prepared, None, Stats()) if prepared.articles else []
            out.append(pickle.dumps((slots, prepared.articles, parts), protocol=5))
        return pd.DataFrame({"payload": out})


def decode_rows(batch, job):
    """CPU task: forwarded batches → one row per input row: its unit, and its output
    record or its error record (JSON text)."""
    import pandas as pd

    from sorot.inference.workers import RecordDecoder

    _, spec, lookups = _side(job)
    decoder = RecordDecoder(spec, lookups, job.keep_fields)
    units, records, errors = [], [], []
    for payload in batch["payload"]:
        slots, articles, parts = pickle.loads(payload)
        lines = iter(decoder(articles, parts)[0] if articles else [])
        for unit, error in slots:
            line, failure = (None, None) if error else next(lines)
            units.append(unit)
            records.append(line.rstrip("\n") if line else "")
            errors.append(error or (json.dumps(failure, ensure_ascii=True) if failure else ""))
    return pd.DataFrame({"unit": units, "record": records, "error": errors})
