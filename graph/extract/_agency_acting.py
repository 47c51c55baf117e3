"""Whether a mention shows a body acting: not a speaker's employer (…局长说), a page's source (记者从X获悉,
信息来源：X), a notice's addressees, a provider line, a place (在政务服务中心设置窗口), a government that only approves
(经市政府同意) or an office that only receives filings (向X海关申报). Words come from
``data/agencies/departments.yaml``. Split from ``agencies`` by noun; the lines of a page that name a body without
its acting (page furniture, provider lines, document titles) are read in ``_agency_page_lines``.
"""

from __future__ import annotations

import re

from ftzgraph.graph.extract._agency_hits import _TITLE_RE, _Hit
from ftzgraph.graph.extract._agency_names import CJK, Lexicon, load_agency_yaml
from ftzgraph.graph.extract._agency_roles import names_press_event
from ftzgraph.graph.extract._split_leads import speaker_unit
from ftzgraph.graph.text import word_alternation

_POST_TITLES = tuple(sorted(load_agency_yaml("departments.yaml")["post_titles"], key=len, reverse=True))


def _in_post_title(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """True when a post follows the body, directly or after one of its departments written next to it
    (黑河片区管委会政策法规局局长尹红梅介绍): the body names a speaker's employer."""
    end = hit.end
    while (inner := next((h for h in hits if h.start == end and h is not hit), None)) is not None:
        end = inner.end  # 管委会 + 政策法规局 + 局长
    department = _DEPARTMENT_BEFORE_POST_RE.match(text, end)  # a department no lexicon holds (政策法规局)
    at = department.end() if department else end
    leaders = next((w for w in _LEADER_POSTS if text.startswith(w, at)), None)  # 区政府主要负责同志任组长
    return text.startswith(_POST_TITLES, at) or (
        leaders is not None and text.startswith(_LEADER_ROLES, at + len(leaders))
    )


def speaks_for_itself(text: str, hit: _Hit, document_text: str) -> bool:
    """True when ``hit`` is the body of a speech's speaker line (X局副局长　某某, ——X管委会主任　某某在…上的发言) and
    the speech goes on in its first person (我局会同…, 我们引进…): the speaker speaks for the body, which acts. A
    government speaking so is its place (我区…), as a district written as the subject is; a press event's speakers
    answer for reforms others carry out."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    speaker = speaker_unit(text[line_start:])
    if speaker is None or not speaker[1] <= hit.start - line_start < speaker[2] or hit.core.canonical.endswith("政府"):
        return False
    if names_press_event(document_text):
        return False
    line_end = text.find("\n", hit.start)
    return line_end >= 0 and _FIRST_PERSON_RE.search(text, line_end, line_end + _SPEECH_OPENING) is not None


_FIRST_PERSON_RE = re.compile(word_alternation(load_agency_yaml("departments.yaml")["first_person_bodies"]))
_SPEECH_OPENING = 200
"""How far into the speech its first person is looked for: past a salutation, into its first sentences."""


_LEADER_POSTS = tuple(sorted(load_agency_yaml("departments.yaml")["leader_posts"], key=len, reverse=True))
_LEADER_ROLES = tuple(load_agency_yaml("departments.yaml")["leader_post_roles"])


_DEPARTMENT_BEFORE_POST_RE = re.compile(
    f"[{CJK}]{{1,8}}?(?:{word_alternation(load_agency_yaml('departments.yaml')['department_endings_before_post'])})"
    f"(?=(?:{word_alternation(_POST_TITLES)}))"
)


_SOURCE_LINE_RE = re.compile(
    "(?:^|[（(\\s\u2460-\u2473\\d\\[\\]])(?:"
    + word_alternation(load_agency_yaml("departments.yaml")["source_line_words"])
    + f")\\s*[:：]\\s*(?:[{CJK}]{{1,6}}?[省市州盟])?$",
    re.MULTILINE,
)
"""A source line's label right before the body (（信息来源：浙江省商务厅）, a footnote's ①数据来源：X), or before
the city a district's body is written under (（案例来源：宜春市袁州区人民政府）, read from 袁州区): the page's
publisher, the data's or the case's."""


_SOURCE_AFTER = tuple(load_agency_yaml("departments.yaml")["source_after"])


_COMMENT_BEFORE_RE = re.compile(
    "(?:" + word_alternation(load_agency_yaml("departments.yaml")["comment_labels"]) + ")[ \t\u3000]*[（(]$"
)
_COMMENT_AFTER_RE = re.compile("[ \t\u3000]*[）)][ \t\u3000]*[:：】\\]]")
_COMMENT_LINE_RE = re.compile(
    "[ \t\u3000|│｜丨]*[【〔\\[]?(?:"
    + word_alternation(
        [w for w in load_agency_yaml("departments.yaml")["comment_labels"] if len(w) >= 4 or w == "批注"]
    )
    + ")[】〕\\]]?[ \t\u3000]*[:：|│｜丨]"
)
"""A reviewer's comment line (审核意见：同意制作。　县委改革办　日期), also as a form's row (| 推荐意见 丨 同意推荐。
X局（代章）): its bodies sign or are named in the comment."""


def _comments(text: str, hit: _Hit) -> bool:
    """True when the body is the author a reviewer's comment names in brackets after its label (〔批注（市司法局）：
    “全国首创”表述建议删除〕, 审核意见（X）：…, 【修改意见（X）】…), or any body on a line a review label opens
    (审核意见：同意制作。　县委改革办): it comments on the draft, it does not act in the case."""
    if _COMMENT_LINE_RE.match(text, text.rfind("\n", 0, hit.start) + 1) is not None:
        return True  # 审核意见：同意制作。　县委改革办: the comment's line, signed by its reviewer
    return (
        _COMMENT_BEFORE_RE.search(text, max(0, hit.start - 8), hit.start) is not None
        and _COMMENT_AFTER_RE.match(text, hit.end) is not None
    )


_OBJECT_BEFORE = "(?:" + word_alternation(load_agency_yaml("departments.yaml")["object_before"]) + ")了?$"
_LISTED_OBJECT_RE = re.compile(
    "(?:"
    + word_alternation(load_agency_yaml("departments.yaml")["object_before"])
    + ")了?[^，。；,;！？!?\n]{1,40}?[和及、]$"
)


def _listed_object(text: str, start: int) -> bool:
    """True when the body is a later item of a list the object verb governs (成立了领导小组和X管委会): set up too."""
    clause_start = max(text.rfind(ch, 0, start) for ch in "，。；,;！？!?\n") + 1
    return _LISTED_OBJECT_RE.search(text[clause_start:start]) is not None


def _in_salutation(text: str, start: int) -> bool:
    """True when ``start`` is on a notice's salutation line (各市、区人民政府，…管委会；市各委办局：): the bodies
    it lists are the addressees, not bodies acting."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    # 瑞金、兴国…人民政府,瑞金经济技术开发区管委会,市政府各部门,市属、驻市有关单位: a list that ends with its kind
    return line.endswith((":", "：")) and (line.startswith("各") or _ADDRESSEE_END_RE.search(line) is not None)


_ADDRESSEE_END_RE = re.compile(
    f"[、，,](?:[{CJK}]{{0,6}}?)(?:各|有关|相关)(?:[{CJK}]{{0,4}}?)(?:单位|部门|委办局)[：:]$"
)


_APPROVAL_BEFORE = tuple(load_agency_yaml("departments.yaml")["approval_before"])


_APPROVAL_HEAD_RE = re.compile(
    "(?:"
    + word_alternation(load_agency_yaml("departments.yaml")["approval_before"])
    + ")(?:第[0-9一二三四五六七八九十百]{1,4}次)?"  # 已经第68次区政府常务会议讨论通过
    + f"(?:[{CJK}（）()]{{1,20}}?、)*(?:中共|中国共产党)?$"
)
"""经 right before the body, or before earlier items of a list the body ends (经市委、市政府同意), a party committee's
中共 between them (经中共X区委同意)."""
_APPROVAL_AFTER_RE = re.compile(
    "[^，。；;,\n]{0,48}?(?:" + word_alternation(load_agency_yaml("departments.yaml")["approval_after"]) + ")"
)


_APPROVER_CORES = tuple(load_agency_yaml("departments.yaml")["approver_cores"])
_APPROVAL_GLUED_NOT = tuple(load_agency_yaml("departments.yaml")["approval_glued_not"])


def _only_approves(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """True when a government, party committee, zone committee or leading group is named only as approving another's
    act (经市政府同意，…印发; 已经市政府第48次常务会议研究通过; 经市委、市政府同意): the approval is the setting of the
    act, and the body that issues or carries it out is the one acting. A line department's approval (经市场监管局审核
    同意后) is its part in the reform, and a body whose clause ends in another body's approval (经市商务局协调获得海关
    总署同意) worked to obtain it: both act."""
    if not _approver_kind(hit):
        return False
    head = _APPROVAL_HEAD_RE.search(text, max(0, hit.start - 40), hit.start)
    glued = text.startswith(_APPROVAL_BEFORE, hit.start) and not text.startswith(_APPROVAL_GLUED_NOT, hit.start)
    approval = _APPROVAL_AFTER_RE.match(text, hit.end)  # 经新区管委会同意: glued, 经 read into a place's name
    return (
        (head is not None or glued)
        and approval is not None
        and not any(hit.end <= o.start < approval.end() and not _approver_kind(o) for o in hits)  # 经市委、市政府同意
    )


def hosts_meeting(text: str, hit: _Hit) -> bool:
    """True when a body of the approving kind goes on, in its clause, to host a meeting (市人民政府召开现场推进会予以
    推广, 区政府召开第12次常务会议研究): it convenes and endorses the reform from above, the bodies it convenes carry
    it out. A meeting the clause goes on to make deploy or carry out the work (召开推进会部署落实) is the body's act."""
    meeting = _MEETING_HOST_RE.match(text, hit.end) if _approver_kind(hit) else None
    if meeting is None:
        return False
    clause_end = min((e for ch in "，,。；;！？!?\n" if (e := text.find(ch, meeting.end())) >= 0), default=len(text))
    return not any(word in text[meeting.end() : clause_end] for word in _MEETING_ACTS)  # 召开推进会部署落实: it acts


_MEETING_ACTS = tuple(load_agency_yaml("departments.yaml")["meeting_acts"])
_MEETING_HOST_RE = re.compile(
    "(?:"
    + word_alternation(load_agency_yaml("departments.yaml")["meeting_host_verbs"])
    + f")[{CJK}0-9“”（）()]{{0,20}}?(?:"
    + word_alternation(load_agency_yaml("departments.yaml")["meeting_events"])
    + ")"
)


def _approver_kind(hit: _Hit) -> bool:
    """True for the kinds of body that give consent to another's act (``approver_cores``, party committees), and for a
    province's department (经省生态环境厅批准后在全市实施): its consent comes from above the place that acts, as a
    government's does, while a line department's approval at the case's own level is its part in the reform."""
    return hit.core.party or hit.core.never_acting or hit.core.canonical.endswith(_APPROVER_CORES) or _provincial(hit)


def _provincial(hit: _Hit) -> bool:
    """True for a body named at province level (省商务厅, 甘肃省自然资源厅, 省市场监管局)."""
    prefix = hit.prefix
    if prefix is None:
        return False
    return prefix.level == "province" or (prefix.place is not None and prefix.place.level == "province")


_RECEIVER_BEFORE = tuple(load_agency_yaml("departments.yaml")["receiver_before"])


_RECEIVER_AFTER_RE = re.compile(
    "(?:[（(][^（）()\n]{1,12}[)）])?(?:、[^，。；;,\n、]{2,30})*[^，。；;,\n、]{0,6}?(?:"
    + word_alternation(load_agency_yaml("departments.yaml")["receiver_after"])
    + ")"
)


def _only_receives(text: str, hit: _Hit) -> bool:
    """True when the body only receives what others file or report (向芜湖海关申报, 向上海海关进行二次报关; each body
    of 径向省地方金融监管局、国家金融监督管理总局广东监管局反映)."""
    clause = text[max(text.rfind(ch, 0, hit.start) for ch in "，。；;,\n") + 1 : hit.start]
    if clause.endswith(_PLACE_LEVELS):  # 向钦州市钦南区人民法院: the city a district's body is named under
        clause = next((clause[:-k] for k in range(2, 8) if clause[:-k].endswith(_RECEIVER_BEFORE)), clause)
    if not (clause.endswith(_RECEIVER_BEFORE) or _RECEIVER_LIST_RE.search(clause)):
        return False
    if clause.endswith(_IN_CHARGE) or _IN_CHARGE_LIST_RE.search(clause):
        return False  # 请径向市住建局反映: the notice's department in charge
    return _RECEIVER_AFTER_RE.match(text, hit.end) is not None


_PLACE_LEVELS = ("省", "市", "州", "盟")
_IN_CHARGE = tuple(load_agency_yaml("departments.yaml")["receiver_in_charge"])
_IN_CHARGE_LIST_RE = re.compile(f"(?:{word_alternation(_IN_CHARGE)})[^，。；;,\n]{{2,40}}、$")
_RECEIVER_LIST_RE = re.compile(f"(?:{word_alternation(_RECEIVER_BEFORE)})[^，。；;,\n]{{2,40}}、$")
"""向 before earlier items of a list the body ends (向A、B反映)."""


_PASSIVE_ACTIONS = tuple(load_agency_yaml("departments.yaml")["passive_actions"])


def _passive_agent(text: str, hit: _Hit) -> bool:
    """True when ``hit`` is the agent after 被 of an act of its own (被厦门海关复制推广, 被市商务局采纳): 被 marks a
    citation only before a verdict on the case (被X评为, 被X认定), which the cite rule keeps."""
    return (
        not hit.core.national  # 被国务院采纳: a national body adopting for the country, not a body of the case
        and not hit.core.never_acting
        and text[max(0, hit.start - 1) : hit.start] == "被"
        and text.startswith(_PASSIVE_ACTIONS, hit.end)
    )


def _second_name(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """True when ``hit`` is written in brackets right after another body (长沙市商务局（市口岸办）): one body
    with two names (一个机构两块牌子), not a second body; so too when the bracket's name only opens with it
    (县委组织部（县委人才办）: an office the lexicon does not hold, read as its 县委)."""
    return (
        hit.start >= 1
        and text[hit.start - 1] in "（("
        and _SECOND_NAME_TAIL_RE.match(text, hit.end) is not None
        and any(other.end == hit.start - 1 for other in hits if other is not hit)
    )


_SECOND_NAME_TAIL_RE = re.compile(f"[{CJK}]{{0,6}}[）)]")


_PLACE_AFTER_RE = re.compile(
    "[^。；;！？!?\n，,]{0,16}?(?:设置|设立|开设|增设|设有|窗口|专窗|专区|入驻|进驻|召开|举行|举办|揭牌)"
)
"""What follows a body named after 在 as where something is set up or held (在省政府主持召开…会议, 在X中心揭牌成立)."""


def _as_place(text: str, start: int, end: int) -> bool:
    """True when the body is named as a place (在银行、政务服务中心设置窗口; 在市民之家（市政务服务中心）设立专窗):
    在 opens the phrase and a verb of setting up or a counter follows in the same clause; or a stop's label opens
    its line (点位1　市政务服务中心, 第二站　X区政务服务中心: an observation tour's itinerary)."""
    clause_start = max(text.rfind(ch, 0, start) for ch in "。；;！？!?\n，,") + 1
    before = text[max(clause_start, start - 12) : start]
    after = _PLACE_AFTER_RE.match(text, end)
    if "依托" in before and text.endswith(_FACILITY_ENDINGS, 0, end):  # 依托市政务服务中心建设平台: a facility
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if _STOP_LABEL_RE.fullmatch(text, line_start, start):  # 点位1　市政务服务中心, 第二站　X: a visit's stop
        return True
    if before.endswith(_ENTERING) and text.endswith(_FACILITY_ENDINGS, 0, end):  # 进驻市政务服务中心: where they go
        return True
    if (  # 在市政务服务中心共享, 在两地任一政务服务中心提交: a centre or hall after 在 is where, not who
        _AT_RE.search(before)
        and text.endswith(_FACILITY_ENDINGS, 0, end)
        and not any(w in text[end : end + 8] for w in _GUIDANCE)
    ):
        return True
    if text.endswith(_SERVICE_HALLS, 0, end) and _HALL_WINDOW_RE.match(text, end):  # 县行政服务中心设立专窗
        return True
    return "在" in before and after is not None and not any(w in after.group() for w in _GUIDANCE)


_FACILITY_ENDINGS = ("中心", "大厅", "之家")
_SERVICE_HALLS = tuple(load_agency_yaml("departments.yaml")["service_halls"])
_HALL_WINDOW_RE = re.compile("(?:设立|设置|开设|增设|设有|设)[^。；;！？!?\n，,]{0,12}?(?:窗口|专窗)")
"""A service hall whose only part in the clause is that a counter is set up in it (X政务服务中心设立注销专窗): where
the counter is, as 在X中心设立窗口 says. A hall that runs a service area of its own (中心设立企业开办专区) or the work
(中心推行…, 中心牵头…) acts, as the gold files of the earlier parts have it."""
_STOP_NUMBER = "[0-9一二三四五六七八九十]{1,3}"
_STOP_LABEL_RE = re.compile(rf"\s*(?:(?:点位|站点){_STOP_NUMBER}|第{_STOP_NUMBER}站)[：:　\s]+")
"""A stop's label opening an itinerary's line (点位1, 第二站): the body after it is where a visit goes."""
_ENTERING = ("进驻", "入驻", "常驻", "派驻")
_AT_RE = re.compile("在[^，,。；;、在]{0,6}$")
"""在 right before the body, or before a few words that choose among places (在两地任一, 在各级)."""


_GUIDANCE = ("指导", "支持", "帮助", "推动", "协调", "组织", "牵头", "领导", "统筹")
"""在市商务局的指导下设立…: the body guides; it is no place."""


def _titles(text: str, lex: Lexicon) -> list[tuple[int, int, bool]]:
    """《…》 spans, each flagged when the case itself issues it (印发《…》), making its issuer act."""
    spans = []
    for match in _TITLE_RE.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        spans.append((match.start(), match.end(), any(verb in before for verb in lex.issue_verbs)))
    return spans
