"""The model card (``README.md`` of a saved model), generated from the real run.

Its metadata is built with ``huggingface_hub``'s :class:`ModelCardData` and
:class:`EvalResult`, as SpanMarker and SetFit do: ``library_name: sorot`` (the hub
must not offer a ``transformers.pipeline`` snippet that cannot work), ``base_model``
only when the backbone is a hub id, and a ``model-index`` with the dev results.

>>> card = model_card({"backbone": "tiny", "model_id": "org/sorot"}, {"train": 3}, None, {})
>>> card.startswith("---") and "## Intended use" in card and "org/sorot" in card
True
>>> "library_name: sorot" in card and "base_model" not in card
True
"""

from __future__ import annotations

import re
from pathlib import Path

from sorot.models.schema import ARTICLE_LABELS, ENTITY_TYPES, TOPIC_IDS, entity_kind, label_display
from sorot.training.scoring import to_markdown

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")

_LIMITS = """- Trained on silver labels from a rule-based weak labeler (plus any gold data
  listed above): it inherits the gazetteer's coverage and the rules' blind spots.
- Article labels cover {n} conflicts only; other conflicts are `other`.
- Indonesian news only; scraped boilerplate is expected in the input and is tagged too.
- Entity text is always sliced from the original string, even with a lower-casing tokenizer."""


#: The hub widget's examples: sentences written for the project, one per conflict.
WIDGET = ("Presiden Rusia Vladimir Putin menolak usulan gencatan senjata dari Kyiv.",
          "Menteri Luar Negeri Iran membahas program nuklir dengan utusan Amerika Serikat.",
          "Bantuan kemanusiaan kembali tertahan di perbatasan Rafah menuju Gaza.")


def framework_versions() -> dict[str, str]:
    """The versions the model was trained with (metadata and a section, as SpanMarker's
    cards list them)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("sorot", "torch", "transformers", "tokenizers", "datasets", "accelerate"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out


def _versions() -> list[str]:
    return [f"- {name}: {v}" for name, v in framework_versions().items()]


def _and(names: list[str]) -> str:
    """>>> _and([label_display(lbl) for lbl in ARTICLE_LABELS])
    'Russia–Ukraine, Israel–Iran and Gaza'
    """
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def _schema_lines() -> list[str]:
    """One line per entity type, from the schema's table of what each type is."""
    lines = []
    for t in ENTITY_TYPES:
        kind = entity_kind(t)
        what = kind.description or f"{kind.display} names."
        if kind.topic:
            what = what.rstrip(".") + f" ({', '.join(f'`{i}`' for i in TOPIC_IDS)})."
        lines.append(f"- `{t}`: {what}")
    return lines


def hub_base_model(backbone: str | None) -> str | None:
    """The backbone as ``base_model`` metadata: a hub id only, never a path or a preset.

    >>> hub_base_model("indobenchmark/indobert-base-p1"), hub_base_model("tiny (random init)")
    ('indobenchmark/indobert-base-p1', None)
    """
    if not backbone or not _HUB_ID.match(backbone) or Path(backbone).exists():
        return None
    return backbone


def _eval_results(report: dict, dev_name: str, demo: bool = False) -> list:
    from huggingface_hub import EvalResult

    mark = " (pipeline demo, not for use)" if demo else ""

    def result(task: str, metric_type: str, name: str, value: float) -> EvalResult:
        return EvalResult(task_type=task, task_name=task.replace("-", " ").capitalize() + mark,
                          dataset_type="sorot-dev", dataset_name=dev_name, dataset_split="dev",
                          metric_type=metric_type, metric_name=name, metric_value=value)

    ents, arts = report["entities"], report["articles"]
    out = [result("token-classification", "f1", f"{t} F1 (strict IOB2)", ents[t]["f1"])
           for t in ENTITY_TYPES]
    out.append(result("token-classification", "f1", "entity micro F1", ents["micro"]["f1"]))
    out.append(result("text-classification", "f1", "article micro F1", arts["micro"]["f1"]))
    out.append(result("text-classification", "f1", "article macro F1", arts["macro"]["f1"]))
    out.append(result("text-classification", "accuracy", "primary accuracy",
                      report["primary_accuracy"]))
    return out


def card_data(info: dict, report: dict | None):
    """The card's YAML metadata as :class:`huggingface_hub.ModelCardData`. A demo model (no
    pretrained backbone) is marked so in its tags and in each ``model-index`` task name:
    its numbers are not results to compare."""
    from huggingface_hub import ModelCardData

    dev = Path(str(info.get("dev") or "dev")).name
    demo = not info.get("pretrained", True)
    return ModelCardData(
        language="id", license="apache-2.0", library_name="sorot",
        # the hub's task filter; library_name keeps it from offering a transformers pipeline
        pipeline_tag="token-classification", metrics=["f1", "accuracy"],
        widget=[{"text": t} for t in WIDGET], framework_versions=framework_versions(),
        base_model=hub_base_model(info.get("backbone")),
        tags=["sorot", "token-classification", "ner", "multi-label-classification", "indonesian",
              "news", *(["pipeline-demo", "not-for-use"] if demo else [])],
        model_name=info.get("model_id", "sorot"),
        eval_results=_eval_results(report, dev, demo) if report else None)


def _front_matter(info: dict, report: dict | None) -> str:
    return f"---\n{card_data(info, report).to_yaml()}\n---\n"


def _usage(model_id: str) -> str:
    return f"""```python
from sorot import Predictor   # pip install sorot

predictor = Predictor.from_pretrained("{model_id}")
result = predictor.predict("Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.")
print(result["labels"], result["entities"])
```"""


def _demo_notice(info: dict, report: dict | None) -> list[str]:
    """The first lines of a demo model's card: what it is, and what its scores mean."""
    if info.get("pretrained", True):
        return []
    lines = ["> **A pipeline demonstration, not a model for use.** Its encoder was trained from "
             "scratch, with no pretraining, to show build → train → evaluate → predict running "
             "end to end on a CPU. Real quality needs a pretrained "
             "IndoBERT trained on a GPU.", ""]
    weak = info.get("weak_report")
    if report and weak:
        def row(name: str, r: dict) -> str:
            return (f"| {name} | {r['entities']['micro']['f1']:.3f} | {r['articles']['micro']['f1']:.3f} "
                    f"| {r['primary_accuracy']:.3f} |")
        lines += ["On the same gold, beside the weak labeler whose silver labels it learnt from:", "",
                  "| | entity micro-F1 | article micro-F1 | primary accuracy |", "|---|---|---|---|",
                  row("this demo model", report), row("weak labeler", weak), ""]
    return lines


def model_card(info: dict, data_counts: dict, report: dict | None, hyper: dict) -> str:
    """Markdown card: intended use, schema, data counts, hyperparameters, metrics, limits."""
    model_id = info.get("model_id", "PATH_OR_HUB_ID")
    lines = [_front_matter(info, report), f"# sorot: {model_id}", "", *_demo_notice(info, report),
             "A joint model for Indonesian news: one encoder pass tags "
             f"{_and([entity_kind(t).display + 's' for t in ENTITY_TYPES])} (IOB2 over words) and "
             "labels the article with the conflicts "
             f"it covers ({', '.join(ARTICLE_LABELS)}; multi-label), plus a `primary` conflict.", "",
             "## Intended use", "",
             f"Monitoring Indonesian online media about the {_and([label_display(lbl) for lbl in ARTICLE_LABELS])} "
             "conflicts: batch tagging of scraped articles for analysts and researchers. Not for "
             "decisions about individuals.", "",
             "## Schema", "", *_schema_lines(),
             "", "## Training data", ""]
    lines += [f"- {k}: {v}" for k, v in data_counts.items()]
    lines += [f"- backbone: {info.get('backbone', '?')} "
              f"({'pretrained' if info.get('pretrained', True) else 'trained from scratch, no pretraining'})",
              "", "## Hyperparameters", ""]
    lines += [f"- {k}: `{v}`" for k, v in hyper.items()] + ["", "## Evaluation", ""]
    if report:
        lines.append(to_markdown(report, f"Dev set: {info.get('dev', 'dev')}"))
    else:
        lines.append("No dev set was given; no metrics were measured.")
    lines += ["", "## Limitations", "", _LIMITS.format(n=len(ARTICLE_LABELS)), "", "## Usage", "",
              _usage(model_id), "", "## Framework versions", "", *_versions(), ""]
    return "\n".join(lines)
