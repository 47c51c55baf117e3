"""The provider a sentence names as its subject: the body or place acting in the case's first sentence (X区在全省率先
…), one the next clause refers back to (该区), a zone, a bare stem or a place's leadership opening it, the subject
after a run-in title, a sentence saying who gave the case. Split from ``provider.py`` by noun: these read a
sentence; ``provider.py`` chooses among them and the case's lines.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_names import load_agency_yaml, load_divisions
from ftzgraph.graph.extract._agency_zones import official_zone_name
from ftzgraph.graph.extract._provider_headings import (
    ADOPTING_RE,
)
from ftzgraph.graph.extract._provider_names import _zone_kinds
from ftzgraph.graph.extract._provider_units import can_provide
from ftzgraph.graph.extract._split_lead_titles import theme_title
from ftzgraph.graph.extract._split_leads import (
    SUBJECT_RE,
    acting_subject,
    generic_forms,
    is_place,
    place_lead_not,
    speaker_unit,
)
from ftzgraph.graph.extract._split_units import (
    closing_bracket,
    signature_unit,
    stem_place,
    titled_reporter,
)
from ftzgraph.graph.extract.gazetteer import load_gazetteer
from ftzgraph.graph.model import CaseText
from ftzgraph.graph.text import lines_below

_CITED_BEFORE_RE = re.compile(
    r"(?:由|源自|来自|借鉴|学习|参照|对标|对照|复制|推广|引进|引入)(?:了|自|于)?[\u4e00-\u9fff]{0,2}$"
)
"""The words before a zone that cite it as a practice's origin (由X片区率先探索, 借鉴X片区), not as who acts."""


def _cited_zone(text: str, found: tuple[str, int, int]) -> bool:
    """True when ``found`` is an FTZ or its area that its sentence cites as where the practice came from."""
    if load_gazetteer().resolve(found[0]) is None:
        return False
    return _CITED_BEFORE_RE.search(text[max(found[1] - 8, 0) : found[1]]) is not None


_GIVEN_IN_SENTENCE_RE = re.compile(
    r"(?:提供|报送|申报|推荐|选送|供稿)单位(?:是|为)(?P<u>[\u4e00-\u9fff（）()]{2,24}?)(?=[，。；,;）)]|$)"
    r"|(?<![\u4e00-\u9fff])(?:这项(?:做法|经验|举措)?)?由(?P<v>[\u4e00-\u9fff（）()]{2,24}?)"
    r"(?:提供|报送|申报|推荐|选送|供稿)(?=[，。；,;）)]|$)"
)
"""A sentence saying who gave the case (提供单位是X, 这项由X提供): an interview's or a speech's provider line."""


def _given_in_sentence(case: CaseText) -> tuple[str, int, int] | None:
    """The unit a sentence of the case's first paragraph says gave it (…的举措，提供单位是X海关。 / 这项由X局提供，…),
    when no line names one: what a guest or a speaker says in place of a provider line."""
    text = case.text
    title_end = case.heading.end - case.start
    head = text.rfind("\n", 0, max(title_end - 1, 0)) + 1
    head_end = text.find("\n", title_end)
    lines = [(head, text[head : head_end if head_end >= 0 else len(text)])]
    lines += list(lines_below(text, title_end, 2))
    for start, line in lines:
        for match in _GIVEN_IN_SENTENCE_RE.finditer(line):
            group = "u" if match["u"] else "v"
            if can_provide(match[group]):
                return match[group], start + match.start(group), start + match.end(group)
    return None


def _head_reporter(case: CaseText) -> tuple[str, int, int] | None:
    """The unit the collection's head (the text before its first case) names as the bringer of the case's title
    (其中，“A”由X提供): only the head, so an earlier case's own “A”由X提供 names no later case's provider, and the
    head is read once for all cases rather than the whole text before each."""
    if not case.title or not case.head_end:
        return None
    found = titled_reporter(case.document.text[: case.head_end], case.title)
    return (found[0], found[1] - case.start, found[2] - case.start) if found else None


_QUOTED_SPEECH_RE = re.compile(
    r"[ \t\u3000]*[“「\"][^”」\"\n]{4,}[”」\"][，,]?[^。\n]{0,30}?(?:说|表示|介绍|坦言|感慨)"
    r"[。．.]?[ \t\u3000]*$"
)
"""A paragraph that is someone's quoted words and who said them (“…，”周小姐说。): a news story's scene."""
_TAG_RE = re.compile(r"[ \t\u3000]*【[^】\n]{1,6}】[ \t\u3000]*")
"""A script's tag opening a paragraph (【解说】…): layout, not the sentence's subject."""


def _acting_subject(case: CaseText) -> tuple[str, int, int] | None:
    """The body or place performing the reform in the case's first sentence (X区在全省率先上线…, X分行会同Y海关推出…),
    a generic subject (园区复制推广…) named by the heading, or a broadcast script's speaker body (【同期声】X局…科长)
    when its narration names no acting body: the provider of a case no line, bracket or table names."""
    text = case.text
    title_end = case.heading.end - case.start
    speaker = speaker_unit(text[title_end:])
    for start, line in lines_below(text, title_end, 3):
        caption = not re.search("[，。,]", line)  # a caption or subtitle line: a phrase with no punctuation
        if len(line.strip()) < 12 or speaker_unit(line):
            continue  # a section heading or a speaker's line, not the first sentence
        tag = _TAG_RE.match(line)
        at = tag.end() if tag else 0
        found = acting_subject(line, at)
        if found is None or re.search(place_lead_not(), found[0]):  # X区位于…，该区学习借鉴…: 该区 is X区
            found = _referred_subject(line, at) or found
        # 衡阳高新区出资设立…, 蕲春是全省首个…的县, 来凤县委县政府高度重视…: a known zone, a bare stem or a place's
        # party committee and government opening the sentence
        found = found or _zone_subject(line, at) or _stem_subject(line, at) or _leadership_subject(line, at)
        if found and (stem := _stem_subject(line, at)) and stem[1] < found[1]:
            found = stem  # 单县在全省率先推行…，菏泽海关对…: the place opening the sentence, not a body in its clause
        if found and _names_origin(line[found[2] :], found[0]):
            found = None  # X片区首创的“A”…: the zone a practice came from, not who performs it here
        if found and speaker and not signature_unit(found[0]):
            found = None  # 【解说】在X市，…: a setting, not a body acting; the speaker's body speaks for the case
        if found and (generic := _generic_place(case, found[0])) is not None:
            if generic or not speaker:
                return generic or None
            found = None  # 我局坚持…: a speech's own body, which its speaker line names
        if found is None and not caption:
            found = _later_body(line)  # 在X镇的一家企业，…。今年以来，X海关会同…: the body acting after the setting
        if found is None and (bracket := closing_bracket(line)) and (said := speaker_unit(bracket[0])):
            found = said[0], bracket[1] + said[1], bracket[1] + said[2]  # “我们的做法是…”（X局局长　某某）
        if found:
            return found[0], start + found[1], start + found[2]
        if not caption and not _QUOTED_SPEECH_RE.match(line):
            break  # “以前要跑两趟…”在南沙工作的周小姐说。: a scene's quoted words, then the sentence that acts
    if speaker:
        return speaker[0], title_end + speaker[1], title_end + speaker[2]
    return None


def _names_origin(after: str, name: str = "") -> bool:
    """True when what follows a subject makes it the origin of a practice (X片区首创的“A”, X区探索的), not its adopter
    (X局复制推广的这一做法); a body's bare 的 (X局的项目审批股里) is its own room or staff, no practice of its."""
    own = name and not re.search("[的是]", name) and ADOPTING_RE.search(name) is None
    if after.startswith("的") and own and load_gazetteer().resolve(name) is None and signature_unit(name):
        return False
    return re.match("[\u4e00-\u9fff]{0,4}的", after) is not None and ADOPTING_RE.match(after) is None


_REFERRED_RE = re.compile(
    r"[ \t\u3000]*(?P<p>[\u4e00-\u9fff]{2,20}?(?P<end>片区|新区|市|区|县|局|海关))"
    r"[^。！？!?\n]{2,40}?[，,；;][ \t\u3000]*该(?P=end)"
)
"""A sentence whose subject is said once and referred back to by its kind (X区位于…，该区推出…; X海关地处…，该海关…)."""


def _referred_subject(paragraph: str, at: int = 0) -> tuple[str, int, int] | None:
    """The place or body opening ``paragraph`` that its next clause names again as 该区 (该市, 该局, 该片区): what the
    sentence is about, although the verb after it only places or describes it (位于, 地处, 是)."""
    found = _REFERRED_RE.match(paragraph, at)
    if found is None or not (is_place(found["p"]) or signature_unit(found["p"])):
        return None
    return found["p"], found.start("p"), found.end("p")


def _zone_subject(paragraph: str, at: int = 0) -> tuple[str, int, int] | None:
    """A development zone opening ``paragraph`` by its short name or its city and kind (衡阳高新区出资设立…,
    杨凌示范区…): whatever verb follows, a zone named so is what the sentence is about (``official_zone_name`` knows it
    whole); not a zone's own thing (X高新区的企业)."""
    kinds = "|".join(map(re.escape, _zone_kinds()))
    found = re.compile(rf"[ \t\u3000]*(?P<p>[\u4e00-\u9fff]{{2,10}}?(?:{kinds}))(?![的内外])").match(paragraph, at)
    if found is None or (official_zone_name(found["p"]) == found["p"] and not _zone_in_full(found["p"])):
        return None
    return found["p"], found.start("p"), found.end("p")


def _zone_in_full(name: str) -> bool:
    """True when ``name`` is a city's development zone written in full (平顶山高新技术产业开发区, X经济技术开发区): its
    official name already, which ``official_zone_name`` returns unchanged like any other name."""
    kinds = (*load_agency_yaml("departments.yaml")["zone_kind_full"].values(), "经济开发区")
    divisions = load_divisions()
    city = any(name[:k] in divisions.names or name[:k] in divisions.stems for k in range(2, 5))
    return city and name.endswith(kinds) and len(name) > max(map(len, kinds))


_STEM_SUBJECT_RE = re.compile(r"[ \t\u3000]*(?P<p>[\u4e00-\u9fff]{2,3}?)(?=是|在|率先|推行|推出|探索|首创|建立|实行)")


def _stem_subject(paragraph: str, at: int = 0) -> tuple[str, int, int] | None:
    """A place written by its bare stem opening the sentence before a subject's word (蕲春是全省首个…, 龙游率先…):
    the one city or county of that stem (``stem_place``), or a division's whole short name (单县, 随县)."""
    found = _STEM_SUBJECT_RE.match(paragraph, at)
    if found is None or not (stem_place(found["p"]) or found["p"] in load_divisions().names):
        return None  # 单县在全省率先…: a county's whole name of one character and its level reads so too
    return found["p"], found.start("p"), found.end("p")


_LEADERSHIP_RE = re.compile(r"[ \t\u3000]*(?P<p>[\u4e00-\u9fff]{2,6}?[市县区旗])委、?(?:[市县区旗])?(?:人民)?政府")


def _leadership_subject(paragraph: str, at: int = 0) -> tuple[str, int, int] | None:
    """A place's party committee and government opening the sentence (来凤县委县政府高度重视…, X市委、市政府…): the
    place is what the sentence is about."""
    found = _LEADERSHIP_RE.match(paragraph, at)
    if found is None or not is_place(found["p"]):
        return None
    return found["p"], found.start("p"), found.end("p")


def _later_body(paragraph: str) -> tuple[str, int, int] | None:
    """The body acting in a later sentence of a first paragraph whose first sentence names none (a scene, a question,
    a figure): the first body (not a bare place, which may be a setting again) opening a sentence."""
    for end in re.finditer("[。！？!?]", paragraph):
        found = acting_subject(paragraph, end.end()) or _stem_subject(paragraph, end.end())  # 。冷水江在全省率先…
        if found is None:
            continue
        verb = SUBJECT_RE.match(paragraph, found[1])
        acts = (verb is not None and verb["p"] == found[0]) or stem_place(found[0]) is not None  # X市推行…, 冷水江在…
        if (signature_unit(found[0]) or acts) and not _names_origin(paragraph[found[2] :], found[0]):
            return found
    return None


def _generic_place(case: CaseText, name: str) -> tuple[str, int, int] | tuple[()] | None:
    """None when ``name`` names a place itself; else the place the heading names for a generic subject (园区 ->
    滇中新区临空产业园 of the heading), or () when the heading names none (我区, 全市: no provider)."""
    if not re.search(place_lead_not(), name):
        return None
    forms = generic_forms(name)
    quote = case.heading.quote
    found = re.search(rf"[\u4e00-\u9fff]{{2,16}}(?:{'|'.join(map(re.escape, forms))})", quote) if forms else None
    if found is None:
        return ()
    start = case.heading.start - case.start + found.start()
    return found.group(), start, start + len(found.group())


_RUN_IN_SUBJECT_RE = re.compile(SUBJECT_RE.pattern.replace("(?=(?P<verb>", "(?=(?:学习)?(?P<verb>", 1))
"""The acting subject of a case told in one paragraph, with 学习借鉴 as well as the ordinal paragraphs' verbs."""


_OBSERVER_READ = 60
"""The characters after a run-in theme read for the clause telling where the writer saw the case."""
_OBSERVER_RE = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{0,8}?(?:组|我们|记者|笔者)[\u4e00-\u9fff]{0,4}?(?:在|到|赴)(?P<p>[\u4e00-\u9fff]{2,12}?)"
    r"(?:看到|了解到|发现|调研发现|调研时了解到|走访时了解到|采访时了解到)[，,]"
)
"""The clause in which an inspection or research report's writer tells where it saw a case (检查组在X区看到，,
调研组在X县了解到，): the case's acting subject follows it, or else the place is the case's."""


_THEME_LEAD_RE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.])?\s*(?P<t>[^。．\n]{2,20})(?=[。．])"
)
"""A heading run in with its text whose first sentence names a theme (（一）在X方面。Y区…): the case is titled by the
reform its text names (graph/extract/split.py), the subject after the theme is its provider."""


def _run_in_subject(case: CaseText) -> tuple[str, int, int] | None:
    """The place or body that opens the sentence after the title when a case runs on in its heading's paragraph
    (（一）title。兴庆区复制推广…): a report's way of naming who did it, before any signature closing the report."""
    quote = case.heading.quote
    at = quote.find(case.title) if case.title else -1
    after = at + len(case.title)
    if (theme := _THEME_LEAD_RE.match(quote)) and theme_title(theme["t"]):  # （一）在X方面。Y区…推出“title”
        at, after = theme.start("t"), theme.end("t")
    while at >= 0 and quote.startswith(("”", "’", "」", "』", '"'), after):  # 第一个是“title”。X局…: its quote closes
        after += 1
    if at < 0 or not quote.startswith(("。", "．"), after):
        return None
    # 调研组在X区了解到，: where the writer saw the case, perhaps after a sentence on the whole (市政府把…结合起来。)
    observed = _OBSERVER_RE.search(quote, after + 1, after + 1 + _OBSERVER_READ)
    subject = _RUN_IN_SUBJECT_RE.match(quote, observed.end() if observed else after + 1)
    if subject is None and observed and is_place(observed["p"]):
        start = case.heading.start - case.start + observed.start("p")  # 检查组在X区看到，“A”是该区…: the place's
        return observed["p"], start, start + len(observed["p"])
    if subject is None:
        return None
    start = case.heading.start - case.start + subject.start("p")
    return subject["p"], start, start + len(subject["p"])
