"""The human annotation round-trip with Label Studio.

``export_tasks`` turns predictions (weak labeler or model) into Label Studio tasks
with pre-annotations: spans as ``labels`` results with character offsets, a
per-region ``topic`` choice for TOPIC spans, and the article labels and ``primary``
as ``choices``. ``labeling_config`` is the matching XML. ``import_export`` turns a
Label Studio JSON export back into SCHEMA §3 records: skipped tasks are left out,
several annotators resolve to the latest completed annotation (disagreements are
reported), and spans that cut words are snapped to word boundaries with a warning.

>>> pred = {"id": "a", "text": "Putin tiba.", "labels": ["russia_ukraine"], "primary": "russia_ukraine",
...         "entities": [{"start": 0, "end": 5, "label": "LEADER", "score": 0.9}]}
>>> task = export_tasks([pred])[0]
>>> [r["type"] for r in task["predictions"][0]["result"]]
['labels', 'choices', 'choices']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from xml.sax.saxutils import quoteattr

from sorot.inference.bio import entity_word_range
from sorot.inference.words import word_spans
from sorot.models.schema import ARTICLE_LABELS, ENTITY_TYPES, PRIMARY_VALUES, TOPIC_IDS

COLOURS = {"LEADER": "#d62728", "OFFICIAL": "#1f77b4", "TOPIC": "#2ca02c"}


def labeling_config() -> str:
    """The Label Studio labelling config (XML) that matches the exported tasks."""
    def choices(values):
        return "\n".join(f"    <Choice value={quoteattr(v)}/>" for v in values)

    labels = "\n".join(f"    <Label value={quoteattr(t)} background={quoteattr(COLOURS[t])}/>"
                       for t in ENTITY_TYPES)
    return f"""<View>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Text name="text" value="$text"/>
  <View visibleWhen="region-selected" whenLabelValue="TOPIC">
    <Header value="Topic of the selected span"/>
    <Choices name="topic" toName="text" perRegion="true" choice="single">
{choices(TOPIC_IDS)}
    </Choices>
  </View>
  <Header value="Conflicts that are the main subject of at least one body sentence"/>
  <Choices name="conflicts" toName="text" choice="multiple" showInLine="true">
{choices(ARTICLE_LABELS)}
  </Choices>
  <Header value="Primary conflict"/>
  <Choices name="primary" toName="text" choice="single" showInLine="true">
{choices(PRIMARY_VALUES)}
  </Choices>
</View>
"""


def _span_results(text: str, entities: list[dict]) -> list[dict]:
    out = []
    for k, e in enumerate(entities):
        value = {"start": e["start"], "end": e["end"], "text": text[e["start"]:e["end"]]}
        region = {"id": f"e{k}", "from_name": "label", "to_name": "text", "type": "labels",
                  "value": {**value, "labels": [e["label"]]}}
        if "score" in e:
            region["score"] = e["score"]
        out.append(region)
        if e["label"] == "TOPIC" and e.get("topic"):
            out.append({"id": f"e{k}", "from_name": "topic", "to_name": "text", "type": "choices",
                        "value": {**value, "choices": [e["topic"]]}})
    return out


def export_tasks(predictions, model_version: str = "sorot") -> list[dict]:
    """Label Studio tasks with pre-annotations, one per prediction (SCHEMA §3 dicts)."""
    tasks = []
    for p in predictions:
        result = _span_results(p["text"], p.get("entities", []))
        result.append({"from_name": "conflicts", "to_name": "text", "type": "choices",
                       "value": {"choices": list(p.get("labels", []))}})
        result.append({"from_name": "primary", "to_name": "text", "type": "choices",
                       "value": {"choices": [p.get("primary", "other")]}})
        tasks.append({"data": {"id": str(p["id"]), "text": p["text"]},
                      "predictions": [{"model_version": model_version, "result": result}]})
    return tasks


@dataclass
class ImportReport:
    records: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _pick_annotation(task: dict, rid: str, report: ImportReport) -> dict | None:
    """The latest completed annotation; ``None`` when every annotator skipped the task."""
    done = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
    if not done:
        return None
    done.sort(key=lambda a: (a.get("updated_at") or a.get("created_at") or "", a.get("id", 0)))
    if len({_fingerprint(a) for a in done}) > 1:
        report.warnings.append(f"task {rid}: {len(done)} annotators disagree; kept the latest "
                               f"(annotation {done[-1].get('id')})")
    return done[-1]


def _fingerprint(annotation: dict) -> str:
    items = sorted(str((r.get("from_name"), r.get("value"))) for r in annotation.get("result", []))
    return "|".join(items)


def _snap(text: str, words, value: dict, rid: str, report: ImportReport) -> tuple[int, int]:
    i, j = entity_word_range(words, value["start"], value["end"], strict=False)
    start, end = words[i][0], words[j - 1][1]
    if (start, end) != (value["start"], value["end"]):
        report.warnings.append(f"task {rid}: span {text[value['start']:value['end']]!r} "
                               f"[{value['start']}, {value['end']}) cuts a word; snapped to "
                               f"{text[start:end]!r} [{start}, {end})")
    return start, end


@lru_cache(maxsize=1)
def _lexicon():
    from sorot.inference.topics import TopicLexicon

    return TopicLexicon.load()


def _guess_topic(span: str, rid: str, report: ImportReport) -> str | None:
    topic = _lexicon().topic_of(span)
    report.warnings.append(f"task {rid}: TOPIC span {span!r} has no topic choice; "
                           f"{'took ' + repr(topic) + ' from the lexicon' if topic else 'left empty'}")
    return topic


def _record(task: dict, annotation: dict, rid: str, report: ImportReport) -> dict:
    text = task["data"]["text"]
    words = word_spans(text)
    topics = {r["id"]: r["value"]["choices"][0] for r in annotation["result"]
              if r.get("from_name") == "topic" and r["value"].get("choices")}
    entities, labels, primary = [], [], "other"
    for r in annotation["result"]:
        value = r.get("value", {})
        if r.get("type") == "labels" and value.get("labels"):
            start, end = _snap(text, words, value, rid, report)
            ent = {"start": start, "end": end, "label": value["labels"][0]}
            if ent["label"] == "TOPIC":
                ent["topic"] = topics.get(r.get("id")) or _guess_topic(text[start:end], rid, report)
            entities.append(ent)
        elif r.get("from_name") == "conflicts":
            labels = [c for c in ARTICLE_LABELS if c in value.get("choices", [])]
        elif r.get("from_name") == "primary" and value.get("choices"):
            primary = value["choices"][0]
    entities.sort(key=lambda e: (e["start"], e["end"]))
    return {"id": rid, "text": text, "labels": labels, "primary": primary, "entities": entities}


def import_export(tasks: list[dict]) -> ImportReport:
    """SCHEMA §3 records from a Label Studio JSON export."""
    report = ImportReport()
    for task in tasks:
        rid = str(task.get("data", {}).get("id", task.get("id")))
        annotation = _pick_annotation(task, rid, report)
        if annotation is None:
            report.skipped.append(rid)
            continue
        report.records.append(_record(task, annotation, rid, report))
    return report
