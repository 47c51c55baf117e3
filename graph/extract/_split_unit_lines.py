"""The unit a line standing alone around a case's heading names: a byline, a card's dated source line, a dash
subtitle, a line that is only a bracketed unit, a cover's unit line above the heading; and the provider of a case the
known rules name none for, read from those lines in order. Split from ``_split_units.py`` by noun: this module
reads whole lines around a heading; ``_split_units.py`` reads a unit inside a label, a bracket, a signature or a
reporting sentence, which these lines use.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._split_lead_titles import headline_subject
from ftzgraph.graph.extract._split_leads import is_place, ordinal_subject, sentence_place, speaker_unit
from ftzgraph.graph.extract._split_units import (
    headed_provider,
    labelled_provider,
    reported_provider,
    signature_unit,
    trailing_unit,
)
from ftzgraph.graph.extract._split_words import (
    NUMBER_ALONE_RE,
    SENTENCE_END,
    is_section_heading,
)
from ftzgraph.graph.text import CJK_RE, lines_below


def _place_over_section(text: str, following: list[tuple[int, str]]) -> tuple[str, int, int] | None:
    """A line that is exactly a place's name (嘉兴市, 甲片区) right under the heading and over the case's first section
    (改革背景): the provider line of a booklet that labels none, as a body's name alone is (``signature_unit``)."""
    bare = text.strip()
    if not (following and is_section_heading(following[0][1].strip())) or not is_place(bare):
        return None
    start = text.find(bare)
    return bare, start, start + len(bare)


_BYLINE_PERSON_RE = re.compile(r"(?:(?:\u3000+|[ \t]+|[、，,])[\u4e00-\u9fff·]{2,4}){1,4}\s*$")
"""The writers' names closing a byline (　王某某, 　张三　李四, 　张三、李四), each after a space or a comma."""


def byline_unit(line: str) -> tuple[str, int, int] | None:
    """The unit of a byline under a heading that names its writer after it (X市中级人民法院民三庭　王某某): who wrote
    the case for its unit, as a submission signs it; the unit must read as a signature (``signature_unit``)."""
    person = _BYLINE_PERSON_RE.search(line)
    if person is None or person.start() == 0:
        return None
    return signature_unit(line[: person.start()])


_DATED_UNIT_RE = re.compile(
    r"^[\s\u3000]*(?P<u>[^\s\u3000｜|丨·•]{4,30})[\s\u3000]*[｜|丨·•]?[\s\u3000]*"
    r"(?:\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?|月)|\d{1,2}[-/]\d{1,2}|\d{1,2}月\d{1,2}日)(?:[\s\u3000]+\d{1,2}:\d{2})?"
    r"[\s\u3000]*$"
)


def dated_unit(line: str) -> tuple[str, int, int] | None:
    """The unit of a source line under a card's or a list item's title, the unit then the day or month it
    published (X区行政审批局｜2024-10-18, X市商务局　10月18日, X海关　2024年9月): who brought the item, as a provider
    line names it; None for any other line (a person's name before a date is no unit)."""
    match = _DATED_UNIT_RE.match(line)
    if match is None or (found := signature_unit(match["u"])) is None or found[0] != match["u"]:
        return None
    return match["u"], match.start("u"), match.end("u")


def dash_unit(line: str) -> tuple[str, int, int] | None:
    """The unit of a dash subtitle under a heading (——成都高新区管委会, —X片区): a compilation's way of naming who
    supplied the case; the unit must read as a signature (``signature_unit``)."""
    dash = re.match(r"^[\s\u3000]*[—–－\-]{1,2}[\s\u3000]*", line)
    if dash is None or (found := signature_unit(line[dash.end() :])) is None:
        return None
    return found[0], dash.end() + found[1], dash.end() + found[2]


_BRACKETED_LINE_RE = re.compile(r"\s*[（(][^（）()\n]{2,30}[)）]\s*")


def bracketed_unit(line: str) -> tuple[str, int, int] | None:
    """A line that is only a unit's name in brackets (（区商务局）, （区法院）, under a heading): the unit and its span,
    read as a signature is (``signature_unit``)."""
    return signature_unit(line) if _BRACKETED_LINE_RE.fullmatch(line) else None


def cover_unit(text: str, heading_start: int) -> tuple[str, int, int] | None:
    """The unit alone on the line right above the case's heading, when the case opens with its number line above
    it (附件2-1 / 中国（X）自由贸易试验区Y片区 / title): a submission's cover, which names who submitted it; with its
    span."""
    above = text[:heading_start].rstrip()
    start = above.rfind("\n") + 1
    if start == 0 or not NUMBER_ALONE_RE.match(above[:start].strip().rsplit("\n", 1)[-1].strip()):
        return None
    found = signature_unit(above[start:])
    return (found[0], start + found[1], start + found[2]) if found else None


def fallback_provider(text: str, title_end: int) -> tuple[str, int, int] | None:
    """The provider of a case the known rules name none for: the acting subject of an ordinal paragraph (一是X区推行…)
    or the place leading a paragraph (在X片区，…),
    its heading's trailing brackets with a provider verb (title（都匀市推荐）), a provider-labelled line among the first
    lines under the heading (牵头单位：X), a dash subtitle, or a unit alone right under it (（X片区管委会）, X市商务局),
    else a signature-like unit line closing the case (长沙片区管委会), with its span in ``text``. Lines with no Chinese
    (page numbers between cases) are skipped at the end."""
    heading_start = text.rfind("\n", 0, max(title_end - 1, 0)) + 1
    if found := cover_unit(text, heading_start):  # 附件2-1 / X片区 / title: the cover names who submitted it
        return found
    if found := headline_subject(text):  # 成都海关“A”升级　B提速: a briefing's headline opens with who did it
        return found
    if found := ordinal_subject(text) or sentence_place(text, 0):  # 一是X区推行… / 在X片区，… / 在X方面，Y片区…
        return found
    if found := trailing_unit(text, heading_start, title_end):  # 1．title（都匀市推荐）, title〔X区〕, title｜X片区
        return found
    below = list(lines_below(text, title_end, 4))
    for k, (start, line) in enumerate(below):
        over_section = k <= 2 and k + 1 < len(below) and is_section_heading(below[k + 1][1].strip())
        # title / （X片区管委会） or title / X市商务局: a unit alone right under the heading, or over the first section
        # under a title a large type wrapped onto two lines
        first = k == 0 or over_section
        alone = (
            (
                signature_unit(line)
                or _place_over_section(line, below[k + 1 : k + 2])
                or speaker_unit(line)
                or byline_unit(line)
            )
            if first
            else None
        )  # X局局长　某某 under a speech's headline: the speaker's body; X局　某某: a byline's
        dated = dated_unit(line) if first else None  # title / X局｜2024-10-18: a card's source line
        if found := labelled_provider(line) or dash_unit(line) or alone or dated or reported_provider(line):
            return found[0], start + found[1], start + found[2]
        if k + 1 < len(below) and (headed := headed_provider(line, below[k + 1][1])):
            return headed[0], below[k + 1][0] + headed[1], below[k + 1][0] + headed[2]
    end = len(text)
    for _ in range(5):  # the provider may stand above a few lines of page furniture or editor's credits
        start = text.rfind("\n", title_end, end) + 1
        if start <= title_end:
            return None
        line = text[start:end]
        end = start - 1
        if len(CJK_RE.findall(line)) < 2:
            continue
        # 片尾字幕：本集素材由X提供: the credit's sentence names the unit, not the label's whole value
        if found := reported_provider(line) or labelled_provider(line) or dash_unit(line) or signature_unit(line):
            return found[0], start + found[1], start + found[2]
        if line.rstrip().endswith(SENTENCE_END):  # the case's last sentence: no closing provider line
            return None
    return None
