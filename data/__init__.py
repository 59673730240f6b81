"""Data files shipped with sorot (gazetteer, lexicons, samples); read them with
``sorot.inference.text.resources.data_path``. This folder holds no code."""
