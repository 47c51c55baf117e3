"""Cases written as entries whose title runs into their text, in reference and reply documents.

Three layouts hold each case as one entry, its lead on the same line as its text, with no heading line the other rules
read:
- a yearbook's section: paragraphs ``【title】text`` (an ideographic space perhaps after the bracket); the first entries
  are the section's totals (【概况】), its working arrangements, a port or an event, and are no cases;
- a yearbook's or a bureau's chronicle (大事记): lines ``M月D日　text`` under month lines; only the entries that copy
  a reform are cases, not a meeting, a visiting delegation, a work plan issued or the year's totals;
- a reply to a citizen's message: paragraphs ``其一，“title”。text`` in the reply, each a case.

A yearbook's or a chronicle's entry is a case when it brings a reform: a verb of copying is followed in its clause by
the practice copied (借鉴X片区“A”经验, 复制推广“B”模式), or its first sentence launches a practice by name
(复制推广国务院第2批…改革试点经验，推出“C”: a national batch copied in general and what was made of it; 推出“D”:
nothing copied), or a yearbook entry's title quotes the practice; no copying clause counts items (复制推广改革试点经验
46项: the totals). A bracket family whose titles recur is a script's cues (【解说】), no entries; an entry titled by
section words (【主要做法】) is a part of a case. A chronicle's entry is titled by the reform it names (推出“A”,
推行X“B”模式, the copied practice); each case is its entry's paragraph, and its provider the subject of the entry's
first sentence (2023年，X区借鉴…, 3月，X海关复制…), which the case is given since its text runs on from its heading's
line. Only layout words are read (data/lexicon/layouts.yaml `entries`); nothing names a document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cache

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_leads import SUBJECT_RE, acting_subject
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_shapes import names_reform
from ftzgraph.graph.extract._split_units import fallback_title
from ftzgraph.graph.extract._split_words import FIGURE_RE, MIN_CASE_CHARS, is_section_heading
from ftzgraph.graph.model import CaseText
from ftzgraph.graph.text import parse_chinese_number, word_alternation

_BRACKET_RE = re.compile(r"^[ \t\u3000]*(?:\*\*)?[【〖](?P<t>[^【】〖〗\n]{2,40})[】〗](?:\*\*)?[ \t\u3000]*(?=\S)")
"""A yearbook's entry lead: its title in lenticular brackets (bold as a converter writes Word's bold), text after."""
_DATED_RE = re.compile(
    r"^[ \t\u3000]*(?:\*\*)?(?:[0-9０-９]{4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日"
    r"(?:[—\-至][0-9０-９]{1,2}日)?(?:\*\*)?(?:[ \t\u3000]+|[，,：:][ \t\u3000]*)(?=\S)"
)
_BOOK_RE = re.compile(r"《[^《》\n]*》")
_CLAUSE_END = "，,。；;：:！？!?"
_ZONE_LEAD_RE = re.compile(r"^[^“\"]*(?:自由贸易试验区|自贸试验区|自贸区|片区|新区)(?=\S)")
_TIME_CLAUSE_RE = re.compile(
    r"^(?:[0-9０-９]{4}年)?(?:[0-9０-９一二三四五六七八九十]{1,3}月)?(?:[0-9０-９]{1,2}日)?(?:[上中下]旬|年内|年初|年底)?[，,]"
)
_COPIED_TAIL_RE = re.compile(r"(?:的)?(?:改革)?(?:经验|做法)$")


@dataclass
class Entry:
    """One entry: its line, where its lead (the case's heading) ends in the line, its title and its text."""

    line: int
    head: int
    title: str
    text: str


@dataclass
class Entered:
    """A split into entries: each case's line (its title line, span start and end), title, lead and provider."""

    titles: list[int]
    names: dict[int, str]
    leads: set[int]
    """Every line opening with the family's lead, a case or not (【概况】…, a meeting's date line)."""
    heads: dict[int, int] = field(default_factory=dict)
    """Where each case's heading ends in its line: the lead, not the text that runs on after it."""
    providers: dict[int, tuple[str, int, int]] = field(default_factory=dict)
    """The subject of each case's first sentence, with its span in the document."""


@cache
def _words() -> dict[str, list[str]]:
    return dict(load_lexicon("layouts")["entries"])


@cache
def _copy_re() -> re.Pattern[str]:
    """A verb of copying and the practice it copies, within one clause (借鉴X片区“A”改革经验)."""
    words = _words()
    verbs, objects = word_alternation(words["copy_verbs"]), word_alternation(words["copied_objects"])
    return re.compile(rf"(?:{verbs})(?P<o>[^{_CLAUSE_END}\n]{{0,40}}?(?:{objects}))(?P<after>[^{_CLAUSE_END}\n]*)")


@cache
def _ordinal_re() -> re.Pattern[str]:
    """A reply's or a briefing's case lead: an ordinal, the quoted title and the sentence's end (其一，“A”改革。 is
    titled A), or an unquoted title that is the whole first sentence (二是不动产登记“交房即交证”全面推开。)."""
    ordinals = "|".join(_words()["ordinals"])
    return re.compile(
        rf"^[ \t\u3000]*(?P<o>{ordinals})[，,、：:]?[ \t\u3000]*(?:[“\"「『](?P<t>[^“”\"「」『』\n]{{2,60}})[”\"」』]"
        rf"[^，,。；;：:“”\"「」『』\n]{{0,10}}?(?:[。．.：:；;，,][ \t\u3000]*|[ \t\u3000]*$)"
        rf"|(?P<u>[^，,。；;：:！？!?\n]{{4,40}})。[ \t\u3000]*(?=\S))"
    )


def copies_reform(text: str) -> bool:
    """True when ``text`` brings a reform: it copies a practice of its own (a copying verb and the practice it
    copies, in one clause, naming more than the work of copying in general), or launches one by name (复制推广国务院
    第2批…改革试点经验，推出“A”: a national batch copied in general, the practice made of it named after; 推出“B”:
    none copied); it counts none of what it copied (复制推广改革试点经验46项: a section's totals) and does not open
    as an event (召开…会议, 印发《…》, a visiting delegation)."""
    plain = _BOOK_RE.sub("", text)  # 印发《…复制推广…经验工作方案》: a document's title copies nothing
    found = list(_copy_re().finditer(plain))
    counted = any(re.search(r"[0-9０-９]+(?:余|多)?[项条个]", m["o"] + m["after"]) for m in found)
    reform = any(_specific(m["o"]) for m in found) or _launches(plain, copied=bool(found))
    return reform and not counted and not is_event(text)


def is_event(text: str) -> bool:
    """True when the first clause of ``text`` tells an event (召开…会议, 印发《…》, a visiting delegation), past a
    clause giving only its time (5月，市商务局举办…)."""
    text = _TIME_CLAUSE_RE.sub("", text)
    first_clause = re.split(rf"[{_CLAUSE_END}]", text, maxsplit=1)[0]
    return any(word in first_clause for word in _words()["event_words"])


def _launches(plain: str, copied: bool) -> bool:
    """True when the first sentence of ``plain`` launches a practice by name after a naming verb (推出/推行 …) in
    its clause: a quoted name (推出“A”), or, after a copying clause (复制推广…改革试点经验，推行X), any name of four
    characters."""
    sentence = re.split("[。！？!?\n]", plain, maxsplit=1)[0]
    words = _words()
    # the naming verbs are read outside the copying ones (复制推广 holds 推广, which copies there)
    uncopied = re.sub(word_alternation(words["copy_verbs"]), lambda m: "\u3000" * len(m.group()), sentence)
    named_re = rf"(?:{word_alternation(words['naming_verbs'])})(?P<n>[^{_CLAUSE_END}\n]*)"
    for named in re.finditer(named_re, uncopied):
        if re.search(r"[“\"][^“”\"]{2,}[”\"]", named["n"]):
            return True
        if copied and len(re.findall(r"[\u4e00-\u9fff]", named["n"])) >= 4:
            return True
    return False


def _specific(copied: str) -> bool:
    """True when ``copied`` names a practice or where it came from: a quoted name, or words besides the generic ones
    (浙江自贸试验区经验, 跨境人民币结算便利化经验; not 改革试点经验, 先进地区经验)."""
    if "“" in copied or '"' in copied:
        return True
    rest = re.sub(word_alternation(_words()["generic_objects"]), "", copied)
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 2


def _bracket_entries(lines: list[Line], body_from: int) -> tuple[list[Entry], set[int]]:
    found = _led(lines, body_from, _BRACKET_RE)
    titles = [e.title for e in found]
    if len(set(titles)) < len(titles):  # 【解说】…【解说】…: a script's cues recur, a yearbook's entries do not
        return [], set()
    kept = [e for e in found if _bracket_reform(e) and not is_section_heading(e.title) and not _topic(e.title)]
    return kept, {e.line for e in found}


def _bracket_reform(entry: Entry) -> bool:
    """A yearbook entry brings a reform when its text does, or when its title quotes the reform's name (【食品经营许可
    “告知承诺+容缺受理”】: a practice named, whether copied from a national batch in general or a place's own first),
    its text telling no event."""
    quoted = re.search(r"[“\"「『][^“”\"「」『』]{2,}[”\"」』]", entry.title) is not None
    return copies_reform(entry.text) or (quoted and not is_event(entry.text))


def _led(lines: list[Line], body_from: int, lead_re: re.Pattern[str]) -> list[Entry]:
    """The entries whose line opens with ``lead_re``'s lead, each with its title group and its paragraph's text."""
    found = []
    for i in range(body_from, len(lines)):
        if lead := lead_re.match(lines[i].text):
            title = lead["t"].strip() if "t" in lead.groupdict() else ""
            found.append(Entry(i, lead.end(), title, _paragraph(lines, i, lead.end())))
    return found


def _paragraph(lines: list[Line], index: int, at: int) -> str:
    """The text of the paragraph line ``index`` opens from ``at``, over the lines a converter wrapped it onto."""
    text = lines[index].text[at:]
    following = index + 1
    while following < len(lines) and _wrapped(lines[following - 1].text, lines[following].text):
        text += lines[following].text.strip()
        following += 1
    return text.strip()


def _topic(title: str) -> bool:
    """True for an entry titled by a topic of the section rather than a reform (工作机制, 组织保障), or by a place or an
    event (X港, X综合保税区, X博览会): an unquoted title holding a topic word or ending in a place's or an event's."""
    if re.search(r"[“\"「『]", title):
        return False
    words = _words()
    return any(w in title for w in words["topic_words"]) or title.endswith(tuple(words["place_event_endings"]))


def _dated_entries(lines: list[Line], body_from: int) -> tuple[list[Entry], set[int]]:
    found = _led(lines, body_from, _DATED_RE)
    kept = [replace(e, title=reform_name(e.text)) for e in found if copies_reform(e.text)]
    return [e for e in kept if e.title], {e.line for e in found}


def _ordinal_entries(lines: list[Line], body_from: int) -> tuple[list[Entry], set[int]]:
    """The ordinal entries: those with a quoted title, and those whose title is their unquoted first sentence when
    the ordinals run once from the first (一是 … 四是: points inside several cases start again) and each such entry
    names a copying verb or states a figure (the reform it brings or its result, not a step of one); a first sentence
    led by its acting body (一是X区推行…) is an ordinal paragraph's (graph/extract/_split_whole.py)."""
    found = []
    for i in range(body_from, len(lines)):
        if lead := _ordinal_re().match(lines[i].text):
            title = (lead["t"] or lead["u"]).strip()
            found.append((Entry(i, lead.end(), title, _paragraph(lines, i, lead.end())), lead["t"] is None, lead["o"]))
    numbers = [parse_chinese_number(re.sub("[其第是]", "", o)) for _, _, o in found]
    once = numbers == list(range(1, len(found) + 1))
    copying = re.compile(word_alternation(_words()["copy_verbs"]))
    kept = [
        e
        for e, bare, _ in found
        if not bare or (once and not SUBJECT_RE.match(e.title) and (copying.search(e.text) or FIGURE_RE.search(e.text)))
    ]
    return kept, {e.line for e, bare, _ in found if not bare or once}


def reform_name(text: str) -> str:
    """The reform a chronicle's entry names: the quoted practice it copies when it copies the practice itself
    (复制推广“A”监管模式), else the quoted name its own verb launches (推出“B”, 在全市推行X“C”: what it made of
    another zone's 经验), else the name after 推出/推行 unquoted, else the quoted practice whose 经验 it copies, else
    the practice it copies (复制推广X经验 -> X); each without the zone it came from and the word 经验; "" when it names
    none."""
    plain = _BOOK_RE.sub(lambda m: "\u3000" * len(m.group()), text)
    words = _words()
    own = [v for v in words["launch_verbs"] if v not in words["copy_verbs"]]
    # the launching verbs are read outside the copying ones (复制推广X“A”经验 launches nothing: 推广 is copying there)
    uncopied = re.sub(word_alternation(words["copy_verbs"]), lambda m: "\u3000" * len(m.group()), plain)
    passes = (
        (words["copy_verbs"], plain, True, False),
        (own, uncopied, True, True),
        (words["naming_verbs"], uncopied, False, True),
        (words["copy_verbs"], plain, True, True),
    )
    for verbs, searched, quoted, experience in passes:
        verb_re = re.compile(word_alternation(verbs))
        for quote in re.finditer(r"“[^“”\n]{2,40}”" if quoted else rf"[^{_CLAUSE_END}\n]+", plain):
            start = max(plain.rfind(c, 0, quote.start()) for c in _CLAUSE_END) + 1
            ends = [e for c in _CLAUSE_END if (e := plain.find(c, quote.end())) >= 0]
            verbs_before = list(verb_re.finditer(searched, start, quote.start() if quoted else quote.end()))
            if not verbs_before:
                continue
            named = plain[verbs_before[-1].end() : min(ends, default=len(plain))]
            if not experience and _COPIED_TAIL_RE.search(named.strip()):
                continue  # 复制推广X“A”经验: another zone's experience, which the entry goes on to make its own
            if len(name := _without_source(named)) >= 4:
                return name
    copied = next((m["o"] for m in _copy_re().finditer(plain) if _specific(m["o"])), "")
    return _without_source(copied) if copied else ""


def _without_source(name: str) -> str:
    """``name`` without the zone it was copied from (广东自贸试验区南沙片区“A”经验 -> “A”) and its word 经验."""
    name = name.strip()
    return _COPIED_TAIL_RE.sub("", _ZONE_LEAD_RE.sub("", name)).strip() or name


def entry_split(lines: list[Line], body_from: int) -> Entered | None:
    """The family of entries that are cases, when at least two are and most open with the body or place acting: the
    bracket, dated or ordinal family with most."""
    families = [f(lines, body_from) for f in (_bracket_entries, _dated_entries, _ordinal_entries)]
    chosen, leads = max(families, key=lambda family: len(family[0]))
    chosen = [e for e in chosen if len(e.text) >= MIN_CASE_CHARS or _runs_on(lines, e)]
    if len(chosen) < 2:
        return None
    entered = Entered([e.line for e in chosen], {e.line: e.title for e in chosen}, leads)
    for entry in chosen:
        line = lines[entry.line]
        entered.heads[entry.line] = len(line.text[: entry.head].rstrip(" \t\u3000"))
        if not entry.text:  # 其一，“A”。 / text: the sentence opens the paragraph under it
            line, at = next(x for x in lines[entry.line + 1 :] if x.text.strip()), 0
        else:
            at = entry.head
        if subject := first_subject(line.text, at):
            entered.providers[entry.line] = (subject[0], line.start + subject[1], line.start + subject[2])
    # each entry a case brought by a body or place: measures listed inside one case (其一，“A”。通过…) name none
    return entered if 2 * len(entered.providers) > len(chosen) else None


def first_subject(text: str, at: int) -> tuple[str, int, int] | None:
    """The body or place acting in the first sentence of ``text`` from ``at``: at its start, else at the first of its
    clauses that opens with one (为破解企业跨区域经营中反复提交材料的难题，X区…: a long clause of purpose first). A body
    whose guidance or practice the clause names (在省商务厅的指导下, X片区首创的) acts in none."""
    end = min((e for c in "。！？!?\n" if (e := text.find(c, at)) >= 0), default=len(text))
    starts = [at] + [m.end() for m in re.finditer("[，,；;]", text[:end]) if m.end() > at]
    for start in starts:
        found = acting_subject(text, start)
        if found and not found[0].startswith("在") and not re.match("[\u4e00-\u9fff]{0,4}的", text[found[2] :]):
            return found
    return None


def _runs_on(lines: list[Line], entry: Entry) -> bool:
    """A reply's case whose text starts on the paragraph under its ordinal line (其一，“A”。 / text)."""
    below = next((line.text.strip() for line in lines[entry.line + 1 :] if line.text.strip()), "")
    return not entry.text and len(below) >= MIN_CASE_CHARS and _ordinal_re().match(below) is None


def entry_ends(lines: list[Line], entered: Entered) -> dict[int, int]:
    """Where each entry's case ends: after its own paragraph, or the paragraph under a title-only ordinal line; a
    paragraph a converter wrapped (a line ending inside a sentence) goes on over the lines up to its sentence's end."""
    ends = {}
    for t in entered.titles:
        end = t + 1
        if not lines[t].text[entered.heads[t] :].strip():
            end = next((j + 1 for j in range(t + 1, len(lines)) if lines[j].text.strip()), end)
        while end < len(lines) and _wrapped(lines[end - 1].text, lines[end].text):
            end += 1
        ends[t] = end
    return ends


def _wrapped(line: str, following: str) -> bool:
    """True when ``following`` goes on with the sentence ``line`` leaves open: no blank line or lead between them."""
    leads = (_BRACKET_RE, _DATED_RE, _ordinal_re(), _MONTH_RE, _NOTE_RE)
    return (
        bool(following.strip())
        and not line.rstrip().endswith(("。", "！", "？", "!", "?", "）", ")"))
        and not following.startswith((" ", "\t", "\u3000"))  # an indented line opens a paragraph
        and not any(lead.match(following) for lead in leads)
    )


_MONTH_RE = re.compile(r"^\s*(?:\*\*)?(?:[0-9０-９]{4}年)?[0-9０-９一二三四五六七八九十]{1,3}月(?:\*\*)?\s*$")
"""A chronicle's month line (1月, 2023年3月, 三月), which no entry runs on into."""
_NOTE_RE = re.compile(r"^\s*[（(][^（）()\n]*[)）]\s*$")
"""A note alone in brackets (（撰稿：X　审稿：Y）, （市商务局供稿）) closing a section: no part of its last entry."""


def give_entry_providers(cases: list[CaseText], lines: list[Line], entered: Entered | None) -> None:
    """Each entry's case is given the subject of its first sentence, which runs on from its heading's line."""
    if entered is None:
        return
    by_start = {lines[t].start: t for t in entered.titles}
    for case in cases:
        t = by_start.get(case.start)
        if t is not None and t in entered.providers:
            case.given_provider = entered.providers[t]


def chosen_entries(lines: list[Line], body_from: int, heads: list[int]) -> Entered | None:
    """The entries' split when it finds more cases than the other rules' ``heads``, or when those are all entry lines
    (the fallback taking every 【title】 line for a heading, the totals' and the events' too)."""
    entered = entry_split(lines, body_from)
    if entered is None:
        return None
    if _steps_of_one(lines, heads, entered.titles):  # 四、title / 近年来…做法如下： / 一是… 四是: one case's steps
        return None
    if len(entered.titles) > len(heads) or set(heads) <= entered.leads:  # others' heads: entries, cases or not
        return entered
    return None


def _steps_of_one(lines: list[Line], heads: list[int], titles: list[int]) -> bool:
    """True when the entries all stand under one of two or more headings that each name a reform, after a paragraph
    of that case's own text (its lead-in): the steps one case lists, whatever form its neighbours are written in, not
    cases of their own. Headings naming no reform (a message's date lines) are no cases the entries could be inside."""
    if len(heads) < 2 or not titles or not all(names_reform(fallback_title(lines[h].text.strip())) for h in heads):
        return False
    k = bisect.bisect_right(heads, titles[0]) - 1
    if k < 0 or (k + 1 < len(heads) and titles[-1] >= heads[k + 1]):
        return False
    lead_in = sum(len(lines[j].text.strip()) for j in range(heads[k] + 1, titles[0]))
    return lead_in >= MIN_CASE_CHARS
