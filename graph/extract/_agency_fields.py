"""Bodies a field line names: a line of labels and values with no sentence, where a unit fills a slot.

A provider slot is written in many ways (| 申报主体 | X |, 【投票选项03】申报单位｜X, 【…报道　供稿：X】,
案例来源单位：X, 委托单位：X, （X供稿　Y审核）, 據X提供的資料): each publisher draws its own form, so no list of
whole labels holds them all. What they share is the line's shape: separators between short fields, no clause,
and the unit either under a label that ends in a submitting word or followed by a submitting verb. Such a unit
sent, commissioned or reviewed the case; it does not act in it. Labels of units that lead or help the work
(牵头单位, 配合单位) assign it, and stay with the rules of ``_agency_acting``.
"""

from __future__ import annotations

import re

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._agency_hits import _Hit
from ftzgraph.graph.extract._agency_names import load_agency_yaml
from ftzgraph.graph.text import word_alternation

_WORDS = load_agency_yaml("departments.yaml")
_LAYOUT = load_lexicon("layouts")["fallback"]
_SENTENCE_RE = re.compile(r"[，。；！？,;!?]")
"""A clause mark: a line holding one is a sentence, not a form's row (unless a CSV row or a bracketed credit)."""
_SEPARATORS = "|│｜丨【】〔〕〖〗［］[]（）()：:／/—–－ \t\u3000"
_FIELD_RE = re.compile("[^" + re.escape(_SEPARATORS) + "]+")
_CSV_FIELD_RE = re.compile("[^" + re.escape(_SEPARATORS + ",") + "]+")
_CREDIT_FIELD_RE = re.compile("[^" + re.escape(_SEPARATORS + "，,") + "]+")
_CSV_ROW_RE = re.compile(r"[^，。；！？,]{1,30}(?:,[^，。；！？,]{0,30})+")
"""A CSV row (申报单位,X,联系人,Y): ASCII commas between short fields, no full-width clause mark."""
_BRACKETED_RE = re.compile(r"[（(][^（）()]{4,58}[）)]")
"""A credit wholly in brackets ((X提供，Y审定)): its commas part fields, as no sentence goes on outside."""
_NOTE_MAX = 3
"""A bracketed note after a label (填报单位（盖章）：X) is this short and names no unit."""
_LABEL_RE = re.compile(
    f"[\u4e00-\u9fff]{{0,4}}(?:{word_alternation(_WORDS['field_label_words'])})"
    f"(?:{word_alternation(_WORDS['field_label_units'])})?"
)
"""A short label of submitting, commissioning or publishing (申报主体, 案例来源单位, 委托单位, 供稿)."""
_ASSIGNING_RE = re.compile(
    word_alternation(
        sorted(
            {w[:2] for w in _LAYOUT["acting_labels"]} | set(_LAYOUT["cooperating_label_words"]),
            key=len,
            reverse=True,
        )
    )
)
"""Stems of labels that assign the work (牵头, 责任, 实施, 承办, 配合, 协办): their units act."""
_VERB_AFTER_RE = re.compile(f"(?:{word_alternation(_WORDS['field_unit_verbs'])})(?:的?(?:资料|材料|信息|稿件|案例))?")
"""What follows a unit that sent or reviewed the case (X供稿, X提供的资料, Y审核)."""
_SUB_UNIT_RE = re.compile("[\u4e00-\u9fff]{2,8}[科处室股]")
"""A section written right after its body on a field line (政策法规科): the body's own part."""
_DATE_RE = re.compile("(?:19|20)[0-9]{2}年[0-9]{1,2}月(?:[0-9]{1,2}日)?")
"""A date alone in a field (2024年3月8日), as a masthead or a signature gives it under its unit."""
_CONTACT_RE = re.compile(f"[\u4e00-\u9fff]{{0,4}}(?:{word_alternation(_WORDS['contact_label_ends'])})")
"""A contact's label (联系人, 媒体联系人, 联络人): the unit after it on the line is whom to ask."""
_LONGEST_LINE = 60


def on_field_line(text: str, hit: _Hit) -> bool:
    """True when ``hit`` fills a submitting or a contact slot of a line of fields (申报单位｜X, X供稿　Y审核,
    联系人：某某（X）, 填报单位（盖章）：X　填报人：…, 申报单位,X,联系人,Y, ——X　供稿——) or is all a table's cell
    holds besides other units (| 2 | title | source | X |): the unit that sent, commissioned or reviewed the case,
    whom to ask, or a column's value, not one acting in it."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    start, end = hit.start - line_start, hit.end - line_start
    if _units_cell(line, start, end):
        return True
    bare = line.strip()
    if len(bare) > _LONGEST_LINE:
        return False
    field_re = _FIELD_RE
    if _CSV_ROW_RE.fullmatch(bare):
        field_re = _CSV_FIELD_RE
    elif _BRACKETED_RE.fullmatch(bare):
        field_re = _CREDIT_FIELD_RE
    elif _SENTENCE_RE.search(line):
        return False
    fields = [f for f in field_re.finditer(line) if not _is_note(line, f, start)]
    last = next((i for i, f in enumerate(fields) if f.start() < end <= f.end()), None)
    first = next((i for i, f in enumerate(fields) if f.start() <= start < f.end()), None)
    if last is None or first is None:
        return False
    if any(_CONTACT_RE.fullmatch(f.group()) for f in fields[:first]):
        return True  # 媒体联系人：某某（X新闻办）: whom to ask
    after = line[end : fields[last].end()]
    if _SUB_UNIT_RE.fullmatch(after):
        after = ""  # 编发：X局政策法规科: the body's own section fills the slot for it
    if after:
        return _VERB_AFTER_RE.fullmatch(after) is not None
    if last + 1 < len(fields) and _VERB_AFTER_RE.fullmatch(fields[last + 1].group()):
        return True  # ——X　供稿——: the verb in a field of its own
    second = last + 1 < len(fields) and line[fields[last + 1].start() - 1 : fields[last + 1].start()] in "（("
    if second and last + 2 < len(fields) and _VERB_AFTER_RE.fullmatch(fields[last + 2].group()):
        return True  # X委员会（市营商办）编: the body's second name in brackets, then the verb
    if last + 1 == len(fields) - 1 and _DATE_RE.fullmatch(fields[last + 1].group()):
        return True  # X局　　2024年3月8日: a masthead's or signature's unit over its date, no clause
    if first == 0 and last == 0 and len(fields) > 1 and not text[:line_start].strip():
        # X人民政府｜2024年第三季度进展 opening the case: the header naming its unit, no clause (X管委会　牵头 leads)
        return not any(_ASSIGNING_RE.search(f.group()) for f in fields[1:])
    if start - fields[first].start() > _LONGEST_PREFIX or first == 0:
        return False
    label = fields[first - 1].group()
    return _LABEL_RE.fullmatch(label) is not None and _ASSIGNING_RE.search(label) is None


def _is_note(line: str, field: re.Match[str], start: int) -> bool:
    """True for a short note in brackets (（盖章）), which stands between a label and its unit."""
    inside = line[field.start() - 1 : field.start()] in "（(" and line[field.end() : field.end() + 1] in "）)"
    return inside and len(field.group()) <= _NOTE_MAX and not field.start() <= start < field.end()


_CELL_BARS = "|│"
_UNIT_NAME_RE = re.compile(f"[\u4e00-\u9fff（）()]{{2,40}}(?:{word_alternation(_LAYOUT['unit_suffixes'])})")
"""A unit's name by its ending (X人民政府, X局, X管委会), as a table's unit column holds it."""


def _units_cell(line: str, start: int, end: int) -> bool:
    """True when the table cell holding ``start``-``end`` (between bars) holds units' names and nothing else
    (│廊坊海关、片区经济发展局│, | 信州区人民政府 |): a column naming who leads or submits, not a sentence that acts."""
    left = max(line.rfind(bar, 0, start) for bar in _CELL_BARS)
    rights = [r for bar in _CELL_BARS if (r := line.find(bar, end)) >= 0]
    if left < 0 or not rights:
        return False
    cell = line[left + 1 : min(rights)]
    parts = [p.strip(" \t\u3000") for p in re.split("[、，,；;]", cell)]
    return all(_UNIT_NAME_RE.fullmatch(p) for p in parts if p) and any(parts)


_LONGEST_PREFIX = 8
"""The place a unit's name may open with before its hit (长治市 of 长治市潞州区人民政府)."""
