"""Street offices (街道办事处): the district's or county-level city's agency for one urban sub-district.

A street office acts in many local reforms (a dispute-mediation room, an elderly-care service) and is written by its
own short name before 街道办事处 or 街道办 (大城街道办事处, 区秦楼街道办), which no place list holds: the name is read
between a boundary (a clause's start, a joint word such as 会同, a list's 、, the district written before it) and the
word. It is named as such offices are, after the case's district or county-level city (天水市秦州区大城街道办事处); with
none known it keeps the place written before it, if any.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_hits import _cited, _Context, _Hit
from ftzgraph.graph.extract._agency_names import CJK, Core, Lexicon, load_agency_yaml

_WORDS = load_agency_yaml("departments.yaml")
_OFFICE = "街道办事处"
_STREET_RE = re.compile(f"(?P<stem>[{CJK}]{{2,3}}?)街道(?:办事处|办)(?![{CJK}]{{0,2}}[主副]任)")
"""A street office written by its stem (大城街道办事处, 秦楼街道办); the stem's start is settled by ``_stem``."""
_BOUNDARY_BEFORE = tuple(_WORDS["bare_stem_named_before"])
_NOT_IN_STEM = set(_WORDS["not_in_place_stem"])
_GENERIC_STEMS = ("各", "有关", "相关", "所在", "属地", "辖区", "全区", "全市", "镇", "乡")
_LEVELS = ("区", "县", "市")
_MARKS = '，。；;,、：:（(\n 　“"【'


def street_offices(text: str, hits: list[_Hit], ctx: _Context, lex: Lexicon) -> list[_Hit]:
    """The street offices ``text`` names that no other hit covers, each with its full name and whether it acts."""
    found = []
    own = ctx.district or ctx.county or ctx.city
    names = sorted({n for n in (own.name, own.stem + own.name[-1:]) if n}, key=len, reverse=True) if own else []
    if own is not None and ctx.city is not None and own is not ctx.city:
        names.append(own.name.removeprefix(ctx.city.name))
    for match in _STREET_RE.finditer(text):
        read = _stem(text, match.end("stem"), names, lex.not_place_words)
        if read is None:
            continue
        stem, begin, written = read
        if any(h.start < match.end() and begin < h.end for h in hits):
            continue
        written_place = written if written not in (None, *_LEVELS) else ""
        name = (own.name if own is not None else written_place or "") + stem + _OFFICE
        core = Core(core=match.group(), canonical=name, family=name)
        found.append(_Hit(begin, match.end(), core, None, not _cited(text, begin, lex), name, own, "", "medium"))
    return found


_TOWN_KINDS = ("镇", "乡", "苏木")
_TOWN_RE = re.compile(f"(?P<stem>[{CJK}]{{2,5}}?)(?P<kind>{'|'.join(_TOWN_KINDS)})(?:人民)?政府")
"""A township's government written by its own name (巴彦浩特镇人民政府, 格日勒敖都苏木人民政府: a 苏木 is a
township of the pastoral areas of Inner Mongolia), a level below the county that no place list holds."""
_TOWN_GOVERNMENT = "人民政府"


def town_governments(text: str, hits: list[_Hit], places: list[str], lex: Lexicon) -> list[_Hit]:
    """The township governments (镇, 乡, 苏木) ``text`` names that no other hit covers but by its level (镇人民政府),
    named as written with the place of ``places`` written right before them (凭祥市友谊镇人民政府) and 人民政府 in
    full, each with whether it acts; a generic one (各乡镇人民政府, 所在镇政府) is none."""
    found: list[_Hit] = []
    if "政府" not in text or not any(kind in text for kind in _TOWN_KINDS):
        return found  # every township government's name holds them: no scan of the text
    names = sorted(places, key=len, reverse=True)
    for match in _TOWN_RE.finditer(text):
        read = _stem(text, match.start("kind"), names, lex.not_place_words, sizes=(2, 3, 4, 5))
        if read is None:
            continue
        stem, begin, written = read
        if any(h.start < match.end() and begin < h.end and not begin <= h.start for h in hits):
            continue  # a body's name holds it; one inside it (镇人民政府 read by its level) gives way
        place = written if written not in (None, *_LEVELS) else ""
        name = place + stem + match.group("kind") + _TOWN_GOVERNMENT
        core = Core(core=match.group(), canonical=name, family=name)
        found.append(_Hit(begin, match.end(), core, None, not _cited(text, begin, lex), name, None, "", "medium"))
    return found


_CORPS = "新疆生产建设兵团"
_REGIMENT_RE = re.compile(
    f"(?:(?:{_CORPS}|兵团)?(?P<division>第[一二三四五六七八九十]{{1,3}}师))?(?P<number>[一二三四五六七八九十百〇零]{{1,4}})团"
    f"(?P<unit>[{CJK}]{{2,8}}?(?:服务站|服务中心|派出所|司法所|工作站))?"
)
"""A regiment (团场) of the Production and Construction Corps, named by its number (一四三团, 第八师一五〇团), and a
unit of it (一五〇团就业服务站)."""
_DIVISION_RE = re.compile("第[一二三四五六七八九十]{1,3}师")


def corps_regiments(text: str, hits: list[_Hit], document_text: str, lex: Lexicon) -> list[_Hit]:
    """The Corps regiments ``text`` names that no other hit covers (一四三团在各连队设立…): the regiment by its full
    name (新疆生产建设兵团第八师一四三团) and a unit of it with its division (第八师一五〇团就业服务站), the division
    as written or the one the document names; none in a document that names no Corps division (a 代表团, a 集团)."""
    found: list[_Hit] = []
    if "团" not in text:
        return found  # every regiment's name holds it: neither this text nor the document is scanned
    divisions = set(_DIVISION_RE.findall(document_text))
    for match in _REGIMENT_RE.finditer(text):
        division = match.group("division") or (next(iter(divisions)) if len(divisions) == 1 else None)
        begin = match.start()
        opened = begin == 0 or text[begin - 1] in _MARKS or text.endswith(_BOUNDARY_BEFORE, 0, begin)
        if not (opened or match.group("division")):
            continue  # 共青团, 代表团: a word's end; a regiment opens a clause or follows a joint verb
        if division is None or any(h.start < match.end() and begin < h.end for h in hits):
            continue
        regiment = division + match.group("number") + "团"
        unit = match.group("unit") or ""
        if any(ch in _NOT_IN_STEM for ch in unit) or any(word in unit for word in lex.not_place_words):
            unit = ""  # 一四三团在各连队设立便民服务站: the regiment acts, the station is no unit's name
        end = match.end("number") + 1 + len(unit)
        name = regiment + unit if unit else _CORPS + regiment
        core = Core(core=text[begin:end], canonical=name, family=name)
        found.append(_Hit(begin, end, core, None, not _cited(text, begin, lex), name, None, "", "medium"))
    return found


def _stem(
    text: str, end: int, names: list[str], words: tuple[str, ...], sizes: tuple[int, ...] = (2, 3)
) -> tuple[str, int, str | None] | None:
    """The office's own name ending at ``end``: 2-3 characters (``sizes``) that a boundary precedes, holding no
    character a place's stem never holds nor ending in a word no place's name ends in; with where its mention starts
    and the place written before it (区, 秦州区) if any. None for a generic office (各街道办事处) or a stem no boundary
    opens."""
    for size in sizes:
        stem = text[max(0, end - size) : end]
        if len(stem) != size or any(ch in _NOT_IN_STEM for ch in stem) or stem.startswith(_GENERIC_STEMS):
            continue
        if any(stem[i:] in words for i in range(len(stem) - 1)):  # 推进街道办事处改革: a verb, no office's name
            continue
        before = text[: end - size]
        for name in names:
            if before.endswith(name):
                return stem, end - size - len(name), name
        if before.endswith(_LEVELS) and (
            len(before) == 1 or before[-2] in _MARKS or before[:-1].endswith(_BOUNDARY_BEFORE)
        ):
            return stem, end - size - 1, before[-1]
        if not before or before[-1] in _MARKS or before.endswith(_BOUNDARY_BEFORE):
            return stem, end - size, None
    return None
