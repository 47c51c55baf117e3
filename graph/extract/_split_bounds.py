"""Where a case's text starts above its title and where the last case ends below its own outline.

Once the splitter knows the cases' title lines, two layouts still put a case's words on the wrong side of a bound. A
newspaper page heads each report with a kicker (引题) over the main title (思明区复制推广国务院第五批改革试点经验 /
“台胞一件事”集成服务): the kicker is the report's own line, though it stands right under the report before. And a
report or a summary tells its cases under one part of its outline (二、典型做法 / ⑴ title … ⑷ title) and goes on with
the next part (三、存在问题, 四、下一步工作): the last case ends there, or what the next parts plan (对照国务院第七批
改革试点经验…) would read as that case's origin. Only line shapes are read here; nothing names a document.
"""

from __future__ import annotations

import re

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_furniture import box_source_re
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_shapes import Mark, heading_mark, names_reform
from ftzgraph.graph.extract._split_units import labelled_provider, signature_unit
from ftzgraph.graph.extract._split_words import MIN_CASE_CHARS, strip_marks
from ftzgraph.graph.text import CJK_RE, title_key

Start = tuple[int, int, int | None]
"""(title line index, span start line index, marker number), as the splitter keeps a case's start."""

_KICKER_CHARS = 30
_SENTENCE_RE = re.compile(r"[。！？!?；;：:]")
_DATE_RE = re.compile(r"^\s*[0-9０-９]{4}\s*年|^\s*[0-9０-９]{1,2}\s*月[0-9０-９]{1,2}\s*日")


def with_kickers(lines: list[Line], starts: list[Start]) -> list[Start]:
    """``starts`` with each case opening at the kicker over its title, when every case (two at least) has one: a
    short line of words that is no sentence and holds no colon (a field, a time), no heading mark, no provider and no
    date, right above the title and under a blank line. One case without it means the lines above titles are the cases'
    own text."""
    if len(starts) < 2 or any(title != span for title, span, _ in starts):
        return starts
    if not all(_kicker(lines, title) for title, _, _ in starts):
        return starts
    return [(title, title - 1, number) for title, _, number in starts]


def with_notes(lines: list[Line], starts: list[Start]) -> list[Start]:
    """``starts`` with each case opening at the editor's note right above its heading (【编者按】X区借鉴Y片区经验…
    / headline: a bulletin's issues bound in one volume), when every case (two at least) has one: the note names the
    item's provider and origin, and a case cut at its headline would leave them to the case before. A note over the
    first case alone is the collection's own preface, no case's."""
    if len(starts) < 2:
        return starts
    notes = [_note_above(lines, span) for _, span, _ in starts]
    if any(note is None for note in notes):
        return starts
    return [(title, note, number) for (title, _, number), note in zip(starts, notes, strict=True) if note is not None]


def _note_above(lines: list[Line], span: int) -> int | None:
    """The line an editor's note opens on in the paragraph of lines right above line ``span`` (no blank line
    between), or None."""
    words = load_lexicon("layouts")["bounds"]
    note = re.compile(r"^[ \t\u3000]*[【〔\[]?(?:" + "|".join(map(re.escape, words["editor_notes"])) + r")[】〕\]]?")
    j = span - 1
    while j >= 0 and lines[j].text.strip() and span - j <= int(words["note_lines"]):
        if note.match(lines[j].text):
            return j
        j -= 1
    return None


def _kicker(lines: list[Line], title: int) -> bool:
    if title < 2:
        return False
    above, over = lines[title - 1].text.strip(), lines[title - 2].text.strip()
    if over or len(CJK_RE.findall(above)) < 4 or len(above) > _KICKER_CHARS:
        return False  # a kicker is words: no separator line (————, ☆　☆), no page number
    if _SENTENCE_RE.search(above) or _DATE_RE.search(above):
        return False
    return heading_mark(above) is None and not (signature_unit(above) or labelled_provider(above))


def outline_end(lines: list[Line], starts: list[Start]) -> int | None:
    """The line that ends the last case: the next heading of the outline the cases are told under (三、存在问题 after
    二、典型做法 over them; （四）… after （三）…), when no case holds a heading of that shape itself (so a case's own
    sections, 一、背景 / 二、做法, are never read as the outline), or the next item of the last case's own numbering
    (``_next_item``), or the next part led by a symbol of the parts above the cases (``_next_symbol_part``). None
    when there is none."""
    if len(starts) < 2:
        return None
    first, last = starts[0][1], starts[-1][0]
    if (sibling := _next_item(lines, last)) is not None:
        return sibling
    if (part := _next_symbol_part(lines, first, last)) is not None:
        return part
    case_shapes = {mark.shape for title, _, _ in starts if (mark := heading_mark(lines[title].text.strip()))}
    outline: dict[str, int] = {}  # shape -> number of the heading over the cases, the nearest of each shape
    for i in range(first - 1, -1, -1):
        mark = _outline_mark(lines[i].text.strip())
        if not mark or mark.number is None or mark.shape in case_shapes:
            continue
        if mark.shape in outline:  # 一、 above 二、: what stands between them (1． 2．) is the earlier part's
            shapes = list(outline)
            for later in shapes[shapes.index(mark.shape) + 1 :]:
                del outline[later]
            continue
        outline[mark.shape] = mark.number
    if not outline:
        return None
    inside = {mark.shape for i in range(first, last) if (mark := heading_mark(lines[i].text.strip()))}
    for i in range(last + 1, len(lines)):
        mark = _outline_mark(lines[i].text.strip())
        if mark and mark.shape in outline and mark.shape not in inside and mark.number == outline[mark.shape] + 1:
            return i  # the next part: 三、 after 二、 (not a later item of a numbered list in the preamble)
    return None


def _next_item(lines: list[Line], last: int) -> int | None:
    """The next item of the numbering the last case is told in (6．请列举… after the case 5．请简述“A”…), when it is
    the first line of that mark's shape after the case's title: a sibling the rules took for no case (a quiz's item on
    general knowledge) is no part of the case above it. A list of the case's own (1． 2． inside 3．title) opens at 1
    and is not that line."""
    mark = heading_mark(lines[last].text.strip())
    if mark is None or mark.number is None:
        return None
    for i in range(last + 1, len(lines)):
        found = heading_mark(lines[i].text.strip())
        if found and found.shape == mark.shape:
            return i if found.number == mark.number + 1 else None
    return None


def _next_symbol_part(lines: list[Line], first: int, last: int) -> int | None:
    """The line after the last case led by a symbol that leads a line above the cases and none from the first case's
    heading to the last one's (★ 下周工作安排 after ◆ cases, under ★ 本周重点工作 above them): the report's next
    part, no text of the last case."""
    below = [(i, lead) for i in range(last + 1, len(lines)) if (lead := _symbol_lead(lines[i].text))]
    if not below:
        return None
    inside = {_symbol_lead(line.text) for line in lines[first : last + 1]}  # a case's own bullets (● 做法) end none
    above = {lead for line in lines[:first] if (lead := _symbol_lead(line.text)) and lead not in inside}
    return next((i for i, lead in below if lead in above), None)


def _symbol_lead(text: str) -> str:
    """The symbols leading a short line (★, ◆, ■), or "" when it opens with words or is a sentence."""
    bare = text.strip()
    rest, marked = strip_marks(bare)
    if not marked or len(rest) > _HEADING_WORDS * 2 or not CJK_RE.search(rest):
        return ""
    return bare[: len(bare) - len(rest)].strip()


_HEADING_WORDS = 24
"""A part's heading is short up to its first full stop (（四）口岸功能不断完善。…, 三、存在问题), unlike a numbered
paragraph of a notice's demands (1．各地要高度重视，…)."""


def _outline_mark(text: str) -> Mark | None:
    """The mark of a line that heads a part of the outline: a numbered mark over a short heading."""
    mark = heading_mark(text)
    if mark is None:
        return None
    head = re.split("[。！？；;]", text[mark.end :], maxsplit=1)[0]
    return mark if len(head) <= _HEADING_WORDS and "，" not in head else None


_HEAD_EXTRA = 30
"""Characters a heading line may hold besides a title it repeats (its number, marks, a provider in brackets)."""
_CASE_TEXT = 150
"""Characters of text above a closing table for each case it lists: the cases' own text, not a notice's lines."""
_CLOSING_SHARE = 3
"""How many times the text under a table the text above it must be for the table to close the document though its
titles are not written above as they are in it."""
_CAPTION_LINES = 3
"""Lines of a caption over a closing table (附表 / 案例汇总表): a block this short under a blank line is its caption."""


def closing_table(lines: list[Line], titles: list[str], header: int, last: int) -> int | None:
    """Where the cases' text ends when the table whose header is line ``header`` (rows to line ``last``) closes the
    document rather than heading it (附表　案例汇总表 after the last case): the line its caption opens on, or None. A
    table repeats the cases: when it stands before them, their titles follow it; when it closes them, most of its
    ``titles`` head lines of their own above it, each over a case's text, and none recurs twice under it (or, written
    otherwise above, it stands under nearly all the text, long enough for its cases). Most of its titles name reforms:
    a form's field labels read as a column (落实情况, 完成时间) do not. The table then adds no case, and the last case
    ends before its caption."""
    if len(titles) < 2 or header <= 0 or 2 * sum(map(names_reform, titles)) <= len(titles):
        return None
    keys = [title_key(title) for title in titles]
    heads = [title_key(line.text) for line in lines[:header]]
    above = sum(1 for key in keys if key and any(key in head and len(head) <= len(key) + _HEAD_EXTRA for head in heads))
    after = squash_keys(lines[header + 1 :])
    if any(key and after.count(key) > 1 for key in keys):
        return None
    text_above = sum(len(line.text.strip()) for line in lines[:header])
    below = sum(len(line.text.strip()) for line in lines[last + 1 :])
    headed = 2 * above > len(keys) and text_above >= MIN_CASE_CHARS * len(keys)
    if not headed and (text_above < _CASE_TEXT * len(keys) or text_above <= _CLOSING_SHARE * below):
        return None
    start = header
    while start > 0 and lines[start - 1].text.strip() and header - start < _CAPTION_LINES:
        start -= 1
    if start > 0 and lines[start - 1].text.strip():  # no blank line over it: the header's own paragraph is text
        return header
    return start


def squash_keys(lines: list[Line]) -> str:
    """The lines' text as ``title_key`` reads a title (marks and spaces gone), one string to look titles up in."""
    return "\n".join(title_key(line.text) for line in lines)


def box_ends(lines: list[Line], starts: list[tuple[int, int, int | None]]) -> list[int]:
    """Where each case ends when every case is a box closed by its source line after its text (专栏1：title …
    （资料来源：X）): right after that line, so the report's analysis between two boxes belongs to no case; [] when
    some case has no such closing line (a 来源：X line under a title opens its case's text, it closes nothing)."""
    source = box_source_re()
    ends = []
    for k, (title_index, _, _) in enumerate(starts):
        end_index = starts[k + 1][1] if k + 1 < len(starts) else len(lines)
        closing = [i for i in range(title_index + 1, end_index) if source.match(lines[i].text)]
        text_above = sum(len(line.text.strip()) for line in lines[title_index + 1 : closing[-1]]) if closing else 0
        if text_above < MIN_CASE_CHARS:
            return []
        ends.append(closing[-1] + 1)
    return ends
