"""Cases pasted into an e-mail as attachments, and cases presented at a meeting taken down by speech-to-text.

Two kinds of document hold several cases with no heading mark the other rules read:
- an e-mail exported as text: a header block and a covering letter, then each attachment pasted after a line that
  names it (附件2：X区“title”.docx, ----- 附件：title（X单位）-----), a quoted-reply marker (-----原始邮件-----) perhaps
  between them. Each attachment is a case, headed by its own title line; the header and the letter are none.
- raw speech-to-text output of a meeting: speaker turns (发言人1　00:03:15, 说话人2 12:40) where the chair announces
  each case by its ordinal and quoted name (请X介绍第一个案例“title”, 第二个是X的“title”) and the next speaker presents
  it. Each announced case runs from the announcement to the chair's next turn, titled by the announced name.

Either needs at least two parts that hold a case's text, and most parts must: an e-mail forwarding one notice, or a
notice's list of attachment names with nothing pasted under them, cuts nothing. Only layout words are read
(data/lexicon/layouts.yaml `pasted`); nothing names a document.
"""

from __future__ import annotations

import re
from functools import cache

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_lines import Line
from ftzgraph.graph.extract._split_separators import Parted, holds_case_text, separator_shape, skipped_line


@cache
def _res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = load_lexicon("layouts")["pasted"]
    labels = "|".join(words["attachment_labels"])
    ext = "|".join(words["file_extensions"])
    opener = re.compile(
        rf"^[\s\u3000\-—=＝]*(?:{labels})\s*[0-9一二三四五六七八九十]*\s*[:：]\s*(?P<name>\S.{{3,80}}?)"
        rf"(?:\.(?:{ext}))?[\s\u3000\-—=＝]*$"
    )
    marker = re.compile(rf"^[\s\u3000\-—=＝]*(?:{'|'.join(words['reply_markers'])})[\s\u3000\-—=＝]*$")
    frame = r"[\s\u3000\-—=＝*＊#>＞<＜~～]*"
    rule = r"[\s\u3000]*[\-—=＝*＊#~～]{2,}[\s\u3000]*"
    file_line = re.compile(  # ---------- 案例材料1.docx ----------, 【附件1/4】X-案例.docx: a line naming only a file
        rf"^{frame}(?:[【\[〔](?:{labels})?[^】\]〕]{{0,8}}[】\]〕]\s*)?(?P<name>[^\s\-—=＝*＊#>＞<＜【\[〔].{{0,60}}?)"
        rf"\.(?:{ext}){frame}$"
        rf"|^{rule}(?:{labels})\s*[0-9一二三四五六七八九十]{{1,3}}{rule}$"  # ----- 附件2 -----: its number alone
    )
    # 发言人1　00:03:15, 说话人 2 [12:40], 00:03:15 发言人1, 主持人　00:00:06: the speaker's label and the time in
    # either order, the time perhaps in brackets
    label = rf"(?:{'|'.join(words['speakers'])})\s*(?:\d{{1,3}}|[A-Z])|{'|'.join(words['hosts'])}"
    at = r"[\[［（(【]?\d{1,2}:\d{2}(?::\d{2})?[\]］）)】]?"
    turn = re.compile(  # what the speaker says may follow on the line itself (发言人2 00:01:15：好的，…)
        rf"^\s*(?:{at}[\s\u3000]*(?P<who>{label})|(?P<named>{label})[\s\u3000]*[:：]?[\s\u3000]*{at})"
        rf"[\s\u3000]*[:：]?[\s\u3000]*(?P<rest>.*)$"
    )
    ordinal = "|".join(words["announce_ordinals"])
    announce = re.compile(
        rf"(?:{ordinal})[^“”\"]{{0,30}}[“\"](?P<title>[^“”\"]{{4,40}})[”\"]"
        # 第二个案例是江阴的跨境电商网购保税线下自提，…: raw output puts no quotes round the name
        rf"|(?:{ordinal})(?:案例)?(?:是|为)(?P<unit>[^，。、的“”\"\s]{{2,16}})的(?P<bare>[^，。；？！,;?!“”\"\s]{{4,30}})"
        rf"(?=[，。；？！,;?!]|$)"
    )
    return opener, marker, turn, announce, file_line


@cache
def _presented_re() -> re.Pattern[str]:
    """A presenter's words stating the title of the case the turn presents (我们报的案例叫X, 这个叫X, 汇报的是X), the
    title running to the clause's end."""
    cues = "|".join(load_lexicon("layouts")["pasted"]["title_cues"])
    stop = "，。；,;？?！!"
    return re.compile(rf"(?:{cues})[\s\u3000]*(?P<title>[^{stop}\s][^{stop}]{{3,39}})(?=[{stop}]|$)")


def _turns(lines: list[Line], body_from: int) -> list[tuple[int, str, str]]:
    """(line, speaker, what the speaker says on that line) of each speaker turn of a transcript from ``body_from``."""
    turn = _res()[2]
    return [
        (i, found["who"] or found["named"], found["rest"].strip())
        for i in range(body_from, len(lines))
        if (found := turn.match(lines[i].text))
    ]


def _text_line(lines: list[Line], turn: tuple[int, str, str]) -> int:
    """The first line holding what a turn's speaker says: the turn's own line when the speech follows the label on it,
    else the next line with text."""
    i, _, rest = turn
    return i if rest else next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), i)


def _furniture(text: str) -> bool:
    """A line read past when looking for an attachment's own title line: blank, a separator, a date or speaker line."""
    return skipped_line(text) or separator_shape(text) is not None


def _text(lines: list[Line], start: int, end: int) -> str:
    return "".join(line.text.strip() for line in lines[start:end])


def _enough(bodies: list[str]) -> bool:
    """At least two parts, and most of them, hold a case's text: a figure with a unit or a case word."""
    cases = sum(1 for body in bodies if holds_case_text(body))
    return cases >= 2 and 2 * cases > len(bodies)


_LISTED_FILES_RE = re.compile(r"^[0-9０-９一二三四五六七八九十]+\s*(?:个|份|件)|[；;、]")
"""An attachment field naming a count (附件: 4 个文件) or several files (案例1.docx；案例2.docx): a header's field,
no opener."""


def _opens_attachment(text: str, opener: re.Pattern[str], file_line: re.Pattern[str]) -> bool:
    """True when line ``text`` opens a pasted attachment: a label and its name (附件2：X.docx) or a line naming only
    one file (---------- 案例材料1.docx ----------), never a header's field listing the files attached."""
    found = opener.match(text)
    if found and not _LISTED_FILES_RE.search(found["name"]):
        return True
    return file_line.match(text) is not None and not _LISTED_FILES_RE.search(text)


def _opened_name(text: str, opener: re.Pattern[str], file_line: re.Pattern[str]) -> str:
    """The name an attachment's opening line gives it (附件2：X区“title”.docx, ---- 附件1-title.docx ----), without
    the label and number a file's name may start with; "" when the line gives only a number (—— 附件 1 ——)."""
    found = opener.match(text) or file_line.match(text)
    name = (found["name"] or "").strip() if found else ""
    labels = "|".join(load_lexicon("layouts")["pasted"]["attachment_labels"])
    return re.sub(rf"^(?:{labels})\s*[0-9一二三四五六七八九十]*\s*[\-—_－、.．：:\s]*", "", name) or name


def attachment_parts(lines: list[Line], body_from: int) -> list[tuple[int, int, int, str]] | None:
    """(title line, start, end, title) of each pasted attachment, or None when the text is no such e-mail."""
    opener, marker, _, _, file_line = _res()
    opens = [i for i in range(body_from, len(lines)) if _opens_attachment(lines[i].text, opener, file_line)]
    bounds = [*opens, len(lines)]
    parts = []
    for k, i in enumerate(opens):
        # a quoted-reply marker ends the attachment: the quoted message under it (the request replied to) is none
        end = next((j for j in range(i + 1, bounds[k + 1]) if marker.match(lines[j].text)), bounds[k + 1])
        while end - 1 > i and not lines[end - 1].text.strip():
            end -= 1
        title_at = next((j for j in range(i + 1, end) if not _furniture(lines[j].text)), None)
        if title_at is None:
            parts.append((i, i, end, ""))
            continue
        own = lines[title_at].text.strip()
        if len(own) > 40 or re.search(r"[。；，]", own):  # no title line of its own: the opener names it
            title_at, own = i, _opened_name(lines[i].text, opener, file_line)
        parts.append((title_at, i, end, own))
    if not _enough([_text(lines, t + 1, e) for t, _, e, _ in parts]):
        return None
    return parts


def announced_parts(lines: list[Line], body_from: int) -> list[tuple[int, int, int, str]] | None:
    """(announcement line, start, end, announced title) of each case a meeting's chair announces, or None."""
    _, _, _, announce, _ = _res()
    turns = _turns(lines, body_from)
    if len(turns) < 3:
        return None
    bounds = [i for i, _, _ in turns] + [len(lines)]
    said = [(i, who, rest + _text(lines, i + 1, bounds[k + 1])) for k, (i, who, rest) in enumerate(turns)]
    announced = [(k, found) for k, (_, _, text) in enumerate(said) if (found := announce.search(text))]
    if not announced:
        return None
    # the chair is who announces most; a presenter's own 首先…“A” in the middle of a talk announces nothing
    announcers = [said[k][1] for k, _ in announced]
    chair = max(dict.fromkeys(announcers), key=announcers.count)  # of those who announce alike, the first to
    announced = [(k, found) for k, found in announced if said[k][1] == chair]
    if len(announced) < 2:
        return None
    parts = []
    for k, found in announced:
        end = next((i for i, who, _ in said[k + 1 :] if who == chair), len(lines))
        text_at = _text_line(lines, turns[k])
        parts.append((text_at, turns[k][0], end, found["title"] or found["bare"]))
    bodies = [_text(lines, parts[n][0] + 1, parts[n][2]) for n in range(len(parts))]
    return parts if _enough(bodies) else None


def presented_parts(lines: list[Line], body_from: int) -> list[tuple[int, int, int, str]] | None:
    """(turn's first line, start, end, stated title) of each case a meeting's presenters state themselves (我是X的。
    我们报的案例叫title。…) while the chair, who speaks most, only calls the next unit (下面请江阴。): each such turn
    opens a case that runs on over the chair's questions and the presenter's answers up to the chair's turns before
    the next case (or the end). None unless at least two speakers present cases, most of the other speakers who say
    a case's text state a title, and the titles are distinct."""
    turns = _turns(lines, body_from)
    if len(turns) < 3:
        return None
    whos = [who for _, who, _ in turns]
    chair = max(dict.fromkeys(whos), key=whos.count)  # the first of those who speak most
    if whos.count(chair) < 2:
        return None
    bounds = [i for i, _, _ in turns] + [len(lines)]
    presented = []
    talkers = set()
    for k, (i, who, rest) in enumerate(turns):
        body = rest + _text(lines, i + 1, bounds[k + 1])
        if who == chair or not holds_case_text(body):
            continue
        talkers.add(who)
        if stated := _presented_re().search(body):
            presented.append((k, _text_line(lines, turns[k]), stated["title"].strip()))
    presenters = {whos[k] for k, _, _ in presented}
    if len(presenters) < 2 or 2 * len(presenters) <= len(talkers):
        return None  # an interview's one guest, or a discussion whose speakers present nothing
    if len({t for _, _, t in presented}) < len(presented):
        return None  # a speaker naming one practice again
    parts = []
    for n, (k, text_at, title) in enumerate(presented):
        last = presented[n + 1][0] if n + 1 < len(presented) else len(turns)
        while last - 1 > k and whos[last - 1] == chair:
            last -= 1  # the chair's call of the next unit, or the closing words, belong to no case
        parts.append((text_at, turns[k][0], bounds[last], title))
    return parts


def pasted_split(lines: list[Line], body_from: int) -> Parted | None:
    """The split of a text's pasted attachments or of a meeting's announced or presented cases, or None when it is
    none of these."""
    parts = attachment_parts(lines, body_from) or announced_parts(lines, body_from) or presented_parts(lines, body_from)
    if parts is None:
        return None
    return Parted(
        [t for t, _, _, _ in parts],
        [a for _, a, _, _ in parts],
        [b for _, _, b, _ in parts],
        {t: n for t, _, _, n in parts},
    )


_UNIT_BRACKET_RE = re.compile(r"[（(](?P<unit>[^（）()]{2,20})[）)]$")
_UNIT_BEFORE_QUOTE_RE = re.compile(r"^(?P<unit>[^“”\"\s：:]{2,20}?)[“\"][^“”\"]+[”\"]$")
_ANNOUNCED_UNIT_RES = (
    re.compile(r"请(?P<unit>[^，。、“”\"请\s]{2,20}?)(?:来)?(?:介绍|汇报|分享|讲)"),
    re.compile(r"是(?P<unit>[^，。、“”\"\s]{2,20}?)的[“\"]"),
    re.compile(r"(?:有请|来自)(?P<unit>[^，。、“”\"\s]{2,24}?)[，,]"),
)


_SELF_INTRODUCED_RES = (
    re.compile(r"我是(?P<unit>[^，。、“”\"\s]{2,24}?)的"),
    re.compile(r"我来自(?P<unit>[^，。、“”\"\s]{2,24}?)[，。,]"),
    re.compile(
        r"(?:我|我们)?代表(?P<unit>[^，。、“”\"\s]{2,24}?)"
        r"(?:来|简单|简要|向大家|向各位|在这里|在此|就)*(?:作|做)?(?:个|一个|一下)?"
        r"(?:汇报|发言|发个言|介绍|交流|讲|说)"
    ),
)


def _self_introduced(line: str) -> re.Match[str] | None:
    """The unit a presenter introduces before stating the case's title (我是X的，…案例叫title), or None; the unit the
    presenter speaks for (代表Y汇报) over the presenter's own office."""
    stated = _presented_re().search(line)
    if stated is None:
        return None
    found = [m for pattern in _SELF_INTRODUCED_RES if (m := pattern.search(line, 0, stated.start()))]
    on_behalf = [m for m in found if m.re is _SELF_INTRODUCED_RES[-1]]
    if on_behalf:  # 我是X市政府办的，代表X市汇报: the speaker's office speaks for the unit whose case it is
        return on_behalf[0]
    return min(found, key=lambda m: m.start()) if found else None


def pasted_unit(head: str) -> tuple[str, int, int] | None:
    """The unit a pasted attachment's opening line (附件2：X区“title”.docx, 附件：title（X单位）) or a chair's
    announcement (请X介绍第一个案例“title”, 第二个是X的“title”) names in ``head`` (a case's text up to its title's end),
    with its span; None when ``head`` holds neither."""
    opener, _, turn, announce, _ = _res()
    offset = 0
    in_turn = False
    for line in head.split("\n"):
        in_turn = in_turn or turn.match(line) is not None
        if in_turn and (introduced := _self_introduced(line)):  # 我是X的。我们报的案例叫title: the speaker's unit
            return introduced["unit"], offset + introduced.start("unit"), offset + introduced.end("unit")
        if found := opener.match(line):
            name = found["name"].strip().strip("-—=＝ \u3000")
            unit = _UNIT_BRACKET_RE.search(name) or _UNIT_BEFORE_QUOTE_RE.match(name)
            if unit:
                start = offset + found.start("name") + unit.start("unit")
                return unit["unit"], start, start + len(unit["unit"])
        elif said := announce.search(line):
            if said["unit"]:  # 第二个案例是X的title: the unit before the unquoted name
                return said["unit"], offset + said.start("unit"), offset + said.end("unit")
            for pattern in _ANNOUNCED_UNIT_RES:
                if unit := pattern.search(line):
                    return unit["unit"], offset + unit.start("unit"), offset + unit.end("unit")
        offset += len(line) + 1
    return None
