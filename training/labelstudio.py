"""The human annotation round-trip with Label Studio.

``export_tasks`` turns predictions (weak labeler or model) into Label Studio tasks
with pre-annotations: spans as ``labels`` results with character offsets, a
per-region ``topic`` choice for topic spans, and the article labels and ``primary``
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

from sorot.inference.text.bio import entity_word_range
from sorot.inference.text.words import word_spans
from sorot.models.schema import (
    ARTICLE_LABELS,
    ENTITY_TYPES,
    PRIMARY_OTHER,
    PRIMARY_VALUES,
    TOPIC_IDS,
    TOPIC_TYPES,
    entity_kind,
)


def labeling_config() -> str:
    """The Label Studio labelling config (XML) that matches the exported tasks."""
    def choices(values):
        return "\n".join(f"    <Choice value={quoteattr(v)}/>" for v in values)

    labels = "\n".join(f"    <Label value={quoteattr(t)} background={quoteattr(entity_kind(t).colour)}/>"
                       for t in ENTITY_TYPES)
    # the topic choice shows for a selected region of any topic type (SCHEMA: TOPIC)
    when = quoteattr(",".join(TOPIC_TYPES))
    # word granularity: a selection snaps to whole words; pre-wrap keeps every space and
    # line break on screen, as the offsets count them
    return f"""<View>
  <Style>.htx-text {{ white-space: pre-wrap; }}</Style>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Text name="text" value="$text" granularity="word"/>
  <View visibleWhen="region-selected" whenLabelValue={when}>
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
        if entity_kind(e["label"]).topic and e.get("topic"):
            out.append({"id": f"e{k}", "from_name": "topic", "to_name": "text", "type": "choices",
                        "value": {**value, "choices": [e["topic"]]}})
    return out


def export_tasks(predictions, model_version: str = "sorot", extra: list[dict] | None = None,
                 scores: list[float] | None = None) -> list[dict]:
    """Label Studio tasks with pre-annotations, one per prediction (SCHEMA §3 dicts).
    ``extra`` holds each article's other input fields (``url``, ``title``…), kept in the
    task's ``data`` so that annotators see them; they never replace ``id`` or ``text``.
    ``scores`` are task-level prediction scores (Label Studio sorts and filters by them)."""
    tasks = []
    for k, p in enumerate(predictions):
        fields = {key: v for key, v in (extra[k] if extra else {}).items() if key not in ("id", "text")}
        result = _span_results(p["text"], p.get("entities", []))
        result.append({"from_name": "conflicts", "to_name": "text", "type": "choices",
                       "value": {"choices": list(p.get("labels", []))}})
        result.append({"from_name": "primary", "to_name": "text", "type": "choices",
                       "value": {"choices": [p.get("primary", PRIMARY_OTHER)]}})
        prediction = {"model_version": model_version, "result": result}
        if scores is not None:
            prediction["score"] = scores[k]
        tasks.append({"data": {**fields, "id": str(p["id"]), "text": p["text"]}, "predictions": [prediction]})
    return tasks


@dataclass
class ImportReport:
    records: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: ``(task number, id or None, reason)`` for each task that could not be imported
    errors: list[tuple[int, str | None, str]] = field(default_factory=list)


class TaskError(ValueError):
    """One task of an export cannot be imported; the message says why."""


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


def _checked_span(text: str, value: dict) -> tuple[int, int]:
    """The span's offsets, refused when they are not inside the text or do not hold the
    text Label Studio says they hold (its offsets have been wrong around emoji and \\r\\n)."""
    start, end = value.get("start"), value.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise TaskError(f"span offsets {start!r}, {end!r} are not integers")
    if not 0 <= start < end <= len(text):
        raise TaskError(f"span [{start}, {end}) is outside a text of {len(text)} characters")
    if "text" in value and value["text"] != text[start:end]:
        raise TaskError(f"span [{start}, {end}) holds {text[start:end]!r}, but Label Studio says "
                        f"{value['text']!r}: its offsets do not match this text")
    return start, end


def _snap(text: str, words, value: dict, rid: str, report: ImportReport) -> tuple[int, int]:
    _checked_span(text, value)
    i, j = entity_word_range(words, value["start"], value["end"], strict=False)
    start, end = words[i][0], words[j - 1][1]
    if (start, end) != (value["start"], value["end"]):
        report.warnings.append(f"task {rid}: span {text[value['start']:value['end']]!r} "
                               f"[{value['start']}, {value['end']}) cuts a word; snapped to "
                               f"{text[start:end]!r} [{start}, {end})")
    return start, end


@lru_cache(maxsize=1)
def _lexicon():
    from sorot.inference.text.topics import TopicLexicon

    return TopicLexicon.load()


def _guess_topic(span: str, label: str, rid: str, report: ImportReport) -> str | None:
    topic = _lexicon().topic_of(span)
    report.warnings.append(f"task {rid}: {label} span {span!r} has no topic choice; "
                           f"{'took ' + repr(topic) + ' from the lexicon' if topic else 'left empty'}")
    return topic


def _record(task: dict, annotation: dict, rid: str, report: ImportReport) -> dict:
    text = task["data"].get("text")
    if not isinstance(text, str) or not text.strip():
        raise TaskError("no text in data.text")
    if not isinstance(annotation.get("result"), list):
        raise TaskError("the annotation has no result list")
    words = word_spans(text)
    topics = {r["id"]: r["value"]["choices"][0] for r in annotation["result"]
              if r.get("from_name") == "topic" and r["value"].get("choices")}
    entities, labels, primary = [], [], PRIMARY_OTHER
    for r in annotation["result"]:
        value = r.get("value", {})
        if r.get("type") == "labels" and value.get("labels"):
            if value["labels"][0] not in ENTITY_TYPES:
                raise TaskError(f"unknown label {value['labels'][0]!r} (labels: {', '.join(ENTITY_TYPES)})")
            start, end = _snap(text, words, value, rid, report)
            ent = {"start": start, "end": end, "label": value["labels"][0]}
            if entity_kind(ent["label"]).topic:
                ent["topic"] = topics.get(r.get("id")) or _guess_topic(text[start:end], ent["label"], rid, report)
            entities.append(ent)
        elif r.get("from_name") == "conflicts":
            labels = [c for c in ARTICLE_LABELS if c in value.get("choices", [])]
        elif r.get("from_name") == "primary" and value.get("choices"):
            primary = value["choices"][0]
    entities.sort(key=lambda e: (e["start"], e["end"]))
    return {"id": rid, "text": text, "labels": labels, "primary": primary, "entities": entities}


def _task_id(task) -> str:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise TaskError("not a Label Studio task (no data object)")
    rid = task["data"].get("id", task.get("id"))
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        raise TaskError("no id in data.id nor in the task")
    return str(rid)


def _import_task(task, rid: str, report: ImportReport) -> None:
    annotation = _pick_annotation(task, rid, report)
    if annotation is None:
        report.skipped.append(rid)
    else:
        report.records.append(_record(task, annotation, rid, report))


def import_export(tasks: list) -> ImportReport:
    """SCHEMA §3 records from a Label Studio JSON export. A malformed task, a duplicate or
    missing id, or a span outside its text is reported in ``errors``; the rest import."""
    report, seen = ImportReport(), set()
    for n, task in enumerate(tasks, start=1):
        rid = None
        try:
            rid = _task_id(task)
            if rid in seen:
                raise TaskError(f"duplicate id {rid!r}: an earlier task has it")
            seen.add(rid)
            _import_task(task, rid, report)
        except (TaskError, KeyError, TypeError, AttributeError, IndexError, ValueError) as e:
            reason = str(e) if isinstance(e, TaskError) else f"malformed task: {type(e).__name__}: {e}"
            report.errors.append((n, rid, reason))
    return report
