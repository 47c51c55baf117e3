"""Lines of a page that name a body without showing it act: page furniture (a site's name, a chat's sender, a
caption), a provider or source line, a document's title, a body naming itself or the provider in the first person.
Kept apart from the clauses that tell acting from speaking, approving or receiving, which read sentences, not lines."""

from __future__ import annotations

import functools
import re

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._agency_hits import _Hit
from ftzgraph.graph.extract._agency_names import CJK, load_agency_yaml
from ftzgraph.graph.extract._split_casebook import source_unit
from ftzgraph.graph.extract._split_fields import contact_unit
from ftzgraph.graph.extract._split_furniture import CREDIT_RE, closing_block_re, picture_line
from ftzgraph.graph.extract._split_points import provider_field_line
from ftzgraph.graph.extract._split_unit_lines import bracketed_unit, dash_unit
from ftzgraph.graph.extract._split_units import labelled_provider
from ftzgraph.graph.text import word_alternation

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
