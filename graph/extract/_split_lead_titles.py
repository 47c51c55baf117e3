"""The titles cases told as prose paragraphs go under: a two-half headline and the subject opening it, a heading
that names a theme or a field's progress rather than a reform (and the reform its paragraph then points at by a
quoted name), and the titles an opening statement lists once before the cases are told. Split from
``_split_leads.py`` by noun: this module reads a case's title; ``_split_leads.py`` reads what leads a case's
paragraph, the place or body that tells it apart and provides it.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.extract._split_leads import SUBJECT_RE, _lexicon
from ftzgraph.graph.text import parse_chinese_number

HEADLINE_RE = re.compile(
    r"^(?P<a>[^\s\u3000，。；：:！？]{4,30})(?:\u3000+|[ \t]{2,})(?P<b>[^\s\u3000，。；：:！？]{4,30})$"
)
"""A news headline in two halves apart by a full-width space (X海关“A”再升级　B提速), as a work briefing heads its
items."""


_HEADLINE_SUBJECT_RE = re.compile(SUBJECT_RE.pattern.replace("(?=(?P<verb>", '(?=[“"《]|(?P<verb>', 1))


def headline(line: str) -> tuple[str, str] | None:
    """The two halves of a two-half headline, or None: each holds Chinese words, and the second is no date (a
    masthead's issuer　2026年5月20日) and no page number."""
    match = HEADLINE_RE.match(line.strip())
    if match is None or any(len(re.findall(r"[\u4e00-\u9fff]", half)) < 3 for half in match.groups()):
        return None
    if re.fullmatch(r"[0-9０-９〇一二三四五六七八九十○]{2,4}\s*年.*[月日期]", match["b"]):
        return None
    return match["a"], match["b"]


def headline_subject(text: str) -> tuple[str, int, int] | None:
    """The body or place that opens the two-half headline on ``text``'s first line (南宁海关“两步申报”叠加　…,
    X区市场监管局推行“…”　…): the subject of a briefing's item is who did it, its provider; with its span."""
    first = text.split("\n", 1)[0]
    if headline(first) is None:
        return None
    lead = len(first) - len(first.lstrip())
    subject = _HEADLINE_SUBJECT_RE.match(first, lead)
    return (subject["p"], subject.start("p"), subject.end("p")) if subject else None


def headline_title(first_half: str) -> str:
    """A headline's title: its first half after the subject and the subject's acting verb (X局推行“A”　… -> “A”)."""
    subject = _HEADLINE_SUBJECT_RE.match(first_half)
    if subject is None:
        return first_half
    rest = first_half[subject.end("p") :]
    verb = subject["verb"] or ""
    return rest[len(verb) :] if len(rest) > len(verb) + 1 else rest


def theme_title(title: str) -> bool:
    """True for a heading that is a label, naming a theme and not a reform (在贸易便利化方面, 围绕口岸通关提效, 政务服务
    领域, a column's or a tag's word alone: 金融创新, or a report's section saying how a field fares: 政务服务提质增效,
    要素保障持续加强): a topic clause's opener,
    a theme's closing word or a verdict on a field's progress (``theme_heading_predicates``), a few words and no
    quoted name; or a headline that points at a reform without naming it (这项改革). The reform is then named in the
    paragraph under it."""
    lexicon, title = _lexicon(), title.strip().rstrip("。")
    if title.strip("#＃【】[]〔〕 \u3000") in lexicon["theme_heading_words"]:  # 【金融创新】, #政务服务
        return True
    if _theme_re().fullmatch(title):
        return True
    if progress_heading(title):
        return True
    return any(word in title for word in lexicon["unnamed_reform_refs"])  # 萧山这项改革，入选…！: points, names none


@cache
def _theme_re() -> re.Pattern[str]:
    """A label heading: a topic clause's opener and a few words, or a few words and a theme's closing word."""
    lexicon = _lexicon()
    openers = "|".join(map(re.escape, lexicon["place_lead_topic_openers"]))
    ends = "|".join(map(re.escape, lexicon["theme_heading_ends"]))
    words = '[^“”"‘’「」，,。：:；;]'
    return re.compile(rf"(?:{openers}){words}{{2,14}}|{words}{{2,10}}(?:{ends})")


@cache
def _progress_re() -> re.Pattern[str]:
    """A few words closed by an adverb of progress and a verb, or by a set phrase (``theme_heading_predicates``)."""
    fares = _lexicon()["theme_heading_predicates"]
    verdict = "(?:{})(?:{})|{}".format(
        "|".join(map(re.escape, fares["adverbs"])),
        "|".join(map(re.escape, fares["verbs"])),
        "|".join(map(re.escape, fares["whole"])),
    )
    return re.compile(rf"[^“”\"‘’「」，,。：:；;]{{2,8}}(?:{verdict})")


def progress_heading(title: str) -> bool:
    """True for a heading telling how a field fares (政务服务提质增效, 要素保障持续加强, 审批服务更加便利): a few
    words, no quoted name, closed by an adverb of progress and a verb or by a set phrase
    (``theme_heading_predicates``). It names a field, so the reform is the first one the paragraph under it names."""
    return _progress_re().fullmatch(title.strip().rstrip("。")) is not None


def pointed_reform(text: str) -> str | None:
    """The reform ``text`` under a heading that names none calls by its quoted name: one after a naming verb
    (graph/extract/_split_media.py, ``named_reform``), else the first quoted name right before a noun of
    ``pointed_reform_nouns`` (“A”改革由X局实施, “B”模式): the title of such a case."""
    from ftzgraph.graph.extract._split_media import named_reform  # the media splitter reads these leads too

    if named := named_reform(text):
        return named
    nouns = "|".join(map(re.escape, _lexicon()["pointed_reform_nouns"]))
    quoted = re.search(rf"“([^“”。，,\n]{{2,24}})”(?:{nouns})", text)
    return quoted.group(1) if quoted else None


_CORNER_TITLE_RE = re.compile(r"[「『]([^」』\n]{2,40})[」』]")


_ORDINAL_TITLE_RE = re.compile(r"(?P<n>[一二三四五六七八九十]{1,3})是(?P<t>[^；;。，,\n]{2,40})(?=[；;。，,\n]|$)")


_QUOTE_RE = re.compile(r"“[^“”\n]{2,20}”")


_QUOTED_LIST_RE = re.compile(r"(?:“[^“”\n]{2,30}”(?:[、，,]|和|及|与|以及)?){3,}")


def listed_titles(text: str) -> list[str]:
    """The titles an opening statement lists once before the cases are told (分别是：「A」「B」… / 一是A；二是B；… /
    包括“A”“B”和“C”): the first paragraph of ``text`` that lists at least two in 「」 brackets or after ordinal words
    counting from 一, or at least three quoted names side by side."""
    for paragraph in text.split("\n"):
        corner = _CORNER_TITLE_RE.findall(paragraph)
        if len(corner) >= 2:
            return [title.strip() for title in corner]
        ordinal: list[str] = []
        for match in _ORDINAL_TITLE_RE.finditer(paragraph):
            if parse_chinese_number(match["n"]) != len(ordinal) + 1:
                break
            ordinal.append(match["t"].strip())
        if len(ordinal) >= 2:
            return ordinal
        for run in _QUOTED_LIST_RE.finditer(paragraph):  # 包括“A”“B”和“C”: names side by side
            names = re.findall(r"“([^“”\n]{2,30})”", run.group())
            if len(names) >= 3:
                return names
    return []


def listed_names(titles: list[str]) -> tuple[str, ...]:
    """How the cases' texts write the listed titles: each quoted name in them, else the whole title."""
    names = [quote for title in titles for quote in _QUOTE_RE.findall(title)]
    return tuple(names or titles)


def listed_title(titles: list[str], case_text: str, used: set[str]) -> str | None:
    """The listed title a case's text tells, not taken by a case before: written in it whole or by its quoted name
    (“边民互市结算通”), else the one whose pairs of characters the text holds most, when it holds at least
    ``listed_title_min_cover`` of them (跨境电商B2B出口监管 told as …跨境电商B2B出口“清单申报”监管)."""
    free = [title for title in titles if title not in used]
    for title in free:
        if tells(title, case_text):
            return title
    covers = [(_cover(title, case_text), title) for title in free]
    best = max(covers, default=(0.0, ""))
    return best[1] if best[0] >= float(_lexicon()["listed_title_min_cover"]) else None


def tells(title: str, text: str) -> bool:
    """True when ``text`` writes ``title`` whole or by its quoted names."""
    quotes = _QUOTE_RE.findall(title)
    return title in text or bool(quotes and all(quote in text for quote in quotes))


def _cover(title: str, text: str) -> float:
    pairs = [title[k : k + 2] for k in range(len(title) - 1) if not set(title[k : k + 2]) & set("“”「」")]
    return sum(1 for pair in pairs if pair in text) / len(pairs) if pairs else 0.0
