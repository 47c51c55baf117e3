"""How a reference fact is known: the kind of each of its sources, and whether any of them is independent.

A fact of the reference data is an authority only when a source outside the documents being built supports
it. A source written as a path into a bundled document (``corpus/…#L103``) records what that document
claims; a graph that took it as a fact could never disagree with the document, so the conflict check would
be silent exactly where it matters. The rules that give each URL its kind are data
(``data/reference/source_kinds.yaml``), not code.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from ftzgraph.graph.data_files import load_yaml
from ftzgraph.ontology.namespace import FTZ

NATIONAL_NOTICE = "national_notice"
MINISTRY_LIST = "ministry_list"
PROVINCIAL_DOCUMENT = "provincial_document"
NEWS = "news"
KINDS = (NATIONAL_NOTICE, MINISTRY_LIST, PROVINCIAL_DOCUMENT, NEWS)
KIND_CONCEPT = {
    NATIONAL_NOTICE: FTZ.NationalNoticeSource,
    MINISTRY_LIST: FTZ.MinistryListSource,
    PROVINCIAL_DOCUMENT: FTZ.ProvincialDocumentSource,
    NEWS: FTZ.NewsSource,
}
"""The ``ftz:sourceKind`` concept of each source kind (ontology/ftz.ttl, ``ftz:SourceKindScheme``)."""


@cache
def _rules() -> dict[str, Any]:
    return dict(load_yaml("reference", "source_kinds.yaml"))


def is_bundled(source: str) -> bool:
    """True when ``source`` points into a bundled document (the document's claim, not independent evidence)."""
    return any(source.startswith(prefix) for prefix in _rules()["bundled_prefixes"])


def source_kind(source: str) -> str:
    """The kind of one source: national_notice, ministry_list, provincial_document or news."""
    rules = _rules()
    if is_bundled(source):
        return str(rules["bundled_kind"])
    host = (urlsplit(source).hostname or "").lower()
    for rule in rules["rules"]:
        if host in rule.get("host_in", ()) or any(host.endswith(s) for s in rule.get("host_suffix", ())):
            return str(rule["kind"])
    return str(rules["default_kind"])


def independent(sources: Iterable[str]) -> list[str]:
    """The sources of a fact that are not bundled documents (empty: the fact is only a document's claim)."""
    return [s for s in sources if s and not is_bundled(s)]


def kind_label(kind: str, lang: str = "zh") -> str:
    """A source kind's name in Chinese (``zh``) or English (``en``)."""
    return str(_rules()["labels"].get(kind, {}).get(lang, kind))
