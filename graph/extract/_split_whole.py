"""The last resort of the splitter: a text of the genre with no case structure found is read as one case.

When neither the known rules nor the fallback find a family of case headings, a document may still be one case
(a single reform written up on its own), or a collection in a layout nothing here reads yet. Refusing it gives the
user nothing at all; reading the whole text as one case keeps its origins, agencies and outcomes, and a warning
says that no case structure was found. Only text that reads like a case is taken so: it must hold several of the
genre's words of action and result (推行, 试点, 缩短 …, ``data/lexicon/layouts.yaml``) and a figure with a unit
(40余艘, 35%, 2个工作日). A notice of tasks or a news item with neither keeps the clear error (NoCasesError).
The name of the reform a case's prose tells is read by ``_split_reform_names.py``.
"""

from __future__ import annotations

import re
from functools import partial

from ftzgraph.graph.extract._split_fields import form_title
from ftzgraph.graph.extract._split_furniture import furniture_heading
from ftzgraph.graph.extract._split_lead_titles import (
    listed_names,
    listed_title,
    listed_titles,
    pointed_reform,
    tells,
    theme_title,
)
from ftzgraph.graph.extract._split_leads import (
    ORDINAL_PARAGRAPH_RE,
    SUBJECT_RE,
    asks,
    later_places,
    paragraph_place,
    speaker_label_end,
    topic_start,
)
from ftzgraph.graph.extract._split_news import news_stretches, slogan_title
from ftzgraph.graph.extract._split_reform_names import _reform_name
from ftzgraph.graph.extract._split_shapes import names_reform
from ftzgraph.graph.extract._split_titles import clean_title
from ftzgraph.graph.extract._split_units import signature_unit
from ftzgraph.graph.extract._split_words import FIGURE_RE, fallback_words
from ftzgraph.graph.model import CaseText, Document, TableRow
from ftzgraph.graph.text import CJK_RE, parse_chinese_number

_WORDED_SHARE_RE = re.compile(
    r"(?:减少|降低|下降|提高|提升|增长|增加|压缩|缩短|节省|节约)了?(?:近|约|超过|逾|超)?[一两二三四五六七八九]成"
    r"|百分之[一二三四五六七八九十]+"
)
"""A result a news text states in words, as a share (检查次数同比减少四成, 提高百分之三十): a figure too."""


def reads_as_a_case(text: str, paragraph: bool = False, words: int | None = None) -> bool:
    """True when ``text`` holds at least ``whole_text_case_words`` of the genre's case words (``min_case_words`` for
    one paragraph), a figure with a unit and ``whole_text_min_chars`` Chinese characters (half for a paragraph): a
    reform written up, not a notice or a greeting."""
    lexicon = fallback_words()
    min_chars = int(lexicon["whole_text_min_chars"]) // (2 if paragraph else 1)  # one item of a list is shorter
    cjk = len(CJK_RE.findall(text))
    figure = FIGURE_RE.search(text) or _WORDED_SHARE_RE.search(text)
    if cjk < min_chars or cjk < len(re.sub(r"\s", "", text)) / 2 or not figure:
        return False  # too short, not mostly Chinese (a README, a log), or no figure
    need = words if words is not None else int(lexicon["min_case_words" if paragraph else "whole_text_case_words"])
    return _case_words(text) >= need


def _case_words(text: str) -> int:
    """How many of the genre's words of action and result (``case_words``) ``text`` holds."""
    return sum(1 for word in fallback_words()["case_words"] if word in text)


def paragraph_cases(document: Document) -> list[CaseText]:
    """The paragraphs of a text with no headings that each tell one case (graph/extract/_split_leads.py), one case per
    paragraph: those that open with the next ordinal word and an acting place or body (一是X区推行… / 二是Y海关借鉴…),
    when at least two do; else those led by the place the reform belongs to (在X片区，… / X市探索…, a news feature's or
    a press conference's way), when at least ``marked_min_cases`` do, or, when they are more, those whose first
    sentence's subject is a body or place that acts (X局借鉴…, X海关则…: a news item's way,
    graph/extract/_split_news.py). Each must read as a case (``reads_as_a_case``): points inside one case
    (一是建立…机制) open with a verb, not a subject, and a lead or closing paragraph holds no figures of its own or is
    led by no place."""
    if ordered := _ordinal_cases(document) or _dash_cases(document):
        return ordered
    placed, told = _place_cases(document), _news_cases(document)
    return told if len(told) > len(placed) else placed


def paragraph_lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with its offset: a paragraph of prose is one line."""
    found, offset = [], 0
    for raw in text.split("\n"):
        found.append((offset, raw))
        offset += len(raw) + 1
    return found


def _ordinal_cases(document: Document) -> list[CaseText]:
    text = document.text
    led: list[tuple[int, int, int, bool]] = []  # (paragraph start, paragraph end, number, reads as a case)
    for offset, raw in paragraph_lines(text):
        match = ORDINAL_PARAGRAPH_RE.match(raw)
        if match:
            number = parse_chinese_number(match["n"] or match["m"] or match["a"])
            rest = raw[match.end() :]
            if number == len(led) + 1 and SUBJECT_RE.match(rest):
                led.append((offset, offset + len(raw.rstrip()), number, reads_as_a_case(rest, paragraph=True)))
    # with two that read as cases, the others of the numbering with a figure are cases too (a result in words the
    # genre's list lacks: 供应点状用地11宗); the numbering stops at the first that is neither
    ends = [k for k, item in enumerate(led) if not (item[3] or FIGURE_RE.search(text, item[0], item[1]))]
    found = [item[:3] for item in led[: ends[0] if ends else len(led)]]
    if sum(item[3] for item in led[: len(found)]) < 2:
        return []
    cases = []
    for start, end, number in found:
        paragraph = text[start:end]
        lead = ORDINAL_PARAGRAPH_RE.match(paragraph)
        assert lead is not None
        subject = SUBJECT_RE.match(paragraph, lead.end())
        title_start = subject.end() + len(subject["verb"]) if subject else lead.end()  # 二是X海关推行|title
        cases.append(_sentence_case(document, start, end, start + title_start, number))
    return cases


_DASH_RE = re.compile(r"^[ \t\u3000]*(?:——|－－|--)\s*(?=[\u4e00-\u9fff“\"《])")
"""A dash bullet opening a paragraph (——开展“A”。…): a summary's or a report's items under one of its points."""
_REPORTER_PLACE_RE = re.compile(
    r"^[ \t\u3000]*(?:关于)?(?P<p>[\u4e00-\u9fff]{1,8}?[市州盟县区旗](?:[\u4e00-\u9fff]{1,6}?[区县旗])?)"
)


def _dash_cases(document: Document) -> list[CaseText]:
    """Dash bullets that each tell a case (——推行工业用地“标准地+承诺制”出让。区X局…), when at least
    ``marked_min_cases`` do: a place's own report lists its reforms so, naming no place in them, so the reporting
    place (the issuer's line or the place opening the document's title) is each one's provider."""
    text = document.text
    runs: list[list[tuple[int, int, int, bool]]] = [[]]  # consecutive dash paragraphs: (start, end, title, a case)
    for offset, raw in paragraph_lines(text):
        if match := _DASH_RE.match(raw):
            told = reads_as_a_case(raw[match.end() :], paragraph=True)
            runs[-1].append((offset, offset + len(raw.rstrip()), offset + match.end(), told))
        elif raw.strip():
            runs.append([])
    # a run holding enough items that read as cases is the list of cases: its other items with a figure are cases
    # too (one whose result is told in words the genre's list lacks: 开工时间平均提前45天)
    run = max(runs, key=lambda r: sum(item[3] for item in r))
    if sum(item[3] for item in run) < int(fallback_words()["marked_min_cases"]):
        return []
    found = [item[:3] for item in run if item[3] or FIGURE_RE.search(text, item[0], item[1])]
    reporter = _reporter(text[: found[0][0]])
    verbs = tuple(fallback_words()["title_verbs"])
    cases = []
    for k, (start, end, title_start) in enumerate(found):
        verb = next((v for v in verbs if text.startswith(v, title_start)), "")  # 开展“A”: the object is the title
        case = _sentence_case(document, start, end, title_start + len(verb), k + 1)
        case.given_provider = reporter
        cases.append(case)
    return cases


def _reporter(head: str) -> tuple[str, int, int] | None:
    """The place a report speaks for, from the text before its items: a unit alone on one of its first lines (the
    issuer: X区人民政府), else the place opening its first line (X市Y区2024年度…工作总结)."""
    lines = [(offset, raw) for offset, raw in paragraph_lines(head) if raw.strip()][:4]
    for offset, raw in lines:
        if unit := signature_unit(raw):
            return unit[0], offset + unit[1], offset + unit[2]
    if lines and (place := _REPORTER_PLACE_RE.match(lines[0][1])):
        return place["p"], lines[0][0] + place.start("p"), lines[0][0] + place.end("p")
    return None


def _place_cases(document: Document) -> list[CaseText]:
    text = document.text
    found: list[tuple[int, int, int, int, tuple[str, int, int] | None]] = []  # (start, end, title, told from, given)
    words = int(fallback_words()["led_case_words"])
    titles = listed_titles(text[: _first_led(text, words)])  # 分别是：「A」「B」… before any case is told
    names = listed_names(titles)
    for offset, raw in paragraph_lines(text):
        place = None if asks(raw) else paragraph_place(raw, names)  # a reporter's question tells no case
        if place is None or not reads_as_a_case(raw[place[1] :], True, words):
            continue
        places, end = [place], len(raw.rstrip())
        for later in later_places(raw, place[2]):  # …至40分钟。昆明片区则…: a second case in one answer
            before, rest = raw[places[-1][1] : later[1]], raw[later[1] :]
            if not (reads_as_a_case(before, True, words) and reads_as_a_case(rest, True, words)):
                continue
            if later[0] in {p[0] for p in places} and not _tells_another(titles, before, rest):
                continue  # X片区…。X片区还…: the same area goes on with its case, unless it tells another listed one
            places.append(later)
        places = _with_items(raw, places, words)
        told_from = speaker_label_end(raw)
        for k, (name, at, place_end) in enumerate(places):
            lead = _lead_start(raw, at) if place_end > at else at  # 在X片区，… (an item: 第二项是…)
            title_start = place_end + (1 if raw[place_end : place_end + 1] in "，," else 0)
            stop = _lead_start(raw, places[k + 1][1]) if k + 1 < len(places) else end
            given = None
            if place_end == at:  # the area's next case: its provider is the place that led the answer
                owner = next(p for p in reversed(places[:k]) if p[2] > p[1])
                given = (name, offset + owner[1], offset + owner[2])
            found.append(
                (offset + lead, offset + len(raw[:stop].rstrip()), offset + title_start, offset + told_from, given)
            )
            told_from = stop
    if len(found) < int(fallback_words()["marked_min_cases"]) and not 2 <= len(found) == len(titles):
        return []  # fewer led paragraphs than a collection has, unless the opening listed as many titles
    cases = []
    used: set[str] = set()
    for k, (start, end, title, told_from, given) in enumerate(found):
        case = _sentence_case(document, start, end, title, k + 1, named=True)
        case.given_provider = given
        if listed := listed_title(titles, text[told_from:end], used):  # the title it tells, as the opening listed it
            case.title = listed
            used.add(listed)
        cases.append(case)
    return cases


def _news_cases(document: Document) -> list[CaseText]:
    """The cases of a news item told in paragraphs each led by the body or place acting in it
    (graph/extract/_split_news.py): one case each, titled by the practice it names, its provider the subject; none
    when two name the same practice (one reform told by the bodies that carried it out, paragraph by paragraph)."""
    words = int(fallback_words()["led_case_words"])
    cases = []
    for k, (start, end, subject) in enumerate(
        news_stretches(document.text, partial(reads_as_a_case, paragraph=True, words=words))
    ):
        case = _sentence_case(document, start, end, subject[2], k + 1, named=True)
        case.given_provider = subject  # the sentence's subject acts: the case's provider
        cases.append(case)
    return cases if len({case.title for case in cases}) == len(cases) else []


def _with_items(raw: str, places: list[tuple[str, int, int]], words: int) -> list[tuple[str, int, int]]:
    """``places`` with the sentences of the answer that go on to its area's next case (…。第二项是“B”。…,
    ``answer_item_openers``) as cuts of that area, each an empty span at the sentence's start, when the part before
    and the part from it both read as cases."""
    openers = tuple(fallback_words()["answer_item_openers"])
    cuts = list(places)
    for end in re.finditer(r"[。！？!?]", raw[places[0][2] :]):
        at = places[0][2] + end.end()
        if not raw.startswith(openers, at) or any(p[1] <= at < p[2] for p in cuts):
            continue
        owner = max((p for p in cuts if p[1] < at), key=lambda p: p[1])
        following = min((p[1] for p in cuts if p[1] > at), default=len(raw))
        area = next(p for p in sorted(cuts, key=lambda p: p[1], reverse=True) if p[1] < at and p[2] > p[1])
        if reads_as_a_case(raw[owner[1] : at], True, words) and reads_as_a_case(raw[at:following], True, words):
            cuts.append((area[0], at, at))
    return sorted(cuts, key=lambda p: p[1])


def _tells_another(titles: list[str], before: str, rest: str) -> bool:
    """True when ``rest`` tells a listed title that ``before`` does not, and ``before`` tells one of its own."""
    own = [title for title in titles if tells(title, before)]
    return bool(own) and any(tells(title, rest) and title not in own for title in titles)


def _first_led(text: str, words: int) -> int:
    """The offset of the first paragraph a place leads that reads as a case, or the text's end."""
    for offset, raw in paragraph_lines(text):
        place = None if asks(raw) else paragraph_place(raw)
        if place is not None and reads_as_a_case(raw[place[1] :], True, words):
            return offset
    return len(text)


def _lead_start(raw: str, at: int) -> int:
    """Where the case led by the place at ``at`` starts: at 在 when the place follows it (在X片区，…), or at the topic
    clause opening its sentence (在跨境金融方面，X片区…)."""
    return raw.rfind("在", 0, at) if raw[at - 1 : at] == "在" else topic_start(raw, at)


def _sentence_case(
    document: Document, start: int, end: int, title_start: int, number: int, named: bool = False
) -> CaseText:
    """The case ``document.text[start:end]`` (one paragraph), titled by its first sentence from ``title_start``, or
    when ``named`` by the reform's quoted name where the paragraph gives one (``_reform_name``)."""
    text = document.text
    title_start = title_start if title_start > start else start
    sentence_end = text.find("。", title_start, end)
    title_end = sentence_end if sentence_end > 0 else end
    if named and (name := _reform_name(text, title_start, end)):
        title_start, title_end = name
    title = text[title_start:title_end].strip()
    if title[:1] == "“" and title.endswith("”") and title.count("“") == 1:  # “京廊通办”: the name, not its quotes
        title = title[1:-1]
    heading = document.evidence(title_start, title_end)
    return CaseText(document, number, title, heading, start, end)


_THEME_READ = 120  # how far under a headline that names no reform its reform is looked for
_SEPARATOR_RE = re.compile(r"^[ \t\u3000]*(?:[-—–_=*＊~～·•◆◇]\s*){3,}$", re.MULTILINE)
"""A line drawn only of rules or stars (---, ＊＊＊, ———): how a web page or an e-mail separates its items."""


def separated_cases(document: Document) -> list[CaseText]:
    """The blocks of a text with no headings, between separator lines (``_SEPARATOR_RE``), that each read as a case:
    one case per block, titled by its first line; none when fewer than two blocks read so."""
    text = document.text
    cuts = [0, *(m.start() for m in _SEPARATOR_RE.finditer(text)), len(text)]
    if len(cuts) < 4:  # at least two separators
        return []
    cases: list[CaseText] = []
    for k in range(len(cuts) - 1):
        start = cuts[k] if k == 0 else text.find("\n", cuts[k]) + 1
        end = cuts[k + 1]
        block = text[start:end]
        if start >= end or not reads_as_a_case(block, paragraph=True):
            continue
        title_at, title_text, offset = -1, "", 0
        if form := form_title(block.split("\n")):  # a form's title field, wherever it stands among its fields
            field_line = block.split("\n")[form[0]]
            title_at = sum(len(x) + 1 for x in block.split("\n")[: form[0]]) + field_line.find(form[1])
            title_text = form[1]
        for line in [] if form else block.split("\n"):  # the last short line before the first sentence
            bare = line.strip()
            if bare and (len(bare) > 40 or "。" in bare):
                break
            if bare and not furniture_heading(bare):  # 来源：X局 under the headline: furniture, not the title
                title_at, title_text = offset + line.find(bare), bare
            offset += len(line) + 1
        if title_at < 0:
            continue
        after = block[title_at + len(title_text) : title_at + len(title_text) + _THEME_READ]
        if (theme_title(title_text) or slogan_title(title_text)) and (named := pointed_reform(after)):
            title_text = named  # X这项改革，入选…！ over 推出的“A”: the headline points at the reform the text names
        heading = document.evidence(start + title_at, start + title_at + len(title_text))
        cases.append(CaseText(document, len(cases) + 1, clean_title(title_text), heading, start + title_at, end))
    return cases if len(cases) >= 2 else []


def row_cases(document: Document, table: list[TableRow]) -> list[CaseText]:
    """The rows of a summary table that each hold a whole case (序号 | 成果名称 | 报送单位 | 主要做法 | 取得成效,
    with no case section below): one case per row, titled by its title cell, its provider the row's; none when a
    row does not read as a case (``reads_as_a_case``, or a record naming its reform in quotes with its unit and a word
    of action) or the table has fewer than two rows."""
    text = document.text
    cases: list[CaseText] = []
    for row in table:
        start, end = row.evidence.start, row.evidence.end
        line = text[start:end]
        at, length = _title_span(line, row.title)
        # a numbered row is a case's frame as a place lead is: a figure and `led_case_words` of the words suffice
        need = int(fallback_words()["led_case_words"])
        told = "\n".join([row.title, *(text[a:b] for a, b in row.prose)])  # a record's values without its keys
        # a record naming its reform in quotes, with its unit and what was done, is one with no figure too
        named = bool(row.prose and row.provider and names_reform(row.title)) and _case_words(told) >= need
        if at < 0 or not (
            reads_as_a_case(line, True, need) or (row.prose and reads_as_a_case(told, True, need)) or named
        ):
            return []
        heading = document.evidence(start + at, start + at + length)
        case = CaseText(document, row.number, clean_title(row.title), heading, start, end, table_row=row)
        case.pieces = row.prose  # a wrapped row: its prose cell, not the provider cell beside it
        cases.append(case)
    return cases if len(cases) >= 2 else []


def _title_span(row_text: str, title: str) -> tuple[int, int]:
    """Where ``title`` stands in its row's text, with its length: whole, or in a row wrapped over lines with the cells
    interleaved, its longest opening part (跨境电商“保税备 / …cells… / 货+直播”融合监管: the first line's part)."""
    for length in range(len(title), 1, -1):
        at = row_text.find(title[:length])
        if at >= 0:
            return at, length
    return -1, 0


def whole_text_case(document: Document) -> CaseText | None:
    """``document`` as one case, titled by its first line, with a warning saying why; None when its text does not
    read as a case (``reads_as_a_case``)."""
    text = document.text
    if not reads_as_a_case(text):
        return None
    first = re.search(r"\S[^\n]*", text)
    if first is None:
        return None
    end = first.start() + len(first.group().rstrip())
    title = clean_title(first.group()) or first.group().strip()
    case = CaseText(document, 1, title, document.evidence(first.start(), end), 0, len(text.rstrip()))
    case.warnings.append(
        f"{document.path}:{case.heading.line}: no case headings recognised; the whole text is read as one case"
    )
    return case
