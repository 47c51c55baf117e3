"""Where a collection copied from a web page or a public account ends: its article furniture is no case's text.

A collection saved from a news site or a public account ends its last case with the page's own lines: an end
mark (—— END ——, （完）), the editor's credits (编辑：, 审核：, 责任编辑：), the account's publisher line after
the end mark (来源：X市商务局), and buttons (分享 收藏 点赞 在看, 阅读原文, 点击关注). Read as part of the last
case, a publisher line looks like the case's own closing 来源：X line and names the wrong provider, and the
credits add names to no purpose. The last case therefore ends at an end mark, and furniture lines at its
tail are dropped.

Only layout words of such pages are read; nothing here names a document.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon

END_MARK_RE = re.compile(r"^[\s\u3000—\-–_=~·.。*#]*(?:END|End|end|（完）|\(完\)|全文完)[\s\u3000—\-–_=~·.。*#]*$")
"""A line that ends an article: —— END ——, - END -, （完）, 全文完."""
_CREDIT = (
    r"^[\s\u3000（(]*(?:(?:责任)?编辑|审核|校对|审校|监制|排版|美编|作者|撰稿人?|记者|图片|出品"
    r"|主办单位|网站标识码|技术支持|相关链接)\s*[:：丨|｜]"
)
CREDIT_RE = re.compile(_CREDIT)
"""A page's credit or footer label line (撰稿：X办公室　某某, 编辑：…, 主办单位：…): who wrote or runs the page."""
FURNITURE_RE = re.compile(
    _CREDIT + r"|^[^\n]*ICP备\s*\d"  # a site's footer with its filing number
    r"|^[\s\u3000【\[]*(?:打印本页|关闭窗口|扫一扫|阅读原文|点击(?:蓝字|关注|上方)|长按|扫码|识别二维码|分享|收藏|点赞|在看|转发|写留言|推荐阅读)"
)
"""A line of a page's furniture: an editor's or reviewer's credit, a site's footer (主办单位：…), a button
(【打印本页】, 【关闭窗口】) or a call to follow."""


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["furniture"])


@cache
def closing_block_re() -> re.Pattern[str]:
    """A line opening the distribution block after a collection's last case (抄送：…, a briefing's 报：/送：/发：),
    which belongs to no case."""
    labels = "|".join(sorted(map(re.escape, _lexicon()["distribution_labels"]), key=len, reverse=True))
    return re.compile(rf"^[ \t\u3000]*(?:{labels})[ \t\u3000]*[:：]", re.MULTILINE)


def picture_line(line: str) -> bool:
    """True for a line that only stands for a picture in a copied page: a placeholder alone (图片, [图片]), or a caption
    opened by a caption mark (▲ …) or closed by its source in brackets (…（图源：X））. It heads no case."""
    lexicon = _lexicon()
    bare = line.strip()
    placeholder = re.sub(r"[0-9０-９]+$", "", bare.strip("[]【】〔〕"))  # 【图2】, [图片3]: numbered placeholders too
    if placeholder in lexicon["image_placeholders"] or bare.startswith(tuple(lexicon["caption_marks"])):
        return bool(bare)
    return _caption_source_re().search(bare) is not None


@cache
def _caption_source_re() -> re.Pattern[str]:
    """A caption's closing source in brackets (…（图源：X））, compiled once (``picture_line`` reads every line)."""
    labels = "|".join(sorted(map(re.escape, _lexicon()["caption_source_labels"]), key=len, reverse=True))
    return re.compile(rf"[（(]\s*(?:{labels})\s*[:：][^（）()]{{1,30}}[)）]$")


def article_end(text: str, start: int, end: int) -> int:
    """The end of the last case ``text[start:end]``: before the first end mark, and before the furniture lines
    (credits, buttons) that close it; ``end`` itself when there is neither."""
    offset = start
    while offset < end:
        stop = text.find("\n", offset, end)
        stop = end if stop < 0 else stop
        if END_MARK_RE.match(text[offset:stop]) and text[start:offset].strip():
            end = offset
            break
        offset = stop + 1
    while end > start:  # furniture lines (and blank lines) at the tail
        line_start = text.rfind("\n", start, end) + 1
        if line_start <= start:
            break
        line = text[line_start:end]
        if line.strip() and not FURNITURE_RE.match(line) and not _endnote(line, text[:line_start]):
            break
        end = line_start - 1
    return len(text[:end].rstrip()) if end > start else end


_NOTE_MARK_RE = re.compile(
    r"^[\s\u3000]*(?:[\[［〔]\s*(?P<n>[0-9０-９]{1,2})\s*[\]］〕]|[（(]?(?P<w>注\s*[0-9０-９]{1,2})[）)]?|(?P<c>[①-⑳]))"
)
"""An endnote's mark opening its line ([1], ［2］, 注1：, （注2）, ①), as a paper numbers the notes it refers to in the
text."""
_ARTICLE_NOTE_RE = re.compile(r"^[\s\u3000]*[（(]本文[^（）()]*[）)][\s\u3000]*$")
"""An editor's note on the whole article in brackets (（本文汇率以…计算）, （本文有删节））."""


def _endnote(line: str, before: str) -> bool:
    """True when ``line`` is one of an article's endnotes: a note whose mark ([1]) the text above (``before``, from the
    document's start: a note may explain any case's term) refers to, a line
    labelling the notes (注释：), or an editor's note on the article. Notes explain a term or a batch for the reader
    ([2] 第六批改革试点经验于2020年印发); read as the last case's text they give it another's origin. A note saying
    who provided the material or where the text was taken from is kept: it names the provider."""
    bare = line.strip()
    if bare.rstrip("：:") in _lexicon()["note_labels"]:
        return True
    if any(word in bare for word in _lexicon()["note_provider_words"]):
        return False  # （本文转载自“X发布”）, [3] 案例材料由X提供: who gave the text
    if _ARTICLE_NOTE_RE.match(bare):
        return True
    mark = _NOTE_MARK_RE.match(bare)
    if mark is None:
        return False
    if mark["n"]:  # [1] referred to as [1], ［1］ or 〔1〕
        core = rf"[\[［〔]\s*{re.escape(mark['n'])}\s*[\]］〕]"
    else:
        core = re.escape(re.sub(r"\s", "", mark["w"] or mark["c"]))
    # referred to inside a sentence (…的做法[1]，, …经验注1，), not a point opening its line
    return re.search(rf"[^\s\u3000（(][（(]?{core}", before) is not None


CONTENTS_ENTRY_RE = re.compile(r"(?:…{2,}|\.{4,}|·{4,}|．{4,}|-{4,}|—{3,}|_{4,})[\s\u3000]*[0-9０-９]{1,4}[\s\u3000]*$")
"""A line of a table of contents: a heading's text, dot leaders and its page number (案例一　title……………3)."""


CONTENTS_TAB_RE = re.compile(r"^[^\t]*[\u4e00-\u9fff][^\t]*?(?:\t+|[ \u3000]{2,})[0-9０-９]{1,3}[ \u3000]*$")
"""A contents line whose leaders a copy lost: the heading, one tab or a wide gap, its page (案例一：title\t3)."""


def contents_entry(line: str) -> bool:
    """True for a line of a table of contents, which repeats a case's heading but opens no case."""
    return CONTENTS_ENTRY_RE.search(line) is not None or CONTENTS_TAB_RE.match(line.strip("\r\n")) is not None


_POSTED_AT_RE = re.compile(
    r"(?:^|\D)[0-9]{2,4}\s*[-/]\s*[0-9]{1,2}\s*[-/]\s*[0-9]{1,2}(?:\D|$)|(?:^|\D)[0-9]{1,2}:[0-9]{2}(?:\D|$)"
)
"""A date written with dashes or slashes (2025-12-3) or a clock time (10:00): a post's or a page's stamp; the genre's
titles write dates with 年 and never a time."""
_NAME_RE = r"[\u4e00-\u9fff]{2,4}"


@cache
def _caption_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A speaker cue (【同期声】), a post then a name (科长　姓名), a byline's label (文／, 撰文：)."""
    lexicon = _lexicon()
    cues = "|".join(sorted(map(re.escape, lexicon["caption_cues"]), key=len, reverse=True))
    posts = "|".join(sorted(map(re.escape, lexicon["caption_posts"]), key=len, reverse=True))
    bylines = "|".join(sorted(map(re.escape, lexicon["byline_labels"]), key=len, reverse=True))
    return (
        re.compile(rf"^[\s\u3000]*[【\[〔（(]?\s*(?:{cues})\s*[】\]〕）)：:]"),
        re.compile(rf"(?:{posts})[\s\u3000]+{_NAME_RE}$"),
        re.compile(rf"^[\s\u3000]*(?:{bylines})\s*[／/｜|：:]"),
    )


def furniture_heading(text: str) -> bool:
    """True for a short line that recurs once per case in some layouts and still heads none: a post's counters
    (转发 18 ｜ 评论 3 ｜ 赞 96), a date-time stamp (2025-12-3 10:00 来自 X), a speaker caption (【同期声】X局Y科科长
    姓名, or a post then a name), a byline (文／本刊记者　姓名), a masthead or contents label (…双语简讯, 本期导读).
    A heading family must be made of titles: lines that name a reform, never such furniture, however well it matches
    a stated count."""
    lexicon = _lexicon()
    bare = text.strip()
    words = "".join(sorted(lexicon["counter_words"], key=len, reverse=True))
    if re.search(r"[0-9]", bare) and not re.sub(rf"[\W\d_a-zA-Z{re.escape(words)}]", "", bare):
        return True  # counters: only their words, numbers and separators
    if _POSTED_AT_RE.search(bare):
        return True
    cue, caption, byline = _caption_res()
    if cue.match(bare) or caption.search(bare) or byline.match(bare):
        return True
    core = re.sub(r"[\W_]+$", "", bare)
    # a masthead names no reform: a quoted name (“口岸通关”信息动态, “A”建设成果发布) makes the line a title
    return core.endswith(tuple(lexicon["masthead_words"])) and not re.search('[“「『"]', bare)


@cache
def box_source_re() -> re.Pattern[str]:
    """A line closing a box inside a report with its source (（资料来源：X）, 来源：X): the box's case ends there."""
    labels = "|".join(sorted(map(re.escape, _lexicon()["box_source_labels"]), key=len, reverse=True))
    return re.compile(
        rf"^[\s\u3000]*(?:[（(]\s*(?:{labels})\s*[:：][^（）()\n]{{2,40}}[)）]|(?:{labels})\s*[:：][^，。\n]{{2,40}})\s*$"
    )


_LATIN_RE = re.compile(r"[A-Za-z]")


def rendered_line(text: str) -> bool:
    """True when ``text`` is a line in another script with no Chinese (a bilingual brochure's English rendering of
    the title or paragraph above it): the Chinese text's furniture, never its title nor its prose."""
    bare = text.strip()
    return len(bare) >= 3 and not CJK_LINE_RE.search(bare) and len(_LATIN_RE.findall(bare)) * 2 >= len(bare)


CJK_LINE_RE = re.compile(r"[\u4e00-\u9fff]")
