"""Nexus Explorer domain core: ontology, dataset validation, stores and graph services.

Nothing in this package imports Flask or ``web``.
"""
