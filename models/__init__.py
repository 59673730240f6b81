"""The joint sorot model and the label schema in code."""

from models.schema import (
    ARTICLE_LABELS,
    BIO_TAGS,
    ENTITY_TYPES,
    PRIMARY_OTHER,
    PRIMARY_VALUES,
    TOPIC_IDS,
)

__all__ = ["ARTICLE_LABELS", "BIO_TAGS", "ENTITY_TYPES", "PRIMARY_OTHER", "PRIMARY_VALUES", "TOPIC_IDS"]
