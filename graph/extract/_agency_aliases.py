"""Short names a case defines for a body (深圳园区发展署（以下简称园区发展署）): later mentions of the short name are
the same body, whatever words it is made of. Split from ``agencies`` by noun.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_hits import _cited, _Hit, _inside_title
from ftzgraph.graph.extract._agency_names import CJK, Lexicon

_DEFINED_RE = re.compile(f'\\s*[（(](?:以下简称|以下称|下称|简称)[：:]?[“"「]?([{CJK}]{{2,12}})[”"」]?[）)]')


def defined_aliases(text: str, hits: list[_Hit], lex: Lexicon, titles: list[tuple[int, int, bool]]) -> list[_Hit]:
    """A hit per later mention of a short name defined right after a named body, named as that body. A mention
    inside another body's name (the short name 管理局 in 陆家嘴管理局) or inside a 《title》 is none."""
    aliases: list[_Hit] = []
    for body in hits:
        definition = _DEFINED_RE.match(text, body.end)
        if body.name is None or definition is None:
            continue
        short = definition.group(1)
        for match in re.finditer(re.escape(short), text[definition.end() :]):
            start, end = definition.end() + match.start(), definition.end() + match.end()
            if any(h.start < end and start < h.end for h in [*hits, *aliases]) or _inside_title(start, titles):
                continue
            if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in _BEFORE_A_NAME:
                continue  # 综合园区发展署…: part of a longer word, not the short name
            alias = _Hit(start, end, body.core, body.prefix, not _cited(text, start, lex), body.name, body.place)
            alias.confidence = body.confidence
            aliases.append(alias)
    return aliases


_BEFORE_A_NAME = "与和及同由经向对、"
"""Characters after which a short name opens a mention (与园区发展署, 、园区发展署)."""
