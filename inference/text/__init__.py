"""The text layer: how sorot reads and sees text, shared by training and inference.

Torch-free and transformers-free, so the weak labeler, the dataset builder and the
readers run without loading a model, and training sees text exactly as the predictor
does. Its modules import only the standard library, each other, ``sorot.models.schema``
and ``sorot.models.errors`` (plus ``yaml`` for data files, ``pyarrow`` for Parquet and
``wordfreq`` for the real words a typing slip must not eat, each imported where it is
used); ``tests/test_package.py`` enforces it.

- :mod:`.normalize`: NFKC-style normalisation that keeps a map back to original offsets;
- :mod:`.words`: word segmentation with character offsets;
- :mod:`.phrases`: phrase matching over words (the gazetteer's and the topics' engine);
- :mod:`.bio`: IOB2 tags over words from character spans, and back;
- :mod:`.boilerplate`: menus, "Baca Juga" lists, captions and credits in scraped pages;
- :mod:`.gazetteer`, :mod:`.topics`: the name list and the topic lexicon in ``data/``;
- :mod:`.resources`: bounded reads of the data files, shipped or the user's own;
- :mod:`.article`: one input record, or why it could not be read;
- :mod:`.readers`, :mod:`.tabular`: directories of ``.txt``, JSON Lines, CSV and Parquet.
"""
