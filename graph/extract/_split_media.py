"""Cases in news and media text: the stretch about one reform between item marks of any shape.

A newspaper's series (系列报道之N), a site's roundup (▶ 0N｜X：title), a wire digest (【电讯N】), a microblog thread
(【1/3】), a livestream's scene lines (【镜头切换：place】), a podcast's chapters (【mm:ss】title), a web page's items
(◆ title　date), a magazine's sub-headings (▍topic) or a broadcast's scripts (03　headline) all repeat one mark over
items, and only some items report a reform: a visit, a meeting's totals, a lecture or a rundown row are items too.
The marks read no heading word, so the other rules found one case or every item.

A family is the lines of one mark shape; its items run from each of its lines to the next. An item is a case when it
names a reform (a name X“Y”Z that is no event and no batch word) and its narrative reports one (a word of
`reform_words`). The family that gives most cases, each naming a different reform, wins; on a tie the one with fewer
items (a scene line over a guest's turns), then the one opening first (a script's number over its cues).

The title is the reform's name as the narrative names it after a naming verb (推出X“Y”, 这项改革叫X“Y”, 推行的是X“Y”);
a headline's name stands when the narrative names the same quote in a longer form or not at all, since a journalist's
headline wraps the name in a predicate (X“Y”跑出加速度) the narrative lacks. Words are in data/lexicon/layouts.yaml
`media`; nothing names a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_furniture import picture_line
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.text import word_alternation

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_SYMBOLS = "▶►▷◆◇■□●○★☆▍▌▎❖➤➢♦▪" + _CIRCLED
_KEYCAP_RE = re.compile("^\\s*[0-9]\ufe0f?\u20e3")
"""A keycap emoji's number (1️⃣ 2️⃣), as social media number their items."""
_MEDIA_WORDS = load_lexicon("layouts")["media"]
_LATIN = word_alternation(_MEDIA_WORDS["latin_counters"])
_UNITS = word_alternation(_MEDIA_WORDS["ordinal_units"])
_LATIN_RE = re.compile(rf"^\s*(?P<w>{_LATIN})\s*[.．]?\s*[0-9]{{1,2}}(?![0-9])")
"""NO.1, TOP3, Part.02: a numbered item in a media text's own Latin words."""
_EXTRA_MARK_RE = re.compile(
    rf"^\s*(?:[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?|(?:{_LATIN})\s*[.．]?\s*[0-9]{{1,2}}"
    rf"|第[一二三四五六七八九十0-9０-９]{{1,3}}(?:{_UNITS}))[\s\u3000｜|丨:：]*"
)
"""An emoji, a Latin number or 第N站 opening a headline: marks the item's title is read without."""
_ORDINAL_UNIT_RE = re.compile(rf"^\s*第[一二三四五六七八九十0-9０-９]{{1,3}}(?P<w>{_UNITS})")
"""第一站, 第3期: a tour's stops, a series' episodes."""
_DATELINE_RE = re.compile(
    rf"^\s*(?:{word_alternation(_MEDIA_WORDS['dateline_words'])}|[\u4e00-\u9fff]{{2,8}}讯\s*[（(]"
    r"|(?:本社|[\u4e00-\u9fff]{2,6}社)[^，。\n]{0,14}电)"
)
"""A news item's dateline (本报讯（记者 X）, 某某社X月X日电): it opens the narrative under the item's headline."""
_QUESTION_RE = re.compile(rf"^\s*(?:{word_alternation(_MEDIA_WORDS['question_labels'])})\s*[：:][^\n]{{2,80}}[？?]\s*$")
_SYMBOL_RE = re.compile(rf"^\s*(?P<s>[{_SYMBOLS}])")
_LABEL_RE = re.compile(r"^\s*[【\[〔［](?P<c>[^】\]〕］\n]{1,30})[】\]〕］]")
_SERIES_RE = re.compile(r"^\s*(?P<w>[^\s\d【\[]{1,8}?)之[一二三四五六七八九十]+(?:[（(]完[)）])?\s*$")
_PADDED_RE = re.compile(r"^\s*(?:0[1-9]|[1-9][0-9])(?P<sep>[｜|丨]|[\s\u3000]+)(?=\S)")
_CLOCK_RE = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?[\s\u3000]+(?=\S)")
_MARK_RE = re.compile(
    rf"^\s*(?:[{_SYMBOLS}]\s*(?:\d{{1,2}}\s*[｜|丨:：.．、]?)?|[0-9]\ufe0f?\u20e3|[【\[〔［][^】\]〕］\n]{{1,30}}[】\]〕］]|"
    r"(?:0[1-9]|[1-9][0-9])(?:[｜|丨]|[\s\u3000]+)|\d{1,2}:\d{2}(?::\d{2})?[\s\u3000]+)\s*(?:[一二三四五六七八九十]+[、.．])?\s*"
)
"""The mark opening an item's line, with an ordinal after it (■ 一、): removed before the headline is read."""
_DATE_TAIL_RE = re.compile(r"[\s\u3000]+\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?\s*$")
_U = r"(?!我们|咱们|大家)[^\s\u3000，。、；：:！？!?“”（）()｜|【】#在我是]{2,18}?"
_UNIT = rf"{_U}(?:市|区|县|旗|海关|海事局|局|管委会|管理委员会|人民政府|开发区|高新区|新区|经济区|片区|中心|支行|分行)"
"""A unit's name as a media text writes it: a place, an office, a zone's committee; never a speaker's 我们 or a mark."""
_HEAD_UNIT_RE = re.compile(rf"^(?P<p>{_UNIT})[：:]")
_QUOTE_RE = re.compile(r"“(?P<core>[^“”\n，。！？；]{1,15})”")
_CJK = r"\u4e00-\u9fff"
HEADLINE_CHARS = 40
"""A headline line's length at most: a line longer than this, or holding a full stop, is the narrative."""


@dataclass
class Name:
    """A reform's name X“Y”Z found in an item, where, and whether a naming verb introduces it."""

    text: str
    core: str
    named: bool
    line: int
    whole: bool = False
    """The name is the whole of its headline line."""


@dataclass
class MediaSplit:
    """The cases of a media text: their title lines, the lines opening their stretches, where each ends, their titles,
    and a provider read next to the title (a bracket after it, or the unit before a colon in its heading)."""

    titles: list[int]
    starts: list[int]
    ends: list[int]
    names: dict[int, str]
    providers: dict[int, tuple[str, int, int]] = field(default_factory=dict)


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["media"])


@cache
def _naming_re() -> re.Pattern[str]:
    words = _lexicon()
    verbs = "|".join(sorted(words["naming_verbs"], key=len, reverse=True))
    tails = "|".join(sorted(words["naming_tails"], key=len, reverse=True))
    return re.compile(rf"(?:被)?(?:{verbs})(?:{tails})?$")


@cache
def _verb_re() -> re.Pattern[str]:
    """A naming verb inside a run read back from a quote, with 的是 only (推行出口…“A”: 出 is the name's)."""
    verbs = "|".join(sorted(_lexicon()["naming_verbs"], key=len, reverse=True))
    return re.compile(rf"(?:被)?(?:{verbs})(?:的是)?")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def mark_key(text: str) -> str | None:
    """The shape of the mark opening ``text`` (digits and ordinals as N, a label's value after its colon as X), or
    None: lines of one key are one family of item marks. A journalist's question (记者：…？) opens the answer it asks
    for, as a mark does."""
    if match := _SYMBOL_RE.match(text):
        return "S" + ("①" if match["s"] in _CIRCLED else match["s"])
    if _KEYCAP_RE.match(text):
        return "K"
    if (first := text.lstrip()[:1]) and ("\u2600" <= first <= "\u27bf" or first >= "\U0001f300"):
        return "E" + first  # 📍, 🔸, ✅: an emoji opening each item
    if match := _LATIN_RE.match(text):
        return "A" + match["w"].lower()
    if _QUESTION_RE.match(text):
        return "Q"
    if match := _LABEL_RE.match(text):  # numbered (【电讯一】, 【1/3】, 【05:12】) or valued (【镜头切换：X】)
        content = re.sub(r"[0-9０-９]+", "N", match["c"])
        content = re.sub(r"[一二三四五六七八九十]+$", "N", content)
        content = re.sub(r"[：:].*$", "：X", content)
        return (
            "L" + content if "N" in content or "：X" in content else None
        )  # 【口播】, 【发布人　X】: a cue, a speaker
    if match := _SERIES_RE.match(text):
        return "W" + match["w"]
    if match := _PADDED_RE.match(text):
        return "P" + ("｜" if match["sep"].strip() else " ")
    if _CLOCK_RE.match(text):
        return "T"
    if match := _ORDINAL_UNIT_RE.match(text):
        return "O" + match["w"]
    if _DATELINE_RE.match(text):
        return "D"
    return None


def _names(text: str, line: int) -> list[Name]:
    """The names X“Y”Z in ``text``, found on line ``line``."""
    return [Name(name, core, named, line) for name, core, named in _names_in(text)] if "“" in text else []


@lru_cache(maxsize=4096)
def _names_in(text: str) -> tuple[tuple[str, str, bool], ...]:
    """The names X“Y”Z in ``text`` with their quoted core and whether a naming verb introduces them: X read back from
    the quote to a stop, Z on to a stop or a generic noun (a line is read once, however many families ask)."""
    words = _lexicon()
    stops, tail_stops, events = (
        frozenset(words["head_stops"]),
        frozenset(words["tail_stops"]),
        tuple(words["event_words"]),
    )
    found = []
    for match in _QUOTE_RE.finditer(text):
        core = match["core"]
        if core in words["not_names"] or len(core) < 2:
            continue
        head_start = match.start()
        while head_start > 0 and match.start() - head_start < 10 and _is_cjk(text[head_start - 1]):
            if text[head_start - 1] in stops:
                break
            head_start -= 1
        before = text[max(0, head_start - 6) : head_start]
        head = text[head_start : match.start()]
        if verb := _verb_re().search(
            head
        ):  # 推行企业投资项目“A”: a naming verb inside the run read back starts the name
            before, head = before + head[: verb.end()], head[verb.end() :]
        named = bool(_naming_re().search(before))
        tail = re.match(f"[{_CJK}]{{0,8}}", text[match.end() :])
        rest = tail.group() if tail else ""
        for generic in words["generic_nouns"]:
            rest = rest.split(generic)[0]
        stop = next((i for i, ch in enumerate(rest) if ch in tail_stops), len(rest))
        rest = rest[:stop] if stop != 1 else ""  # one character before a stop is half a word (出让 cut at 让)
        if len(rest) > 6 or rest.endswith(events) or core.endswith(events):
            if rest.startswith(events) or core.endswith(events):
                continue  # “X”活动, “自贸大讲堂”: an event
            rest = ""
        found.append((head + match.group() + rest, core, named))
    return tuple(found)


def first_name(text: str) -> str | None:
    """The first reform ``text`` names (X“Y”Z, with or without a naming verb before it), or None: the title of a
    paragraph that tells one case."""
    names = [name for name, _, _ in _names_in(text)] if "“" in text else []
    return next((name for name in names if not _borrowed(text, name)), names[0] if names else None)


_BORROWED_RE = re.compile(r"(?:的)?[\u4e00-\u9fff]{0,4}?(?:经验|做法)+(?![\u4e00-\u9fff])")
_BORROWING_RE = re.compile(r"借鉴|学习|参照|对标|复制|引进|引入|移植")


def borrowed_at(text: str, start: int, end: int) -> bool:
    """True when the quoted name ``text[start:end]`` is a practice borrowed from elsewhere: a verb of borrowing in
    its clause before it and 经验 or 做法 right after it (借鉴X片区“信易贷”经验, 借鉴Y“非接触式”办税经验，): what was
    copied, never the case's own reform (关于推行“A”清单制度的做法 is its own)."""
    clause = max((text.rfind(mark, 0, start) for mark in "，,。；;\n"), default=-1) + 1
    return _BORROWING_RE.search(text, clause, start) is not None and _BORROWED_RE.match(text, end) is not None


def _borrowed(text: str, name: str) -> bool:
    """True when ``name`` stands in ``text`` as a borrowed practice (``borrowed_at``)."""
    at = text.find(name)
    return at >= 0 and borrowed_at(text, at, at + len(name))


def named_reform(text: str) -> str | None:
    """The first reform ``text`` names after a naming verb (推出“A”, 实施“B”模式) or a verb launching a practice
    (实行“C”: ``entries`` ``launch_verbs``), without a second verb read back into it (探索实施“D”), or None: the title
    of a case whose heading names only its theme."""
    launch = sorted(load_lexicon("layouts")["entries"]["launch_verbs"], key=len, reverse=True)
    for name, _, named in _names_in(text):
        if _borrowed(text, name):
            continue
        lead = next((v for v in launch if name.startswith(v)), "")  # 实行“C”, read back into the name
        if named or lead or text[: text.find(name)].endswith(tuple(launch)):
            name = name[len(lead) :]
            return name[verb.end() :] if (verb := _verb_re().match(name)) else name
    return None


def _headline(lines: list[Line], mark: int, end: int) -> list[int]:
    """The item's headline lines: the mark's line when it holds more than the mark, and the short lines under it."""
    heads = []
    for i in range(mark, end):
        text = lines[i].text.strip()
        if not text:
            continue
        if len(text) > HEADLINE_CHARS or "。" in text:
            break
        heads.append(i)
    return heads


def _without_mark(text: str) -> str:
    """``text`` without the marks opening it, one after another (📍 NO.1　title, ▶ 02｜title)."""
    while True:
        bare = _MARK_RE.sub("", _EXTRA_MARK_RE.sub("", text, count=1), count=1)
        if bare == text:
            return text
        text = bare


def _headline_text(text: str) -> str:
    """A headline line without its mark, the unit before its colon and a trailing date (◆ title　2024-08-12)."""
    text = _without_mark(text).strip()
    text = _DATE_TAIL_RE.sub("", text)
    return re.sub(rf"[（(]{_UNIT}[)）]$", "", text).strip()


def _title(lines: list[Line], mark: int, end: int) -> tuple[int, str] | None:
    """The title line and the reform's name of the item from ``mark`` to ``end``, or None when it names none."""
    heads = _headline(lines, mark, end)
    headline: list[Name] = []
    for i in heads:
        text = _headline_text(lines[i].text)
        text = text[unit.end() :] if (unit := _HEAD_UNIT_RE.match(text)) else text  # ▶ 02｜X：title
        headline += [Name(n.text, n.core, n.named, n.line, n.text == text) for n in _names(text, i)]
    told: list[Name] = []
    for i in range(mark, end):
        if i not in heads:
            told += _names(lines[i].text, i)
    reports = any(w in lines[i].text for i in range(mark, end) if i not in heads for w in _lexicon()["reform_words"])
    if not (headline or told) and reports and (plain := _plain_title(lines, heads, mark, end)):
        return plain
    if not (headline or told) or not (reports or any(h.whole for h in headline)):
        return None  # a visit, a meeting, a lecture: no reform named, or none the narrative reports
    for head in headline:  # the narrative's form of a headline's quote, unless it only lengthens the headline's
        same = [t for t in told if t.core == head.core]
        if head.whole:  # a headline that is the name alone (▶ 02｜X：“A”组合抵押, ◆ title　date) is the title, with
            # the fuller modifier of the narrative's naming (土地“A” headed, 推行工业用地“A” told)
            fuller = [t.text.split("“")[0] for t in same if t.named]
            return head.line, max([head.text.split("“")[0], *fuller], key=len) + head.text[head.text.index("“") :]
        if same:
            best = next((t for t in same if t.named), same[0])
            return head.line, head.text if head.text in best.text else best.text
    if named := next((t for t in told if t.named), None):
        return (headline[0].line if headline else mark), named.text
    if headline:  # a journalist's headline: words after the quote beyond a short noun are its predicate (“A”让X少跑腿)
        name = headline[0].text
        tail = name[name.rindex("”") + 1 :]
        return headline[0].line, name if headline[0].whole or len(tail) <= 4 else name[: len(name) - len(tail)]
    return mark, told[0].text


def _plain_title(lines: list[Line], heads: list[int], mark: int, end: int) -> tuple[int, str] | None:
    """The headline of an item that quotes no name but reports a reform with its figures (▶ 03｜X：跨境人民币结算
    便利化): a short phrase with no clause and no question; an event, a plan or a prompt has none."""
    if not heads or _tells_event(lines, mark, end):
        return None
    text = _headline_text(lines[heads[0]].text)
    text = text[unit.end() :] if (unit := _HEAD_UNIT_RE.match(text)) else text
    said = "".join(lines[i].text for i in range(mark, end) if i not in heads)
    if not 4 <= len(text) <= 30 or re.search(r"[，,。？?！!：:]", text) or not re.search(r"[0-9０-９]", said):
        return None
    return heads[0], text


def _family_items(lines: list[Line], marks: list[int]) -> list[tuple[int, int, tuple[int, str] | None]]:
    ends = [*marks[1:], len(lines)]
    return [(m, e, _title(lines, m, e)) for m, e in zip(marks, ends, strict=True)]


def _no_case(lines: list[Line], mark: int, end: int) -> bool:
    """True when the item from ``mark`` is none of the text's cases: it tells an event, or it quotes no name and
    states no figure (a closing question on plans, a prompt); an item naming no reform in quotes but stating figures
    may be a case whose title has no quotes, which the other rules read."""
    said = "".join(lines[i].text for i in range(mark + 1, end))
    if not _QUOTE_RE.search(said) and not re.search(r"[0-9０-９]", said):
        return True
    return _tells_event(lines, mark, end)


def _tells_event(lines: list[Line], mark: int, end: int) -> bool:
    """True when the item from ``mark`` tells an event (召开, 考察, 讲座 in its headline or first sentence) and names
    no reform after a naming verb: an item of the roundup that is no case."""
    first = next((i for i in range(mark, end) if i not in _headline(lines, mark, end)), end)
    heads = [*_headline(lines, mark, end), *([first] if first < end else [])]
    said = "".join(re.split("。", lines[i].text)[0] for i in heads)
    if not any(word in said for word in _lexicon()["event_item_words"]):
        return False
    return not any(name.named for i in range(mark, end) for name in _names(lines[i].text, i))


def _one_reform_each(lines: list[Line], cases: list[tuple[int, int, tuple[int, str] | None]]) -> bool:
    """True when no case's item names two reforms after naming verbs, or more than two at all: a family whose items
    each hold several (a press conference's answers, a notice's parts listing the reforms to copy) is no split into
    cases; two are one reform and the practice it copied."""
    for mark, end, _ in cases:
        heads = _headline(lines, mark, end)  # a headline's quoted words (从“多头跑”到“一次验”) are the journalist's
        names = [name for i in range(mark, end) if i not in heads for name in _names(lines[i].text, i)]
        if len({n.core for n in names if n.named}) > 1 or len({n.core for n in names}) > 2:
            return False  # two reforms introduced, or a list of them (a notice's items to copy)
    return True


def _headline_above(lines: list[Line], index: int, body_from: int) -> int:
    """The line heading a dateline's item: the first of the short lines standing right above it (a kicker, the
    headline, a dash subtitle), else the dateline itself."""
    j = index - 1
    while j > body_from and not lines[j].text.strip():
        j -= 1
    top = index
    while j >= body_from and (text := lines[j].text.strip()) and len(text) <= HEADLINE_CHARS and "。" not in text:
        top, j = j, j - 1
    return top


def media_split(lines: list[Line], body_from: int, current: list[int]) -> MediaSplit | None:
    """The split of a media text by its item marks, when it finds more cases than ``current`` (the title lines the
    other rules chose) or the same family's items less those that tell an event; else None. Every item of the family
    that is no case must tell an event, so a family whose cases the name rules miss (a title with no quotes) stays
    with the other rules."""
    families: dict[str, list[int]] = {}
    for i in range(body_from, len(lines)):
        if (key := mark_key(lines[i].text)) is not None and not picture_line(lines[i].text):  # 【图2】: a picture
            families.setdefault(key, []).append(i)
    if "D" in families:  # a dateline opens the narrative: its item starts at the headline above it
        families["D"] = [_headline_above(lines, i, body_from) for i in families["D"]]
    best: tuple[tuple[int, int, int], list[int], list[tuple[int, int, tuple[int, str] | None]]] | None = None
    for marks in families.values():
        if len(marks) < 2 or sum(lines[m].text.rstrip().endswith(("：", ":")) for m in marks) * 2 > len(marks):
            continue  # 【发布人】X：: a speaker's turns, which the answer rules read
        items = _family_items(lines, marks)
        cases = [item for item in items if item[2] is not None]
        names = {item[2][1] for item in cases if item[2]}
        if len(cases) < 2 or len(names) < len(cases) or not _one_reform_each(lines, cases):
            continue
        if not all(_no_case(lines, m, e) for m, e, t in items if t is None):
            continue
        score = (len(cases), -len(marks), -marks[0])
        if best is None or score > best[0]:
            best = (score, marks, cases)
    if best is None:
        return None
    _, marks, cases = best
    fewer = len(cases) < len(current) and set(current) <= set(marks)  # the same items, less those telling an event
    if len(cases) <= len(current) and not fewer:
        return None
    split = MediaSplit([], [m for m, _, _ in cases], [e for _, e, _ in cases], {})
    for mark, end, title in cases:
        if title:
            split.titles.append(title[0])
            split.names[title[0]] = title[1]
            if found := _provider(lines, mark, end, title[1]):
                split.providers[title[0]] = found
    return split


_BY_RE = re.compile(rf"由(?P<u>{_UNIT})(?:率先|牵头|统筹|首先|最早)?(?:推出|推行|实施|探索|推动|打造|创新|落地|发起)")
_SAID_RE = re.compile(
    rf"(?:据(?P<a>{_UNIT})(?:相关负责人)?介绍|(?P<b>{_UNIT})相关负责人(?:告诉记者|介绍|表示)"
    rf"|记者(?:[^，。从]{{0,6}})?从(?P<c>{_UNIT})(?:了解到|获悉))"
)
_BORROWING = "参照|借鉴|对标|学习|复制"
_DOES_UNIT = _UNIT.replace("(?!我们|咱们|大家)", f"(?!我们|咱们|大家)(?:(?!{_BORROWING})", 1).replace(
    "]{2,18}?", "]){2,18}?", 1
)
"""A unit acting in the narrative, whose name holds no verb of borrowing (X局参照Y自治区…: X局, never past 参照)."""
_DOES_RE = re.compile(
    rf"(?:^|[。，；！？：:\n\s\u3000#】]|我们|是)(?:(?P<c>{_DOES_UNIT})(?={_BORROWING})|(?P<u>{_DOES_UNIT})"
    r"(?:[^，。；！？“”\n]{0,16}?)"
    r"(?:借鉴|复制|学习|推出|推行|实施|落地|建立|统筹推动|牵头|引入|试行|把))"
)
"""A unit acting in the narrative: right before its verb of borrowing (X局参照Y…), else a few words before its verb."""


def _provider(lines: list[Line], mark: int, end: int, title: str) -> tuple[str, int, int] | None:
    """The unit bringing the item's reform: before the colon of the mark's line (▶ 02｜X：title), in a bracket next to
    the title anywhere (a timeline's 05:12　title（X）), or the narrative's subject (由X推出, 据X介绍,
    X相关负责人告诉记者, X借鉴/推行…); None leaves the provider rules to read the item."""
    head = _without_mark(lines[mark].text)
    offset = lines[mark].start + len(lines[mark].text) - len(head)
    if (unit := _HEAD_UNIT_RE.match(head)) and title in head:
        return unit["p"], offset + unit.start("p"), offset + unit.end("p")
    document_lines = [line for line in lines if title in line.text]
    for line in document_lines:
        if bracket := re.search(rf"{re.escape(title)}\s*[（(](?P<u>{_UNIT})[)）]", line.text):
            return bracket["u"], line.start + bracket.start("u"), line.start + bracket.end("u")
    asked = 1 if mark_key(lines[mark].text) == "Q" else 0  # a journalist's question names no bringer
    for pattern in (_BY_RE, _SAID_RE, _DOES_RE):
        for i in range(mark + asked, end):
            if found := pattern.search(lines[i].text):
                group = next(g for g in ("u", "a", "b", "c") if g in found.groupdict() and found[g])
                return found[group], lines[i].start + found.start(group), lines[i].start + found.end(group)
    return None
