"""Teaching-case compilations (党校 教学案例汇编): a case's code line over its title, and its closing source line.

A party school's compilation opens each case with the case's code on a line of its own (案例编号：JJDX-ZM-01,
【案例编号】X) over a bare title line, so the code is a marker whose title is the next line, as 案例一 over a title is;
inside the case, section labels (【教学目的】【案例正文】【思考题】) are no headings. The body that provided the case
is named only where the case closes, by the line saying whose material the case was written from
(【案例来源】根据X提供材料整理, 本案例根据X提供的材料编写，执笔：Y, 本案例由X供稿，Y整理), or by a footnote under it
(③案例C材料由X提供。): the writer after 执笔 or
整理 is the school's, not the provider. Only layout words are read (data/lexicon/layouts.yaml `casebook`).
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_units import copying_clause
from ftzgraph.graph.text import word_alternation

_FOOTNOTE_MARK = r"(?:[\u2460-\u2473\u2776-\u277f]|[［\[]\s*[0-9]{1,2}\s*[］\]]|注\s*[0-9]{0,2}\s*[:：]?)\s*"
"""A footnote's mark before a source line (①案例一材料由X提供。, [1]本案例由X供稿, 注：本文由X提供): a paper or a
notice that names each case's provider in a footnote under it."""


@cache
def _res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = load_lexicon("layouts")["casebook"]
    code = re.compile(  # 案例编号：X, 【案例编号】X, ［案例编号：X］
        rf"^[\s\u3000]*[［\[（(]?\s*(?:[【\[〔]\s*(?:{word_alternation(words['code_labels'])})\s*[】\]〕]\s*[:：]?"
        rf"|(?:{word_alternation(words['code_labels'])})\s*[:：])\s*(?P<code>[A-Za-z][A-Za-z0-9]*(?:[-－_—][A-Za-z0-9]+)*)"
        r"\s*[］\]）)]?[\s\u3000]*$"
    )
    bracketed = rf"[【\[〔]\s*(?:{word_alternation(words['source_labels'])})\s*[】\]〕]\s*[:：]?"
    label = rf"(?:{bracketed}|(?:{word_alternation(words['source_labels'])})\s*[:：])"
    unit = r"(?P<u>[^，。,；;：:\s【】“”]{2,40}?)"  # 中国（四川）自由贸易试验区X片区管委会: brackets inside a name
    gave = word_alternation(words["gave_words"])
    by_material = (
        rf"(?:{word_alternation(words['by_words'])})\s*{unit}\s*(?:{gave})的?\s*(?:{word_alternation(words['material_words'])})?"
        rf"\s*(?:{word_alternation(words['wrote_words'])})"
    )
    by_unit = rf"由\s*{unit.replace('?P<u>', '?P<v>')}\s*(?:{gave})"
    material = word_alternation(words["material_words"])
    case_named = rf"案例\s*[A-Za-z0-9一二三四五六七八九十]{{1,3}}\s*(?:的?(?:{material}))?"  # ③案例C材料由X提供
    source = re.compile(
        rf"^[\s\u3000]*(?:{_FOOTNOTE_MARK})?[（(]?\s*(?:{label})?\s*(?:本案例|本文|本篇|本材料|该案例|{case_named})?\s*"
        rf"(?:{by_material}|{by_unit})"
    )
    named = rf"(?:{bracketed}|(?:{word_alternation(words['unit_labels'])})\s*[:：])"
    labelled = re.compile(  # 【案例来源】X, 【案例来源】X提供, 案例来源：X
        rf"^[\s\u3000]*[（(]?\s*{named}\s*{unit}(?P<v>)\s*(?:(?:{gave})(?:的?(?:{material}))?)?[\s\u3000。）)]*$"
    )
    return code, source, labelled


def code_number(text: str) -> int | None:
    """The number a case's code line gives its case (案例编号：JJDX-ZM-03 -> 3), or None when the line is no code line.
    A code with no trailing digits numbers nothing (0): the splitter then numbers the case by its order."""
    match = _res()[0].match(text)
    if match is None:
        return None
    digits = re.search(r"([0-9]+)$", match["code"])
    return int(digits[1]) if digits else 0


def source_unit(line: str) -> tuple[str, int, int] | None:
    """The unit a case's source line names as the one whose material the case was written from, with its span in
    ``line``, or None (a label over the sentence: 【案例来源】 alone names nothing). A bare unit is read only after a
    bracketed label (【案例来源】X) or a case's own source label (案例来源：X): 来源：X under a web article names the
    medium, 资料来源：X under a report's box the publication, not a provider."""
    _, source, labelled = _res()
    match = source.match(line) or labelled.match(line)
    if match is None:
        return None
    group = "u" if match["u"] else "v"
    if (group == "v" and _bare_by_unit(line, match)) or copying_clause(match[group]):
        return None  # 【来源】借鉴X片区经验: the label heads an origin field, its value names no unit
    return match[group], match.start(group), match.end(group)


def _bare_by_unit(line: str, match: re.Match[str]) -> bool:
    """True when 由X提供 opens ``line`` with no source label or 本案例 before it and the line goes on after it: a
    sentence of the case (由X提供全程帮办服务，…), not a line saying whose material the case is."""
    lead = re.sub(rf"^[\s\u3000]*(?:{_FOOTNOTE_MARK})?[（(]?\s*", "", line[: match.start("v")])
    if lead.rstrip() not in ("由", ""):
        return False
    return _tail_re().fullmatch(line, match.end()) is None


@cache
def _tail_re() -> re.Pattern[str]:
    material = word_alternation(load_lexicon("layouts")["casebook"]["material_words"])
    return re.compile(rf"\s*(?:的?(?:{material}))?[\s\u3000。．.）)]*")


CLOSING_LINES = 8
"""How many non-blank lines at a case's end are read for its source line: a last case may run on into the
compilation's closing matter (附：教学建议, 编者 and date lines)."""


def closing_source(text: str) -> tuple[str, int, int] | None:
    """The unit of the last source line among the last ``CLOSING_LINES`` non-blank lines of a case's ``text``."""
    end = len(text.rstrip())
    for _ in range(CLOSING_LINES):
        start = text.rfind("\n", 0, end) + 1
        if found := source_unit(text[start:end]):
            return found[0], start + found[1], start + found[2]
        end = len(text[: max(start - 1, 0)].rstrip())
        if end <= 0:
            break
    return None
