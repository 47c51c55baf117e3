"""The unit a case names as its provider, read from the lines around its heading: a label line (报送单位：X), a
closing bracket ((X供稿)), a signature, a heading's trailing brackets or dash, a cover's unit line, a reporting
sentence.

Split from graph/extract/_split_fallback.py: the fallback asks these readers whether a line names a provider (so it is
no heading, or its section is a case) and graph/extract/provider.py asks them for the name. Words come from
``data/lexicon/layouts.yaml``; nothing here names a document. The lines that name a unit alone (a byline, a dash
subtitle, a cover's unit line) and the fallback provider are read by ``_split_unit_lines.py``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ftzgraph.graph.data_files import load_lexicon as load_lexicon_file
from ftzgraph.graph.extract._agency_names import load_divisions
from ftzgraph.graph.extract._split_leads import is_place
from ftzgraph.graph.extract._split_words import (
    fallback_words,
    strip_marks,
)
from ftzgraph.graph.text import CJK_RE, title_key

LABEL_HEAD_RE = re.compile(
    r"^(?:[【〔\[](?P<label>[^】〕\]\n]{2,16})[】〕\]]|(?P<pipe>(?P<left>[^｜|\n]{2,20}?)\s*[｜|]))\s*(?P<t>\S.{1,})$"
)
"""A heading that opens with a label: a bracketed tag (【章贡区】title) or a short text before a vertical bar
(provider｜title, “area”｜title). The label names the case's place, provider or theme, not its reform."""


_TRAILING_BRACKET_RE = re.compile(
    r"\s*(?:[（(〔【\[［](?P<p>(?:[^（）()〔〕【】\[\]［］\n]|[（(][^（）()\n]{2,24}[)）]){2,30})[)）〕】\]］]"
    r"|[｜|丨]\s*(?P<bar>[^｜|丨\s]{2,30})"
    r"|(?:\u3000+|[ \t]{2,})(?P<wide>[\u4e00-\u9fff]{2,30})|[—–－]{1,2}(?P<dash>[\u4e00-\u9fff]{2,30}))\s*$"
)
"""What closes a heading after its title: brackets of any kind (title〔X区〕, title【供稿：X局】, with a body's former
name in brackets inside: （报送单位：X局（现为Y局））), a bar (title｜X片区),
a wide space or a dash (title　X海关, title——富顺; only a unit or a place alone, not a headline's second half)."""


_PROVIDER_VERB_RE = re.compile(r"\s*(?:供稿|提供|报送|推荐|选送)$")


_GLOSS = r"(?:[ \t\u3000]*[A-Za-z][A-Za-z.'&/\- ]{0,40}(?=\s*(?:\*\*|__)?\s*[:：|│｜丨]))?"
"""An English gloss after a label (供稿单位 Contributed by：X): part of the label, never the unit."""


_SCRIPT_TAG = r"(?:【[\u4e00-\u9fff]{1,4}】[ \t\u3000]*(?=[\u4e00-\u9fff]))?"
"""A script's cue before a label (【字幕】供稿：X): layout, neither label nor unit."""


@cache
def _label_re() -> re.Pattern[str]:
    lexicon = fallback_words()
    labels = "|".join(sorted(map(re.escape, lexicon["provider_labels"]), key=len, reverse=True))
    ends = "|".join(sorted(map(re.escape, lexicon["provider_label_ends"]), key=len, reverse=True))
    lead = int(lexicon["provider_label_chars"]) - 2
    bold = r"(?:\*\*|__)?"  # **报送单位**：X, > 来源：X: Markdown marks around the label
    note = r"(?:[（(][\u4e00-\u9fff]{1,6}[)）])?"  # 报送单位（盖章）：X
    known = (
        rf"[（(【\[〔［]?\s*(?:{labels})(?:[/／、](?:{labels}))*{note}\s*{bold}\s*[】\]]?{_GLOSS}\s*{bold}\s*"
        r"(?:[:：]|[|│｜丨])?"
    )
    # 展示单位｜X, 报送机构 Submitted by丨X, 推荐单位/报送单位：X: short phrases ending in a label word, a separator
    # 佐证材料提供单位：X: a known label after a short qualifier reads as one too
    phrase = rf"[\u4e00-\u9fff]{{0,{lead}}}(?:{labels}|{ends})"
    general = (
        rf"(?:[（(【\[〔［]?\s*(?P<general>{phrase}(?:[/／、]{phrase})*){note}{bold}\s*[】\]]?{_GLOSS}\s*{bold}\s*"
        r"(?:[:：]|[|│｜丨])"
        # 【改革推进单位】X: the closing bracket of a label opened by one separates it from its unit
        rf"|[【〖]\s*(?P<bracketed>{phrase}){note}\s*[】〗])"
    )
    # 谁来做｜X, 我们是谁 | X: a question or a slogan as the label, short, before a separator, holding no unit itself
    slogan = rf"(?P<slogan>[\u4e00-\u9fff]{{2,{lead + 2}}}){bold}[ \t\u3000]*(?:[:：]|[|│｜丨])"
    return re.compile(  # also a form table's row: | 报送单位 | X |
        rf"^\s*(?:[>|│]\s*)?{_SCRIPT_TAG}{bold}\s*(?:{known}|{general}|{slogan})\s*{bold}\s*"
        # 中国（广东）自由贸易试验区X片区管理委员会: a bracket inside the name (not one closing it) is part of it
        r"(?P<unit>(?:[^\s，。；,;:：（）()*|│｜丨]{1,20}[（(][^（）()\n]{1,10}[)）])?[^\s，。；,;:：（）()*|│｜丨】\]］〕]{2,40})"
    )


_DEMONSTRATIVES = ("该", "此", "这")


@cache
def _copying_re() -> re.Pattern[str]:
    words = load_lexicon_file("origins")
    opening = sorted({*words["copy_verbs"], *words["zone_before"]}, key=len, reverse=True)
    own = sorted(words["own_creation_words"], key=len, reverse=True)
    alt = "|".join
    return re.compile(
        rf"^(?:{alt(map(re.escape, opening))})|{alt(map(re.escape, own))}|(?:经验|做法|作法|模式)$|^无\s*(?:[（(]|$)"
    )


def copying_clause(value: str) -> bool:
    """True when a field's value says where a practice came from rather than who did it (借鉴X片区经验,
    复制推广国务院第七批…经验, 学习X做法, X片区首创, 无（我市首创）: data/lexicon/origins.yaml's words of copying and
    of own creation, a practice word ending it): no unit has such a name, so it is no provider, whatever its label."""
    return _copying_re().search(re.sub(r"\s+", "", value)) is not None


"""Words that open a sentence about the case (该做法, 此项改革, 这一经验) and never a unit's name."""


def labelled_provider(text: str, *, loose: bool = False) -> tuple[str, int, int] | None:
    """The unit of a provider-labelled line (牵头单位：X, 【责任单位】X, • 报送：X after a bullet, 展示单位｜X, 供稿单位
    Contributed by：X) with its span in ``text``, or None. A label no word list holds is read only before a separator
    and only when its value is a body or a place; a value with no Chinese (an English gloss) is never a unit."""
    bare = strip_marks(text)[0]
    lead = len(text) - len(bare)
    found = _labelled_unit(bare, loose)
    if found is None and (field := _later_field(bare)) is not None:  # 索引号：…　　发布机构：X
        found = _labelled_unit(bare[field:], loose)
        lead += field
    return None if found is None else (found[0], lead + found[1], lead + found[2])


def _labelled_unit(bare: str, loose: bool) -> tuple[str, int, int] | None:
    """The unit of a provider-labelled field opening ``bare``, with its span there, or None."""
    match = _label_re().match(bare)
    if match is None or not CJK_RE.search(match["unit"]) or (match["bracketed"] and not loose):
        return None
    # 文/X, （文／X　…）: a writer, or a body
    byline = bare.lstrip().lstrip("（(【[").lstrip().startswith(tuple(fallback_words()["byline_labels"]))
    if (match["general"] or match["bracketed"] or match["slogan"] or byline) and not (
        signature_unit(match["unit"])
        or is_place(match["unit"])
        or stem_place(match["unit"])
        or court_of_division(match["unit"])
    ):
        return None
    if match["unit"].startswith(_DEMONSTRATIVES) or copying_clause(match["unit"]):
        return None  # 来源：该做法借鉴X经验, 【来源】X片区首创: a label that also heads an origin field, no unit
    if match["slogan"] and (_names_unit(match["slogan"]) or match.end("unit") < len(bare.rstrip())):
        return None  # 宁波市北仑区：title, X片区｜title: a place or body before the separator is no label
    return match["unit"], match.start("unit"), match.end("unit")


_FIELD_RE = re.compile(r"[\u4e00-\u9fff]{2,6}[:：][^\s:：]")
"""One labelled field of a line of fields (索引号：611024-0001　　发布机构：X)."""
_FIELD_GAP_RE = re.compile(r"(?:[ \t]{2,}|\u3000)[ \t\u3000]*")


def _later_field(line: str) -> int | None:
    """Where the last field of a line made only of labelled fields (索引号：…　　发布机构：X, a list page's item
    metadata) starts, when there are several: each field is read on its own, as if on its own line."""
    first = len(line) - len(line.lstrip())
    starts = [first, *(m.end() for m in _FIELD_GAP_RE.finditer(line, first))]
    pieces = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]
    if len(pieces) < 2 or not all(_FIELD_RE.match(piece) for piece in pieces):
        return None
    return starts[-1]


_CLAUSE_MARK_RE = re.compile(
    r"^[\s\u3000]*(?:(?:[0-9０-９]{1,2}|[A-Z])(?:[.．][0-9０-９]{1,2}){1,3}|[（(]?[0-9０-９一二三四五六七八九十]{1,3}[)）、.．])?"
    r"[\s\u3000]*[【\[〔]?(?P<label>[^【】\[\]〔〕\s]{2,8}?)[】\]〕]?[\s\u3000]*[:：]?[\s\u3000]*$"
)


def headed_provider(line: str, following: str) -> tuple[str, int, int] | None:
    """The unit alone on ``following`` (醴陵市人民政府。) under a provider label that stands as a heading of its own
    (A.1.1　实施单位, 【报送单位】, 报送单位：): a standard's or a form's way of giving a field its own clause. The
    unit and its span in ``following``, or None."""
    clause = _CLAUSE_MARK_RE.match(line)
    labels = {w.rstrip(":：|｜丨】") for w in fallback_words()["provider_labels"]}
    if clause is None or clause["label"] not in labels:
        return None
    bare = following.strip().rstrip("。")
    found = signature_unit(bare)
    if found is None:
        return None
    lead = following.find(bare)
    return found[0], lead + found[1], lead + found[2]


def _names_unit(text: str) -> bool:
    """True when ``text`` holds a unit's or a place's ending (X片区, X局): a provider itself, never a label."""
    lexicon = fallback_words()
    return any(w in text for w in (*lexicon["unit_suffixes"], *lexicon["place_endings"]))


_CLOSING_BRACKET_RE = re.compile(r"[（(](?P<inner>[^（）()\n]{3,50})[)）]\s*$")


def reported_provider(line: str) -> tuple[str, int, int] | None:
    """The unit a paragraph names as the case's reporter: a labelled provider in brackets closing it (…零成本。
    （汇报单位：X局）) or a meeting hearing its report (会议听取了X局的汇报), as minutes name who brought an item; the
    unit must read as a signature (``signature_unit``). With its span in ``line``."""
    if (bracket := _CLOSING_BRACKET_RE.search(line)) and (found := labelled_provider(bracket["inner"])):
        return found[0], bracket.start("inner") + found[1], bracket.start("inner") + found[2]
    for pattern in [*fallback_words()["reported_by"], *fallback_words()["launched_by"]]:
        for heard in re.finditer(pattern, line):
            if ((unit := signature_unit(heard["u"])) and unit[0] == heard["u"]) or place_or_stem(heard["u"]):
                return heard["u"], heard.start("u"), heard.end("u")  # 这项改革是杨陵区推出的: a place brings it too
    return None


_COURT_DIVISION_RE = re.compile(
    r"(?P<court>[\u4e00-\u9fff]*(?:法院|检察院|本院))(?P<division>[^院\s]{1,8}(?:(?<!法)庭|检察部|部|室|处|科))"
)
"""A court's or a procuratorate's internal division (立案庭, 民二庭, 行政审判庭, 第四检察部, 研究室), not a tribunal
named for its place (X人民法庭) nor a bureau (执行局), which are units of their own."""


def court_of_division(name: str) -> str | None:
    """The court or procuratorate an internal division of it names (本院立案庭 -> 本院, X市中级人民法院民三庭 -> X市中级
    人民法院): the division writes for its court; None for any other name."""
    division = _COURT_DIVISION_RE.fullmatch(name)
    return division["court"] if division else None


def stem_place(name: str, city: str = "") -> str | None:
    """The one city or county a bare stem names (富顺 -> 富顺县, 龙泉 -> 龙泉市), as a table's column, a dash or a host
    writes a place without its level; of a stem several places share, the one of ``city`` (防城港·东兴 -> 东兴市);
    None when none or several are left."""
    if not re.fullmatch("[\u4e00-\u9fff]{2,4}", name):  # 富顺, 西双版纳
        return None
    divisions = load_divisions()
    if not city:
        return divisions.by_stem.get(name)
    found = [n for n in (name + level for level in "市县区旗") if divisions.city_of.get(n, "").startswith(city)]
    return found[0] if len(found) == 1 else None


def place_or_stem(name: str) -> bool:
    """True when ``name`` is a place's name (``is_place``) or the stem of one city or county (``stem_place``)."""
    return is_place(name) or stem_place(name) is not None


def closing_bracket(line: str) -> tuple[str, int] | None:
    """The bracket closing ``line`` (…零成本。（见佐证材料3-2，由X（物流）园区管委会提供）), with brackets of a name
    inside it kept: its text and where that text starts in ``line``."""
    stripped = line.rstrip()
    if not stripped.endswith(("）", ")")):
        return None
    depth = 0
    for at in range(len(stripped) - 1, -1, -1):
        depth += stripped[at] in "）)"
        depth -= stripped[at] in "（("
        if depth == 0:
            return stripped[at + 1 : -1], at + 1
    return None


def titled_reporter(head: str, title: str) -> tuple[str, int, int] | None:
    """The unit a collection's head names as the bringer of the case titled ``title`` (其中，“A”由X提供，“B”由Y报送;
    现将X区“A”、Y局“B”等4个案例…), with its span in ``head``; the unit must read as a body or a place, and the quoted
    name must be the title (written whole, or the one holding the other)."""
    key = title_key(title)
    if len(key) < 2:
        return None
    for told, unit, start, end in _head_reports(head):
        if told == key or (min(len(told), len(key)) >= 4 and (told in key or key in told)):
            return unit, start, end
    return _listed_reporter(head, key)


@lru_cache(maxsize=4)
def _head_reports(head: str) -> tuple[tuple[str, str, int, int], ...]:
    """Each quoted name of ``head`` with the unit named as its bringer, in the order ``titled_reporter`` tries them:
    the head is read once for all its cases."""
    found = []
    for pattern in fallback_words()["reported_by_title"]:
        for named in re.finditer(pattern, head):
            unit = _without_lead(named["u"])
            if ((signed := signature_unit(unit)) and signed[0] == unit) or is_place(unit):
                found.append((title_key(named["t"]), unit, named.end("u") - len(unit), named.end("u")))
    return tuple(found)


_LEAD_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:决定对|对(?!外)|向|给予|授予)(?=[\u4e00-\u9fff]{2})")
"""Words of the head's sentence before the unit it names (决定对X“A”…予以表扬, 授予X“A”…): no part of the unit."""


def _without_lead(unit: str) -> str:
    """``unit`` without the sentence's words before it (决定对某甲区 -> 某甲区), when what is left is still a name."""
    lead = _LEAD_WORD_RE.match(unit)
    return unit[lead.end() :] if lead else unit


_LIST_ORDINAL_RE = re.compile(
    r"^[ \t\u3000]*(?:[（(]?[0-9０-９一二三四五六七八九十]{1,3}[)）]|[0-9０-９一二三四五六七八九十]{1,3}[、．.])?"
)


def _listed_reporter(head: str, key: str) -> tuple[str, int, int] | None:
    """The unit closing a line of the head that lists the case by its title (1．title（申报单位：X）, （二）title（X）):
    a selection's notice lists the titles with their units first and tells the cases below without them."""
    header: list[str] = []
    for line in re.finditer(r"[^\n]+", head):
        cells = _CELL_GAP_RE.split(line.group().strip())
        if len(cells) >= 3 and any(cell in _column_labels() for cell in cells):
            header = cells  # 序号　改革事项　经验来源　牵头单位　配合单位: a text table's header over its rows
            continue
        found = _column_unit(line, cells, header) or trailing_unit(line.group())
        if found is None:
            continue
        listed = fallback_title(_LIST_ORDINAL_RE.sub("", line.group(), count=1).strip())
        told = title_key(listed)
        if told == key or (min(len(told), len(key)) >= 4 and (told in key or key in told)):
            return found[0], line.start() + found[1], line.start() + found[2]
    return None


_CELL_GAP_RE = re.compile(r"[ \t\u3000]+")
"""What parts a text table's cells on a line (a run of spaces, full-width or not)."""


@lru_cache(maxsize=1)
def _column_labels() -> frozenset[str]:
    """The header words of a column naming each row's provider (牵头单位, 报送单位): the provider labels that are
    words, data/lexicon/layouts.yaml `fallback.provider_labels`."""
    return frozenset(w for w in fallback_words()["provider_labels"] if re.fullmatch("[\u4e00-\u9fff]{3,8}", w))


def _column_unit(line: re.Match[str], cells: list[str], header: list[str]) -> tuple[str, int, int] | None:
    """A text table row's cell under its header's provider column (牵头单位 of 序号　改革事项　经验来源　牵头单位
    配合单位), as the first unit that cell lists: the row's last cell (配合单位) helps, the column names who leads;
    None when the row's cells do not line up with the header or the cell names no unit."""
    column = next((k for k, word in enumerate(header) if word in _column_labels()), None)
    if column is None or len(cells) != len(header):
        return None
    cell = cells[column]
    unit = re.split("[、，,；;]", cell, maxsplit=1)[0]
    if not ((signed := signature_unit(unit)) and signed[0] == unit) and not is_place(unit):
        return None
    at = line.group().find(cell)
    return unit, line.start() + at, line.start() + at + len(unit)


def signature_unit(text: str) -> tuple[str, int, int] | None:
    """A signature-like line (a unit's name alone, often right-aligned, as the last line of a case): the unit and its
    span in ``text``, or None when the line is a sentence or does not end with a unit's suffix."""
    lexicon = fallback_words()
    bare = _seal_re().sub("", text.strip().strip("*").strip())  # X局（盖章）: the seal is no part of the unit
    if _SPACED_RE.fullmatch(bare):  # 安 化 县 商 务 局: a PDF's text layer spaces a signature's characters out
        unit = bare.replace(" ", "").replace("\u3000", "")
        found = signature_unit(unit)
        first = text.find(bare)
        return (found[0], first, first + len(bare)) if found and found[0] == unit else None
    # （长沙片区管委会）, （中国（河南）自由贸易试验区郑州片区管委会）: a bracket inside the name is part of it
    bracket = re.fullmatch(r"[（(](?P<u>(?:[^（）()]|[（(][^（）()]{1,10}[)）])+)[)）]", bare)
    unit = _PROVIDER_VERB_RE.sub("", bracket["u"] if bracket else bare)
    shortest = 3 if bracket else 4  # the brackets mark a unit, so a level and a short core (（区法院）) are name enough
    if not shortest <= len(unit) <= int(lexicon["signature_chars"]) or re.search(
        r"[\s，。；：,;:、“”\"\d|│｜丨【】]", unit
    ):
        return None
    if not unit.endswith(tuple(lexicon["unit_suffixes"])):
        return None
    start = text.find(unit)
    return unit, start, start + len(unit)


_SPACED_RE = re.compile(r"(?:[\u4e00-\u9fff][ \u3000])+[\u4e00-\u9fff]")


@cache
def _seal_re() -> re.Pattern[str]:
    seals = "|".join(sorted(map(re.escape, fallback_words()["seal_notes"]), key=len, reverse=True))
    return re.compile(rf"[ \t\u3000]*[（(](?:{seals})[)）]$")


def fallback_title(text: str) -> str:
    """A heading without its label (【place】title, provider｜title) or provider brackets (title（X片区）,
    title（X供稿）, title（河口县）), which are no part of the title."""
    if label := LABEL_HEAD_RE.match(text):
        text = label["t"].strip()
    bracket = _TRAILING_BRACKET_RE.search(text)
    if bracket and trailing_unit(text):
        return text[: bracket.start()].strip()
    return text


def trailing_unit(text: str, start: int = 0, end: int | None = None) -> tuple[str, int, int] | None:
    """The provider a heading names after its title, in brackets of any kind or after a bar (title（X片区）,
    title〔X区推荐〕, title【供稿：X局】, title［X海关］, title｜X片区): a unit or a place, alone, with a provider
    verb or after a label; with its span in ``text``. Searched in ``text[start:end]``, the heading's line."""
    bracket = _TRAILING_BRACKET_RE.search(text, start, len(text) if end is None else end)
    if bracket is None:
        return None
    group = next(g for g in ("p", "bar", "wide", "dash") if bracket[g])
    inner, at = bracket[group], bracket.start(group)
    if group in ("wide", "dash"):  # title　X海关, title——富顺: a unit or a place alone, as a signature reads
        found = signature_unit(inner)
        if found is None and place_or_stem(inner):
            found = (inner, 0, len(inner))
        return (found[0], at + found[1], at + found[2]) if found and found[0] == inner else None
    if found := labelled_provider(inner):
        return found[0], at + found[1], at + found[2]
    unit = _PROVIDER_VERB_RE.sub("", inner).strip()
    if (unit != inner.strip() and len(unit) >= 2) or signature_unit(unit) or place_or_stem(unit):
        lead = inner.find(unit)
        return unit, at + lead, at + lead + len(unit)
    return None
