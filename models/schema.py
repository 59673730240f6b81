"""The label schema in code: the one place that names labels, entity types, tags and topic ids.

Everything else (readers, weak labeler, dataset builder, metric, predictor, card,
report, Label Studio config, model config) imports these names instead of spelling
the strings again; ``tests/test_schema.py`` greps the library to keep it so. Adding
an article label or an entity type here is enough for training, prediction, scoring,
the card and the HTML report to carry it (the same test does it and checks).

What a type *does* sits in one table, :data:`ENTITY_KINDS`: person types get a
canonical name from the gazetteer, a topic type gets a topic id, every type has a
display name and a colour. A type with no row gets :func:`entity_kind`'s defaults.

>>> ARTICLE_LABELS
('russia_ukraine', 'israel_iran', 'gaza')
>>> BIO_TAGS[:3]
('O', 'B-LEADER', 'I-LEADER')
>>> BIO_TAGS.index("B-TOPIC")
5
>>> entity_kind(TOPIC).topic, entity_kind(LEADER).person, entity_kind("ARMED_GROUP").display
(True, True, 'armed group')
"""

from __future__ import annotations

from dataclasses import dataclass

#: The ``model_type`` a saved sorot ``config.json`` names (``SorotConfig.model_type``).
MODEL_TYPE = "sorot"
#: The encoder a new model starts from, unless ``sorot train --backbone`` names another.
#: Here rather than in the configuration module so that ``sorot train`` reads its
#: settings (and refuses a bad config file) before transformers loads.
DEFAULT_BACKBONE = "indobenchmark/indobert-base-p1"

#: The span types, by name, for the rules and decoders that treat one type specially.
LEADER, OFFICIAL, TOPIC = "LEADER", "OFFICIAL", "TOPIC"

#: Span types tagged token by token (SCHEMA §2).
ENTITY_TYPES: tuple[str, ...] = (LEADER, OFFICIAL, TOPIC)

#: Multi-label article classes (SCHEMA §1). An article may carry none of them.
ARTICLE_LABELS: tuple[str, ...] = ("russia_ukraine", "israel_iran", "gaza")

#: `primary` is one of the article labels, or this value when no conflict dominates.
PRIMARY_OTHER = "other"

#: Normalised ids of TOPIC spans (SCHEMA §2 inventory). Cue phrases live in data/topics.yaml.
TOPIC_IDS: tuple[str, ...] = (
    "ceasefire",
    "peace_talks",
    "nuclear_programme",
    "sanctions",
    "military_aid",
    "humanitarian",
    "hostages_prisoners",
    "military_operation",
    "escalation",
    "occupation",
)


@dataclass(frozen=True)
class EntityKind:
    """How sorot treats the spans of one entity type."""

    #: lower-case name for prose ("leader")
    display: str
    #: one line for the model card's schema section
    description: str = ""
    #: Label Studio background colour
    colour: str = "#7f7f7f"
    #: a person's name: looked up in the gazetteer, which fills ``canonical``
    person: bool = False
    #: a conflict issue: normalised to one of :data:`TOPIC_IDS` in ``topic``
    topic: bool = False


ENTITY_KINDS: dict[str, EntityKind] = {
    LEADER: EntityKind("leader", "heads of state or government, top leaders of parties to a conflict.",
                       "#d62728", person=True),
    OFFICIAL: EntityKind("official", "other people in official roles (ministers, spokespeople, envoys, ...).",
                         "#1f77b4", person=True),
    TOPIC: EntityKind("topic", "conflict issues, normalised to a topic id.", "#2ca02c", topic=True),
}

#: Display names of article labels for prose; a label without one is shown from its id.
LABEL_DISPLAY: dict[str, str] = {"russia_ukraine": "Russia–Ukraine", "israel_iran": "Israel–Iran",
                                 "gaza": "Gaza"}


def entity_kind(entity_type: str) -> EntityKind:
    """The row of :data:`ENTITY_KINDS` for ``entity_type``, or a plain default one
    (no gazetteer lookup, no topic id, grey) for a type that has none."""
    return ENTITY_KINDS.get(entity_type) or EntityKind(entity_type.lower().replace("_", " "))


def label_display(label: str) -> str:
    """>>> label_display("gaza"), label_display("south_china_sea")
    ('Gaza', 'South China Sea')
    """
    return LABEL_DISPLAY.get(label) or label.replace("_", " ").title()


def bio_tags(entity_types: tuple[str, ...]) -> tuple[str, ...]:
    """IOB2 tags over words, in the id order that models use."""
    return ("O",) + tuple(f"{p}-{t}" for t in entity_types for p in ("B", "I"))


#: Person types, in rank order: where two rules disagree on one name, the first wins.
PERSON_TYPES: tuple[str, ...] = tuple(t for t in ENTITY_TYPES if entity_kind(t).person)
TOPIC_TYPES: tuple[str, ...] = tuple(t for t in ENTITY_TYPES if entity_kind(t).topic)
PRIMARY_VALUES: tuple[str, ...] = (*ARTICLE_LABELS, PRIMARY_OTHER)
BIO_TAGS: tuple[str, ...] = bio_tags(ENTITY_TYPES)
