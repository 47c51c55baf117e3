"""Cases laid out as forms: an attachment line (附件3), then fields such as 案例名称：X / 报送单位：Y / 主要内容：.

Some provinces publish each case as an attachment of its notice, and open it with labelled fields instead of a
heading: the title is the value of a name field, the case's number is the attachment's, and the provider is the
报送单位 field or, when that is missing, the unit of the contact line at the case's end (联系人：X市商务局 某某
联系电话：…). These rules read only the labels, which are words of the genre; a field's value is never matched.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.text import NUMERAL_CLASS, parse_chinese_number, word_alternation

if TYPE_CHECKING:
    from ftzgraph.graph.extract._split_lines import Line


@cache
def _title_label() -> str:
    """A label naming a record's title (``fields`` in data/lexicon/layouts.yaml): a head (名称, 标题), alone or after
    an object the record is about (案例名称, 知识标题, 举措名称), or the item a supervision or an assessment works on
    (督办事项, 评估对象: ``item_markers``); a head alone may be spread to a form's width (名　　称)."""
    words, items = load_lexicon("layouts")["fields"], load_lexicon("layouts")["item_markers"]
    item = f"(?:{word_alternation(items['works'])})(?:{word_alternation(items['items'])})"  # 督办事项, 评估对象
    spaced = "|".join(r"[ \u3000]*".join(map(re.escape, head)) for head in words["title_heads"])  # 名　　称：X
    heads = word_alternation(words["title_heads"])
    return f"(?:{word_alternation(words['title_objects'])})?(?:{heads})|{item}|{spaced}"


@cache
def field_title_re() -> re.Pattern[str]:
    """A title field (案例名称：X, 知识标题：X, or the label in brackets: 【案例名称】X), also as a row of a form table
    (| 案例名称 | X |, 案例名称<TAB>X), whose borders an OCR reads as 丨 or ｜ as often as |."""
    label = _title_label()
    return re.compile(
        # 一、案例名称：X: a numbered form's first field
        rf"^\s*(?:[|│丨｜]\s*)?(?:\*\*)?\s*(?:[{NUMERAL_CLASS}]{{1,3}}、)?"
        rf"(?:(?P<label>(?:{label}))\s*(?:\*\*)?\s*(?:[:：]|[|│丨｜]|\t+)"
        rf"|[【\[〔]\s*(?P<bracketed>(?:{label}))\s*[】\]〕]\s*[:：]?)\s*(?P<title>[^|│丨｜\s].*?)\s*[|│丨｜]?\s*$"
    )


CASE_LABELS = ("案例名称", "案例标题", "案例题目")
"""Labels that name a case outright: such a field opens a case wherever it stands (a form quoted inside a case
names a 项目 or a 事项, not a 案例)."""
ATTACHMENT_RE = re.compile(rf"^\s*附\s*件\s*(?P<n>[0-9０-９]+|[{NUMERAL_CLASS}]+)\s*$")
"""An attachment line that opens one case (附件3): the whole line, so 附件：1．X (a list of titles) is none."""
CONTACT_RE = re.compile(
    r"^\s*(?:联系(?:人|单位|方式)|联络(?:员|人)|信息员|经办人|填报人)\s*[:：]\s*"
    r"(?:[\u4e00-\u9fff·]{2,4}(?:[（(]|[，,]\s*|[ \t\u3000]+))?"
    r"(?P<unit>[^\s，,；;：:]{2,40}"
    r"(?:管委会|委员会|政府|海关|局|厅|委(?![员会])|办|中心|片区|分行|支行|站|院))"
)
"""A contact line whose person is given with a unit (联系人：泉州市商务局　某某　联系电话：…, or after the person:
联系人：某某（X局）, 联系人：某某，X局Y科): the unit, up to the
last body's suffix before a space (泉州市商务局, not its 科), so a bare name (联系人：某某，电话…) gives none."""
_RULE_RE = re.compile(r"^\s*[━─═＝=—_－-]{3,}")
"""A rule drawn between forms (━━━━, ────), which a PDF copy may join to the line after it."""
_ATTACHMENT_GAP = 2
"""Non-blank lines allowed between the attachment line and the title field (a subtitle, a 报送 line)."""


@cache
def _provider_field_re() -> re.Pattern[str]:
    """A provider field's label at a line's start (报送单位：X, 承办单位：X, 申报主体：X, 【推荐单位】X): the labels the
    fallback reads (``provider_labels``), and 改革/案例/经验 before a 单位 label."""
    labels = [w.rstrip(":：|｜丨】") for w in load_lexicon("layouts")["fallback"]["provider_labels"]]
    known = word_alternation([w for w in labels if len(w) >= 2 and not w.endswith(("/", "／"))])
    return re.compile(
        rf"^\s*(?:[|│丨｜]\s*)?[（(【\[〔]?\s*(?:(?:改革|案例|经验)?(?:报送|提供|申报|供稿|推荐|选送|牵头|推广|推进)单位|{known})"
        r"\s*(?:[:：]|[】\]〕]|[|│丨｜]|\t)"
    )


def field_title_start(lines: list[Line], i: int) -> tuple[int, int | None] | None:
    """When line ``i`` is a title field that opens a case, the line where its case starts (the attachment line
    right above it, or the field itself) and the case's number (the attachment's, or None); else None.

    A title field opens a case under an attachment line, above a provider field (报送单位：), or when its label
    names a case (``CASE_LABELS``): a form quoted inside a case (项目名称：X / 建设内容：…) opens none."""
    field = field_title_re().match(lines[i].text)
    if not field:
        return None
    below = [line.text for line in lines[i + 1 : i + 6] if line.text.strip()][:_ATTACHMENT_GAP]
    label = field["label"] or field["bracketed"]
    top = _form_top(lines, i)
    above = [line.text for line in lines[top:i]]
    opens = label in CASE_LABELS or any(_provider_field_re().match(text) for text in below + above)
    fallback = (top, None) if opens else None
    seen, j = 0, i - 1
    while j >= 0 and seen <= _ATTACHMENT_GAP:
        if _RULE_RE.match(lines[j].text):
            break  # 附件2 / set title / ━━━━ / 案例名称：X: the attachment above a rule heads the whole set of forms
        if lines[j].text.strip():
            attachment = ATTACHMENT_RE.match(lines[j].text.strip().strip("*#").strip())
            if attachment:
                digits = attachment["n"].translate(str.maketrans("０１２３４５６７８９", "0123456789"))
                return j, int(digits) if digits.isdigit() else parse_chinese_number(digits)
            seen += 1
        j -= 1
    return fallback


_FORM_LINE_RE = re.compile(
    r"^\s*(?:[|│]\s*)?[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,7}(?:[（(][\u4e00-\u9fff]{1,6}[）)])?"
    r"\s*(?:\t+|[:：]|[|│])\s*\S"
)
"""A form's field line, its label perhaps spaced out to the form's width (联 系 人：) or followed by a note in
brackets (填报单位（盖章）：)."""


_BORDER_LINE_RE = re.compile(
    r"^(?![ \t\u3000]*[┌┏╔└┗╚])(?=.*[|│┃║├┤┬┴┼┣┫┳┻╋╠╣╦╩╬╞╡╤╧╪╟╢╥╨╫+])"
    r"[\s:|+=＝\u2500-\u257f-]*[-━─═=]{3,}[\s:|+=＝\u2500-\u257f-]*$"
)
"""A rule between a form table's rows (|---|---|, ├──┼──┴──┤, +----+), with the strokes of its columns: its rows go
on below it. A bare rule (━━━━) is drawn between two forms, and a table's top or bottom edge (┌──┐, └──┘) closes it."""


def _form_top(lines: list[Line], i: int) -> int:
    """The first line of the run of field lines right above the title field at ``i`` (填报单位（盖章）：X / 联系人：Y /
    案例名称：title): a form's fields before its title are the same form's, so its case starts there."""
    top, j = i, i - 1
    while j >= 0 and (_FORM_LINE_RE.match(lines[j].text) or _BORDER_LINE_RE.match(lines[j].text)):
        if field_title_re().match(lines[j].text) or len(lines[j].text.strip()) > _HEAD_FIELD_CHARS:
            break  # the form above's title, or a text field (办理情况：…): its fields are that form's
        if _FORM_LINE_RE.match(lines[j].text):
            top = j
        j -= 1
    return top


_HEAD_FIELD_CHARS = 60
"""The longest line of fields a form puts above its title (填报单位（盖章）：X　联系人：Y　联系电话：Z); a longer one
is a text field closing the form above."""


NEXT_FIELD_RE = re.compile(
    r"[ \t\u3000]{2,}(?=[\u4e00-\u9fff][\u4e00-\u9fff ]{1,9}(?:[（(][\u4e00-\u9fff]{1,6}[）)])?[：:])"
)
"""A second field on a form's line, after a wide blank (案例名称：X　　　　推荐单位：Y)."""


def field_title(text: str) -> str:
    """``案例名称：X`` -> ``X``; other text as it is. A form's next field on the same line is no part of the title."""
    match = field_title_re().match(text)
    if match and re.match(r"\s*[|│丨｜]", text):  # | 案例名称 | title | | |: the title's cell, not the empty ones after
        return re.split(r"\s*[|│丨｜]", match["title"], maxsplit=1)[0].strip()
    return NEXT_FIELD_RE.split(match["title"], maxsplit=1)[0].strip() if match else text


def contact_unit(line: str) -> tuple[str, int, int] | None:
    """The unit of a contact line (联系人：X市商务局 某某 联系电话：…) with its span in ``line``, or None."""
    match = CONTACT_RE.match(line)
    if match is None:
        return None
    return match["unit"], match.start("unit"), match.end("unit")


_FIELD_LINE_RE = re.compile(r"^\s*(?:[|│]\s*)?[\u4e00-\u9fff]{2,8}\s*(?:\t+|[:：]|[|│])\s*\S")
"""A form's field line: a short label, then a TAB, a colon or a cell's bar, then its value (承办单位<TAB>X)."""
_FORM_FIELDS = 8
"""The field lines read for a form's title: the fields over its long text (办理情况) are few."""


def form_title(texts: list[str]) -> tuple[int, str] | None:
    """The title field among a form's first field lines (督办编号 / 承办单位 / 督办事项<TAB>title / …), wherever it
    stands in the form, with its line's index in ``texts``; None when the first line is no field or is the title field
    itself (the title is then the line's own), or when no title field stands among the fields."""
    fields = [(k, t) for k, t in enumerate(texts) if t.strip()][:_FORM_FIELDS]
    if not fields or not _FIELD_LINE_RE.match(fields[0][1]) or field_title_re().match(fields[0][1]):
        return None
    for k, text in fields:
        if not _FIELD_LINE_RE.match(text):
            return None
        if match := field_title_re().match(text):
            return k, match["title"].strip()
    return None


def record_start(lines: list[Line], i: int) -> int:
    """The line a form's record opens on when line ``i`` is its title field: the first of the field lines right
    above it (承办单位<TAB>X / 配合单位<TAB>Y / 督办事项<TAB>title), up to a blank line, a rule or a line of another
    kind; ``i`` itself when it is no title field or none stands above it."""
    if not field_title_re().match(lines[i].text):
        return i
    j = i
    while j > 0 and _FIELD_LINE_RE.match(lines[j - 1].text) and not field_title_re().match(lines[j - 1].text):
        j -= 1
    return j


@cache
def _known_field_re() -> re.Pattern[str]:
    """A labelled field at a line's start: a label the lexicon knows (an origin's, a provider's, a section's, a summary
    table's source, unit or scope column), then a colon or a closing bracket, then its value."""
    layouts, origins = load_lexicon("layouts"), load_lexicon("origins")
    notice, fallback = layouts["notice"], layouts["fallback"]
    labels = {
        *origins["origin_labels"],
        *notice["origin_columns"],
        *notice["unit_columns"],
        *notice["scope_columns"],
        *fallback["section_words"],
        *(w.rstrip(":：|｜丨】") for w in fallback["provider_labels"]),
    }
    known = word_alternation(sorted(w for w in labels if len(w) >= 2 and not w.endswith(("/", "／"))))
    return re.compile(rf"^\s*[【\[〔]?\s*(?:{known})\s*(?:[:：]|[】\]〕])\s*\S")


def labelled_field(text: str) -> bool:
    """True when ``text`` is a labelled field (经验出处：X, 报送：Y, 推广范围：Z, 【经验来源】X): a case's field under
    its title, never a title of its own, whatever the value says."""
    return _known_field_re().match(text) is not None
