"""National batches declared by the documents of one build, shared with the other documents of that build.

A provincial case may cite a notice's item in slightly different words (quotes, a trailing 模式, a
space). The gazetteer's tolerant matcher only knows the reference items; ``with_batches`` gives it the
items that notices and best-practice collections of the same build declare, so such a citation reaches
the notice's item IRI (and label) instead of minting a second reform. ``extract_documents`` is the
two-pass order a build needs: batch-declaring documents first, then the collections.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ftzgraph.graph.errors import FtzGraphError
from ftzgraph.graph.gazetteer import Gazetteer, NationalItem
from ftzgraph.graph.layout import BATCH_NOTICE, BEST_PRACTICE, detect_layout
from ftzgraph.graph.model import Document
from ftzgraph.graph.notice import NationalBatch
from ftzgraph.graph.pipeline import Extraction, extract_document
from ftzgraph.graph.text import title_key

BATCH_LAYOUTS = (BATCH_NOTICE, BEST_PRACTICE)


def with_batches(gazetteer: Gazetteer, batches: Iterable[NationalBatch]) -> Gazetteer:
    """A copy of ``gazetteer`` that also knows the batches' items (those not already reference items).

    The reference tables are shared, not copied; the cached gazetteer of ``load_gazetteer`` is untouched.
    """
    known = {title_key(item.name) for item in gazetteer.items}
    added: dict[str, NationalItem] = {}
    for batch in batches:
        for item in batch.items:
            key = title_key(item.title)
            if item.reference is not None or key in known:
                continue
            if key in added:
                if (batch.kind, batch.number) not in added[key].batches:
                    added[key].batches.append((batch.kind, batch.number))
                continue
            added[key] = NationalItem(
                name=item.title,
                aliases=[],
                batches=[(batch.kind, batch.number)],
                origin=item.origin,
                domain=item.domain,
                scope=item.scope_label,
            )
    if not added:
        return gazetteer
    return dataclasses.replace(
        gazetteer, items=[*gazetteer.items, *added.values()], _item_matcher=None, _item_of_key=[]
    )


def extract_documents(
    documents: list[Document], gazetteer: Gazetteer
) -> tuple[list[Extraction | FtzGraphError], Gazetteer]:
    """Extract every document, batch notices and best-practice collections first, so the collections see
    their items. Returns the results in the order of ``documents`` and the gazetteer the collections used."""
    results: dict[int, Extraction | FtzGraphError] = {}
    order = sorted(range(len(documents)), key=lambda i: detect_layout(documents[i]).name not in BATCH_LAYOUTS)
    batches: list[NationalBatch] = []
    shared = gazetteer
    for index in order:
        document = documents[index]
        if detect_layout(document).name not in BATCH_LAYOUTS and shared is gazetteer and batches:
            shared = with_batches(gazetteer, batches)
        try:
            extraction = extract_document(document, shared)
        except FtzGraphError as error:
            results[index] = error
            continue
        results[index] = extraction
        if extraction.batch is not None:
            batches.append(extraction.batch)
    return [results[i] for i in range(len(documents))], shared
