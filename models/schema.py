"""The label schema in code: the one place that names labels, BIO tags and topic ids.

Everything else (readers, weak labeler, dataset builder, evaluator, model config)
imports these constants instead of spelling the strings again.

>>> ARTICLE_LABELS
('russia_ukraine', 'israel_iran', 'gaza')
>>> BIO_TAGS[:3]
('O', 'B-LEADER', 'I-LEADER')
>>> TAG2ID["B-TOPIC"], ID2TAG[6]
(5, 'I-TOPIC')
"""

from __future__ import annotations

#: Multi-label article classes (SCHEMA §1). An article may carry none of them.
ARTICLE_LABELS: tuple[str, ...] = ("russia_ukraine", "israel_iran", "gaza")

#: `primary` is one of the article labels, or this value when no conflict dominates.
PRIMARY_OTHER = "other"
PRIMARY_VALUES: tuple[str, ...] = (*ARTICLE_LABELS, PRIMARY_OTHER)

#: Span types tagged token by token (SCHEMA §2).
ENTITY_TYPES: tuple[str, ...] = ("LEADER", "OFFICIAL", "TOPIC")
PERSON_TYPES: tuple[str, ...] = ("LEADER", "OFFICIAL")

#: IOB2 tags over words, in the id order that models use.
BIO_TAGS: tuple[str, ...] = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I"))
TAG2ID: dict[str, int] = {tag: i for i, tag in enumerate(BIO_TAGS)}
ID2TAG: dict[int, str] = dict(enumerate(BIO_TAGS))

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

LABEL2ID: dict[str, int] = {label: i for i, label in enumerate(ARTICLE_LABELS)}
ID2LABEL: dict[int, str] = dict(enumerate(ARTICLE_LABELS))
