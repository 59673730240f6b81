"""The joint sorot model and the label schema in code.

Importing this package registers the model with the Auto classes, so that
``AutoConfig``/``AutoModel.from_pretrained(folder_or_hub_id)`` work for sorot models
without ``trust_remote_code``.
"""

from transformers import AutoConfig, AutoModel

from models.configuration import DEFAULT_BACKBONE, SorotConfig
from models.modeling import SorotModel, SorotOutput
from models.schema import (
    ARTICLE_LABELS,
    BIO_TAGS,
    ENTITY_TYPES,
    PRIMARY_OTHER,
    PRIMARY_VALUES,
    TOPIC_IDS,
)

AutoConfig.register(SorotConfig.model_type, SorotConfig, exist_ok=True)
AutoModel.register(SorotConfig, SorotModel, exist_ok=True)

__all__ = ["ARTICLE_LABELS", "BIO_TAGS", "DEFAULT_BACKBONE", "ENTITY_TYPES", "PRIMARY_OTHER",
           "PRIMARY_VALUES", "TOPIC_IDS", "SorotConfig", "SorotModel", "SorotOutput"]
