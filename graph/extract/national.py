"""National batches declared by the documents of one build, shared with the other documents of that build.

A provincial case may cite a notice's item in slightly different words (quotes, a trailing 模式, a
space). The gazetteer's tolerant matcher only knows the reference items; ``with_batches`` gives it the
items that notices and best-practice collections of the same build declare, so such a citation reaches
the notice's item IRI (and label) instead of minting a second reform. The build
(``graph/build/builder.py``) builds batch-declaring documents first and hands their batches to the rest.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.model import BATCH_NOTICE, BEST_PRACTICE, NationalBatch, NationalItem
from ftzgraph.graph.text import title_key

BATCH_LAYOUTS = (BATCH_NOTICE, BEST_PRACTICE)


def with_batches(gazetteer: Gazetteer, batches: Iterable[NationalBatch]) -> Gazetteer:
    """A copy of ``gazetteer`` that also knows the batches' items (those not already reference items).

    The reference tables are shared, not copied; the cached gazetteer of ``load_gazetteer`` is untouched.
    """
    known = {title_key(item.name) for item in gazetteer.items}
    added: dict[str, NationalItem] = {}
    stated: dict[str, NationalItem] = {}  # reference items a notice also places in a batch (maybe another one)
    for batch in batches:
        where = (batch.kind, batch.number)
        for item in batch.items:
            key = title_key(item.title)
            if item.reference is not None:
                copy = stated.setdefault(
                    title_key(item.reference.name),
                    dataclasses.replace(
                        item.reference,
                        batches=list(item.reference.batches),
                        batch_sources={b: list(s) for b, s in item.reference.batch_sources.items()},
                    ),
                )
                _state(copy, where, batch.source)
                continue
            if key in known:
                continue
            if key in added:
                _state(added[key], where, batch.source)
                continue
            added[key] = NationalItem(
                name=item.title,
                aliases=[],
                batches=[],
                origin=item.origin,
                domain=item.domain,
                scope=item.scope_label,
            )
            _state(added[key], where, batch.source)
    if not added and not stated:
        return gazetteer
    items = [stated.get(title_key(item.name), item) for item in gazetteer.items]
    return dataclasses.replace(gazetteer, items=[*items, *added.values()], _item_matcher=None, _item_of_key=[])


def _state(item: NationalItem, batch: tuple[str, int | None], source: str | None) -> None:
    """Record that a notice built alongside places ``item`` in ``batch`` (an authority, like the reference)."""
    if batch not in item.batches:
        item.batches.append(batch)
    sources = item.batch_sources.setdefault(batch, [])
    if source and source not in sources:
        sources.append(source)
    item.candidate = False
