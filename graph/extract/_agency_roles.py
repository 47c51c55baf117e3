"""Roles that are not acting in the reform, beyond those of ``_agency_acting``: a body that only hosts a press event
(X新闻办召开新闻发布会, 在市政府新闻办举行的…发布会上), and the issuer of a document a notice forwards
(现将X《…》转发给你们); and the one role in a title that acts, a speaker's body in its own speech (我局…). Words come
from ``data/agencies/departments.yaml``.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_hits import _Hit
from ftzgraph.graph.extract._agency_names import load_agency_yaml
from ftzgraph.graph.text import word_alternation

_DEPARTMENTS = load_agency_yaml("departments.yaml")
_PRESS_HOST_RE = re.compile(
    "[^，,。；;！？!?\n]{0,16}?(?:"
    + word_alternation(_DEPARTMENTS["press_host_verbs"])
    + ")的?[^，,。；;！？!?\n]{0,40}?(?:"
    + word_alternation(_DEPARTMENTS["press_events"])
    + ")"
    + "|(?:“[^”\n]{0,60}”)?(?:"  # X新闻办“…”新闻发布会: the event named right after its host, as a heading does
    + word_alternation(_DEPARTMENTS["press_events"])
    + ")"
)


def hosts_press_event(text: str, hit: _Hit) -> bool:
    """True when the clause goes on from ``hit`` to the press event it holds (召开…新闻发布会, X、Y联合举行新闻发布会):
    a host only; or when ``hit`` is a speaker: on a line labelled with a role at the event (【发布人】X局副局长), or
    asked to speak (请X局介绍); or when it only attends or speaks through its officials in the sentence announcing the
    event (…举行新闻发布会，X、Y负责同志出席 / 负责人介绍情况)."""
    if _PRESS_HOST_RE.match(text, hit.end) is not None:
        return True
    asked = _SPEAKER_ASKED_RE.search(text, max(0, hit.start - 3), hit.start) is not None
    if _on_role_line(text, hit) or (asked and _SPEAKER_TOLD_RE.match(text, hit.end) is not None):
        return True  # 发布人（X局）：…; 请X局介绍: a speaker
    sentence_start = max(text.rfind(ch, 0, hit.start) for ch in "。；;！？!?\n") + 1
    return _PRESS_EVENT_RE.search(text, sentence_start, hit.start) is not None and (
        _PRESS_ATTEND_RE.match(text, hit.end) is not None
    )


def _on_role_line(text: str, hit: _Hit) -> bool:
    """True when ``hit`` is in the speaker's details a role label opens (【发布人】X局副局长 张某; 发布人（X局）：…;
    主持人：X办副主任): up to the bracket's close, else to the line's end, a colon or a full stop."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    label = _PRESS_ROLE_LINE_RE.match(text, line_start)
    if label is None or label.end() > hit.start:
        return False
    details = text[label.end() : hit.start]
    if label.group().endswith(("（", "(")):
        return not any(ch in details for ch in "）)")
    return not any(ch in details for ch in "：:。\n")


_PRESS_ROLE_LINE_RE = re.compile(
    "[\\s【\\[（(]*(?:" + word_alternation(_DEPARTMENTS["press_role_labels"]) + ")\\s*[】\\]）)：:（(]"
)
_SPEAKER_ASKED_RE = re.compile("请$|邀请$")
_SPEAKER_TOLD_RE = re.compile(
    "[^，,。；;！？!?\n]{0,12}?(?:" + word_alternation(_DEPARTMENTS["press_speaker_verbs"]) + ")"
)
_PRESS_EVENT_RE = re.compile(word_alternation(_DEPARTMENTS["press_events"]))
_PRESS_ATTEND_RE = re.compile(
    "[^，,。；;！？!?\n]{0,30}?(?:"
    + word_alternation(_DEPARTMENTS["press_attend_verbs"])
    + ")[。，,；;]|[^，,。；;！？!?\n]{0,30}?(?:"
    + word_alternation(_DEPARTMENTS["press_speaker_persons"])
    + ")[^，,。；;！？!?\n]{0,4}?(?:"
    + word_alternation(_DEPARTMENTS["press_speaker_verbs"])
    + ")"
)


def speaker_label(text: str, hit: _Hit, document_text: str) -> bool:
    """True when ``hit`` opens a line as the label of who answers (天津市商务局：…; 市商务局 张某：…) in a document
    that names a press event: the speaker's body, not an actor of the case the answer tells. Outside a press
    transcript such a label heads a body's duties (市商务局：负责…) and acts."""
    if (
        text[text.rfind("\n", 0, hit.start) + 1 : hit.start].strip(" \t　【[（(")
        or _SPEAKER_LABEL_RE.match(text, hit.end) is None
    ):
        return False
    return names_press_event(document_text)


_SPEAKER_LABEL_RE = re.compile("[）)】\\]]?[ \t　]*(?:[\u4e00-\u9fff]{2,4})?[ \t　]*[：:]")


_FORWARDING = tuple(_DEPARTMENTS["forwarding_markers"])


def issues_forwarded_document(text: str, hit: _Hit) -> bool:
    """True when ``hit`` is written right before the title of the document a notice forwards (现将X《…》转发):
    the document's issuer, not a body acting."""
    clause_start = max(text.rfind(ch, 0, hit.start) for ch in "。；;！？!?\n，,") + 1
    return text.startswith("《", hit.end) and any(w in text[clause_start : hit.start] for w in _FORWARDING)


_BATCH_RE = re.compile(
    "第[一二三四五六七八九十0-9０-９]{1,3}批[^。；;]{0,12}?(?:最佳实践案例|改革试点经验|实践案例|创新案例)"
)


_LISTS_PRACTICE_RE = re.compile(
    "[^，,。；;！？!?\n]{0,4}?将(?:"
    + word_alternation(_DEPARTMENTS["batch_listing_objects"])
    + ")[^，,。；;！？!?\n]{0,6}?(?:"
    + word_alternation(_DEPARTMENTS["batch_listing_verbs"])
    + ")[^，,。；;！？!?\n]{0,30}?(?:第[一二三四五六七八九十0-9０-９]{1,3}批[^，,。；;！？!?\n]{0,20}?)?(?:"
    + word_alternation(_DEPARTMENTS["batch_listing_lists"])
    + ")"
)


def issues_a_batch(text: str, hit: _Hit) -> bool:
    """True for a national body in a sentence about a national batch (入选第四批“最佳实践案例”，由商务部印发推广),
    or for any body that puts the case's practice on a list to copy (X商务厅将该做法纳入全省第二批复制推广清单): the
    issuer of the batch the case was selected into, not a body acting in the case."""
    if _LISTS_PRACTICE_RE.match(text, hit.end) is not None:
        return True
    if not hit.core.national:
        return False
    start = max(text.rfind(ch, 0, hit.start) for ch in "。；;！？!?\n") + 1
    ends = [i for i in (text.find(ch, hit.end) for ch in "。；;！？!?\n") if i >= 0]
    return _BATCH_RE.search(text, start, min(ends, default=len(text))) is not None


_LETTERHEAD_RE = re.compile(r"文件[ \t　]*(?:\n|$)")


def in_letterhead(text: str, hit: _Hit) -> bool:
    """True for a body written as a letterhead (X办公室文件 alone on its line, as running headers repeat it): the
    document's issuer heading its pages, which acts only where the text says it does (its signature, its verbs)."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    return not text[line_start : hit.start].strip() and _LETTERHEAD_RE.match(text, hit.end) is not None


def parent_in_name(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """True when a stem-named body is written right after ``hit`` (山东出入境边防检查总站石岛出入境边防检查站,
    厦门海事局同安海事处): ``hit`` is the parent that opens the office's name, not a second body acting."""
    return hit.core.canonical.endswith(_PARENT_ENDINGS) and (
        any(other.start == hit.end and other.core.stem_place and other is not hit for other in hits)
        or (_CHILD_OFFICE_RE.match(text, hit.end) is not None and not text.startswith(_NOT_A_CHILD, hit.end))
    )


def name_under_parent(text: str, hits: list[_Hit]) -> None:
    """A local office whose standard name carries its parent's (重庆海事局涪陵海事处: a maritime bureau's office is
    known under the bureau) takes the parent written right before it, which ``parent_in_name`` keeps from acting."""
    for child in hits:
        if child.name is None or not child.core.canonical.endswith(_NAMED_UNDER_PARENT):
            continue
        parent = next((h for h in hits if h.end == child.start and h is not child), None)
        if parent is not None and parent.core.canonical.endswith(_PARENT_ENDINGS):
            child.name = (parent.name or text[parent.start : parent.end]) + child.name


_NAMED_UNDER_PARENT = tuple(_DEPARTMENTS["named_under_parent"])
_PARENT_ENDINGS = ("总站", "海关", "海事局")
_CHILD_OFFICE_RE = re.compile("[\u4e00-\u9fff]{2,3}?(?:出入境边防检查站|边检站|海事处)")
_NOT_A_CHILD = (*_DEPARTMENTS["joint_verbs"], "与", "和", "及", "同", "并")
"""Words after the parent that open a second body's mention (东宁海关与东宁出入境边防检查站): no office of its own."""


def names_press_event(document_text: str) -> bool:
    """True when the document names a press event (新闻发布会, 答记者问): its speakers answer for reforms others carry
    out, so a speaker's body is no actor of the case the answer tells."""
    return _PRESS_EVENT_RE.search(document_text) is not None


_ANNOUNCE_RE = re.compile(
    r"(?:[0-9０-９]{1,2}日|近日|日前|今日|今天|昨日|昨天)?(?:" + word_alternation(_DEPARTMENTS["announce_verbs"]) + ")"
)
_PUBLICITY_RE = re.compile(
    "(?:[、和及与][\u4e00-\u9fff]{1,22}?(?:局|委|办|部|中心|台|社|站|院|所|会|处))*"  # 区委宣传部、区融媒体中心…
    + "(?:"
    + word_alternation(_DEPARTMENTS["publicity_leads"])
    + ")?(?:"
    + word_alternation(_DEPARTMENTS["publicity_acts"])
    + ")(?:工作)?(?:[，。；,;！!]|$)"
)
_DUTY_LIST_RE = re.compile(
    "(?:[、和及与][\u4e00-\u9fff]{1,22}?(?:局|委|办|部|中心|台|社|站|院|所|会|处|关))*"
    + "等(?:有关|相关)?(?:部门|单位)(?:要)?(?:"
    + word_alternation(_DEPARTMENTS["duty_only_leads"])
    + ")"
)
"""A list closed by 等部门 whose only act is its duty (…等部门按职责做好配合, …等单位各司其职): bodies standing by."""
_HANDLING_RE = re.compile(
    "(?:[、和及与][\u4e00-\u9fff]{1,22}?(?:局|委|办|部|中心|站|院|所|会|处|关|府))*"
    + "(?:"
    + word_alternation(_DEPARTMENTS["motion_roles"])
    + ")(?:单位)?(?:[，。；,;：:]|$)"
)
"""A body's role in answering a deputy's motion (X主办, Y、Z会办, then the clause ends)."""
_MOTION_RE = re.compile(word_alternation(_DEPARTMENTS["motion_words"]))


def _sentence(text: str, start: int) -> str:
    """The sentence holding ``start``, from the last full stop or line before it to the next."""
    opened = max(text.rfind(ch, 0, start) for ch in "。！？!?\n") + 1
    ends = [e for ch in "。！？!?\n" if (e := text.find(ch, start)) >= 0]
    return text[opened : min(ends) if ends else len(text)]


_SOURCE_BEFORE = ("据", "據", "根据")
_SAID_RE = re.compile("(?:" + word_alternation(_DEPARTMENTS["source_said"]) + ")")
_CLAIM_RE = re.compile("(?:" + word_alternation(_DEPARTMENTS["claim_verbs"]) + ")(?![号重量职])")
_TRANSFER_RE = re.compile("(?:" + word_alternation(_DEPARTMENTS["transfer_before"]) + ")$")


def side_role(text: str, hit: _Hit) -> bool:
    """True when the body is named beside the reform, not acting in it: it announces the news (X新闻办20日发布消息,
    a source like 记者从X获悉), is the source of the sentence (据X介绍), only publicises it, alone or in a list
    (区委宣传部、区融媒体中心做好宣传报道), stands by in a list whose only act is its duty
    (X局、Y局等部门按职责做好配合), only claims something of the reform (县政府称“全省首创”), answers a deputy's
    motion (建议由我局主办，市财政局会办), or receives a matter passed on to it (转X热线, a hotline's transfer note)."""
    if _ANNOUNCE_RE.match(text, hit.end) is not None or _PUBLICITY_RE.match(text, hit.end) is not None:
        return True
    if _DUTY_LIST_RE.match(text, hit.end) is not None:
        return True  # 周口市商务局、交通运输局等部门按职责做好配合: a list standing by, no act of the reform
    if _HANDLING_RE.match(text, hit.end) is not None and _MOTION_RE.search(_sentence(text, hit.start)):
        return True  # 您提出的建议由我局主办，市财政局会办: who answers the motion, not who acts in the reform
    clause = text[max(text.rfind(ch, 0, hit.start) for ch in "，。；;,：:\n") + 1 : hit.start]
    if clause.strip().endswith(_SOURCE_BEFORE) and _SAID_RE.match(text, hit.end) is not None:
        return True  # 据区委改革办介绍: the source of what follows
    if _CLAIM_RE.match(text, hit.end) is not None:
        return True  # 县政府称“全省首创”: a claim about the reform, no act in it
    return _TRANSFER_RE.fullmatch(clause.strip()) is not None


_NEXT_CLAUSE_RE = re.compile(r"[^，,。；;]{0,12}[，,]\s*(?:[^，,。；;]{0,8}?[，,]\s*)?该")


def referred_back(text: str, hit: _Hit) -> bool:
    """True when the clause after the body's opens with 该 and an ending of its name (记者从X人力资源和社会保障局获悉，
    该局联合…; 据X委介绍，该委…): the source of the news is the subject that acts in it."""
    match = _NEXT_CLAUSE_RE.match(text, hit.end)
    if match is None:
        return False
    name = text[hit.start : hit.end]
    return any(name.endswith(text[match.end() : match.end() + k]) for k in (2, 1) if match.end() + k <= len(text))
