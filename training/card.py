"""The model card (``README.md`` of a saved model), generated from the real run.

>>> card = model_card({"backbone": "tiny", "model_id": "org/sorot"}, {"train": 3}, None, {})
>>> card.startswith("---") and "## Intended use" in card and "org/sorot" in card
True
"""

from __future__ import annotations

from sorot.models.schema import ARTICLE_LABELS, TOPIC_IDS
from sorot.training.scoring import to_markdown

_LIMITS = """- Trained on silver labels from a rule-based weak labeler (plus any gold data
  listed above): it inherits the gazetteer's coverage and the rules' blind spots.
- Article labels cover three conflicts only; other conflicts are `other`.
- Indonesian news only; scraped boilerplate is expected in the input and is tagged too.
- Entity text is always sliced from the original string, even with a lower-casing tokenizer."""


def _front_matter(info: dict) -> str:
    return "\n".join(["---", "language: id", "license: apache-2.0", "library_name: transformers",
                      "pipeline_tag: token-classification",
                      f"base_model: {info.get('backbone', 'unknown')}",
                      "tags: [sorot, ner, multi-label-classification, indonesian, news]", "---", ""])


def _usage(model_id: str) -> str:
    return f"""```python
from sorot.inference import Predictor   # pip install sorot (registers the model type)

predictor = Predictor.from_pretrained("{model_id}")
result = predictor.predict("Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina.")
print(result["labels"], result["entities"])
```"""


def model_card(info: dict, data_counts: dict, report: dict | None, hyper: dict) -> str:
    """Markdown card: intended use, schema, data counts, hyperparameters, metrics, limits."""
    model_id = info.get("model_id", "PATH_OR_HUB_ID")
    lines = [_front_matter(info), f"# sorot: {model_id}", "",
             "A joint model for Indonesian news: one encoder pass tags leaders, officials "
             "and conflict topics (IOB2 over words) and labels the article with the conflicts "
             f"it covers ({', '.join(ARTICLE_LABELS)}; multi-label), plus a `primary` conflict.", "",
             "## Intended use", "",
             "Monitoring Indonesian online media about the Russia–Ukraine, Israel–Iran and Gaza "
             "conflicts: batch tagging of scraped articles for analysts and researchers. Not for "
             "decisions about individuals.", "",
             "## Schema", "",
             "- `LEADER`: heads of state or government, top leaders of parties to a conflict.",
             "- `OFFICIAL`: other people in official roles (ministers, spokespeople, envoys, ...).",
             f"- `TOPIC`: conflict issues, normalised to {', '.join(f'`{t}`' for t in TOPIC_IDS)}.",
             "", "## Training data", ""]
    lines += [f"- {k}: {v}" for k, v in data_counts.items()] + ["", "## Hyperparameters", ""]
    lines += [f"- {k}: `{v}`" for k, v in hyper.items()] + ["", "## Evaluation", ""]
    if report:
        lines.append(to_markdown(report, f"Dev set: {info.get('dev', 'dev')}"))
    else:
        lines.append("No dev set was given; no metrics were measured.")
    lines += ["", "## Limitations", "", _LIMITS, "", "## Usage", "", _usage(model_id), ""]
    return "\n".join(lines)
