"""Marks this folder as a package for mypy, so its measure.py is classify_embeddings.measure (two
bench folders hold a measure.py; runs as a script are unaffected)."""
