"""Cases in news text: paragraphs each led by who acts in it, and a journalist's slogan over a paragraph.

A daily's report on a batch of cases, a news agency's dispatch, a media centre's app item, a radio transcript or a
press conference's report tells its cases one paragraph or a few each, often with no heading at all. Unlike a feature
that leads each paragraph with its area (在X片区，…, read by graph/extract/_split_leads.py), a journalist leads most
with the body that acted, as the sentence's subject: X局借鉴…, X海关则…, 今年以来，X海关推行…, 国家税务总局X税务局推出
的“A”…, 记者从X海关获悉，该关…, or an official telling it (X局副局长 某某介绍，该局…). Such a paragraph opens a case;
the paragraphs after it that no subject leads go on telling it (a quote, 据介绍，这一做法借鉴了…), and it is a case
when that stretch reads as one. The item's lead counts the cases (共有4个案例入选) and tells none; after the last case
a paragraph of plans or a summing up (下一步，…, 负责人表示，…) or the end mark closes the item, no part of that case.

A journalist's sub-heading is often a slogan, not the reform's name (退税不再“跑断腿”, 让烟花“飞”得更远): short, a
word of the headline's predicate (``slogan_words``) and no reform's head noun closing it. Such a heading is read as
a theme heading is (graph/extract/_split_lead_titles.py ``theme_title``): the practice its paragraph names is the title.

Words are in data/lexicon/layouts.yaml ``news``; nothing here names a document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_furniture import END_MARK_RE, FURNITURE_RE
from ftzgraph.graph.extract._split_leads import acting_subject, asks
from ftzgraph.graph.extract._split_words import FIGURE_RE
from ftzgraph.graph.text import CJK_RE, word_alternation

_HEADING_CHARS = 30
"""A line this short with no sentence's end over a paragraph is a heading (a kicker, a slogan, a title)."""


_ADDRESS_CHARS = 8
"""A presenter's address to the audience (各位听众, 观众朋友们) is a clause this short."""


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["news"])


@cache
def _count_re() -> re.Pattern[str]:
    """A lead's count of the cases it announces (共有4个案例入选, 复制推广的3项自贸试验区改革经验)."""
    things = word_alternation(_lexicon()["counted_things"])
    return re.compile(
        rf"(?<![第0-9０-９一二三四五六七八九十两])[0-9０-９一二三四五六七八九十两]{{1,3}}(?:个|项|条)[^，,。；;\n]{{0,14}}?(?:{things})"
    )


def announces_cases(paragraph: str) -> bool:
    """True when ``paragraph`` counts the cases the item goes on to tell (共4个案例入选): the item's lead."""
    return _count_re().search(paragraph) is not None


def news_subject(paragraph: str) -> tuple[str, int, int] | None:
    """The place or body acting in the first sentence of ``paragraph`` (X局借鉴…, 记者从X海关获悉，该关…), with its
    span, when the paragraph may tell a case: not a quote's (“…”企业负责人说), a reporter's turn or a lead counting
    the cases (共有4个案例入选)."""
    if cue := _cue_re().match(paragraph):  # (主持人)大安市的“A”则是…: the script's cue, then the subject
        found = news_subject(paragraph[cue.end() :])
        return (found[0], found[1] + cue.end(), found[2] + cue.end()) if found else None
    if turn := _turn_re().match(paragraph):  # 最后关注镇赉县。镇赉县借鉴…: the presenter's turn, then the subject
        found = news_subject(paragraph[turn.end() :])
        return (found[0], found[1] + turn.end(), found[2] + turn.end()) if found else None
    address = re.split(r"[，,：:。！!]", paragraph.strip(), maxsplit=1)[0]
    if len(address) <= _ADDRESS_CHARS and any(word in address for word in _lexicon()["audience_words"]):
        return None  # 各位听众，今天的节目关注…: the presenter's lead
    bare = paragraph.strip()
    if len(CJK_RE.findall(bare)) < int(_lexicon()["min_chars"]) or bare.startswith(("“", '"', "「")):
        return None
    if asks(paragraph) or announces_cases(paragraph):
        return None
    if speaker := _speaker_re().match(paragraph):
        return speaker["b"], speaker.start("b"), speaker.end("b")  # X局副局长 某某介绍，该局…: the speaker's body
    subject = acting_subject(paragraph, 0)
    if subject is None or subject[0].startswith(tuple(_lexicon()["referring_words"])):
        return None  # 据介绍，这一模式借鉴了…: the case before goes on
    joins = _fallback()["clause_joins"]
    cut = min((k for join in joins if (k := subject[0].find(join, 2)) > 0), default=len(subject[0]))
    return subject[0][:cut], subject[1], subject[1] + cut  # X支行联合Y局推出…: the body before the join acts


@cache
def _cue_re() -> re.Pattern[str]:
    """A broadcast script's cue opening a paragraph ((主持人), (记者 某某 现场音响：…), (画面：…), 【正文】, 主持人：):
    furniture of the script, as ``cue_words`` and ``cue_speakers`` list them."""
    lexicon = _lexicon()
    cues, speakers = word_alternation(lexicon["cue_words"]), word_alternation(lexicon["cue_speakers"])
    return re.compile(
        rf"[ \t\u3000]*(?:[（(【\[][ \t\u3000]*(?:{cues})[^（）()【】\[\]\n]{{0,40}}[）)】\]]"
        rf"|(?:{speakers})[：:])[ \t\u3000]*"
    )


@cache
def _turn_re() -> re.Pattern[str]:
    """A presenter's short turn to the next story opening a paragraph (最后关注镇赉县。, 再来看X。), as
    ``transition_verbs`` list its verbs."""
    verbs = word_alternation(_lexicon()["transition_verbs"])
    return re.compile(rf"[ \t\u3000]*[^。，,；;\n“”]{{0,6}}(?:{verbs})[^。，,；;\n“”]{{1,12}}[。！!][ \t\u3000]*")


def cue_line(line: str) -> bool:
    """True when ``line`` is nothing but a broadcast script's cue ((记者 某某 现场音响：…), 【正文】)."""
    cue = _cue_re().match(line)
    return cue is not None and not line[cue.end() :].strip()


@cache
def _fallback() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["fallback"])


@cache
def _speaker_re() -> re.Pattern[str]:
    """An official telling a case at a press conference, the body's words referring back (发布会上，X局副局长 某某介绍，
    该局… / X办事处负责人 某某介绍，该处…): the body is the case's subject (``speaker_units``, ``speaker_posts``)."""
    lexicon, fallback = _lexicon(), _fallback()
    units = word_alternation([*fallback["unit_suffixes"], *lexicon["speaker_units"]])
    posts = word_alternation([*fallback["speaker_posts"], "负责人", "相关负责人", "有关负责人"])
    verbs = word_alternation(lexicon["speaker_verbs"])
    refer = word_alternation(lexicon["referring_words"])
    return re.compile(
        rf"[ \t\u3000]*(?:[^，,。；;\n“”]{{1,12}}[，,])?(?P<b>[\u4e00-\u9fff]{{2,24}}?(?:{units}))"
        rf"(?:{posts})?[ \u3000]?(?:[\u4e00-\u9fff·]{{2,4}})?(?:{verbs})[，,：:][ \t\u3000]*(?={refer}|我)"
    )


def news_stretches(text: str, reads: Callable[[str], bool]) -> list[tuple[int, int, tuple[str, int, int]]]:
    """The cases of a news item in ``text``: (start, end, subject with its span), offsets in ``text``. A case opens
    at a paragraph whose first sentence's subject acts (``news_subject``) and runs over the paragraphs after it that
    go on telling it (``told_on``); it is one when that stretch from its subject ``reads`` as a case. None when such
    a paragraph stands under a heading line of its own (the readers of headings split there) or fewer than
    ``min_cases`` are found."""
    paragraphs, above, headed = [], "", set()
    led: list[tuple[int, int, tuple[str, int, int]]] = []
    for offset, raw in _paragraphs(text):
        paragraphs.append((offset, raw))
        subject = news_subject(raw)
        if subject is not None:
            if heading_line(above):
                headed.add(offset)
            led.append((offset, offset + len(raw.rstrip()), (subject[0], offset + subject[1], offset + subject[2])))
        above = raw if raw.strip() else above
    for _ in range(2):  # the stretches again once the paragraphs that tell no case have gone to the case before
        ends = [_stretch_end(paragraphs, led, k, len(text)) for k in range(len(led))]
        kept = [item for item, end in zip(led, ends, strict=True) if reads(text[item[2][1] : end])]
        if len(kept) == len(led):
            break
        led = kept
    if any(item[0] in headed for item in led):
        return []  # a case under a heading line of its own: the readers of headings split there
    if len(led) < int(_lexicon()["min_cases"]):
        return []
    return [(start, _stretch_end(paragraphs, led, k, len(text)), subject) for k, (start, _, subject) in enumerate(led)]


def _paragraphs(text: str) -> list[tuple[int, str]]:
    found, offset = [], 0
    for raw in text.split("\n"):
        found.append((offset, raw))
        offset += len(raw) + 1
    return found


def _stretch_end(
    paragraphs: list[tuple[int, str]], led: list[tuple[int, int, tuple[str, int, int]]], k: int, text_end: int
) -> int:
    last = k + 1 == len(led)
    return told_on(paragraphs, led[k][1], text_end if last else led[k + 1][0], last)


@cache
def _closing_re() -> re.Pattern[str]:
    """A paragraph that closes the item rather than telling more of its last case: its plans (下一步，…将…), the
    reporter's wrap-up (记者了解到，…将…) or a source's words on the whole (相关负责人表示，…), as ``closing_words``
    list them."""
    return re.compile(word_alternation(_lexicon()["closing_words"]))


def closes_item(paragraph: str) -> bool:
    """True when ``paragraph`` closes the news item: a wrap-up of plans or a summing up, or its end mark or credits
    (（完）, 编辑：X): no part of the last case told before it."""
    bare = paragraph.strip()
    if END_MARK_RE.match(bare) or FURNITURE_RE.match(bare) or re.fullmatch(r"[（(]完[)）]", bare):
        return True
    return _closing_re().search(paragraph) is not None


def told_on(paragraphs: list[tuple[int, str]], after: int, until: int, last: bool) -> int:
    """The end of a news case whose own paragraph ends at ``after``: the paragraphs after it up to ``until`` (the
    next case's start) go on telling it (a quote, its results, where it came from: 据介绍，这一做法借鉴了…), and after
    the last case only until one closes the item (``closes_item``) or a heading line stands."""
    end = after
    for offset, raw in paragraphs:
        if offset <= after or not raw.strip():
            continue
        if offset >= until or heading_line(raw) or (last and closes_item(raw)):
            break
        end = offset + len(raw.rstrip())
    return end


@cache
def _news_head_re() -> re.Pattern[str]:
    return re.compile(word_alternation(_lexicon()["news_head_marks"]) + r"|[讯电][ \t\u3000]*[（(]")


def closing_start(text: str, head_end: int, start: int, end: int) -> int:
    """The end of the last case ``text[start:end]`` of a news item (its head ``text[:head_end]`` holds a reporter's
    credit or an outlet: 本报讯, 电（记者 …）, 融媒体中心): before the first paragraph after its own text that closes
    the item (``closes_item``) and states no figure (the host's close, 下一步…将…); ``end`` itself for any other
    document, whose last case may end on its own plans."""
    if not _news_head_re().search(text, 0, head_end):
        return end
    told, offset = False, start
    while offset < end:
        stop = text.find("\n", offset, end)
        stop = end if stop < 0 else stop
        paragraph = text[offset:stop]
        if told and paragraph.strip() and closes_item(paragraph) and not FIGURE_RE.search(paragraph):
            return len(text[:offset].rstrip())
        told = told or len(CJK_RE.findall(paragraph)) >= int(_lexicon()["min_chars"])  # the case's own text first
        offset = stop + 1
    return end


def paragraph_provider(text: str, head_end: int, start: int, end: int) -> tuple[str, int, int] | None:
    """The provider of a news item's case whose heading is its own paragraph of prose ``text[start:end]`` (the title
    a practice named inside it: X局借鉴…，推出“A”…), when the item's head ``text[:head_end]`` is a news item's: the
    paragraph's acting subject (``news_subject``), with its span in ``text``; None for any other heading."""
    paragraph = text[start:end]
    if not _news_head_re().search(text, 0, head_end) or not re.search(r"[。；;]", paragraph):
        return None
    subject = news_subject(paragraph)
    return (subject[0], start + subject[1], start + subject[2]) if subject else None


def heading_line(line: str) -> bool:
    """True when ``line``, the line over a paragraph, is a heading of its own (a kicker, a slogan, a title): short,
    with no sentence's end. Paragraphs under such lines are read by the readers of headings, not as a news item's."""
    bare = line.strip()
    if not bare or len(bare) > _HEADING_CHARS or re.search(r"[。！？]", bare) or FURNITURE_RE.match(bare):
        return False
    if cue_line(bare):
        return False  # a script's cue ((记者 某某 现场音响：…), 【正文】) heads nothing
    return re.search(r"[0-9０-９]{1,4}[-/.年][0-9０-９]{1,2}", bare) is None  # a dateline (2024-11-12 10:05　来源：X)


def slogan_title(title: str) -> bool:
    """True for a journalist's slogan over a case (退税不再“跑断腿”, 【园区企业融资更容易】): at most
    ``slogan_max_chars`` Chinese characters, a word of ``slogan_words``, and no reform's head noun closing it
    (``reform_heads``: an ordinary title 企业开办“一件事”集成改革 names its reform)."""
    lexicon = _lexicon()
    bare = re.sub(r"[【】\[\]“”‘’\"'「」！!]", "", title.strip())
    if not bare or len(CJK_RE.findall(bare)) > int(lexicon["slogan_max_chars"]) or re.search(r"[，,。；;：:]", bare):
        return False
    if bare.endswith(tuple(lexicon["reform_heads"])):
        return False
    return (
        any(word in bare for word in lexicon["slogan_words"])
        or bare.startswith(tuple(lexicon["slogan_openers"]))
        or re.search(r"更[\u4e00-\u9fff]{1,2}$", bare) is not None
    )
