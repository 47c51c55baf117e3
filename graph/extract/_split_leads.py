"""Cases told as prose paragraphs: what leads each paragraph, an ordinal word or the place the reform belongs to.

A web page, a news feature or a press conference's answer often tells several reforms with no heading at all, one
paragraph each. Two leads tell such a paragraph apart from the prose around it. A list opens each with the next
ordinal word and the acting place or body (一是X区推行… / 二是Y海关借鉴…). A feature or a spokesman leads each with
the area or city the reform belongs to (在X片区，… / X片区探索… / X市则…), sometimes after a short courtesy
(谢谢您的提问。X片区是…) or a topic clause (在跨境金融方面，X片区…). The leading place or body is the case's provider.
A transcript's turn may open with its speaker's label on the same line (【发布人】… / 发布人（…）：…), one answer may
tell two cases (…。Y片区则…), and the opening statement may list the titles once (分别是：「A」「B」… / 一是A；二是B).

Only the words of the genre (``data/lexicon/layouts.yaml``, ``fallback``) and the endings of place names are read;
nothing here names a document. The titles such cases go under are read by ``_split_lead_titles.py``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._agency_names import load_divisions
from ftzgraph.graph.text import word_alternation

ORDINAL_PARAGRAPH_RE = re.compile(
    r"^[ \t\u3000]*(?P<o>(?P<n>[一二三四五六七八九十]{1,3})是|其(?P<m>[一二三四五六七八九十]{1,3})[，,、]?"
    r"|(?P<a>[0-9０-９]{1,2})\s*[．.、](?![0-9０-９]))"
)
"""A paragraph opened by an ordinal word (一是…, 二是…, 其一…), or by a number (1．X区推行“A”。…, a 通报's items): how
a web page or a bulletin lists several reforms in prose."""
_VERBS = (
    "推行|推出|推广|推动|探索|建立|实行|实施|开展|创新|打造|率先|试点|复制|借鉴|对标|参照|设立|构建|深化|优化|联合|会同"
    "|联同|牵头|学习|引进|引入|建设|搭建"
)
_NAME_GOES_ON = r"(?!局|厅|委员会)"
"""After a verb: no verb but a word of a body's name (城乡建设局, 规划建设委员会), when a body's tail follows."""
SUBJECT_RE = re.compile(
    r"(?P<p>[\u4e00-\u9fff]{1,20}?(?:市|区|县|旗|州|盟|片区|管委会|海关|局|厅|委|办事处|办|中心|分行|政府))"
    rf"(?=(?P<verb>{_VERBS}){_NAME_GOES_ON})"
)
"""The acting place or body that opens an ordinal paragraph (二是南通海关推行…): the case's provider."""
_SENTENCE_END_RE = re.compile(r"[。！？!?]")


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["fallback"])


@cache
def _place_lead_re() -> re.Pattern[str]:
    """在X片区，… or X片区 followed by a verb of action or a word that goes on from a subject (则, 是, 聚焦 …)."""
    lexicon = _lexicon()
    endings = "|".join(sorted(map(re.escape, lexicon["place_endings"]), key=len, reverse=True))
    follow = "|".join(sorted(map(re.escape, [*lexicon["place_lead_words"], *_VERBS.split("|")]), key=len, reverse=True))
    place = rf"[\u4e00-\u9fff]{{2,10}}?(?:{endings})"
    not_after = "|".join(map(re.escape, lexicon["place_lead_not_after"]))
    return re.compile(
        rf"[ \t\u3000]*(?:在(?:(?P<at>{place})|(?P<short>[\u4e00-\u9fff]{{2,4}}))[，,]"
        rf"|(?P<p>{place})(?=[（(][^（）()]{{1,8}}[)）]|(?!{not_after})(?:{follow}){_NAME_GOES_ON}))"
    )


def ordinal_subject(text: str) -> tuple[str, int, int] | None:
    """The acting place or body after the ordinal word that opens ``text`` (二是南通海关推行…), with its span."""
    lead = ORDINAL_PARAGRAPH_RE.match(text)
    subject = SUBJECT_RE.match(text, lead.end()) if lead else None
    return (subject["p"], subject.start("p"), subject.end("p")) if subject else None


def place_subject(text: str, at: int = 0) -> tuple[str, int, int] | None:
    """The place that leads ``text`` from offset ``at`` (在舟山片区，… / 义乌市探索… / 大兴机场片区（廊坊）借鉴…), with
    its span; a generic one (各片区, 全市, 自贸试验区) is no place."""
    match = _place_lead_re().match(text, at)
    if match is None:
        return None
    group = next(g for g in ("at", "short", "p") if match[g])
    name = match[group]
    if group == "short" and not (_names_its_body(text, name, match.end()) or name in load_divisions().names):
        return None  # 在此基础上，… : a short name is a place only when a body of it acts (在南沙，…南沙海关…) or it is
        # a division's whole name (在丰县，)
    if re.search(_lexicon()["place_lead_not"], name):
        return None
    return name, match.start(group), match.end(group)


def _names_its_body(text: str, name: str, at: int) -> bool:
    """True when ``text`` after offset ``at`` names a body or area that carries ``name`` (南沙 -> 南沙海关)."""
    endings = word_alternation(_lexicon()["place_body_endings"])
    paragraph_end = text.find("\n", at)
    return (
        re.search(rf"{re.escape(name)}(?:{endings})", text[at : paragraph_end if paragraph_end >= 0 else None])
        is not None
    )


@cache
def _speaker_re() -> re.Pattern[str]:
    """A speaker's label opening a turn of a transcript on the text's own line: 【发布人】…, 【X日报记者】…, 主持人：…,
    发布人（省商务厅副厅长）：…, 省商务厅副厅长 张某：…, 张某（省商务厅副厅长）：…, 问：… (``speaker_words``)."""
    words = "|".join(map(re.escape, _lexicon()["speaker_words"]))
    return re.compile(
        rf"[ \t\u3000]*(?:【[^】\n]{{0,16}}(?:{words})[^】\n]{{0,8}}】"
        rf"|[\u4e00-\u9fff]{{0,12}}(?:{words})(?:[ \u3000]?[\u4e00-\u9fff]{{2,4}})?(?:[（(][^）)\n]{{1,24}}[)）])?[：:]"
        rf"|[\u4e00-\u9fff]{{2,4}}[（(][^）)\n]{{0,20}}(?:{words})[^）)\n]{{0,8}}[)）][：:]"
        rf"|[问答][：:])[ \t\u3000]*"
    )


def asks(paragraph: str) -> bool:
    """True when ``paragraph`` is a turn of the host or a reporter (【X记者】…, 主持人：…, 问：…): a question or a
    transition tells no case, even when it names a place and a figure."""
    label = _speaker_re().match(paragraph)
    return label is not None and any(word in label.group() for word in _lexicon()["asking_speaker_words"])


def speaker_label_end(paragraph: str) -> int:
    """Where the text of a transcript's turn starts after its speaker's label (【发布人】谢谢主持人。…), else 0."""
    label = _speaker_re().match(paragraph)
    return label.end() if label else 0


def paragraph_place(paragraph: str, names: tuple[str, ...] = ()) -> tuple[str, int, int] | None:
    """The place leading ``paragraph`` after a speaker's label, or leading one of its first sentences when the ones
    before are a short courtesy (谢谢您的提问。在这方面有两项案例。X片区推行…: at most ``place_lead_courtesies``
    sentences of at most ``place_lead_within_chars`` characters each) or name a reform the opening statement listed
    (``names``: 这方面的代表是“A”。X片区…), with its span in ``paragraph``."""
    at = speaker_label_end(paragraph)
    if found := sentence_place(paragraph, at):
        return found
    within = int(_lexicon()["place_lead_within_chars"])
    for _ in range(int(_lexicon()["place_lead_courtesies"])):
        end = _SENTENCE_END_RE.search(paragraph, at, at + within + 1)
        if end is None:
            end = _SENTENCE_END_RE.search(paragraph, at)
            if end is None or not any(name in paragraph[at : end.start()] for name in names):
                return None
        at = end.end()
        if found := sentence_place(paragraph, at):
            return found
    return None


@cache
def _topic_re() -> re.Pattern[str]:
    """A topic clause before a sentence's subject (在跨境金融方面，X片区… / 围绕退货难的问题，X片区…)."""
    openers = "|".join(map(re.escape, _lexicon()["place_lead_topic_openers"]))
    return re.compile(rf"[ \t\u3000]*(?:{openers})[^，,。！？!?\n]{{1,16}}[，,]")


def sentence_place(text: str, at: int) -> tuple[str, int, int] | None:
    """The place leading the sentence at ``at``, after a topic clause if one opens it."""
    if found := place_subject(text, at):
        return found
    topic = _topic_re().match(text, at)
    return place_subject(text, topic.end()) if topic else None


def topic_start(text: str, at: int) -> int:
    """Where the sentence whose subject (a place) stands at ``at`` starts: at the topic clause before it, if any."""
    sentence = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, at)), default=0)
    topic = _topic_re().match(text, sentence)
    if topic and topic.end() == at:
        return sentence + len(topic.group()) - len(topic.group().lstrip())
    return at


def later_places(paragraph: str, after: int) -> list[tuple[str, int, int]]:
    """The places leading sentences of ``paragraph`` after offset ``after`` (…缩短至40分钟。昆明片区则…): where one
    answer may go on to a second case. The caller asks each part to read as a case."""
    return [
        place for end in _SENTENCE_END_RE.finditer(paragraph, after) if (place := sentence_place(paragraph, end.end()))
    ]


def is_place(text: str) -> bool:
    """True when ``text`` is exactly a place's name (河口县, 甲片区, 瑞丽市), not a generic one (全市, 试验区)."""
    lexicon = _lexicon()
    return (
        text.endswith(tuple(lexicon["place_endings"]))
        and re.fullmatch("[\u4e00-\u9fff]{2,12}", text) is not None
        and re.search(lexicon["place_lead_not"], text) is None
    )


_SNIPPET_RE = re.compile(r"(?:…{1,2}|\.{3,6})[ \t\u3000]*")
"""The ellipsis opening an excerpt (……X局借鉴…, ...X局): a search result's or a digest's quote of a page's text."""


def acting_subject(text: str, at: int) -> tuple[str, int, int] | None:
    """The body or place that acts in the sentence at ``at``, after a clause saying what it follows or where
    (按照…部署，X区在全省率先…; X分行会同Y海关推出…; 园区复制推广…): who performs a case's reform when no line names
    its provider. With its span in ``text``; the caller reads a generic subject (园区) from the heading."""
    at += len(text[at:]) - len(text[at:].lstrip(" \t\u3000"))  # a paragraph's indent
    if ellipsis := _SNIPPET_RE.match(text, at):  # ……X局借鉴…: a search result's or a digest's excerpt, cut mid-text
        at = ellipsis.end()
    if lead := _news_lead_re().match(text, at):  # 本报讯（记者 某某）X局近日…: the news item's credit, no subject
        at = lead.end()
    if (source := _news_source_re().match(text, at)) and (
        is_place(source["p"]) or SUBJECT_BODY_RE.fullmatch(source["p"])
    ):
        return source["p"], source.start("p"), source.end("p")  # 记者从X区获悉，该区…: the item's subject is X区
    told = _news_source_re(referred=False).match(text, at)
    stem = _STEM_ACTING_RE.match(text, told.end()) if told else None
    if told and stem and told["p"].startswith(stem["p"]) and _division_named(stem["p"]):
        return stem["p"], stem.start("p"), stem.end("p")  # 毕节市商务局介绍，毕节学习借鉴…: the source's place acts
    if (setting := place_subject(text, at)) and text[at : setting[1]].endswith("在"):
        return setting  # 在滕州市，市自然资源和规划局…: the case is the place's; its bodies act for it
    topic = _topic_re().match(text, at)
    starts = [topic.end()] if topic else [at]  # 按照省政府部署，X区…: the clause is no subject
    if clause := _LEAD_CLAUSE_RE.match(text, at):  # 近年来，X区… / 为解决…问题，X局… / 2023年以来，X海关…
        starts.append(clause.end())
        if second := _LEAD_CLAUSE_RE.match(text, clause.end()):  # 2023年3月，经省政府批准，X区…
            starts.append(second.end())
    for start in starts:
        start += text.startswith("由", start)  # 由X牵头，Y配合…: X leads, 由 only introduces it
        subject = SUBJECT_RE.match(text, start) or _body_lead_re().match(text, start)
        named = _body_before_adverbial(subject["p"]) if subject else ""
        candidates = [c for c in (place_subject(text, start), named and (named, start, start + len(named))) if c]
        # the first name that goes on as a subject: 开福区依托…中心建立… is 开福区, not 开福区依托…中心
        found = min(candidates, key=lambda c: c[2]) if candidates else None
        if found and named and named.startswith(found[0]) and _body_tail(named[len(found[0]) :]):
            found = named, start, start + len(named)  # 原州区医疗保障局按照…: the body the place's name opens
        if found and re.match(_lexicon()["subject_not"], found[0]):
            return None  # 国家发展改革委会同…: a national issuer cited, not who performs the case
        if found:
            return found
    return None


@cache
def _acting_words_re() -> re.Pattern[str]:
    lexicon = _lexicon()
    return re.compile(
        word_alternation([*lexicon["place_lead_words"], *_VERBS.split("|"), *lexicon["subject_ends_before"]])
    )


def _body_tail(tail: str) -> bool:
    """True when ``tail`` (what follows a place inside a subject) is a body's own name (医疗保障局, 行政审批服务管理局),
    not a clause (依托…中心, 与南京海关): no acting word, no place's ending before its own end."""
    return len(tail) >= 2 and not _acting_words_re().search(tail) and not re.search("[市区县]", tail[:-1])


def _body_before_adverbial(subject: str) -> str:
    """``subject`` up to a body's name that what it does follows (市自然资源和规划局在全区 -> 市自然资源和规划局), or
    up to a place that a body is coordinated with (浦口区与南京海关 -> 浦口区): the subject pattern ends at a place
    ending (区) and can run past the body into where it acts or the body acting with it."""
    cut = _subject_cut_re().search(subject)
    return subject[: cut.end()] if cut and cut.end() >= 2 else subject


@cache
def _subject_cut_re() -> re.Pattern[str]:
    ends = word_alternation(_lexicon()["subject_ends_before"])
    body = r"(?:局|厅|委|海关|分行|支行|管委会|中心|政府|办)"
    # 浦口区与南京海关建立…: a place coordinated with a body acts first, as a body does
    return re.compile(rf"{body}(?=(?:{ends}))|(?:区|县|市)(?=(?:与|和|、)[\u4e00-\u9fff]{{2,12}}?{body})")


@cache
def _news_lead_re() -> re.Pattern[str]:
    """A news item's lead-in crediting its reporters (本报讯（记者 某某 通讯员 某某）, 新华社厦门6月3日电（记者 某某）,
    讯（通讯员 某某））, a bare 本报讯 set apart by a space, or its dateline (近日，), which the item's subject follows
    (``news_credit_words``, ``news_datelines``)."""
    credits = word_alternation(_lexicon()["news_credit_words"])
    datelines = word_alternation(_lexicon()["news_datelines"])
    return re.compile(
        r"(?:[\u4e00-\u9fff0-9]{0,16}?(?:讯|电)[ \t\u3000]*[（(][^（）()\n]{0,30}?(?:"
        + credits
        + rf")[^（）()\n]{{0,40}}[)）]|(?:{datelines})[，,]|[\u4e00-\u9fff]{{1,6}}讯(?:[ \t\u3000]+|[:：]))[ \t\u3000]*"
    )


def news_lead_end(text: str) -> int:
    """Where the subject of a news item opening ``text`` begins, past its lead-in (本报讯（记者 某某）); 0 for none."""
    at = len(text) - len(text.lstrip(" \t\u3000"))
    lead = _news_lead_re().match(text, at)
    return lead.end() if lead else 0


@cache
def _news_source_re(referred: bool = True) -> re.Pattern[str]:
    """A news item's source that its next clause refers back to (记者从X区获悉，该区将… / 据X局相关负责人介绍，该局…):
    the place or body the item is about (``news_source_verbs``); with ``referred`` False, the source clause whatever
    follows it."""
    verbs = word_alternation(_lexicon()["news_source_verbs"])
    return re.compile(
        rf"(?:记者(?:从|在)|据)?(?P<p>[\u4e00-\u9fff]{{2,20}}?)(?:(?:相关|有关)?负责人)?(?:{verbs})[，,][ \t\u3000]*"
        + (r"(?=[该这此])" if referred else "")
    )


def _division_named(name: str) -> bool:
    """True when ``name`` is a division's name or the stem of one (毕节, 文昌市)."""
    divisions = load_divisions()
    return name in divisions.names or divisions.by_stem.get(name) is not None


_STEM_ACTING_RE = re.compile(rf"(?P<p>[\u4e00-\u9fff]{{2,4}}?)(?=(?:{_VERBS}))")
"""A clause opened by a place's name or stem and an acting verb (毕节学习借鉴…, 文昌借鉴…)."""


SUBJECT_BODY_RE = re.compile(SUBJECT_RE.pattern.split("(?=")[0])
"""A place or a body's name whole (X区, X海关, X局): what ``SUBJECT_RE`` reads before the verb."""


_LEAD_CLAUSE_RE = re.compile(r"[^，,。；;！？!?\n“”]{2,20}[，,]")
"""A short clause of time or purpose before a sentence's subject (近年来，… / 为解决融资难问题，…)."""


@cache
def _body_lead_re() -> re.Pattern[str]:
    """A body (a name ending in a unit's suffix) followed by an acting verb or a word that goes on from a subject
    (X管委会以…为抓手, X局聚焦…, X海关对…实施)."""
    lexicon = _lexicon()
    suffixes = word_alternation(lexicon["unit_suffixes"])
    # …and the words that open what a body does (X海关对进口食品实施…, X局于今年…: ``subject_ends_before``)
    follow = word_alternation([*lexicon["place_lead_words"], *_VERBS.split("|"), *lexicon["subject_ends_before"]])
    return re.compile(rf"(?P<p>[\u4e00-\u9fff]{{2,20}}?(?:{suffixes}))(?=(?:{follow}){_NAME_GOES_ON})")


@cache
def _speaker_line_re() -> re.Pattern[str]:
    tags = word_alternation(_lexicon()["speaker_line_tags"])
    suffixes = word_alternation(_lexicon()["unit_suffixes"])
    return re.compile(rf"^[ \t\u3000]*【(?:{tags})】[ \t\u3000]*(?P<u>[\u4e00-\u9fff]{{2,24}}(?:{suffixes}))", re.M)


def speaker_unit(text: str) -> tuple[str, int, int] | None:
    """The body of a broadcast script's first speaker line (【同期声】X局登记注册科科长　某某 -> X局), with its span;
    or, when ``text`` opens with it, a speech's speaker line under its headline (X局局长　某某, ——X管委会党工委书记、
    主任　某某在…会议上的发言 -> the body its post closes, as a transcript's speaker block reads it)."""
    found = _speaker_line_re().search(text)
    if found:
        token = re.match(r"[\u4e00-\u9fff]+", text[found.start("u") :])
        post = post_re().search(token.group()) if token else None
        body = token.group()[: post.start()] if token and post else ""  # X局副局长: the post is no part of the body
        if body.endswith(tuple(_lexicon()["unit_suffixes"])):
            return body, found.start("u"), found.start("u") + len(body)
        return found["u"], found.start("u"), found.end("u")
    line = re.match(
        r"[ \t\u3000\n]*(?:[—–－\-]{1,2}[ \t\u3000]*)?(?P<post>[\u4e00-\u9fff、（）()]{4,40})[ \t\u3000]+"
        r"[\u4e00-\u9fff·]{2,4}(?:在[^\n。]{2,40}(?:发言|讲话|汇报)[^\n。]{0,6})?[ \t\u3000]*(?:\n|$)",
        text,
    )
    post = post_re().search(line["post"]) if line else None
    if line is None or post is None:
        return None
    body = _PARTY_POST_RE.sub("", line["post"][: post.start()])  # X海关党委书记、关长: the party post is a post too
    return (body, line.start("post"), line.start("post") + len(body)) if len(body) >= 3 else None


_PARTY_POST_RE = re.compile(r"党[组委工]{1,2}(?:成员)?$")


@cache
def post_re() -> re.Pattern[str]:
    """The posts closing a speaker's title (X厅副厅长, X海关党委书记、关长), as one suffix (``speaker_posts``)."""
    posts = "|".join(sorted(map(re.escape, _lexicon()["speaker_posts"]), key=len, reverse=True))
    return re.compile(rf"(?:[、，,]?(?:{posts}))+$")


def place_lead_not() -> str:
    """The pattern of generic places that lead nothing (各片区, 全市, 园区)."""
    return str(_lexicon()["place_lead_not"])


def generic_forms(subject: str) -> list[str]:
    """The endings a heading's name has when it names the place a generic subject stands for (园区 -> 产业园, 园区)."""
    return list(_lexicon()["generic_subjects"].get(subject, []))


def is_generic(name: str) -> bool:
    """True when ``name`` is a kind of zone alone (园区, 新区, 综合保税区), which stands for a place the text names."""
    return any(name == key or name in forms for key, forms in _lexicon()["generic_subjects"].items())
