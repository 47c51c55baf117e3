"""Cases known by the document's structure alone, and lists that name a document's parts rather than its cases.

With no case markers, no suffixed titles and no table rows, the headings of one style (bold, 一、, （一）) that each
carry their provider (a provider line under them, the provider in the heading, a block closed by one) are the cases,
and headings of their style numbering on with them join them. A list of titles over marked cases it does not name is
a contents list of parts. Only layout marks are read; nothing names a document.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._split_counted import MIN_CASE_CHARS, shape_families
from ftzgraph.graph.extract._split_fallback import reports_a_reform
from ftzgraph.graph.extract._split_furniture import contents_entry
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_shapes import names_reform
from ftzgraph.graph.extract._split_titles import (
    CASE_SUFFIX_RE,
    CLOSING_BLOCK_RE,
    MARKER_RE,
    ORDINAL_RE,
    OUTLINE_RE,
    PROVIDER_RE,
    clean_title,
    heading_style,
    placed_heading,
)
from ftzgraph.graph.extract._split_units import fallback_title
from ftzgraph.graph.extract._split_words import strip_marks
from ftzgraph.graph.text import NUMERAL_CLASS, parse_chinese_number, title_key


def marks_cases(lines: list[Line], body_from: int, listed: set[str]) -> bool:
    """True when the body from ``body_from`` marks its cases with titled markers numbered from one (创新实践之一　X,
    创新实践之二　Y), or with any mark counting on (『A』 X, 壹— Y) or one symbol (❖ X, ❖ Y) over headings that each
    name a reform, whose titles the list above (``listed``, title keys) does not hold: the list then names the
    document's parts, not its cases."""
    numbers = []
    for line in lines[body_from:]:
        marker = MARKER_RE.match(line.text)
        rest = marker["rest"].strip() if marker else ""
        if marker and rest and not CASE_SUFFIX_RE.search(rest):
            if title_key(clean_title(rest)) in listed:
                return False
            numbers.append(parse_chinese_number(marker["n"]))
    if numbers[:2] == [1, 2]:
        return True
    symbols: dict[str, list[str]] = {}  # ❖ title, ※ title: a symbol's family, numbered or not
    for line in lines[body_from:]:
        words, marked = strip_marks(line.bare)
        if marked and 4 <= len(words) <= 60 and not words.endswith(("。", "；")):
            symbols.setdefault(line.bare[: len(line.bare) - len(words)].strip(), []).append(words)
    families = [list(t.values()) for _, t in shape_families(lines, body_from)]  # 『A』 title, 壹— title: counting on
    for titles in [*families, *(t for t in symbols.values() if len(t) >= 2)]:
        if all(names_reform(t) for t in titles) and not any(title_key(clean_title(t)) in listed for t in titles):
            return True
    return False


def structural_starts(lines: list[Line], body_from: int) -> list[tuple[int, int, int | None]]:
    """The largest of the structural families."""
    return max(structural_families(lines, body_from).values(), key=len, default=[])


def structural_families(lines: list[Line], body_from: int) -> dict[str, list[tuple[int, int, int | None]]]:
    """Headings known only by the document's structure: with no 案例 markers, no suffixed titles and no table
    rows, the lines marked one way (bold, 一、, （一）) that are each followed by a provider line are the cases, or
    else those whose every block ends with one (（一）title … 【报送单位】X). "一、主要做法" inside a case is never
    followed by a provider line nor ends a block with one, so section headings stay sections."""
    found: dict[str, list[tuple[int, int, int | None]]] = {}
    candidates: dict[str, list[tuple[int, int, int | None]]] = {}
    placed: dict[str, list[tuple[int, int, int | None]]] = {}
    for i in range(body_from, len(lines)):
        bare = lines[i].bare
        style = heading_style(lines[i])
        if style is None or not bare or len(bare) > 80 or bare.endswith(("。", "；")) or contents_entry(bare):
            continue  # a contents line repeats a heading but opens no case
        following = [line for line in lines[i + 1 : i + 6] if line.text.strip()][:2]
        outline = OUTLINE_RE.match(bare)
        ordinal = re.match(
            rf"^[（(]?\s*(?P<n>[{NUMERAL_CLASS}]+)\s*[)）、.．]",
            re.split(r"[.．]", outline["n"])[-1] + "．" if outline else bare,
        )
        number = parse_chinese_number(ordinal["n"]) if ordinal and style != "bold" else None
        if following and PROVIDER_RE.match(following[0].text):
            found.setdefault(style, []).append((i, i, number))
        else:
            candidates.setdefault(style, []).append((i, i, number))
        if placed_heading(ORDINAL_RE.sub("", bare, count=1)):  # 一、（西咸新区）title: the provider opens the heading
            placed.setdefault(style, []).append((i, i, number))
    for style, starts in placed.items():
        if len(starts) >= 2:
            found.setdefault("placed " + style, starts)
        # 1．title（X市） and 1．title over 报送单位：Y in one collection: headings of one style that each name their
        # provider, one way or the other
        mixed = sorted({*starts, *found.get(style, [])})
        if len(mixed) > len(starts) and len(mixed) > len(found.get(style, [])):
            found["provided " + style] = mixed
    for style, starts in list(found.items()):  # 一、title / 提供单位：X, 二、title（X）, then 三、title over prose
        if (counted := _counted_on(lines, starts, candidates.get(style.split(" ")[-1], []))) is not None:
            found["counted " + style] = counted
    for (
        style,
        starts,
    ) in candidates.items():  # （一）title … 【报送单位】X: every block of the style ends with its provider
        ends = [s[0] for s in starts[1:]] + [len(lines)]
        closed = [s for s, end in zip(starts, ends, strict=True) if _ends_with_provider(lines, s[0], end)]
        if len(closed) >= 2 and len(closed) == len(starts):
            found.setdefault("closing " + style, closed)
    return found


def _counted_on(
    lines: list[Line], starts: list[tuple[int, int, int | None]], others: list[tuple[int, int, int | None]]
) -> list[tuple[int, int, int | None]] | None:
    """A family of headings that name their providers (``starts``) with the headings of its style between and after
    them (``others``) that number on with it, when together they count from one without a gap and each added heading
    heads a body of case size, the heading naming a reform or the body reporting one (a figure and words of action):
    a collection that keeps each unit's own form writes some cases' providers under their headings and others in
    their text, under one numbering. None when nothing is added or the numbers do
    not run; a part numbered on after the cases (三、存在问题) names and reports none and ends the run."""
    if len(starts) < 2 or any(s[2] is None for s in starts):
        return None
    merged = sorted({*starts, *(s for s in others if s[0] > starts[0][0] and s[2] is not None)})
    run: list[tuple[int, int, int | None]] = []
    for k, start in enumerate(merged):
        if start[2] != len(run) + 1:
            break
        end = merged[k + 1][0] if k + 1 < len(merged) else len(lines)
        body = sum(len(line.text.strip()) for line in lines[start[0] + 1 : end])
        named = names_reform(fallback_title(lines[start[0]].bare)) or reports_a_reform(lines[start[0] + 1 : end])
        if start not in starts and (body < MIN_CASE_CHARS or not named):
            break
        run.append(start)
    return run if len(run) > len(starts) and set(starts) <= set(run) else None


def _ends_with_provider(lines: list[Line], start: int, end: int) -> bool:
    """True when the last non-blank line of lines ``start+1 .. end-1`` before a 抄送 block is a provider line."""
    block = [line for line in lines[start + 1 : end] if line.text.strip()]
    while block and CLOSING_BLOCK_RE.match(block[-1].text):
        block.pop()
    return bool(block) and PROVIDER_RE.match(block[-1].text) is not None
