"""The provider a labelled, field or closing line names: a form's field above the title, the line under the
title (X局（供稿单位）, ——X经验做法, （沿滩　供）) and the lines closing the case ((X供稿), 【北海·铁山港】,
（X局　2024年6月）). Split from ``provider.py`` by noun: these read one line; ``provider.py`` chooses among them and
the case's other readings.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._provider_credits import (
    before_next_kicker,
)
from ftzgraph.graph.extract._split_fields import NEXT_FIELD_RE, contact_unit, field_title_re
from ftzgraph.graph.extract._split_titles import CLOSING_BLOCK_RE, PROVIDER_RE
from ftzgraph.graph.extract._split_units import (
    closing_bracket,
    labelled_provider,
    place_or_stem,
    reported_provider,
    signature_unit,
    stem_place,
)
from ftzgraph.graph.extract._split_words import fallback_words
from ftzgraph.graph.model import CaseText
from ftzgraph.graph.text import lines_below


def _form_field_above(text: str, title_end: int) -> tuple[str, int, int] | None:
    """The unit a form's provider field gives above its title field, in the case's own text (填报单位（盖章）：X /
    联系人：Y / 案例名称：title, or | 申报单位 | X | 联系人 | Y | over | 案例名称 | title |): a form's fields before its
    title are the same form's, as the splitter reads them (graph/extract/_split_fields.py)."""
    head_start = text.rfind("\n", 0, max(title_end - 1, 0)) + 1
    head_end = text.find("\n", title_end)
    head = text[head_start : head_end if head_end >= 0 else len(text)]
    if not field_title_re().match(head):
        return None  # a heading, not a form's title field
    at = 0
    for line in text[:head_start].split("\n"):
        if found := labelled_provider(line):
            return found[0], at + found[1], at + found[2]
        at += len(line) + 1
    for field in NEXT_FIELD_RE.finditer(head):  # 案例名称：X　　　　推荐单位：Y: a field beside the title
        if found := labelled_provider(head[field.end() :]):
            return found[0], head_start + field.end() + found[1], head_start + field.end() + found[2]
    return None


_UNIT_FIELD_RE = re.compile(
    r"^[\s\u3000]*[【\[〔]?[\u4e00-\u9fff]{0,4}(?:单位|主体|部门|机构)[】\]〕]?[\s\u3000]*[:：｜|丨]"
)
"""A field naming a unit by its label's word (实施单位：, 牵头部门｜, 【申报主体】：): who did it, said outright."""


_GIVEN_RE = re.compile(r"^\s*[（(]\s*(?P<u>[^()（）\s]{2,20}?)[\s\u3000]*(?:供稿|提供|报送|推荐|选送|供)\s*[)）]\s*$")


def _given_in_brackets(line: str) -> tuple[str, int, int] | None:
    """A unit or a place alone in brackets with the verb that it gave the case (（沿滩　供）, （莲都区　供稿）), a
    form the splitter's provider lines do not hold; with its span."""
    given = _GIVEN_RE.match(line)
    if given is None or not (signature_unit(given["u"]) or place_or_stem(given["u"])):
        return None
    return given["u"], given.start("u"), given.end("u")


def _after_guide(line: str) -> tuple[str, int, int] | None:
    """The unit of a later field of a line whose first field names a unit that guides or helps (指导单位：X　实施单位：
    Y, 配合单位：X；牵头单位：Y): the one that does the case, not the one over or beside it
    (``guiding_label_words``)."""
    first = re.match(r"\s*[（(【\[]?(?P<label>[\u4e00-\u9fff]{2,6})[】\]]?[：:]", line)
    words = (*fallback_words()["guiding_label_words"], *fallback_words()["cooperating_label_words"])
    if first is None or not any(word in first["label"] for word in words):
        return None
    return _field_provider(line)


_UNIT_ROLE_RE = re.compile(
    r"\s*(?P<u>[^（）()\s]{3,30})[（(](?:供稿|报送|申报|推荐|提供|选送|实施|牵头)(?:单位|部门)?[)）]\s*$"
)


def _unit_with_role(line: str) -> tuple[str, int, int] | None:
    """A unit followed by its role in brackets (X局（供稿单位）): the unit, not the role's word."""
    found = _UNIT_ROLE_RE.fullmatch(line)
    if found is None or (signed := signature_unit(found["u"])) is None:
        return None
    return signed[0], found.start("u") + signed[1], found.start("u") + signed[2]


_UNIT_BAR_RE = re.compile(r"\s*(?P<u>[^（）()\s｜|丨，。；]{3,30})\s*[｜|丨\t]\s*[^，。；;！？!?\n｜|丨]{1,30}\s*")
"""A unit, then a bar or a TAB and one short field with no clause (X人民政府｜2024年第三季度进展)."""


def _unit_before_bar(line: str) -> tuple[str, int, int] | None:
    """The unit opening a form's line under the title, a bar or a TAB and one field after it (X人民政府｜2024年第三
    季度进展, X局｜2024年3月): the unit the form is about, as a byline gives it."""
    found = _UNIT_BAR_RE.fullmatch(line)
    if found is None or (signed := signature_unit(found["u"])) is None or signed[2] - signed[1] != len(found["u"]):
        return None
    return signed[0], found.start("u") + signed[1], found.start("u") + signed[2]


_DASH_PRACTICE_RE = re.compile(
    r"\s*[—–－]{1,2}\s*(?P<u>[^\s，。、]{3,30}?)的?(?:经验做法|典型经验|典型做法|经验|做法|案例|实践)\s*$"
)


def _dash_practice(line: str) -> tuple[str, int, int] | None:
    """A dash subtitle naming whose practice the case is (——X局经验做法, ——X区的实践): that unit or place."""
    found = _DASH_PRACTICE_RE.fullmatch(line)
    if found is None or not (signature_unit(found["u"]) or place_or_stem(found["u"])):
        return None
    return found["u"], found.start("u"), found.end("u")


def _labelled_below(text: str, title_end: int) -> tuple[str, int, int] | None:
    """The unit of a labelled provider line right under the heading (title / 作者：X局, 发布单位：X局): said outright,
    it beats a guess from the heading's own subject (X县推行“A”)."""
    for start, line in lines_below(text, title_end, 1):
        if found := labelled_provider(line):
            return found[0], start + found[1], start + found[2]
    return None


def _finer_closing(case: CaseText, place: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """The place a heading opens with (◆兰州新区：title), or the closing provider line when it names a body of that
    place ((供稿：兰州新区商务和口岸局)): the body that wrote the case is the finer provider; the label only groups."""
    closing = (_closing_provider(case) or _closing_label(case)) if place else None
    if place and closing and closing[0].startswith(place[0]) and len(closing[0]) > len(place[0]):
        return closing
    return place


def _closing_label(case: CaseText) -> tuple[str, int, int] | None:
    """The unit of a labelled line in brackets closing the case (（供稿：X）, （报送：X）), with its span."""
    text = case.text.rstrip()
    start = text.rfind("\n") + 1
    line = text[start:]
    bare = line.strip().removeprefix("（").removeprefix("(").removesuffix("）").removesuffix(")")
    found = labelled_provider(bare) if bare != line.strip() else None
    if found is None:
        return None
    lead = start + line.find(bare)
    return found[0], lead + found[1], lead + found[2]


_BRACKETED_RE = re.compile(r"[（(][^（）()\n]+[)）]")


def _closing_provider(case: CaseText) -> tuple[str, int, int] | None:
    """The provider line as the last line of the case ((X供稿), （报送单位：X）, （摘自X报送材料）), as PDF collections
    put it."""
    text = case.text
    end = len(text.rstrip())
    closing = CLOSING_BLOCK_RE.search(text)
    end = len(text[: closing.start()].rstrip()) if closing else end
    end = before_next_kicker(case, end)  # 〔X市〕 on the next heading: the next case's, not this one's closing tag
    for _ in range(3):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        match = PROVIDER_RE.match(line)
        if match:
            group = next(g for g in ("a", "b", "c", "d") if match[g])
            return match[group].strip(), start + match.start(group), start + match.end(group)
        if contact := contact_unit(line):  # 联系人：X市商务局　某某　联系电话：…, with no 报送单位 line
            return contact[0], start + contact[1], start + contact[2]
        if (source := reported_provider(line)) and _BRACKETED_RE.fullmatch(line.strip()):  # （摘自X报送材料）
            return source[0], start + source[1], start + source[2]
        if (bracket := closing_bracket(line)) and (source := reported_provider(bracket[0])):  # …。（见附件3，由X提供）
            return source[0], start + bracket[1] + source[1], start + bracket[1] + source[2]
        below = start >= case.heading.end - case.start  # the heading's own line is no closing line
        if below and (
            found := _field_provider(line)
            or _tag_line(line)
            or _listed_givers(line)
            or _dated_unit(line)
            or _unit_before_fields(line)
            or _bracketed_field(line)
        ):
            return found[0], start + found[1], start + found[2]
        if line.strip():
            end = len(text[: max(start - 1, 0)].rstrip())
        if end <= 0:
            break
    return None


_FIELD_GAP_RE = re.compile(r"\u3000+|[ \t]{2,}|[；;｜|]\s*")
_FIELD_RE = re.compile(r"\s*[（(]?[\u4e00-\u9fff]{2,6}[：:]\s*[^\s：:]{2,12}(?:\u3000|[ \t]{2,}|[；;｜|])")
"""A line that opens with a short field (责任编辑：某某　…, 审核：某某；…), which a later field may follow."""


def _field_provider(line: str) -> tuple[str, int, int] | None:
    """The unit of a provider label in a later field of a line of fields (责任编辑：某某　供稿：X, 审核：某某；来源：X):
    a closing credit line gives the provider after the editor's name as often as before it."""
    if not _FIELD_RE.match(line):
        return None  # not a line of fields: a closing provider line of its own is read by the rules before
    for gap in _FIELD_GAP_RE.finditer(line):
        if found := labelled_provider(line[gap.end() :]):
            return found[0], gap.end() + found[1], gap.end() + found[2]
    return None


def _bracketed_field(line: str) -> tuple[str, int, int] | None:
    """The unit of a field whose label stands in brackets on a line of its own closing the case (【获奖单位】X after
    a ceremony's citation, 【申报单位】X after a form's text): a label ending in a provider's word, its value a body
    or a place (``labelled_provider``); a bracketed tag alone is ``_tag_line``'s."""
    return labelled_provider(line, loose=True) if line.lstrip().startswith(("【", "〖")) else None


_TAG_LINE_RE = re.compile(r"\s*[【〔\[](?P<u>[^】〕\]\n]{2,24})[】〕\]]\s*$")


def _tag_line(line: str) -> tuple[str, int, int] | None:
    """A tag alone on a line closing the case that names its place or unit, with its city before a middle dot
    (【北海·铁山港】, 〔X区商务局〕): the finest part is the provider."""
    tag = _TAG_LINE_RE.fullmatch(line)
    if tag is None:
        return None
    parts = [p.strip() for p in re.split("[·・•]", tag["u"])]
    part = parts[-1]
    at = tag.start("u") + tag["u"].rfind(part)
    if len(parts) > 1 and (placed := stem_place(part, parts[-2].removesuffix("市"))):
        return placed, at, at + len(part)  # 【防城港·东兴】: the city tells which 东兴
    if signed := signature_unit(part):  # 【X管委会供稿】: the unit without its verb
        return signed[0], at + signed[1], at + signed[2]
    return (part, at, at + len(part)) if place_or_stem(part) else None


_LISTED_GIVERS_RE = re.compile(
    r"\s*[—–－]{1,2}\s*(?P<u>[^、，,\s]{2,30}?)(?:[、和及与][^，。\n]{2,40}?)?(?:联合|共同)?(?:供稿|提供|报送)\s*$"
)


def _listed_givers(line: str) -> tuple[str, int, int] | None:
    """The first of the units a dash line says gave the case together (——X、Y联合供稿), as summary tables list the
    lead unit first."""
    given = _LISTED_GIVERS_RE.fullmatch(line)
    if given is None or not (signature_unit(given["u"]) or place_or_stem(given["u"])):
        return None
    return given["u"], given.start("u"), given.end("u")


_DATED_UNIT_RE = re.compile(
    r"\s*[（(](?P<u>[^（）()\s]{3,30})[\s\u3000]+[0-9０-９〇一二三四五六七八九十○]{2,4}\s*年[^（）()\n]{0,8}[)）]\s*$"
)


def _dated_unit(line: str) -> tuple[str, int, int] | None:
    """A unit and a date in brackets closing the case (（X局　2024年6月）): a submission's signature run into one
    line."""
    dated = _DATED_UNIT_RE.fullmatch(line)
    if dated is None or (signed := signature_unit(dated["u"])) is None:
        return None
    return signed[0], dated.start("u") + signed[1], dated.start("u") + signed[2]


_LATER_FIELD_RE = re.compile(r"[ \t\u3000]+[\u4e00-\u9fff]{2,6}[：:]")


def _unit_before_fields(line: str) -> tuple[str, int, int] | None:
    """A closing line that opens with the unit and its verb before other fields (X局　供稿　　审核：某某): the unit."""
    later = _LATER_FIELD_RE.search(line)
    if later is None or (signed := signature_unit(line[: later.start()])) is None:
        return None
    return signed


_CLOSING_MARK_RE = re.compile(
    r"^[ \t\u3000]*(?:(?:[0-9]{4}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})"
    r"[ \t\u3000]*$"
    r"|(?:信息来源|文章来源|稿件来源|资料来源|来源|责任编辑|编辑|审核|校对|阅读|编印|编发|印发|联系人|联系电话|主办)"
    r"\s*[：:\s0-9]|[（(]本(?:选编|汇编|书|册|刊|期|辑|资料)[^）)\n]{2,60}[）)][ \t\u3000]*$)",
    re.M,
)
"""What marks a document's own closing rather than a case's: a date line under a signature (2024年3月18日), a page's
publishing furniture (来源：X, 编辑：, 阅读 2315), a booklet's colophon (编印：X, 联系人：) or its note on the whole
(（本选编所收案例由各报送单位提供）, not a piece's own 本文转载自X)."""
_PROSE_END_RE = re.compile(r"[。！？!?”][ \t\u3000]*$")


def document_closing(case: CaseText) -> int | None:
    """Where, in the last of several cases, the document's own closing begins (the issuer's signature over a date,
    a post's 来源：X / 编辑： furniture, a booklet's 编印：X): the lines after the case's last sentence when they carry
    such a mark and the case before closes on a sentence (no case closes with a unit line of its own); else, when the
    cases close with their own signature or credit line, the first such mark after it. A unit there signs or credits
    the document, never the last case; None when the case does not end the document or no mark follows."""
    text, document = case.text, case.document.text
    if case.pieces or case.head_end is None or case.start <= case.head_end or document[case.end :].strip():
        return None
    title_end = case.heading.end - case.start
    prose = [
        start + len(line)
        for start, line in lines_below(text, title_end, 200)
        if _PROSE_END_RE.search(line) and not _CLOSING_MARK_RE.match(line)  # 资料来源：X提供。 is no sentence of it
    ]
    mark = _CLOSING_MARK_RE.search(text, prose[-1]) if prose else None
    if mark is None:
        return None
    before = [line for line in document[case.head_end : case.start].split("\n") if line.strip()]
    if before and _PROSE_END_RE.search(before[-1]):
        return prose[-1]
    if any(_CLOSING_MARK_RE.match(line) for line in before[-3:]):
        return None  # every case closes with such a line (来源：X局 under each): the last one's is its own
    # the case before closes with a line of its own (its signature, （X局供稿）): so does this one, up to the mark
    return mark.start()
