"""Extractors: each reads a ``CaseText`` and returns typed facts, each with its evidence."""
