"""A place written by pointing (贵市召陵区, 我市临颍县, 该市西安区): the city the pointing word stands for.

A letter between two cities (商请学习借鉴的函, 复函) names the addressee's practices 贵市X区 and the writer's own
我市X县; a news text names its city once, then 该市X区. Such a name is the city's own district or body once the word
is read as the city: the addressee on the salutation line (X市人民政府办公室：) for 贵, the city the document's head
names first (its issuer) for 我 and 本, the city the text names most for 该. A word whose city the text does not
give leaves the name as written: a guess would put the case in the wrong city.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ftzgraph.graph.extract._agency_names import load_divisions

_DEICTIC_RE = re.compile(r"^(?P<w>[贵我本该])市(?=[\u4e00-\u9fff]{2})")
"""A name opening with a pointing word and 市, then the district, county or body (贵市召陵区, 我市商务局)."""
_SALUTATION_RE = re.compile(r"^[ \t\u3000]*(?P<head>[\u4e00-\u9fff]{2,30})[：:][ \t\u3000]*$", re.MULTILINE)
"""A letter's salutation: the addressee alone on its line before a colon (漯河市人民政府办公室：)."""
_HEAD_CHARS = 300
"""How far into a document its head (issuer, document number, title) is read for the writer's own city."""
_SALUTATION_CHARS = 1500
"""How far into a document its salutation is looked for: it stands before the letter's first paragraph."""


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    """Every prefecture-level city's full name (漯河市), from the divisions reference."""
    return frozenset(name for name in load_divisions().city_of.values() if name.endswith("市"))


def _cities_in(text: str) -> list[str]:
    """The known cities ``text`` names, in order, one per 市 (the longest name ending there)."""
    cities = _cities()
    found = []
    for match in re.finditer("市", text):
        at = match.start()
        names = (text[at - k : at + 1] for k in (5, 4, 3, 2, 1) if k <= at)
        name = next((candidate for candidate in names if candidate in cities), None)
        if name:
            found.append(name)
    return found


@lru_cache(maxsize=8)
def pointed_city(word: str, text: str) -> str | None:
    """The city ``word`` (贵, 我, 本, 该) stands for in the document ``text``, or None when the text does not say."""
    if word == "贵":
        for salutation in _SALUTATION_RE.finditer(text[:_SALUTATION_CHARS]):
            if cities := _cities_in(salutation["head"]):
                return cities[0]
        return None
    if word in "我本":
        cities = _cities_in(text[:_HEAD_CHARS])
        return cities[0] if cities else None
    ranked = Counter(_cities_in(text)).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def resolve_pointing(name: str, text: str) -> str:
    """``name`` with its pointing word and 市 read as the city ``text`` makes of it (贵市召陵区 -> 漯河市召陵区); as
    written when it opens with none or the text gives no city."""
    match = _DEICTIC_RE.match(name)
    if not match:
        return name
    city, rest = pointed_city(match["w"], text), name[match.end() :]
    if city and _county_of(rest, city):  # 贵市临颍县市场监督管理局: a county's body goes by the county's own name
        return rest
    return city + rest if city else name


def _county_of(rest: str, city: str) -> bool:
    """True when ``rest`` opens with a county or banner of ``city`` (临颍县, 东丰县), whose names stand on their own
    (a district, 召陵区, is written with its city)."""
    city_of = load_divisions().city_of
    return any(rest[:k].endswith(("县", "旗")) and city_of.get(rest[:k]) == city for k in range(2, 6))


def pointed_body(name: str, written: list[tuple[int, str]], text: str) -> str:
    """An acting body's ``name`` as the pointed city's when it is written 贵市商务局 (the pointing word right before
    each written 市商务局, at ``written``'s offsets into ``text``): the addressee's bureau, not the writer's."""
    name = resolve_pointing(name, text)
    words = {text[start - 1 : start] if start > 0 and quote.startswith("市") else "" for start, quote in written}
    word = words.pop() if len(words) == 1 else ""
    if not word or word not in "贵我本该":
        return name
    quote = written[0][1]
    pointed = resolve_pointing(word + quote, text)
    return pointed if pointed != word + quote and name.endswith(quote[1:]) else name
