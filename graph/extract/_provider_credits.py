"""Providers a case credits outside a provider line.

A news text, a newsletter or a compilation names who a case is by or about in places no provider label
marks: a byline (文｜X局, 撰稿　X所　某某), a kicker line above the heading (〔X市〕, 【city·county】: the area
the compiler files the case under), or, in a feature report whose section opens with a scene, the place the
section then turns to (在X，…; X市从去年起…) and names again. A provider is then written the way a place or
body is known: without the province before its city (河南省周口市 -> 周口市) and in simplified script (珠海高新區
in a simplified text -> 珠海高新区), so the gazetteer and the divisions resolve it; that standard form is written by
``_provider_standard.py``.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._agency_names import load_divisions
from ftzgraph.graph.extract._provider_standard import _stem, standard_provider
from ftzgraph.graph.extract._split_leads import acting_subject, is_generic, news_lead_end
from ftzgraph.graph.extract._split_units import (
    closing_bracket,
    labelled_provider,
    place_or_stem,
    signature_unit,
    stem_place,
)
from ftzgraph.graph.extract._split_words import fallback_words
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.model import CaseText
from ftzgraph.graph.text import CJK_RE, lines_below

Found = tuple[str, int, int]


def _words() -> dict[str, list[str]]:
    return load_lexicon("credits")


def credited_provider(case: CaseText) -> Found | None:
    """The unit a kicker line above the case's heading or a byline of the case names, with its span in the case's
    text (a kicker stands before it: its span is then before 0)."""
    return _kicker(case) or _heading_bracket(case) or _byline(case)


_TAG_RE = re.compile(
    r"[ \t\u3000]*(?:[〔【\[［](?P<u>[^】〕\]］\n]{2,24})[】〕\]］]"
    r"|[▌▍■◆●|｜]?[ \t\u3000]*(?P<d>[\u4e00-\u9fff]{2,8}[·・•][\u4e00-\u9fff]{2,8})"
    r"|[^\w\s（(【〔\[“\"‘'《<]{1,3}[ \t\u3000]*(?P<m>[\u4e00-\u9fff]{2,16}))[ \t\u3000]*"
)
"""A tag line: a unit in brackets (〔X市〕, 【city·county】), places joined by a middle dot after a bar mark or none
(▌city·district), or a unit alone after a mark or a pictograph (■X区, 📍X县 over a bare title)."""


def _tag(line: str) -> tuple[str, int] | None:
    """The text of a tag line (``_TAG_RE``) and where it starts in ``line``."""
    tag = _TAG_RE.fullmatch(line)
    if tag is None:
        return None
    group = next(g for g in ("u", "d", "m") if tag[g])
    return tag[group], tag.start(group)


def _tag_unit(tag: str) -> tuple[str, int] | None:
    """The finest place or unit a tag names (【河源·龙川】 -> 龙川县, the city telling which; 〔X市〕), with where the
    part starts in ``tag``; None for a tag naming a theme (【通关便利】)."""
    parts = [p.strip() for p in re.split("[·・•]", tag)]
    part = parts[-1]
    at = tag.rfind(part)
    if len(parts) > 1 and (placed := stem_place(part, parts[-2].removesuffix("市"))):
        return placed, at
    if signed := signature_unit(part):
        return signed[0], at + signed[1]
    return (part, at) if place_or_stem(part) else None


def _line_above(text: str, at: int) -> tuple[str, int]:
    """The last non-blank line of ``text[:at]`` and where it starts (read in a short window: a kicker is a short line,
    and a copy of the whole text before every case would cost a long document dearly)."""
    window = max(0, at - 200)
    end = window + len(text[window:at].rstrip())
    start = text.rfind("\n", window, end) + 1 or window
    return text[start:end], start


def _kicker(case: CaseText) -> Found | None:
    """The unit of a tag line right above the heading, when the document files its cases so: the line above its first
    case's heading is such a tag too, or the tag sits on its heading with a blank line above it (a tag closing a
    case's text, 【北海·铁山港】, sits on the text with the blank line below it, and stays that case's)."""
    text = case.document.text
    line, start = _line_above(text, case.heading.start)
    tag = _tag(line)
    unit = _tag_unit(tag[0]) if tag else None
    if tag is None or unit is None or not (_sits_on_heading(text, start, case.heading.start) or _files_first(case)):
        return None
    at = start + tag[1] + unit[1] - case.start
    return unit[0], at, at + min(len(unit[0]), len(tag[0]) - unit[1])


def _sits_on_heading(text: str, start: int, heading: int) -> bool:
    """True when the line at ``start`` runs straight into the heading and a blank line (or the text's start) stands
    above it."""
    if text[start:heading].count("\n") != 1:
        return False
    above = text.rfind("\n", max(0, start - 200), max(start - 1, 0))
    return start == 0 or not text[above + 1 : start - 1].strip()


def before_next_kicker(case: CaseText, end: int) -> int:
    """``end`` (an offset in the case's text), moved above its last line when that line is the next case's kicker: a
    tag naming a unit, running straight into the next heading, with a blank line above it or the document filing its
    cases so."""
    text = case.text
    start = text.rfind("\n", 0, end) + 1
    tag = _tag(text[start:end])
    last = case.end >= len(case.document.text.rstrip())
    if tag is None or last or text[end:].strip() or text[end:].count("\n") > 1 or _tag_unit(tag[0]) is None:
        return end  # a tag with a blank line below it, or closing the document, closes its own case
    blank_above = not text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)].strip()
    return len(text[:start].rstrip()) if blank_above or _files_first(case) else end


def _files_first(case: CaseText) -> bool:
    """True when the line above the document's first case's heading is a tag naming a unit."""
    if not case.head_end:
        return False
    first, _ = _line_above(case.document.text, case.head_end)
    tag = _tag(first)
    return tag is not None and _tag_unit(tag[0]) is not None


_BRACKET_RE = re.compile(r"[〔【［](?P<u>[^】〕］\n]{2,24})[】〕］]")


def _heading_bracket(case: CaseText) -> Found | None:
    """The unit a bracket inside the heading names before the title (评估对象一【X海关】title, 第3号〔X县〕title): the
    compiler's filing of the case, as a kicker above it is."""
    quote = case.heading.quote
    at = quote.find(case.title) if case.title else -1
    for bracket in _BRACKET_RE.finditer(quote, 0, at if at > 0 else len(quote)):
        if (unit := _tag_unit(bracket["u"])) is not None:
            start = case.heading.start - case.start + bracket.start("u") + unit[1]
            return unit[0], start, start + min(len(unit[0]), len(bracket["u"]) - unit[1])
    return None


@cache
def _byline_re() -> re.Pattern[str]:
    labels = "|".join(sorted(map(re.escape, _words()["byline_labels"]), key=len, reverse=True))
    return re.compile(
        rf"[ \t\u3000]*[（(]?[ \t\u3000]*(?:{labels})[ \t\u3000]*(?:[|｜丨/／:：][ \t\u3000]*|[ \t\u3000]+)"
        r"(?P<rest>[^（）()\n]{2,60}?)[ \t\u3000]*[)）]?[ \t\u3000]*"
    )


def _byline_unit(line: str) -> tuple[str, int] | None:
    """The unit standing first after a byline's label (文｜X局, 撰稿　X所　某某), with its start in ``line``; None for
    a person or a writer's role (文／图　本刊通讯员　某某)."""
    byline = _byline_re().fullmatch(line)
    if byline is None:
        return None
    rest = byline["rest"]
    first = re.split(r"[ \t\u3000、，,]+", rest.strip(), maxsplit=1)[0]
    if first.startswith(tuple(_words()["writer_roles"])) or not re.fullmatch("[\u4e00-\u9fff]{3,30}", first):
        return None
    if not _is_unit(first):
        return None
    return first, byline.start("rest") + rest.find(first)


@cache
def _closing_by_re() -> re.Pattern[str]:
    words = _words()
    opens = "|".join(sorted(map(re.escape, words["own_item_words"]), key=len, reverse=True))
    tails = "|".join(
        sorted(map(re.escape, [*fallback_words()["unit_suffixes"], *words["unit_tails"]]), key=len, reverse=True)
    )
    return re.compile(
        rf"[ \t\u3000]*[（(][ \t\u3000]*(?:{opens})由(?P<u>[\u4e00-\u9fff]{{2,30}}(?:{tails}))"
        r"[\u4e00-\u9fff]{1,8}[)）][。.]?[ \t\u3000]*"
    )


def _byline_or_closing_by(line: str) -> tuple[str, int] | None:
    if found := _byline_unit(line):
        return found
    by = _closing_by_re().fullmatch(line)
    return (by["u"], by.start("u")) if by else None


_GIVEN_VERB_RE = re.compile(r"[ \t\u3000]*(?:供稿|提供|报送|选送|供)$")


def _closing_credit(line: str) -> tuple[str, int] | None:
    """The unit a closing credit names: a byline (文字｜X局　图片｜Y), a bracket saying who did the item (（本文由X协助
    撰写）), a labelled unit (（成果单位：X局）, 供稿单位｜X局) or a bracket closing the last paragraph with a verb of
    giving (…增长20%。（X局供稿）); a news outlet credited (（图片由X融媒体中心提供）) is none."""
    found = _byline_or_closing_by(line)
    if found is None and (labelled := labelled_provider(line.strip().strip("（()）"))) and _is_unit(labelled[0]):
        found = labelled[0], line.find(labelled[0])
    if found is None and (bracket := closing_bracket(line)) and _GIVEN_VERB_RE.search(bracket[0]):
        signed = signature_unit(bracket[0].strip())
        found = (signed[0], line.find(signed[0])) if signed else None
    if found is None or found[1] < 0 or found[0].endswith(tuple(fallback_words()["media_units"])):
        return None
    return found


def _byline(case: CaseText) -> Found | None:
    """A byline's unit on the lines right under the heading, or a credit's on the case's last lines (a news outlet's
    credit below a unit's: the unit's)."""
    text = case.text
    title_end = case.heading.end - case.start
    for start, line in lines_below(text, title_end, 2):
        if found := _byline_or_closing_by(line):
            return found[0], start + found[1], start + found[1] + len(found[0])
    closing: list[tuple[int, str]] = []
    end = len(text.rstrip())
    while len(closing) < 3 and (start := text.rfind("\n", title_end, end) + 1) > title_end:
        closing.append((start, text[start:end]))
        end = len(text[: start - 1].rstrip())
    if closing and not CJK_RE.search(closing[0][1]):
        closing.pop(0)  # a separator closing each case (▼): layout
    if any(not CJK_RE.search(line) for _, line in closing):
        return None  # ▼ / —— between the text and the lines below it: those close the document, not the case
    for start, line in closing:
        if found := _closing_credit(line):
            return found[0], start + found[1], start + found[1] + len(found[0])
    return None


def _is_unit(name: str) -> bool:
    """A body's or a place's name, not a sentence a label opens (本集素材由X提供)."""
    signed = signature_unit(name)
    return (signed is not None and signed[0] == name) or _is_place(name) or name.endswith(tuple(_words()["unit_tails"]))


_SETTING_RE = re.compile(r"[ \t\u3000]*在(?P<p>[\u4e00-\u9fff]{2,14}?)[，,]")
_FIELD_LABEL_RE = re.compile(r"[ \t\u3000]*[【〔\[]?[\u4e00-\u9fff]{2,4}[】〕\]]?[：:]?[ \t\u3000]*")


def scene_place(case: CaseText, acting: Found | None = None) -> Found | None:
    """The place a section is about when no line names its provider: ``acting`` (the body or place acting in its first
    sentence) unless that is a body and a paragraph sets the section in a place (在X，…) the case names again (a
    customs office acting in a report about a county: the county); with nothing acting, the place a section turns to
    after opening with a scene (清晨七点，…。/ 在眉山，这样的模式…; 遂宁市从去年起…), as the setting or the subject.
    A place the scene only passes through (从成都赶来的采购商) is named once."""
    if acting is not None and _is_place(acting[0]):
        return acting
    if acting is None:
        return _section_place(case)
    place = _section_place(case, after=acting[2])
    if place and case.text.startswith(acting[0], place[1]):
        return acting  # the place read again as the start of the acting body's own name (X市行政审批服务管理局的同志)
    return place or acting


def _section_place(case: CaseText, after: int | None = None) -> Found | None:
    """The first paragraph's place, as a setting (在X，) or as the subject, that the case names again, at the opening
    of the paragraph or of a later sentence of it (after a scene or a quoted speech); with ``after``
    (where the acting body stands), only a setting in a sentence after it: a setting the body's own sentence opens
    with was read with it (【解说】在X市，… over a speaker's body)."""
    if case.table_row and case.table_row.provider:
        return None  # a summary table names the case's unit: no guess from its text
    text = case.text
    title_end = case.heading.end - case.start
    lines = list(lines_below(text, title_end, 8))
    if run_in := _run_in_line(case):  # 在广东中山，“A”改革让…。: a wire story's case is its paragraph
        lines.insert(0, run_in)
    prose = -1  # the paragraphs of prose seen: a headline or a caption over the first one is no paragraph
    for start, line in lines:
        if after is not None and start + len(line) <= after:
            continue
        prose += _is_prose(line)
        k = prose if _is_prose(line) else -1
        label = _FIELD_LABEL_RE.match(line)  # 解析：X区复制推广…, 【做法】在X，…: a field's label opens the paragraph
        at = label.end() if label and re.search("[：:】〕\\]]", label.group()) else 0
        # the paragraph's opening, then each later sentence: a scene or a quoted speech may come before the place
        # (清晨六点，…。“…”他笑着说。在X，…)
        for sentence in (at, *(m.end() for m in _SENTENCE_START_RE.finditer(line, at))):
            if after is not None and start + sentence < after:
                continue  # the acting body's own sentence, or one before it
            found = _place_at(line, sentence, opening=sentence == at, subjects=after is None)
            opening = None
            if found is None and k == 0 and after is None:
                # 和平县开通…, 为解决…问题，鸡东县为…, “…”他说。原来，龙川县对…: a division opening a sentence of the
                # section's first paragraph, whatever its verb, past a short clause (a long one for the first sentence)
                found = opening = _opening_division(line, sentence, 20 if sentence == at else 4)
            # named again, in the heading or later: what it is about; or named first, as the setting or the subject
            # of the section's first sentence (在X县，游客只需…; 本报讯（记者 某某）X区推出…): the place it opens with
            first = k == 0 and sentence == at and found is not None and _division(found[0])
            if found and (first or opening or text.count(_stem(found[0])) >= 2):
                return found[0], start + found[1], start + found[2]
    return None


def _is_prose(line: str) -> bool:
    """True when ``line`` is a paragraph of sentences, not a headline (no comma, no stop) or a caption wholly in
    brackets (（画面：X，Y）)."""
    stripped = line.strip()
    return bool(re.search("[，,。！？!?]", stripped)) and not re.fullmatch(r"[（(【\[].*[)）】\]]", stripped)


def _opening_division(line: str, at: int, clause: int) -> Found | None:
    """A division's full name (和平县, 中山市) opening the sentence of ``line`` at ``at``, past an indent, a news
    item's lead-in or a clause of at most ``clause`` characters before a comma (为解决…问题，, 原来，), with its span:
    the longest such name."""
    at += len(line[at:]) - len(line[at:].lstrip(" \t\u3000"))
    at += news_lead_end(line[at:])
    lead = re.match(rf"[^，,。；;！？!?\n“”「」]{{2,{clause}}}[，,]", line[at:]) if clause >= 2 else None
    for start in (at, at + lead.end()) if lead else (at,):
        names = load_divisions().names
        for length in range(min(10, len(line) - start), 1, -1):
            if line[start : start + length] in names and CJK_RE.match(line[start + length : start + length + 1]):
                return line[start : start + length], start, start + length  # the sentence goes on past the name
    return None


def _division(name: str) -> bool:
    """True when ``name`` is a known division or its stem (阳朔县, 中山), not a word with a place's ending
    (苹果主产区)."""
    standard = standard_provider(name)
    return standard in load_divisions().names or stem_place(standard) is not None


def _run_in_line(case: CaseText) -> tuple[int, str] | None:
    """The heading's own line with its start, when the case is a paragraph whose sentence holds its title (a wire
    story's 在X，“A”改革让…。): a sentence, not a heading above the text."""
    start = max(case.heading.start - case.start, 0)
    start = case.text.rfind("\n", 0, start) + 1
    end = case.text.find("\n", start)
    line = case.text[start : end if end >= 0 else len(case.text)]
    return (start, line) if re.search("[。！？!?]", line) and len(line) > len(case.title) + 12 else None


_SENTENCE_START_RE = re.compile(r"[。！？!?][”」』’]?")
"""The end of a sentence (a closing quote after its stop too): the next sentence starts after it."""


def _place_at(line: str, at: int, opening: bool, subjects: bool) -> Found | None:
    """The place a sentence of ``line`` at ``at`` opens with: a setting (在X，), or with ``subjects`` (no body acts
    in the section's first sentence) its acting subject (X市从去年起…), which in a later sentence than the paragraph's
    ``opening`` one must stand first."""
    setting = _SETTING_RE.match(line, at)
    if setting:
        found: Found | None = _place_of_setting(setting["p"], setting.start("p"))
    elif not subjects:
        return None
    else:
        found = acting_subject(line, at)
        if found is not None and not opening and found[1] != at:
            return None  # a later sentence's subject counts only when it opens the sentence (X市把…下放到园区)
    return found if found is not None and _is_place(standard_provider(found[0])) else None


def _place_of_setting(words: str, at: int) -> Found:
    """The place a setting names (在X，), or the place its building or site is in (在遂宁市政务服务中心， -> 遂宁市,
    在文昌国际航天城， -> 文昌): the division or stem opening the words, else the longest place, when the whole is no
    place."""
    if _is_place(standard_provider(words)):
        return words, at, at + len(words)
    if lead := _division_lead(words):
        return words[:lead], at, at + lead
    for length in range(len(words) - 2, 1, -1):
        if _is_place(standard_provider(words[:length])) and not is_generic(words[:length]):
            return words[:length], at, at + length
    return words, at, at + len(words)


def _division_lead(name: str) -> int:
    """How long the division's name or the one city's or county's stem is that opens a setting's place (文昌国际航天城,
    南安水头镇的石材码头: 文昌, 南安), as a scene sets itself in a site of the place; 0 when none does."""
    divisions = load_divisions()
    for k in range(min(len(name) - 1, 8), 1, -1):
        if name[:k] in divisions.names or divisions.by_stem.get(name[:k]):
            return k
    return 0


def _is_place(name: str) -> bool:
    """A place's name or stem, or a new area's sub-zone (空港新城), which the place endings leave out; a kind of zone
    alone (片区, 园区) names no place."""
    if is_generic(name) or re.fullmatch(r"[\u4e00-\u9fff]{0,2}(?:片区|新区|园区|地区)", name):
        return False
    if (area := load_gazetteer().resolve(name)) is not None and area.area is not None:
        return True  # 在黑龙江自贸试验区绥芬河片区，: an FTZ's area is a place a section is set in
    return place_or_stem(name) or (
        name.endswith(tuple(_words()["place_tails"])) and re.fullmatch("[\u4e00-\u9fff]{4,10}", name) is not None
    )
