"""Whether a mention shows a body acting: not a speaker's employer (…局长说), a page's source (记者从X获悉,
信息来源：X), a notice's addressees, a provider line, a place (在政务服务中心设置窗口), a government that only approves
(经市政府同意) or an office that only receives filings (向X海关申报). Words come from
``data/agencies/departments.yaml``. Split from ``agencies`` by noun.
"""

from __future__ import annotations

import functools
import re

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._agency_hits import (
    _TITLE_RE,
    _Hit,
)
from ftzgraph.graph.extract._agency_names import (
    CJK,
    Lexicon,
    load_agency_yaml,
)
from ftzgraph.graph.extract._agency_roles import names_press_event
from ftzgraph.graph.extract._split_casebook import source_unit
from ftzgraph.graph.extract._split_fields import contact_unit
from ftzgraph.graph.extract._split_furniture import CREDIT_RE, closing_block_re, picture_line
from ftzgraph.graph.extract._split_leads import speaker_unit
from ftzgraph.graph.extract._split_points import provider_field_line
from ftzgraph.graph.extract._split_units import bracketed_unit, dash_unit, labelled_provider
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


_FALLBACK_LABELS = load_lexicon("layouts")["fallback"]
# The splitter's labels may carry their own mark (报送：, 来源丨): a label is read without its trailing colon, which
# the pattern reads itself, and one closed by another mark needs nothing after it.
_PROVIDER_LABELS = sorted(
    {w.rstrip(":：") for w in _FALLBACK_LABELS["provider_labels"]} - set(_FALLBACK_LABELS["acting_labels"])
)
_PROVIDER_LINE_RE = re.compile(
    rf"^\s*[#*]*\s*[（(【]?\s*(?:(?:{word_alternation(_PROVIDER_LABELS)})[*_]*\s*(?:[:：]|】|(?<=[丨｜|】]))"
    r"|[^\n]{2,40}(?:提供|供稿|报送|推荐)\s*[)）]?\s*$)"
)
"""A provider line: a label of data/lexicon/layouts.yaml (the splitter's own list, read once for both) other than
the labels of units that act (牵头单位, 责任单位), or a line ending in a provider verb ((X提供))."""


_PLACE_AFTER_RE = re.compile(
    "[^。；;！？!?\n，,]{0,16}?(?:设置|设立|开设|增设|设有|窗口|专窗|专区|入驻|进驻|召开|举行|举办|揭牌)"
)
"""What follows a body named after 在 as where something is set up or held (在省政府主持召开…会议, 在X中心揭牌成立)."""


def _on_furniture_line(text: str, hit: _Hit) -> bool:
    """True when the body is on a line the splitter reads as a page's furniture, not text: a picture's caption
    (图｜政务服务中心注销专窗), a distribution line (抄送：X、Y) or a credit (撰稿：X办公室　某某), the unit of a
    contact line (联系人：X局　某某) or of a chat message's sender (09:31 赵某（X区政府办）): a photo's place, an
    addressee, a writer, whom to ask or who posted, not an actor."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    furniture, contact = _furniture_line(line)
    if _SITE_NAME_RE.fullmatch(line, 0, hit.start - line_start) and not line[hit.end - line_start :].strip():
        return True  # 标题 - 部门动态 - 太仓市人民政府: a page title's or search result's site name
    return furniture or (contact is not None and contact[0] <= hit.start - line_start < contact[1])


_SITE_NAME_RE = re.compile(r"[^\n]*\S[ \t\u3000]*(?:[ \t\u3000][-－–—|｜][ \t\u3000]|_)[ \t\u3000]*")
"""A page title's or a search result's line up to the site's name that closes it (X - 栏目 - 太仓市人民政府,
X_Y市人民政府)."""


@functools.lru_cache(maxsize=1024)
def _furniture_line(line: str) -> tuple[bool, tuple[int, int] | None]:
    """Whether ``line`` is a page's furniture as a whole, and the span of a contact line's unit: read once per line
    (``_on_furniture_line`` asks for each body on it)."""
    bullet = line.strip().startswith(_ARROW_MARKS)  # ▲做法: a mark some texts head paragraphs with, text follows
    contact = contact_unit(line)  # 联系人：泉州市商务局　某某　联系电话：…: whom to ask, not who acts
    credit = CREDIT_RE.match(line) is not None  # 撰稿：X办公室　某某, 编辑：…: a page's credits (扫码即可办理 is text)
    sender = _CHAT_SENDER_RE.match(line) is not None  # 09:31 赵某（浦口区政府办）: who posted, not who acts
    sender = sender or _FORUM_POSTER_RE.fullmatch(line) is not None  # 3楼　X人民政府（认证用户）　答：
    furniture = (picture_line(line) and not bullet) or closing_block_re().match(line) is not None
    return bool(furniture or credit or sender), (contact[1], contact[2]) if contact is not None else None


_CHAT_SENDER_RE = re.compile(
    r"\s*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+)?\d{1,2}:\d{2}(?::\d{2})?\s+[^\s（(]{1,8}[（(][^（）()\n]{2,30}[)）]\s*$"
)
"""A chat export's message header: the date if any, the time, the sender and the sender's unit in brackets."""


_FORUM_POSTER_RE = re.compile(
    r"\s*(?:#?\d{1,4}\s*楼|楼主|沙发|板凳)[ \t\u3000]+[^\s]{2,30}?(?:[（(][^（）()\n]{1,8}[)）])?"
    r"[ \t\u3000]*(?:(?:答|回复)?[：:]?|发表于[^\n]*)\s*"
)
"""A forum thread's post header (3楼　X人民政府（认证用户）　答：, 5楼　X局（认证用户）　发表于 2024-4-9 08:58): who
posted, the post follows on its own lines."""


_ARROW_MARKS = tuple(m for m in load_lexicon("layouts")["furniture"]["caption_marks"] if not m.startswith("图"))


def _opens_a_document_title(text: str, hit: _Hit) -> bool:
    """True when the body's name opens a document's title written without 《》 (江西省人民政府办公厅关于复制推广…的
    有关文件 in a reading list, 根据省商务厅关于…的通知): the document's issuer, cited, not a body acting in the
    case."""
    if not text.startswith(_ABOUT, hit.end) or any(phrase in text for phrase in _ISSUING_PHRASES):
        return False  # 现将…印发给你们: the notice the text itself is, whose title names its issuer
    line_start = text.rfind("\n", 0, hit.start) + 1
    if text.rfind("《", line_start, hit.start) > text.rfind("》", line_start, hit.start):
        return False  # 印发《X关于…的通知》: the title in marks, its issuer read by the citation rules
    line_end = text.find("\n", hit.end)
    return _DOCUMENT_TITLE_RE.match(text, hit.end, line_end if line_end >= 0 else len(text)) is not None


_ABOUT = "关于"
_DOCUMENT_KINDS = sorted([*load_lexicon("citations")["document_suffixes"], "文件"], key=len, reverse=True)
_DOCUMENT_TITLE_RE = re.compile(f"{_ABOUT}[^。；;\n]{{2,80}}?的(?:有关)?(?:{word_alternation(_DOCUMENT_KINDS)})")


def _alone_on_line(text: str, hit: _Hit) -> bool:
    """True when the body's name is all its line holds (a signature under a case, or under the covering notice the
    last case ran on into: 岳阳市人民政府, 广州南沙新区片区管委会办公室): a line that signs or names its unit. The
    signer of a notice the text itself is (现将《…》印发给你们 … 天津市人民政府办公厅) issues it, and acts."""
    if _issues_itself(text):
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    name = text[hit.start : hit.end]  # 管委会 of 广州南沙新区片区管委会: its area is read into it later
    bare = line.strip()
    if bare[:1] in "（(" and bare[-1:] in "）)":  # （吉隆县人民政府）: a contributor's line closing a case
        bare = bare[1:-1].strip()
    bare = _EDGE_MARKS_RE.sub("", bare)  # ◎X, ／X／, 〔X申报〕, "bsdw": "X",: marks or a field's key around the unit
    bare = _UNIT_VERB_RE.sub("", bare)  # X申报, X报送: the line names who sent the case
    bare = _SENT_KIND_RE.sub("", bare)  # X　经验材料: the unit, then what it sent
    bare = _SECOND_NAME_RE.sub("", bare)  # 岳阳市商务局（岳阳市自贸办）: one body signing with both its names
    return _NAME_LINE_RE.fullmatch(bare) is not None and bare.endswith((name, name + _SIGNING_OFFICE))


@functools.lru_cache(maxsize=64)
def _issues_itself(text: str) -> bool:
    """True when ``text`` says it issues a notice (现将《…》印发给你们): read once per text, not per body."""
    return any(phrase in text for phrase in _ISSUING_PHRASES)


_SIGNING_OFFICE = "办公室"
_EDGE_MARKS_RE = re.compile(f"^[^{CJK}（(]+|[^{CJK}）)]+$")
_UNIT_VERB_RE = re.compile(
    "(?<=[局委会府署办站队院处所])(?:" + "|".join(load_agency_yaml("departments.yaml")["unit_line_verbs"]) + ")$"
)
"""A provider verb closing a line that names one unit (〔X人民政府申报〕): who sent the case, no sentence."""
_SENT_KIND_RE = re.compile(f"(?<=[局委会府署办站队院处所])[ \t\u3000]+[{CJK}]{{0,4}}(?:材料|汇报)$")
"""What a unit sent, after a wide space closing its line (X人民政府　经验材料, X局　交流汇报)."""
_SECOND_NAME_RE = re.compile(f"(?<=[{CJK}])[（(][{CJK}]{{2,12}}[)）]$")
_NAME_LINE_RE = re.compile(f"[{CJK}（）()]{{2,40}}")
_ISSUING_PHRASES = tuple(load_agency_yaml("departments.yaml")["issuing_phrases"])


_REPORTED_RES = [re.compile(pattern) for pattern in _FALLBACK_LABELS["reported_by"]]
_BRACKETED_CREDIT_RE = re.compile(
    "[（(][^（）()\n，。；]{2,40}(?:" + "|".join(load_agency_yaml("departments.yaml")["unit_line_verbs"]) + ")[)）]"
)
"""A provider's credit wholly in brackets ((X供稿), （X推荐）), wherever the line has it: who sent the case."""
_CLOSING_LABEL_RE = re.compile(rf"[（(]\s*(?:{word_alternation(_PROVIDER_LABELS)})\s*[:：][^（）()\n]{{2,40}}[)）]\s*$")
"""A provider label in brackets closing a paragraph (…全程网办。（汇报单位：X局））."""


def _in_provider_line(text: str, start: int) -> bool:
    """True inside a provider line ((X提供), 报送单位：X, 供稿：X), a provider label in brackets closing a paragraph
    or a sentence naming who brought the case (会议听取了X的汇报, 该案例由X报送): the unit that submitted the case,
    not an actor. A line that names the unit leading the work (牵头单位：X) is no such line: leading is acting."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    provider, spans = _provider_line(text[line_start : line_end if line_end >= 0 else len(text)])
    at = start - line_start
    return provider or any(begin <= at < end for begin, end in spans)


@functools.lru_cache(maxsize=1024)
def _provider_line(line: str) -> tuple[bool, tuple[tuple[int, int], ...]]:
    """Whether ``line`` is a provider line as a whole, and the spans of the units a closing label or a sentence
    naming who brought the case holds: read once per line (``_in_provider_line`` asks for each body on it)."""
    spans = [(closing.start(), closing.end())] if (closing := _CLOSING_LABEL_RE.search(line)) else []
    spans += [(m.start(), m.end()) for m in _BRACKETED_CREDIT_RE.finditer(line)]  # （X供稿）按照…: text goes on
    spans += [(m.start("u"), m.end("u")) for r in _REPORTED_RES for m in r.finditer(line)]
    # 本案例由X供稿，Y整理; 讲解单位：X
    provider = source_unit(line) is not None or provider_field_line(line) or _PROVIDER_LINE_RE.match(line) is not None
    return bool(provider), tuple(spans)


def _names_provider(text: str, hit: _Hit) -> bool:
    """True when the mention names who brought the case rather than an actor, with no sentence going on from it
    (``names_the_provider``): the unit of a line the splitter reads as a provider line under any label
    (经验推荐单位：X, 案例报送：X, ``labelled_provider``), or the mention the case's provider was read from (title（X）,
    ——X). A lead-unit label (牵头单位：X, 责任单位：X) names the provider when it is the case's only one and names one
    unit; a text that labels several measures, or a label listing several units (责任单位：A、B), assigns the work, and
    those units act, as does the signer of a notice the text itself is (现将…印发给你们). A question for a label
    (谁来做｜X) asks who acts, and a body the text names again by the end of its name acts there."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not names_the_provider(text, hit.start, hit.end):
        return False
    labelled = labelled_provider(line, loose=True) or dash_unit(line) or bracketed_unit(line)  # 报送：X, ——X, （X）
    on_label = labelled is not None and labelled[1] <= hit.start - line_start < labelled[2]
    read = hit.read_as_provider and not any(phrase in text for phrase in _ISSUING_PHRASES)
    before = text[line_start : hit.start]
    if not (on_label or read) or _asks_who(before) or _named_again(text, hit, line_end):
        return False
    if _COOPERATING_RE.search(before):  # 配合单位：X: a unit helping another do the work acts
        return False
    listed = text[hit.end : hit.end + 1] == "、" or text[hit.start - 1 : hit.start] == "、"
    return not (_LEAD_LABEL_RE.search(line) and (listed or len(_LEAD_LABEL_RE.findall(text)) >= 2))


_LABEL_ENDS = tuple(_FALLBACK_LABELS["provider_label_ends"])
_LEAD_LABEL_RE = re.compile(
    "(?:"
    + word_alternation(
        sorted({w[: -len(e)] for w in _FALLBACK_LABELS["acting_labels"] for e in _LABEL_ENDS if w.endswith(e)})
    )
    + ")(?:"
    + word_alternation(_LABEL_ENDS)
    + ")"
)
"""A lead unit's label with any label ending (牵头单位, 牵头部门, 责任主体, 实施单位)."""
_COOPERATING_RE = re.compile(
    "(?:"
    + word_alternation(_FALLBACK_LABELS["cooperating_label_words"])
    + ")[\u4e00-\u9fff]{0,4}[ \t\u3000】\\]]*[:：|｜丨│]"
)
"""A cooperating unit's label (配合单位：, 【协办部门】)."""
_LABEL_BEFORE_RE = re.compile(r"([\u4e00-\u9fff]{2,8})[ \t\u3000]*[:：|｜丨│][ \t\u3000]*$")
_PROVIDER_WORD_RE = re.compile(
    word_alternation(
        sorted(
            {w.rstrip(":：|｜丨】") for w in _FALLBACK_LABELS["provider_labels"]}
            | set(_FALLBACK_LABELS["provider_label_ends"])
        )
    )
)


def _asks_who(before: str) -> bool:
    """True when the label before the unit is a question or a slogan holding no provider word (谁来做｜X, 谁来推｜X,
    我们是谁 | X): it asks who does the work, and the unit it answers with acts."""
    label = _LABEL_BEFORE_RE.search(before)
    return label is not None and _PROVIDER_WORD_RE.search(label.group(1)) is None


def _named_again(text: str, hit: _Hit, line_end: int) -> bool:
    """True when the text after the provider's line names the body again by the end of its name (实施单位：X合作区
    民生事务局 … 民生事务局联合Y…; 提供单位｜X新区管委会 … 新区管委会会同Y…): a short form referring back to it, which
    acts."""
    if line_end < 0:
        return False
    written = text[hit.start : hit.end]
    if named_in_first_person(text, hit):
        return True  # 填报单位：鄂州海事局 … 我局将…合并为一次申请: the form's unit speaks of its own act
    proper = hit.core.core == written  # a body known by its proper name: its own words end it
    shortest = 4 if proper else max(4, len(hit.core.core) + 2)  # a department's ending alone names no one body
    return any(written[-k:] in text[line_end:] for k in range(shortest, len(written) + 1))


def named_in_first_person(text: str, hit: _Hit) -> bool:
    """True when the text after the body's line names it in its first person by the kind its name ends in (我局 for
    X局, 我关 for X海关, 我委 for X委 or X委员会, 我中心 for X中心): a form or report its unit writes of itself
    (填报单位：X海事局 … 改革举措：我局将…), so the unit in the form's slot acts in the case."""
    line_end = text.find("\n", hit.end)
    if line_end < 0:
        return False
    written, after = text[hit.start : hit.end], text[line_end:]
    for word in _FIRST_PERSON_KINDS:
        kind = word[1:]
        if word in after and (written.endswith(kind) or (kind == "委" and written.endswith("委员会"))):
            return True
    return False


_FIRST_PERSON_KINDS = tuple(w for w in load_agency_yaml("departments.yaml")["first_person_bodies"] if w != "我们")


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


_PROVIDER_TAIL_RE = re.compile(
    r"(?:[（(][^（）()\n]{1,12}[)）])?[ \t\u3000]*(?:(?:提供|供稿|报送|推荐|选送|申报)[ \t\u3000]*)?"
    r"[)）】〗\]］〕」』*_|│｜丨]*[ \t\u3000]*"
    r"(?:(?:(?<=[\t|│｜丨])|(?<=[ \u3000]{2}))[^，。；;！？!?\n]{1,60})?$",
    re.MULTILINE,
)
"""What may follow the unit on a line that names who brought a case (报送：X, ——X, X　报送, title（X）,
X局（市自贸办）): its second name in brackets, a provider verb and closing marks, nothing a sentence goes on with;
on a form's line, further fields after a TAB, a bar or a wide space (X｜2024年进展, X　　配合单位：Y　　进度：…)."""


def names_the_provider(text: str, start: int, end: int) -> bool:
    """True when the span the case's provider was read from (``start``-``end`` of ``text``) names the unit without a
    sentence going on from it: the unit ends its line up to a provider verb and closing marks (经验推荐单位：X,
    报送：X, ——X, X　报送, title（X）) or stands in brackets that close the line (（资料来源：X）, （摘自X报送材料）,
    （X提供，2023年9月）). Such a line says who brought the case, under any label; a subject the provider was read from
    (X局会同Y推出…) goes on as a sentence and acts, also when a hard wrap ends its line right after the subject (text
    before the unit that no label, dash or mark ends is a sentence's)."""
    opened = text.rfind("\n", 0, start) + 1
    bracket = max(text.rfind(ch, opened, start) for ch in "（(〔【〖[")
    if _PROVIDER_TAIL_RE.match(text, end) is not None:
        return bracket >= 0 or _LINE_HEAD_RE.fullmatch(text, opened, start) is not None
    line_end = text.find("\n", end)
    line = text[start : line_end if line_end >= 0 else len(text)].rstrip()
    return bracket >= 0 and line.endswith(("）", ")", "〕", "】", "]")) and not re.search("[）)〕】\\]]", line[:-1])


_LINE_HEAD_RE = re.compile(
    r"[\s\u3000#*>•·—–－\-]*[^\s\u3000，。；,;：:、]{0,6}"
    r"|[^\n]*[:：|｜丨│—–－\-\t][\s\u3000*]*[^\s\u3000，。；,;：:、]{0,24}"
)
"""What may stand before a unit that ends its line on a line naming who brought the case: marks and dashes (——X,
X　报送), then at most the place the unit's name opens with, or a label and its separator (报送：X, 实施主体 | X),
then the words of the name before its unit (实施单位：成都国际铁路港经济技术开发区管委会)."""
