"""What a figure measures, as a reader would label it: the words before a figure often carry more than the measure.

A label keeps none of these:
- a time at its head (今年上半年开行 -> 开行);
- a reference figure in brackets (增速（21.4%）高出);
- a baseline of comparison (较改革前下降, 比同期全国增速高出), or a clause 与2015年相比 of its own;
- an adverb before its change verb (成本平均降低 -> 成本降低), though 年均增长 keeps 年均, a measure per year;
- what ends a clause and names nothing: a trailing 的 or 了, the lead 由/从/将 of a change whose before value is no
  number.
And when the words before a figure name no measure (a verb taking it as object, an attributive clause ending in 的),
the label is the noun after the unit. Split from graph/extract/outcomes.py, which finds the figures; words come from
``data/lexicon/units.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.text import word_alternation

_BRACKETED_RE = re.compile(r"[（(][^（）()]{0,30}?[0-9０-９][^（）()]{0,30}[)）]")
"""An aside in brackets holding a figure (（21.4%）, （39.1万亿元）): a reference; 种（养）植 keeps its brackets."""
_CLAUSE_BOUNDARY = "，,。；;：:！？!?\n#】"
_QUOTES = (('"', '"'), ("“", "”"), ("‘", "’"), ("「", "」"))


def lexicon() -> dict[str, Any]:
    return load_lexicon("units")


def without_brackets(phrase: str) -> str:
    """``phrase`` without its bracketed asides that hold a figure (增速比同期增速（21.4%）高出): a figure there is a
    reference, and the words around it belong together."""
    return _BRACKETED_RE.sub("", phrase)


@cache
def _time_head_re() -> re.Pattern[str]:
    """A time at the head of a label: a year, a month or a range of months, a quarter, or a word of the lexicon's
    ``label_time_words`` (今年, 上半年 …), any number of them (2024年上半年)."""
    numeral = "[0-9一二三四五六七八九十]"
    parts = [
        rf"{numeral}{{4}}年(?:度)?",
        rf"{numeral}{{1,2}}(?:[-—－~～至到]{numeral}{{1,2}})?月(?:份)?",
        word_alternation([*lexicon()["label_time_words"], *lexicon()["label_then_now"]["then"]]),
        word_alternation(lexicon()["label_then_now"]["now"]),
    ]
    return re.compile(rf"^(?:(?:{'|'.join(parts)})(?:以来|至今)?[ \t\u3000，,]*)+")


def time_free(label: str) -> str:
    """``label`` without a time at its head (今年上半年开行 -> 开行, 今年以来), when at least two characters remain,
    and without a time word right before its final verb (中欧班列长安号全年开行 -> 中欧班列长安号开行)."""
    match = _time_head_re().match(label)
    if match and (len(label) - match.end() >= 2 or match.end() == len(label)):
        label = label[match.end() :]  # 今年以来 alone: a time, no label
    inner = _time_before_verb_re().search(label, 2)
    return label[: inner.start()] + label[inner.end() :] if inner else label


@cache
def _time_before_verb_re() -> re.Pattern[str]:
    """A time word of the lexicon before the last one or two characters of a label (…全年开行): the verb's time."""
    return re.compile(rf"(?:{word_alternation(lexicon()['label_time_words'])})(?=[\u4e00-\u9fff]{{1,2}}$)")


@cache
def _change_tail_re() -> re.Pattern[str]:
    """A label that runs on to the lead and the verb of a change (项目审批时间由原来的半年以上压缩至): its subject is
    what changed, the before value (no number, 半年以上) did not make a pair."""
    change = lexicon()["change"]
    return re.compile(
        rf"^(?P<subject>.{{2,}}?)(?:{word_alternation(change['lead'])}).{{0,14}}?"
        rf"(?:{word_alternation(change['verbs'])})了?(?:{word_alternation(change['link'])})$"
    )


def tidy(label: str) -> str:
    """``label`` without what ends a clause and names nothing: brackets left open, a trailing 的 (占全国的80%), the
    lead of a change with no before number (通关时间由48小时…), a change whose before value is no number."""
    label = label.strip(" \t\u3000（(）)")
    for opening, closing in _QUOTES:  # …办结，"办理时限: a quote the clause cut left open opens nothing
        if label.startswith(opening) and closing not in label[1:]:
            label = time_free(label[1:])  # “以前出口种子检疫得: a quoted speech opening with its time
    if label.startswith("了") and len(label) > 2 and not label.startswith(tuple(lexicon()["words_opening_with_le"])):
        label = label[1:]  # 实现了占当地40%…: the aspect of the verb before, no part of the label (了解 is a word)
    causative = _causative_re().match(label)  # 使简易案件的调解时间缩短: a causative opens the sentence, not the label
    if causative and len(label) - causative.end() >= 2:
        label = label[causative.end() :]
    change = _change_tail_re().match(label)
    if change:
        label = change["subject"]
    verb_link = _verb_link_end_re().search(label)  # 企业开办时间压缩至0.5个工作日: what changed, not the change
    if verb_link and verb_link.start() >= 2:
        label = label[: verb_link.start()]
        for word in lexicon()["qualifiers_before_verb"]:  # 办理时间最快压缩至1小时: the qualifier goes too
            if label.endswith(word) and len(label) - len(word) >= 2:
                label = label[: -len(word)]
    lead_end = _change_lead_end_re().search(label)
    if lead_end and lead_end.start() >= 2:  # 流转时间由原来的2至3天缩短为…: the lead and its fillers
        label = label[: lead_end.start()]
    while len(label) > 2 and label.endswith("的"):
        label = label[:-1].rstrip(" \t\u3000")
    return without_modal(label)


def without_modal(label: str) -> str:
    """``label`` without a word of need or length at its end (检疫得, 办理进口许可需要): the clause's verb of taking
    time or effort, no part of the measure; a compound ending in such a word (获得, 主要) is kept."""
    words = lexicon()["label_modal_ends"]
    if label.endswith(tuple(words["kept"])):
        return label
    for word in words["words"]:
        if label.endswith(word) and len(label) - len(word) >= 2:
            return label[: -len(word)]
    return label


@cache
def _causative_re() -> re.Pattern[str]:
    """A causative verb at the head of a label (使, 让, 促使), not a word it only begins (使用)."""
    words = lexicon()["label_causatives"]
    return re.compile(rf"^(?!{word_alternation(words['not_after'])})(?:{word_alternation(words['words'])})")


def after_heading(phrase: str, opens_line: bool) -> str:
    """``phrase`` without a section heading run into its first sentence (▲成效　企业开办时间, **取得成效**企业…,
    2.1.3 实施成效退货时间, ✅看成效…): a web page or a word processor's copy keeps the heading on the line of its
    text, and the heading names the section, not the measure. A mark (a symbol, bold) ends the heading; its words
    are read only right after a mark or at the head of a line, so a measure that opens with such a word mid-sentence
    keeps it."""
    cut = max(phrase.rfind("**") + 2 if "**" in phrase else 0, _after_symbol(phrase))
    before = re.sub(r"[\W\d_]", "", phrase[:cut])  # what the mark closes or follows: nothing, or a heading's words
    if cut and before and not _run_in_heading_re().fullmatch(before):
        cut = 0  # 企业**开办**时间, 冷链货物5℃以下: a mark inside the measure, no heading
    rest = phrase[cut:]
    if cut or opens_line:
        heading = _run_in_heading_re().match(rest)
        if heading and len(rest) - heading.end() >= 2:
            rest = rest[heading.end() :]
    return rest


def _after_symbol(phrase: str) -> int:
    """Where ``phrase`` goes on after its last symbol mark (✅ ▲ ▌ ■), or 0."""
    return next((i + 1 for i in range(len(phrase) - 1, -1, -1) if unicodedata.category(phrase[i]) == "So"), 0)


@cache
def _run_in_heading_re() -> re.Pattern[str]:
    """An outline number and the words of a results section's heading at the head of a phrase."""
    return re.compile(
        rf"^[ \t\u3000]*(?:[0-9０-９]{{1,2}}(?:[.．][0-9０-９]{{1,2}})*[.．]?[ \t\u3000]*)?"
        rf"(?:{word_alternation(lexicon()['label_section_heads'])})[ \t\u3000：:]*"
    )


@cache
def _verb_link_end_re() -> re.Pattern[str]:
    change = lexicon()["change"]
    return re.compile(rf"(?:{word_alternation(change['verbs'])})了?(?:{word_alternation(change['link'])})$")


def ends_in_change_lead(phrase: str) -> bool:
    """True when ``phrase`` ends in the lead of a change and its fillers (…时间由原来的): a before value follows, and
    the 的 there opens no attributive clause."""
    return _change_lead_end_re().search(phrase) is not None


@cache
def _change_lead_end_re() -> re.Pattern[str]:
    change = lexicon()["change"]
    return re.compile(rf"(?:{word_alternation(change['lead'])})(?:{word_alternation(change['filler'])})*$")


def without_adverb(label: str) -> str:
    """``成本平均降低`` -> ``成本降低``: an adverb right before the label's final change verb says how the figure
    was taken, not what it measures; so does a baseline of comparison (较改革前下降, 比同期全国增速高出). A measure per
    period or head (年均增长, 人均收入) keeps its 均; an aspect 了 after the verb goes (缩短了 -> 缩短)."""
    lex = lexicon()
    for verb in lex["label_change_verbs"]:
        if label.endswith(verb + "了"):  # 增长了 alone too: the aspect names nothing
            label = label[:-1]
            break
    for verb in lex["label_change_verbs"]:
        if label.endswith(verb):
            head = label[: -len(verb)]
            if head.endswith(tuple(lex["label_adverb_compounds"])):
                return label
            kept = next((word for word in lex["label_kept_adverbs"] if head.endswith(word)), "")
            inner = head[: len(head) - len(kept)]  # 新设外资企业分别同比增长: 同比 stays, 分别 goes
            for adverb in sorted(lex["label_adverbs"], key=len, reverse=True):
                if inner.endswith(adverb) and len(inner) > len(adverb) + 1:
                    return inner[: -len(adverb)] + kept + verb
            comparison = _comparison_re().search(head)  # 贷款利率较改革前下降: the baseline, no part of the measure
            if comparison and comparison.start() >= 2:
                return head[: comparison.start()] + verb
            if comparison and comparison.group() == head:  # ，较上年增长15.6%: the change alone, as 同比增长 is
                return verb
    for verb in lex["label_comparative_verbs"]:  # 增速比同期全国外贸进出口增速高出: A比B高出 measures A
        if label.endswith(verb):
            head = label[: -len(verb)]
            at = max(head.find(opener) for opener in lex["label_comparisons"]["openers"])
            if at >= 2:
                return head[:at] + verb
    return label


@cache
def _comparison_re() -> re.Pattern[str]:
    words = lexicon()["label_comparisons"]
    return re.compile(
        rf"(?:{word_alternation(words['openers'])})[^，。；]{{0,6}}?(?:{word_alternation(words['ends'])})$"
    )


@cache
def _comparison_clause_re() -> re.Pattern[str]:
    """A clause that only states a baseline (浦东新区各类纳税主体数量与2015年相比; 企业数量较上年): its subject is what
    the next clause's change verb measures."""
    words = lexicon()["label_comparisons"]
    return re.compile(
        rf"^(?P<subject>[^，。；]{{2,}}?)(?:(?:与|和|同|跟)[^，。；]{{1,14}}?(?:相比|相较|比较)"
        rf"|(?:{word_alternation(words['openers'])})[^，。；]{{0,6}}?(?:{word_alternation(words['ends'])}))$"
    )


def subject_of_comparison(text: str, clause_start: int, verb: str) -> tuple[str, int] | None:
    """(label, start) for a figure whose own clause is only a change verb (增长了24%) when the clause before it only
    states a baseline (…数量与2015年相比，): the subject of that clause and the verb; None otherwise."""
    lex = lexicon()
    bare = verb[:-1] if verb.endswith("了") else verb
    if bare not in [*lex["label_change_verbs"], *lex["change"]["verbs"]]:
        return None
    end = clause_start - 1
    if end <= 0:
        return None
    start = end
    while start > 0 and text[start - 1] not in _CLAUSE_BOUNDARY and end - start < 40:
        start -= 1
    clause = text[start:end].strip(" \t\u3000")
    match = _comparison_clause_re().match(clause)
    if match is None:
        return None
    subject = time_free(match["subject"].strip(" \t\u3000"))
    return subject + bare, start + text[start:end].find(subject)


_NOUN_STOP = "，,。；;、：:！？!?\n#和及等与…"  # an ellipsis (……) ends the phrase too
_NOT_NOUN_START = "的以左次其余多内后前期"
"""A phrase opening with these is no noun of its own: 30分钟**以内**, 1年**期**以内贷款 (a term, not a count)."""
_MAX_FOLLOWING = 12


def noun_after(text: str, end: int) -> str | None:
    """The noun phrase right after a figure's unit (300余家**法人企业**、…), or None when none follows."""
    at = end
    for word in lexicon()["qualifiers_kept"]["tail"]:
        if text.startswith(word, at) and not (word == "内" and text[at + 1 : at + 2] in "部容外地陆"):
            at += len(word)
    if text.startswith("的", at) and end > 0 and text[end - 1] in "%％":  # 给予80%的保费补贴: the share of a noun
        at += 1
    stop = at
    while stop < len(text) and text[stop] not in _NOUN_STOP and not text[stop].isdigit() and stop - at <= 16:
        if text[stop] in "（(" and not re.search("[）)]", text[stop + 1 : stop + 5]):
            break  # 198项改革事项（其中…163项）: an aside, not part of the noun (县（区）部门 closes at once)
        stop += 1
    phrase = text[at:stop].strip(" \t\u3000")
    for verb in lexicon()["noun_enders"]:  # 32家跨国公司总部**参与**试点: a verb holding a stop character (与)
        if (phrase + text[stop : stop + 1]).endswith(verb) and len(phrase) >= len(verb) + 1:
            phrase = phrase[: len(phrase) + 1 - len(verb)]
            break
    suffixes = tuple(lexicon()["noun_ender_suffixes"])
    for verb in lexicon()["noun_enders"]:  # 其中42项**实现**全程网办: the items counted are what the verb reaches
        if phrase.startswith(verb) and len(phrase) - len(verb) >= 2 and not phrase[len(verb) :].startswith(suffixes):
            phrase = phrase[len(verb) :]
            break
    for verb in lexicon()["noun_enders"]:
        cut = phrase.find(verb)
        if cut >= 2:
            phrase = phrase[:cut]
    source = _source_re().search(phrase)  # 328项制度创新成果**从上海**推广至全国: where they went from is no part of it
    if source and source.start() >= 2:
        phrase = phrase[: source.start()]
    cut = phrase.find("的")  # 5个领域**的**包容免罚事项清单: the figure counts 领域
    if cut >= 2 and not any(w in phrase[:cut] for w in lexicon()["relative_clause_words"]):
        phrase = phrase[:cut]  # (12项全国首创的制度创新成果: a relative clause; the figure counts what follows 的)
    for adverb in lexicon()["noun_predicate_adverbs"]:  # 81条制度创新清单**已**落实: the predicate begins
        cut = phrase.find(adverb)
        if cut >= 2:
            phrase = phrase[:cut]
    preposition = _predicate_preposition_re().search(phrase, 2)  # 14家企业**按**注册人制度委托生产
    if preposition:
        phrase = phrase[: preposition.start()]
    for adverb in sorted(lexicon()["noun_trailing_adverbs"], key=len, reverse=True):  # 在建工程项目**全部**纳入
        if phrase.endswith(adverb) and len(phrase) - len(adverb) >= 2:
            phrase = phrase[: -len(adverb)]
    if not 2 <= len(phrase) <= 16 or phrase[0] in _NOT_NOUN_START or not re.match("[\u4e00-\u9fff“（(]", phrase):
        return None
    return phrase[:_MAX_FOLLOWING]


@cache
def _predicate_preposition_re() -> re.Pattern[str]:
    """A preposition opening the adverbial of a predicate after the noun a figure counts (企业按注册人制度委托生产,
    船舶在厦登记); not the first character of a word it only begins (外向型, 在建)."""
    words = lexicon()["noun_predicate_prepositions"]
    return re.compile(rf"(?!{word_alternation(words['not_after'])})(?:{word_alternation(words['leads'])})")


@cache
def _source_re() -> re.Pattern[str]:
    """The preposition of a source (从上海…) in the noun after a unit; not the first character of a word that only
    begins with it (从业人员)."""
    words = lexicon()["noun_source"]
    return re.compile(
        rf"(?:{word_alternation(words['leads'])})(?!{'|'.join(re.escape(w[1:]) for w in words['not_after'])})"
    )


@cache
def _batch_ordinal_re() -> re.Pattern[str]:
    """A batch ordinal ending the words before a figure (第一批81条…清单, 新一批20个…案例): it names no measure."""
    return re.compile(r"(?:第\s*[0-9０-９零〇一二两三四五六七八九十百]+|首|新?一)\s*批$")


def label_follows(text: str, start: int, what: str) -> bool:
    """True when what a figure counts is written after it: an item of an enumeration (、322个县（市）区部门)
    or a figure after a verb that names no measure (覆盖300余家…, 全市共有120家…)."""
    lead = text[:start].rstrip(" \t\u3000")
    for word in sorted(lexicon()["qualifiers_kept"]["before"], key=len, reverse=True):
        if lead.endswith(word):
            lead = lead[: -len(word)].rstrip(" \t\u3000")
            break
    if lead.endswith(("、", "和", "及", "与", "等")):  # A、B等76项事项: what is counted follows the unit
        return True
    lex = lexicon()
    if lead.endswith((*lex["object_lead_ins"], *lex["measure_existential"])):  # 东疆片区完成1609架飞机, 已为860家企业
        return True  # the verb right before the figure takes what is counted as its object
    if not what:
        return True
    bare = lead
    for word in sorted(lexicon()["qualifiers_before"], key=len, reverse=True):  # 人才达300名: 达 is no verb here
        if bare.endswith(word):
            bare = bare[: -len(word)].rstrip(" \t\u3000")
            break
    return _names_no_measure(what, verb_between=not bare.endswith(what))


def _names_no_measure(what: str, verb_between: bool = True) -> bool:
    """True when the phrase before a figure ends in a verb whose object the figure counts (覆盖, 部署, 梳理出,
    出台了) or in an adverb (当年就): it names no measure, and the label is what follows the unit.

    An adverb modifies a verb, so an adverb ending counts only when a verb (a lead-in such as 完成) stood between it
    and the figure (``verb_between``): written right before the figure, 才 and 都 end nouns (引进各类人才300余名,
    落户成都3家企业). 出 is a verb's complement only after a verb that takes one (梳理出, 筛选出); 研发支出3.5亿元
    and 年产出120万吨 measure the spending and the output."""
    lex = lexicon()
    if any(what.endswith(word) for word in [*lex["measure_existential"], *lex["measure_object_verbs"]]):
        return True
    if what in lex["measure_object_verbs_or_nouns"]:
        return True  # 累计组织300家企业; 社会组织120家 names what it counts
    if verb_between and what.endswith(tuple(lex["measure_adverb_endings"])):
        return True  # 当年就完成…
    if what in lex["measure_scope_words"]:
        return True  # 为全市5.2万户纳税人提供…: a scope names no measure
    if _batch_ordinal_re().search(what):
        return True  # 第一批81条制度创新清单: the batch counts what follows the unit
    if what.endswith("的") and not ends_in_change_lead(what):
        return True  # 天津新获批的10家融资租赁公司: an attributive clause, the noun after the unit is counted
    if what.endswith("了"):  # a verb with its aspect; 增长了35% measures the growth itself
        stem = what[:-1]
        return len(stem) >= 2 and not stem.endswith(tuple([*lex["label_change_verbs"], *lex["change"]["verbs"]]))
    if what.endswith("出"):
        return what[:-1].endswith(tuple([*lex["measure_object_verbs"], *lex["verbs_before_chu"]]))
    return False
