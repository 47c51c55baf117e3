"""Filters of the origin rules: whether a batch or series word is a province's own (江苏省第三批…), another
programme's, only announced or only formed; whether a sentence is about an award list; whether what opens a sentence
went out to the country or a province as a fact, not a plan; and the zones listed before a stated one.

Split from ``origins`` by noun: these decide what a batch phrase is, ``origins`` decides where a reform came from.
Words come from ``data/lexicon/origins.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract.gazetteer import Gazetteer
from ftzgraph.graph.text import NUMERAL_CLASS, word_alternation


def lexicon() -> dict[str, Any]:
    """``data/lexicon/origins.yaml``: the phrasings of origin statements."""
    return load_lexicon("origins")


@cache
def _words_re(key: str) -> str:
    """The lexicon's list ``key`` as a regex alternation, longest first (复制推广 before 复制)."""
    return word_alternation(lexicon()[key])


_QUOTED_RE = re.compile(r"[“\"]([^”\"]{2,60})[”\"]")


_CLAUSE_MARKS = "，,；;：:"


_REPLICABLE_RE = re.compile("可复制(?:可)?推广|可复制|可推广")
"""可复制推广的经验 (replicable) says nothing about copying: removed before looking for a copy verb."""


_SERIES_LEAD_RE = re.compile(
    rf"(?:自贸试验区|改革|自由贸易试验区|自贸区|第\s*[0-9{NUMERAL_CLASS}]+\s*批|新一批|首批|新批|[“\"「])*$"
)


_OWN_SERIES_LEAD_RE = re.compile(rf"(?:第\s*[0-9{NUMERAL_CLASS}]+\s*批|新一批|首批|新批|[“\"「])*$")


_LEVEL_RE = re.compile(r"(?:层面|层级|一级|范围内?)?的?$")
"""Words after a level before a batch (省级层面的, 全省范围内的): the marker before them is what counts."""

_ONE_ZONE_RE = re.compile(r"中国[（(][^（）()]{1,8}[）)]$")
"""中国（江苏）自由贸易试验区第一批…: the batch of one named zone, its own (the national ones name no zone)."""


@cache
def _provincial_issuer_re() -> re.Pattern[str]:
    """江苏省政府办公厅公布的第一批…改革试点经验: a batch a province or city issues is its own, whatever its name."""
    # the nearest name (永州市学习借鉴的是湖南省公布的: 湖南省 issues, 永州市 copies)
    return re.compile(
        rf"(?:省|市|自治区)(?:(?!省|市|自治区)[\u4e00-\u9fff]){{0,10}}?(?:{_words_re('provincial_issue_verbs')})[了的]?$"
    )


def _provincial(text: str, position: int, gazetteer: Gazetteer) -> bool:
    """True when the batch or series word at ``position`` is a province's, city's or district's own: the words
    right before it (after 自贸试验区, 第N批 and quotes) are a provincial marker (我省, 省级, 全省…) or a name
    ending in 省, 市 or 自治区 (四川省第四批), one named zone (中国（江苏）自由贸易试验区第一批, 江苏自贸试验区
    第一批), or a province or city that issues it (江苏省政府办公厅公布的第一批). 国务院第六批 and 全国…第五批
    stay national."""
    head = _SERIES_LEAD_RE.sub("", text[:position].rstrip())
    head = _LEVEL_RE.sub("", head)  # 山东省级层面的第三批: the level's own words
    markers = lexicon()["provincial_before"]
    if head.endswith(tuple(markers)) or (len(head) >= 2 and head[-1] in "省市"):
        return True
    if head.endswith(tuple(lexicon()["zone_role_nouns"])):
        return True  # 浙江省自贸试验区联动创新区第二批最佳实践案例: a linkage zone's own list
    if _ONE_ZONE_RE.search(head):
        return True
    clause = head[max(head.rfind(ch) for ch in _CLAUSE_MARKS) + 1 :]
    issuer = _provincial_issuer_re().search(clause)
    lex = lexicon()
    if issuer and not any(w in issuer.group() for w in lex["ministries"] + lex["copy_verbs"]):
        return True  # 本市借鉴商务部印发的第4批…: the ministry issues it, the city copies
    own_lead = _OWN_SERIES_LEAD_RE.sub("", text[:position].rstrip())
    zone = _one_province_zone_re(gazetteer).search(own_lead)
    # 复制推广上海、广东、天津、福建自由贸易试验区新一批…: the last of several zones, a batch drawn from them all
    return zone is not None and not _listed_before(own_lead[: zone.start()], gazetteer)


@cache
def _one_province_zone_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    provinces = gazetteer.province_alternation
    return re.compile(rf"(?:{provinces})(?:省|市)?(?:自贸试验区|自由贸易试验区|自贸区)$")


def _other_programme(text: str, position: int) -> bool:
    """True when the series word ending at ``position`` belongs to another national programme named before it in
    its clause (国务院深化服务贸易创新发展试点“最佳实践案例”): not a free trade zone batch."""
    clause = text[max(text.rfind(ch, 0, position) for ch in _CLAUSE_MARKS) + 1 : position]
    return any(name in clause for name in lexicon()["other_programmes"]) and not re.search(
        "自贸|自由贸易", clause[max(clause.rfind(n) for n in lexicon()["other_programmes"]) :]
    )


@cache
def _issues_words() -> str:
    """A national body issuing something (商务部印发, 国务院办公厅发布), as a regex."""
    issuers = "|".join(map(re.escape, lexicon()["ministries"]))
    return rf"(?:{issuers})(?:办公厅)?[^，。；]{{0,4}}?(?:印发|发布|公布|推出)"


def _announcement_only(text: str, position: int, gazetteer: Gazetteer) -> bool:
    """True when a national body issues the batch at ``position`` and the sentence names no reform, no zone and no
    membership (近日，商务部印发推广自贸试验区第六批“最佳实践案例”，供各地…借鉴): the batch is announced, nothing
    is said to come from it."""
    lex = lexicon()
    clause = text[max(text.rfind(ch, 0, position) for ch in _CLAUSE_MARKS) + 1 : position]
    issues = _issues_words()
    if not re.search(issues, clause) and not (
        re.match(rf"\s*(?:[^，,。；]{{1,10}}[，,]\s*)?{issues}", text)
        and text.rfind("《", 0, position) <= text.rfind("》", 0, position)
    ):  # 国务院印发通知，将…第七批…复制推广: a sentence opened by the issuing (after a date), the batch in no title
        return False
    issuer = re.search(issues, clause)
    if issuer and any(w in clause[: issuer.start()] for w in lex["copy_verbs"] + lex["title_follow_words"]):
        return False  # 我市按照国务院印发的第七批…清单: the batch is followed, not only announced
    if issuer and _source_label_re().search(text, 0, position - len(clause)):
        return False  # 借鉴来源：国务院印发的第七批…: a source field's value, the batch is where the practice came from
    if issuer and "将" in clause[: issuer.start()] and any(w in text[position:] for w in lex["landing_verbs"]):
        return False  # X市已将国务院印发的第七批…事项全部落地: the batch is the object of what the city did
    if any(v in text for v in lex["batch_member_verbs"] + lex["source_verbs"]) or gazetteer.find_places(text):
        return False  # 入选, 来自…: something of the batch is placed; 其中…Z: a zone is named
    if _province_zone_re(gazetteer).search(text):
        return False  # …第五批…里，某省、某省两省自贸试验区的案例榜上有名: zones named by their provinces
    kinds = [w for words in lex["batch_kinds"].values() for w in words]
    return not any(not any(k in q for k in kinds) for q in _QUOTED_RE.findall(text))


@cache
def _source_label_re() -> re.Pattern[str]:
    """An origin field's label and its mark closing the text before a clause (借鉴来源：, 【经验来源】)."""
    labels = word_alternation(lexicon()["origin_labels"])
    return re.compile(rf"(?:{labels})[”」\"]?\s*(?:[：:]|】|］|[|│┃\t])[ \t\u3000]*$")


@cache
def _province_zone_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    """A province and a generic FTZ word a few characters after it (某省、某省两省自贸试验区): zones named by
    province."""
    return re.compile(rf"(?:{gazetteer.province_alternation})[^，,。；]{{0,6}}?(?:自贸试验区|自由贸易试验区|自贸区)")


@cache
def _negated_copy_re() -> re.Pattern[str]:
    """A negation word, then a verb of copying or spreading in its clause (尚未在全国复制推广)."""
    return re.compile(rf"(?:{_words_re('copy_negations')})[^，,。；]{{0,8}}?(?:{_words_re('real_copy_verbs')})")


def _negated_copy(text: str) -> bool:
    """True when the text says something was not copied or spread (尚未在全国复制推广, 并未推广): a creation it
    describes is a first, nothing went out from it."""
    return _negated_copy_re().search(text) is not None


def _denied(text: str, position: int) -> bool:
    """True when the batch at ``position`` is denied in its clause (不属于国家层面推广的改革试点经验) or stands in a
    quoted option the sentence then calls wrong (选项B“来源于…第三批…”错误): a quiz's refuted answer is no origin."""
    lex = lexicon()
    clause = text[max(text.rfind(ch, 0, position) for ch in _CLAUSE_MARKS) + 1 : position]
    if any(word in clause for word in lex["origin_denials"]):
        return True
    opened, closed = text.rfind("“", 0, position), text.rfind("”", 0, position)
    end = text.find("”", position)
    return opened > closed and end >= 0 and text[end + 1 :].lstrip().startswith(tuple(lex["refuted_words"]))


@cache
def _denial_re() -> re.Pattern[str]:
    """A word denying or negating what follows it, then at most a few words of its clause up to the end (尚未借鉴,
    没有照搬, 否认该做法源于, 不是从, 并非来源于): the place after it is said not to be where anything came from."""
    lex = lexicon()
    words = word_alternation([*lex["origin_denials"], *lex["copy_negations"], *lex["origin_negations"]])
    return re.compile(rf"(?:{words})[^{_CLAUSE_MARKS}。“”「」]{{0,{int(lex['denial_reach'])}}}$")


@cache
def _not_denial_re() -> re.Pattern[str]:
    """Words holding a negation's character that deny nothing (不断, 不仅, 未来): taken out first."""
    return re.compile(word_alternation(lexicon()["not_denial_words"]))


def _denied_before(head: str) -> bool:
    """True when the words right before a place, in its clause, deny or negate the copying that names it (本溪市尚未
    借鉴Z的做法; 江山市没有照搬Z的做法; 否认该做法源于Z; 不是从Z学来的): the place is no origin. A quoted name's words
    do not count."""
    clause = head[max(head.rfind(ch) for ch in _CLAUSE_MARKS + "。") + 1 :]
    return _denial_re().search(_not_denial_re().sub("", _QUOTED_RE.sub("", clause))) is not None


def _plans(text: str) -> bool:
    """True when ``text`` holds a plan or hypothetical word of the lexicon's ``plan_words`` (计划, 要借鉴, 如果) outside
    the words that hold one and plan nothing (主要借鉴 is no 要借鉴: ``not_plan_words``)."""
    plain = _answered_re().sub("", _not_plan_re().sub("", text))
    return any(w in plain for w in lexicon()["plan_words"]) or _adverbial_plan_re().search(plain) is not None


@cache
def _adverbial_plan_re() -> re.Pattern[str]:
    """A future word, adverbs, then a verb of copying (将重点学习借鉴, 要进一步对标): a plan whatever the adverbs.
    已将 and 将 before its object (将Z的做法复制到…) are none: an adverb must follow."""
    lex = lexicon()
    adverbs = word_alternation(lex["plan_adverbs"])
    verbs = word_alternation([*lex["real_copy_verbs"], "对标", "引入", "复制推广", "学习借鉴"])
    return re.compile(rf"(?<![已曾])(?:将|要|拟|计划)(?:{adverbs}){{1,2}}(?:{verbs})")


@cache
def _answered_re() -> re.Pattern[str]:
    """A form's 是否 question answered 是 by a ticked box (是否借鉴：☑是　□否, | 是否复制推广 | ■是 |, 是（√）): no
    question still open."""
    ticks = "".join(re.escape(mark) for mark in lexicon()["ticked_boxes"])
    return re.compile(rf"是否[^，,。；;\n]{{0,20}}?[:：|｜│\s]*(?:[{ticks}]\s*是|是\s*[（(]\s*[{ticks}]\s*[)）])")


@cache
def _not_plan_re() -> re.Pattern[str]:
    return re.compile(word_alternation(lexicon()["not_plan_words"]))


def _compared(text: str, position: int) -> bool:
    """True when the batch at ``position`` is what its clause compares with (同国务院第六批…中的“X”相比，覆盖面更广;
    与入选第六批…的“X”不同): a yardstick, nothing is said to come from it; or an earlier practice the writer's record
    names before launching another (此前已有2项经验入选第六批…，此次推出…; 继“X”入选…之后，又推出…)."""
    rest = _QUOTED_RE.sub("", re.split(f"[{_CLAUSE_MARKS}。]", text[position:], maxsplit=1)[0])
    if any(w in rest for w in lexicon()["batch_comparisons"]):
        return True
    clause_start = max(text.rfind(ch, 0, position) for ch in _CLAUSE_MARKS + "。") + 1
    opening = text[clause_start:position].lstrip()
    if opening.startswith(("与", "同", "跟", "和")) and any(rest.endswith(w) for w in lexicon()["batch_contrast_ends"]):
        return True
    return _earlier_record(text, clause_start, position)


def _earlier_record(text: str, clause_start: int, position: int) -> bool:
    """True when the clause of the batch at ``position`` (starting at ``clause_start``) names an earlier membership
    (曾有“X”入选…, 此前已有2项经验入选…, 继“X”入选…之后) and the sentence goes on to launch another practice
    (，此次推出…; 今年又推出…)."""
    lex = lexicon()
    before = _QUOTED_RE.sub("", text[clause_start:position])
    earlier = any(w in before for w in lex["earlier_markers"]) or re.match(r"\s*继(?![续承而任])", before) is not None
    return earlier and any(w in text[position:] for w in lex["new_launch_markers"])


def _announced(text: str, position: int) -> bool:
    """True when the clause before ``position`` says the batch is being formed (形成了第七批改革试点经验), only
    hoped for (争取纳入国家第八批…) or applied for (申报第八批…): nothing is said to come from it."""
    clause = _QUOTED_RE.sub("", text[max(text.rfind(ch, 0, position) for ch in _CLAUSE_MARKS) + 1 : position])
    if _applied_re().search(clause):
        return True  # 按程序申报第八批…: applied for
    return any(word in clause for word in lexicon()["batch_announce"] + lexicon()["batch_aspired"])


@cache
def _applied_re() -> re.Pattern[str]:
    """A verb of applying right before a batch, perhaps with the national level (申报全国第八批): a batch to join."""
    return re.compile(rf"(?:{_words_re('batch_applied')})\s*(?:全国|国家|国务院|商务部)?\s*$")


def _names_provincial_batch(text: str, gazetteer: Gazetteer) -> bool:
    """True when the sentence names a province's or city's own batch or list (江苏省第三批…清单)."""
    if any(_provincial(text, m.start(), gazetteer) for m in re.finditer(r"第\s*\S{1,3}\s*批", text)):
        return True
    return any(
        _provincial(text, pos, gazetteer)
        for words in lexicon()["batch_kinds"].values()
        for w in words
        if (pos := text.find(w)) >= 0
    )


@cache
def _listed_re(gazetteer: Gazetteer) -> re.Pattern[str]:
    provinces = gazetteer.province_alternation
    return re.compile(rf"(?P<province>{provinces})(?:自贸试验区|自由贸易试验区|自贸区)?\s*(?:、|和|及|与|以及)\s*$")


def _list_start(head: str, gazetteer: Gazetteer) -> int:
    """Where a list of provinces right before a stated zone starts (由重庆、四川自贸试验区…: at 重庆), so that the
    words before the list, not the list's own 、, are what precedes the zone; ``len(head)`` when there is none."""
    while match := _listed_re(gazetteer).search(head):
        head = head[: match.start()]
    return len(head)


def _listed_before(head: str, gazetteer: Gazetteer) -> list[str]:
    """The zones of provinces listed right before a stated zone (上海、天津、广东自贸试验区): each is stated too."""
    zones = []
    while match := _listed_re(gazetteer).search(head):
        zones.append(gazetteer.province_forms[match["province"]])
        head = head[: match.start()]
    return zones


@cache
def _diffused_re() -> re.Pattern[str]:
    """…其中9个案例先后在全国、全省范围内示范推广; Z“X”等12项案例向全省推广; …已在某省全省推开: what opens the
    sentence went out to the country or the province. The verb ends its clause (a zone that 在全省率先复制推广第六批…
    is copying, not copied), unless 向 and the scope stand right before it: Z向全省输出成果41项 sends them out."""
    return re.compile(
        rf"(?:在|向|于|到|至)(?:[\u4e00-\u9fff]{{2,3}}?)?(?:{_words_re('diffusion_scopes')})[^。；，,]{{0,10}}?"
        rf"(?:{_words_re('diffusion_verbs')})"
        rf"(?:{_words_re('diffusion_verb_after')})?(?=[，,。；;、]|$)"
        rf"|向(?:[\u4e00-\u9fff]{{2,3}}?)?(?:{_words_re('diffusion_scopes')})(?:{_words_re('diffusion_verbs')})"
    )


@cache
def _future_re() -> re.Pattern[str]:
    """A modal word of the lexicon's ``future_words`` (将, 拟, 要 …)."""
    return re.compile(word_alternation(lexicon()["future_words"]))


@cache
def _not_modal_re() -> re.Pattern[str]:
    """A word holding a modal's character that is no modal (主要, 重要): taken out before modals are looked for."""
    return re.compile(word_alternation(lexicon()["not_modal_words"]))


def _diffused(tail: str) -> bool:
    """True when ``tail`` says what precedes it went out to the country or province (_diffused_re), as a fact:
    有关经验将在全省推广 is a plan, 还未向全国推广 a denial."""
    match = _diffused_re().search(tail)
    if match is None:
        return False
    clause = tail[max(tail.rfind(ch, 0, match.start()) for ch in _CLAUSE_MARKS) + 1 : match.start()]
    if any(w in clause for w in lexicon()["copy_negations"]):
        return False  # 还未向全国推广: not spread
    return not _future_re().search(_not_modal_re().sub("", clause))


def _award_only(text: str) -> bool:
    """True when the sentence is about a ranking or award (入选…“十大创新案例”, 上榜) and names no series of the
    zones and no copying: such a list says nothing about where a copied reform came from."""
    if not _award_re().search(text):
        return False
    return not _batch_kind_re().search(text) and not _real_copy_re().search(_REPLICABLE_RE.sub("", text))


@cache
def _award_re() -> re.Pattern[str]:
    return re.compile(word_alternation(lexicon()["award_markers"]))


@cache
def _batch_kind_re() -> re.Pattern[str]:
    return re.compile(word_alternation([w for words in lexicon()["batch_kinds"].values() for w in words]))


@cache
def _real_copy_re() -> re.Pattern[str]:
    return re.compile(word_alternation(lexicon()["real_copy_verbs"]))


_TITLE_ONLY_RE = re.compile(
    r"\s*(?:[0-9一二三四五六七八九十]{1,3}\s*[．.、]|[（(][0-9一二三四五六七八九十]{1,3}[)）]|[［\[][0-9]{1,3}[］\]])?"
    r"\s*《[^《》]+》\s*[。；;]?\s*"
)


_CITATION_MARK_RE = re.compile(r"[［\[〔][0-9]{1,3}[］\]〕]|[①-⑳]")
_CITATION_END_RE = re.compile(
    r"(?:通知|意见|汇报|报告|办法|方案|决定|规定|批复|复函|纪要|汇编|内部资料[)）]?|[0-9]{4}\s*年?|[0-9]{4}[.．-][0-9]{1,2}"
    r"|第?\s*[0-9]+\s*[-—–]\s*[0-9]+\s*页?|[:：]\s*[0-9]+(?:\s*[-—–]\s*[0-9]+)?)\s*[。.．]?\s*$"
)


def _cited_entry(text: str, position: int) -> bool:
    """True when the batch at ``position`` stands in a bibliography's or a footnote's entry citing a document
    ([2]　国务院关于做好…第六批…的通知; ①玉溪市商务局.…工作情况汇报（内部资料），2023年。): the entry opens with a
    reference mark and ends, at the next mark or line, with a document's kind or a year. A footnote telling a fact
    (①全市复制第六批经验31项。) is no citation; a mark after a sentence's words (…信息[24]。) opens no entry."""
    marks = list(_CITATION_MARK_RE.finditer(text, 0, position))
    if not marks or "。" in text[marks[-1].end() : position]:
        return False
    following = _CITATION_MARK_RE.search(text, position)
    line_end = text.find("\n", position)
    ends = [len(text), *(e for e in (line_end, following.start() if following else -1) if e >= 0)]
    return _CITATION_END_RE.search(text[marks[-1].end() : min(ends)]) is not None


def _title_only(text: str) -> bool:
    """True when the sentence is a cited title alone, perhaps numbered (附：参考阅读 1．《国务院关于…第七批…的通知》):
    a reading list names a document, and nothing in the case is said to follow it."""
    return _TITLE_ONLY_RE.fullmatch(text) is not None
