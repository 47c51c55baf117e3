"""Furniture of a web page copied as plain text: the lines that are the page's, not the article's.

A page saved with Ctrl-A, or pasted into a word processor, brings its site with it: menu bars, a breadcrumb
(当前位置：首页 > 要闻动态), a line of who published the article when (发布时间：…　来源：…　【字体：大 中 小】), button
bars (【打印本页】【关闭窗口】), a share bar, links to the previous and next article, related news, editors' credits
and the site's footer (版权所有, ICP备…). Read as text, such a line becomes a case's title (the breadcrumb or the
site's name over a page that yields one case), a provider (a footer's 主办单位) or an agency (a related link naming a
ministry).

A line is the page's by its shape, whatever site it comes from: it is made only of interface words and separators,
or of steps parted by navigation separators, or of short links parted by bars, or only of the page's own labelled
fields (label：value with every label a page label), or it holds a footer mark; the list under a related-news
heading is the page's, and so is a list's pager (首页 上一页 下一页 尾页) and the date closing a list item's line when
the item's fields (来源：X, 摘要：…) hang under it: the item's title is what they belong to. The site's name at the
top stays: it tells which city's bodies the page's short names are.
The words are in ``data/lexicon/html_boilerplate.yaml``, shared with graph/sources/html.py, and each line is matched
once by a pattern compiled from them (no loop over the lists per line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ftzgraph.graph.data_files import load_lexicon

MAX_LINE = 200
"""A longer line is prose, whatever it holds."""
MAX_STEP = 20
"""A breadcrumb's step or a menu bar's link is at most this long."""
MAX_BUTTONS = 60
"""A line of interface words (a bar of buttons, a share bar) is at most this long."""
MAX_HEADING = 12
"""A related-news heading alone on its line is at most this long."""

_SEPARATORS = r"\s|｜/\\·•:：【】\[\]()（）<>《》»«>\-—_,，、"
_SEPARATORS_ONLY_RE = re.compile(f"[{_SEPARATORS}]+")
_SEPARATOR_CHARS = " \t\n\r\f\v\u3000|｜/\\·•:：【】[]()（）<>《》»«>-—_,，、"
"""The same characters, for ``str.lstrip``."""
_BAR_RE = re.compile(r"[ \t\u3000]+[|｜][ \t\u3000]+")
"""A menu bar's separator: a bar set apart by spaces (a table's cells, 序号｜事项｜单位, touch their bars)."""
_DATE_RE = re.compile(r"[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?(?:\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?")
_DATE_END_RE = re.compile(r"(?:[0-9]{4}[-/.年])?[0-9]{1,2}[-/.月][0-9]{1,2}日?\s*[)）]?\s*$")
_BULLET_RE = re.compile(r"^[\s\u3000]*[·•●○◆◇■□▪▸►\-*]")
_PROSE_RE = re.compile(r"[。；！？]")


@dataclass(frozen=True)
class _Rules:
    interface: re.Pattern[str]
    firsts: frozenset[str]
    location: re.Pattern[str]
    steps: re.Pattern[str]
    footer: re.Pattern[str]
    hint: re.Pattern[str]
    field: re.Pattern[str]
    labels: frozenset[str]
    company_labels: frozenset[str]
    related: frozenset[str]
    pager: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@cache
def _rules() -> _Rules:
    raw = load_lexicon("html_boilerplate")
    phrases = [re.sub(r"\s+", "", p) for p in raw["boilerplate_phrases"]]
    steps = "".join(map(re.escape, raw["navigation_separators"]))
    return _Rules(
        interface=re.compile(rf"^(?:[{_SEPARATORS}]|{_alternation(phrases)})+$"),
        firsts=frozenset(p[0] for p in phrases if p),
        location=re.compile(rf"^[\s\u3000【\[]*(?:{_alternation(raw['location_labels'])})\s*[:：]"),
        steps=re.compile(f"[{steps}]"),
        footer=re.compile(_alternation(raw["footer_marks"])),
        hint=re.compile(rf"[:：|｜{steps}]|{_alternation(raw['footer_marks'])}"),
        field=re.compile(r"([\u4e00-\u9fffA-Za-z]{1,8})\s*[:：]"),
        labels=frozenset(raw["page_field_labels"]),
        company_labels=frozenset(raw["page_field_labels_in_company"]),
        related=frozenset(raw["related_headings"]),
        pager=re.compile(_alternation(raw["pager_words"])),
    )


def interface_line(line: str) -> bool:
    """True for a line made only of interface phrases (分享到 微信 微博, 【打印本页】【关闭窗口】) and separators,
    with one phrase at least (a rule of dashes or a table's |---| row is the text's own)."""
    first = line.lstrip(_SEPARATOR_CHARS)[:1]
    if first not in _rules().firsts:  # a line of prose opens with no interface word: past without a pattern
        return False
    bare = re.sub(r"\s+", "", line)
    return (
        bool(_SEPARATORS_ONLY_RE.sub("", bare))
        and "\t" not in line.strip()
        and _rules().interface.match(bare) is not None
    )


def _navigation(line: str) -> bool:
    """A breadcrumb (当前位置：首页 > X, 首页 » X » 正文) or a menu bar (首页 | 机构概况 | 政务公开)."""
    rules = _rules()
    if rules.location.match(line):
        return True
    if "<" in line or _PROSE_RE.search(line):
        return False
    steps = rules.steps.split(line)
    if len(steps) >= 3 and all(0 < len(s.strip()) <= MAX_STEP for s in steps):
        return True
    if line.startswith(("|", "｜")) or line.endswith(("|", "｜")) or "\t" in line:
        return False  # a table's row
    return _menu_links(line) >= 3


def _menu_links(line: str) -> int:
    """How many links a menu bar (首页 | 机构概况 | 政务公开) parts with spaced bars; 0 when the line is none."""
    links = _BAR_RE.split(line.strip())
    if len(links) < 2 or not all(0 < len(s) <= MAX_STEP and not re.search(r"[0-9]", s) for s in links):
        return 0
    return len(links)


def _fields_only(line: str) -> bool:
    """A line of the page's own fields: 责任编辑：X　审核：Y, 发布时间：…　来源：…　浏览次数：…, 上一篇：title.
    Every label on the line is a page's (责任编辑：X　供稿：Y names a provider, 来源：X the page's city) and text before
    the first may only be a date; some labels count only beside another field (主办：X alone is a meeting's host)."""
    rules = _rules()
    found = list(rules.field.finditer(line))
    if not found:
        return False
    head = line[: found[0].start(1)].strip(" \t\u3000【[(（")
    if head and not _DATE_RE.fullmatch(head):
        return False
    names = [m[1] for m in found]
    if all(name in rules.labels for name in names):
        return True
    return len(names) >= 2 and all(name in rules.labels or name in rules.company_labels for name in names)


def _furniture(line: str) -> bool:
    """One line's shape, cheapest tests first: most lines of prose hold no label, step, bar nor footer mark (the
    ``hint``) and are too long for a bar of buttons, and are past after two searches."""
    bare = line.strip()
    if not bare or len(bare) > MAX_LINE:
        return False
    rules = _rules()
    if len(bare) <= MAX_BUTTONS * 2 and len(set(rules.pager.findall(bare))) >= 2 and not _PROSE_RE.search(bare):
        return True  # a list's pager (共4条　1/1页　首页　上一页　1　下一页　尾页), wherever it stands
    buttons = len(bare) <= MAX_BUTTONS and interface_line(bare)
    if buttons or rules.hint.search(bare) is None:
        return buttons
    if rules.footer.search(bare) is not None:
        return True
    if _PROSE_RE.search(bare) and not rules.location.match(bare):
        return False  # a sentence: no menu, path nor line of fields
    return _navigation(bare) or _fields_only(bare)


def _table_row(lines: list[str], i: int) -> bool:
    """A bar-parted line that is a table's header or row: a line beside it has as many parts, or is a |---| rule."""
    parts = _menu_links(lines[i])
    if not parts:
        return False
    beside = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(len(_BAR_RE.split(line.strip())) == parts or "---" in line for line in beside)


def web_furniture_lines(lines: list[str]) -> dict[int, int]:
    """The lines of ``lines`` that are a web page's furniture, each with the column it is the page's from: the lines
    of the shapes above and the list of other articles under a related-news heading, whole (column 0), except a
    breadcrumb opened by the site's own name (绵阳市人民政府门户网站 > 互动交流), whose name stays, since it tells
    which city the page's short names (市X局) are."""
    found = {i: _site_name_end(line) for i, line in enumerate(lines) if _furniture(line) and not _table_row(lines, i)}
    found |= _item_dates(lines)
    if not found:
        return found
    related = _rules().related
    for i, line in enumerate(lines):
        if len(line) <= MAX_HEADING and re.sub(r"[\s：:【】\[\]]", "", line) in related:
            found[i] = 0
            j = i + 1
            while j < len(lines) and lines[j].strip() and len(lines[j].strip()) <= MAX_STEP * 3:
                item = lines[j].strip()
                if not (_BULLET_RE.match(item) or _DATE_END_RE.search(item)) or _PROSE_RE.search(item[:-1]):
                    break
                found[j] = 0
                j += 1
    return found


def _item_dates(lines: list[str]) -> dict[int, int]:
    """A list page's items (· title　　2024-10-21, 1　title　　2024-06-12) with the item's fields hanging under them
    (来源：X, 发布机构：X, 摘要：…): the date the line ends with is the page's, set apart by spaces from the title,
    which the item's fields belong to; blanked from the spaces on, so the line reads as the title it is."""
    found: dict[int, int] = {}
    for i, line in enumerate(lines[:-1]):
        date = _ITEM_DATE_RE.search(line)
        if date is None or _PROSE_RE.search(line[: date.start()]) or not line[: date.start()].strip():
            continue
        following = next((n for n in lines[i + 1 : i + 3] if n.strip()), "")
        if _FIELD_LINE_RE.match(following):
            found[i] = date.start()
    return found


_ITEM_DATE_RE = re.compile(
    r"(?:[ \t]{2,}|\u3000)[ \t\u3000]*[\[［(（]?" + _DATE_RE.pattern + r"[\]］)）]?[ \t\u3000]*$"
)
"""A date closing a list item's line, set apart from the title by two spaces or an ideographic one."""
_FIELD_LINE_RE = re.compile(r"^[\s\u3000]*[\u4e00-\u9fff]{2,6}[:：]\S")
"""A labelled field line (来源：X, 索引号：…, 摘要：…) hanging under an item."""


def _site_name_end(line: str) -> int:
    """Where a breadcrumb's first step ends when that step is the site's name (not 首页 nor a location label):
    the rest of the line is the page's; 0 for any other furniture line."""
    rules = _rules()
    if rules.location.match(line) or not _navigation(line.strip()):
        return 0
    cut = rules.steps.search(line)  # a menu bar's first link may be another site's (相关链接 广东省商务厅 | …)
    if cut is None:
        return 0
    first = line[: cut.start()]
    return 0 if not first.strip() or interface_line(first) else cut.start()
