"""A layout fuzzer for the splitter: the annotated collections re-rendered with their case headings marked in shapes
no rule was written for, to measure how many cases the splitter finds on first sight of a new layout.

Each collection with gold (tests/data/unseen/ and its providers/, tests/data/dev/) is read as the pipeline reads it;
each gold case's heading is the line holding its gold title (the occurrence nearest the gold line). A collection is
used only when every case has such a line, with at most a short mark before the title and a short tail after it (a
provider in brackets), or a short number line above it (01 / title). A rendering replaces every case's mark (and that
number line) with one shape drawn from a small grammar: an optional leading symbol, an optional bracket pair around an
optional word and a number in one of several numeral systems, a separator; or no mark at all, the title alone between
blank lines. The same shape is used for all cases of one rendering, numbered 1, 2, 3 … in order.

A gold case is recovered when one split case has its title (compared without spaces, quotes and bracket widths)
and opens on its heading or above it, below the case before. A split case matching no gold case is a wrong cut.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.hard_wraps import mark_wraps
from ftzgraph.graph.sources.page_furniture import mask_page_furniture
from ftzgraph.graph.sources.read import read_document
from ftzgraph.graph.sources.script import is_traditional, to_simplified

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (
    ROOT / "tests" / "data" / "unseen",
    ROOT / "tests" / "data" / "unseen" / "providers",
    ROOT / "tests" / "data" / "dev",
)

_MAX_MARK = 14
"""Characters of mark before a gold title (案例一：, 【经验3】, ## 01 ｜) beyond which the line is no heading."""
_MAX_TAIL = 30
"""Characters after the title on its heading line (（X片区）, a closing bold mark)."""
_NUMBER_LINE_RE = re.compile(r"^[#*\s]*[^\s，。：:]{0,6}?[0-9０-９一二三四五六七八九十]{1,3}[^\s，。]{0,2}[#*\s]*$")
"""A number line over a title (01, 第一篇, NO.1, 典型案例1): the case's mark stands on a line of its own."""
_QUOTES = "“”‘’\"'「」『』《》〈〉"
_SQUASH_RE = re.compile(r"[\s“”‘’\"'「」『』《》〈〉*#]")
_WIDTH = str.maketrans("（）［］：，", "()[]:,")


def squash(text: str) -> str:
    """``text`` compared as a title: no spaces, quotes or Markdown marks, brackets of one width."""
    return _SQUASH_RE.sub("", text).translate(_WIDTH)


@dataclass(frozen=True)
class Heading:
    """One gold case's heading: its line, the mark line above it (or None), and the title and tail around the mark."""

    line: int
    mark_line: int | None
    title: str
    tail: str


@dataclass(frozen=True)
class Collection:
    """An annotated collection whose every case has a heading the fuzzer can re-mark."""

    name: str
    document: Document
    headings: tuple[Heading, ...]


def _raw_span(line: str, squashed_title: str) -> tuple[int, int] | None:
    """The span of ``line`` whose squashed text is ``squashed_title``, or None."""
    kept = [(k, ch) for k, ch in enumerate(line) if squash(ch)]
    joined = "".join(squash(ch) for _, ch in kept)
    at = joined.find(squashed_title)
    if at < 0 or not squashed_title:
        return None
    start, end = kept[at][0], kept[at + len(squashed_title) - 1][0] + 1
    while start > 0 and line[start - 1] in _QUOTES:  # the title's own quotes are the title's
        start -= 1
    while end < len(line) and line[end] in _QUOTES:
        end += 1
    return start, end


_OPENERS, _CLOSERS = "【〔[（(", "】〕]）)"
_PROSE_CHARS = 40
"""A line this long under a title is prose, which a blank line may part from the title; a shorter one (a provider,
a section's label) stays right under it."""
_NOT_MARK = ("，", "。", "名称", "问", "关于", "？", "附件", '":', *load_lexicon("layouts")["points"]["title_labels"])
"""What a heading's mark or tail never holds: a sentence, a form's field label (a handbook's 观摩内容：, a JSON record's
key), a question, an agenda item."""


def _heading(lines: list[str], title: str, hint: int | None) -> Heading | None:
    key = squash(title)
    candidates = []
    for i, line in enumerate(lines):
        span = _raw_span(line, key) if key and key in squash(line) else None
        if span is None:
            continue
        mark, tail = line[: span[0]], line[span[1] :]
        halves = tail.strip() and tail[:1].isspace()  # a headline's second half (“A”　B提速): the title is unclear
        if (
            len(mark.strip()) > _MAX_MARK
            or len(tail.strip()) > _MAX_TAIL
            or halves
            or any(w in mark + tail for w in _NOT_MARK)
        ):
            continue
        candidates.append((i, span))
    if not candidates:
        return None
    i, span = min(candidates, key=lambda c: abs(c[0] + 1 - hint)) if hint else candidates[-1]
    mark, tail = lines[i][: span[0]], lines[i][span[1] :]
    opener = mark.strip()[-1:]
    if opener and opener in _OPENERS and tail.strip()[:1] == _CLOSERS[_OPENERS.index(opener)]:
        tail = tail.lstrip()[1:]  # 【title】: the closing bracket is the mark's, not the title's
    above = next((k for k in range(i - 1, max(i - 4, -1), -1) if lines[k].strip()), None)
    number_line = above if not mark.strip("#* \u3000") and above is not None else None
    if number_line is not None and not _NUMBER_LINE_RE.match(lines[number_line].strip()):
        number_line = None
    return Heading(i, number_line, lines[i][span[0] : span[1]], tail.replace("**", "").replace("__", "").rstrip())


def _as_split(document: Document) -> Document:
    """``document`` as the pipeline hands it to the splitter: page furniture blanked, hard wraps marked, simplified
    script (graph/extract/pipeline.py; each keeps the text's length and lines)."""
    text = mask_page_furniture(document.text) or document.text
    text = mark_wraps(text) or text
    text = to_simplified(text) if is_traditional(text) else text
    return dataclasses.replace(document, text=text)


@cache
def collections() -> tuple[Collection, ...]:
    """The annotated collections every case of which has a heading line the fuzzer can re-mark, and which the splitter
    cuts into all their cases as written: re-marking measures how the splitter holds on marks it has not seen, which a
    collection it does not read as written (a held-out layout still left to its heading rules) cannot show."""
    found = []
    for folder in FOLDERS:
        for gold_file in sorted(folder.glob("*.gold.yaml")):
            stem = gold_file.name.removesuffix(".gold.yaml")
            texts = [p for p in sorted(folder.glob(stem + ".*")) if not p.name.endswith(".gold.yaml")]
            gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
            if not texts or not isinstance(gold, dict) or not gold.get("cases"):
                continue
            document = _as_split(read_document(texts[0]))
            lines = document.text.split("\n")
            headings = [_heading(lines, str(c["title"]), c.get("line")) for c in gold["cases"]]
            if any(h is None for h in headings) or len(gold["cases"]) < 2:
                continue
            kept = [h for h in headings if h is not None]
            if [h.line for h in kept] != sorted({h.line for h in kept}):
                continue  # two cases on one line, or out of order: no heading per case
            if len(split_cases(document).cases) < len(kept):
                continue  # not cut as written: nothing for a re-marking to show
            found.append(Collection(stem, document, tuple(kept)))
    return tuple(found)


# The grammar of a heading mark. Each part is drawn on its own, so their combinations are far more than the parts.
_SYMBOLS = "◆■●▲★※▶◎☆◇♦✦❖▌➤▷►□○◉♢⬛"
_BRACKETS = ["（）", "()", "【】", "[]", "〔〕", "〖〗", "「」", "『』", "［］", "<>", "〈〉"]
_WORDS = [
    "案例",
    "经验",
    "做法",
    "样本",
    "实践",
    "范例",
    "亮点",
    "成果",
    "示范",
    "故事",
    "Case",
    "Item",
    "CASE",
    "Story",
]
_ORDINAL_WORDS = [("第", "例"), ("第", "篇"), ("第", "号"), ("第", "项"), ("第", "个"), ("No.", ""), ("#", "")]
_SEPARATORS = ["、", "．", ".", "：", ":", " ", "\u3000", "｜", "—", "-", "·", "/"]
_CHINESE = "一二三四五六七八九十"
_UPPER_CHINESE = "壹贰叁肆伍陆柒捌玖拾"
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def _chinese(n: int, digits: str) -> str:
    if n <= 10:
        return digits[n - 1]
    tens, ones = divmod(n, 10)
    return (digits[tens - 1] if tens > 1 else "") + digits[9] + (digits[ones - 1] if ones else "")


NUMERALS: dict[str, Callable[[int], str]] = {
    "arabic": str,
    "full-width": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "padded": lambda n: f"{n:02d}",
    "chinese": lambda n: _chinese(n, _CHINESE),
    "upper-chinese": lambda n: _chinese(n, _UPPER_CHINESE),
    "circled": lambda n: chr(0x245F + n) if n <= 20 else str(n),
    "roman": lambda n: chr(0x215F + n) if n <= 12 else _ROMAN[n - 1],
    "ascii-roman": lambda n: _ROMAN[n - 1] if n <= len(_ROMAN) else str(n),
    "latin": lambda n: chr(64 + n) if n <= 26 else str(n),
    "lower-latin": lambda n: chr(96 + n) if n <= 26 else str(n),
}


FURNITURE = ("post", "caption", "masthead", "joined")
"""What a rendering may add around the re-marked headings (``draw_furniture``): a social post's account and
date-time lines above each case and its counters under it (post), a speaker caption under each heading (caption), a
newsletter's masthead and contents over the cases (masthead), or a mark joining a part's number to the case's
(joined: Ⅱ-1, 专栏3-1：, （1/4）, 1《title》). Each recurs once per case, so it matches the case count."""
_JOINED = ("Ⅱ-{n}", "专栏3-{n}：", "（{n}/{total}）", "{n}《")


@dataclass(frozen=True)
class Shape:
    """One drawn heading mark: ``mark(n)`` is the text before the n-th case's title; ``bare`` marks none."""

    symbol: str = ""
    bracket: str = ""
    word: tuple[str, str] = ("", "")
    numeral: str = ""
    separator: str = ""
    furniture: str = ""
    """One of ``FURNITURE``, or none."""
    joined: str = ""
    """The joined mark's pattern when ``furniture`` is joined."""
    parting: str = ""
    """A separator line's pattern (``PARTINGS``) standing before each case's bare title, or none."""
    under: str = ""
    """What stands between the separator and the title (a date line), or under the title (a speaker line)."""

    @property
    def bare(self) -> bool:
        return not (self.symbol or self.bracket or any(self.word) or self.numeral or self.separator)

    def mark(self, n: int, total: int = 0) -> str:
        if self.joined:
            return self.joined.format(n=n, total=total)
        number = NUMERALS[self.numeral](n) if self.numeral else ""
        inner = f"{self.word[0]}{number}{self.word[1]}"
        if self.bracket:
            inner = f"{self.bracket[0]}{inner}{self.bracket[1]}"
        return f"{self.symbol}{inner}{self.separator}"

    def describe(self) -> str:
        described = ("(no mark)" if self.bare else self.mark(1, 4) + "…") + (
            f" +{self.furniture}" if self.furniture else ""
        )
        return described + (f" parted by {self.parting!r} {self.under}" if self.parting else "")


PARTINGS = (
    "＊　＊　＊",
    "※※※",
    "* * *",
    "◇◇◇",
    "☆　☆　☆",
    "————————————",
    "------",
    "════════",
    "……………………",
    "──────────",
    "—————  2024年6月{n}日  —————",
    "—— 6月{n}日 ——",
)
"""Separator lines parting cases whose titles carry no mark: asterisms, rules, a chat's or a log's date in a rule."""
_UNDER = ("", "date", "speaker")
"""Under a separator: nothing, a log's date line over the title (2024年5月n日　星期三　X市), or a speaker line under the
title (X局局长　姓名)."""


def draw_parting(rng: random.Random, shape: Shape) -> Shape:
    """``shape`` without its mark and with a separator line before each case (``PARTINGS``), drawn from ``rng``."""
    return Shape(parting=rng.choice(PARTINGS), under=rng.choice(_UNDER))


def draw_furniture(rng: random.Random, shape: Shape) -> Shape:
    """``shape`` with furniture drawn from ``rng`` (a generator of its own, so the marks drawn for a seed stay those
    drawn without furniture): one of ``FURNITURE``."""
    kind = rng.choice(FURNITURE)
    joined = rng.choice(_JOINED) if kind == "joined" else ""
    return dataclasses.replace(shape, furniture=kind, joined=joined)


def draw_shape(rng: random.Random) -> Shape:
    """One heading mark from the grammar; about one in twelve is no mark at all."""
    if rng.random() < 1 / 12:
        return Shape()
    symbol = rng.choice(_SYMBOLS) + rng.choice(["", " "]) if rng.random() < 0.35 else ""
    numeral = rng.choice(list(NUMERALS)) if rng.random() < 0.85 else ""
    word: tuple[str, str] = ("", "")
    roll = rng.random()
    if roll < 0.3:
        plain = rng.choice(_WORDS)
        word = (plain + (" " if plain.isascii() and numeral else ""), "")
    elif roll < 0.45 and numeral:
        word = rng.choice(_ORDINAL_WORDS)
    bracket = rng.choice(_BRACKETS) if rng.random() < 0.4 and (numeral or any(word)) else ""
    if not (symbol or numeral or any(word)):
        symbol = rng.choice(_SYMBOLS)
    closed = bool(bracket) or bool(word[1])
    separator = rng.choice(["", " ", "\u3000", *_SEPARATORS]) if closed else rng.choice(_SEPARATORS)
    if not (numeral or any(word) or bracket):  # a symbol alone: a space or nothing before the title
        separator = rng.choice(["", " "])
    return Shape(symbol, bracket, word, numeral, separator)


def render(collection: Collection, shape: Shape) -> tuple[Document, list[int]]:
    """``collection``'s document with every case heading marked by ``shape``; with each heading's line index."""
    lines = collection.document.text.split("\n")
    drop = {h.mark_line for h in collection.headings if h.mark_line is not None}
    heads = {h.line: (n, h) for n, h in enumerate(collection.headings, start=1)}
    total = len(collection.headings)
    out: list[str] = []
    at: list[int] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if i in heads and shape.furniture == "masthead" and heads[i][0] == 1:
            out.extend(["某地改革创新双语快讯", "本期导读"])
            out.extend(shape.mark(h[0], total) + h[1].title for h in heads.values())
            out.append("")
        if i in heads and shape.furniture == "post":
            if heads[i][0] > 1:
                out.append(f"转发 {heads[i][0] + 10}　｜　评论 {heads[i][0]}　｜　赞 {heads[i][0] * 7}")
            out.extend(["某地自贸试验区发布", f"2025-3-{heads[i][0]} 09:30 来自 手机客户端"])
        if i in heads and shape.parting:
            n, heading = heads[i]
            out.extend(["", shape.parting.format(n=n), ""])
            if shape.under == "date":
                out.append(f"2024年5月{n}日　星期{_CHINESE[(n - 1) % 6]}　某市")
            at.append(len(out))
            out.append(heading.title + heading.tail)
            if shape.under == "speaker":
                out.append(f"某市某局局长　王某{_CHINESE[(n - 1) % 10]}")
            continue
        if i in heads:
            n, heading = heads[i]
            if shape.furniture == "caption":
                if shape.bare and out and out[-1].strip():  # a title with no mark stands after a blank line
                    out.append("")
                at.append(len(out))
                out.append(shape.mark(n, total) + heading.title + heading.tail)
                out.append(f"【同期声】某局综合业务科科长　王某{_CHINESE[(n - 1) % 10]}")
                continue
            if shape.bare:
                if out and out[-1].strip():
                    out.append("")
                at.append(len(out))
                out.append(heading.title + heading.tail)
                if i + 1 < len(lines) and len(lines[i + 1].strip()) >= _PROSE_CHARS:  # a provider line stays under
                    out.append("")
                continue
            at.append(len(out))
            out.append(shape.mark(n, total) + heading.title + heading.tail)
            continue
        out.append(line)
    if shape.furniture == "post":
        out.append(f"转发 {total + 10}　｜　评论 {total}　｜　赞 {total * 7}")
    text = "\n".join(out)
    document = dataclasses.replace(
        collection.document, text=text, page_starts=[], paragraph_starts=[], _newlines=None, _newlines_of=None
    )
    return document, at


@dataclass
class Recovery:
    """Cases found right on renderings, against the gold count, and cases found that are none."""

    recovered: int = 0
    cases: int = 0
    wrong: int = 0
    renderings: int = 0
    lost: list[str] = dataclasses.field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.recovered / self.cases if self.cases else 1.0

    def add(self, other: Recovery) -> None:
        self.recovered += other.recovered
        self.cases += other.cases
        self.wrong += other.wrong
        self.renderings += other.renderings
        self.lost.extend(other.lost)


def recovery(collection: Collection, shape: Shape) -> Recovery:
    """How many of ``collection``'s cases the splitter finds right when their headings are marked by ``shape``."""
    document, at = render(collection, shape)
    offsets = [0]
    for line in document.text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    cases = split_cases(document).cases
    result = Recovery(cases=len(collection.headings), renderings=1)
    used: set[int] = set()
    for k, (heading, index) in enumerate(zip(collection.headings, at, strict=True)):
        key = squash(heading.title)
        lowest = offsets[at[k - 1] + 1] if k else 0  # a cover or number line above the heading is the case's
        match = next(
            (
                m
                for m, case in enumerate(cases)
                if m not in used and squash(case.title) == key and lowest <= case.start <= offsets[index + 1]
            ),
            None,
        )
        if match is None:
            continue
        used.add(match)
        result.recovered += 1
    result.wrong = len(cases) - len(used)
    if result.recovered < result.cases:
        result.lost.append(f"{collection.name} {shape.describe()!r}: {result.recovered}/{result.cases}")
    return result


def fuzz(
    seeds: range, renderings: int = 1, furniture: bool = False, parted: bool = False
) -> Iterator[tuple[Collection, Shape, Recovery]]:
    """For each seed, ``renderings`` shapes per collection, each with the recovery it gives; with ``furniture``, each
    shape also with furniture drawn (``draw_furniture``) from a generator of the seed's own; with ``parted``, each
    rendering has no mark and a separator line before each case instead (``draw_parting``, a generator of its own)."""
    for seed in seeds:
        rng, extra = random.Random(seed), random.Random(f"furniture {seed}")
        parting = random.Random(f"parting {seed}")
        for collection in collections():
            for _ in range(renderings):
                shape = draw_shape(rng)
                shape = draw_furniture(extra, shape) if furniture else shape
                shape = draw_parting(parting, shape) if parted else shape
                yield collection, shape, recovery(collection, shape)


NOTICES = ROOT / "tests" / "data" / "layouts"
_NOTICE_GLOB = "sc-notice-*.txt"
"""The State Council batch notices among the layout fixtures: numbered parts and tasks, no case."""


def articles() -> Iterator[tuple[str, str]]:
    """News articles made of the real sentences of the annotated parts: the sentences one page gave, a paragraph
    each under the page's first clause as a headline, with blank lines between; and again with each paragraph under
    its own first clause as a subhead."""
    for path in sorted((ROOT / "tests" / "data" / "unseen").glob("sentences-part*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8")).get("sentences", [])
        pages: dict[str, list[str]] = {}
        for item in items:
            if item.get("source") and not item.get("constructed"):
                pages.setdefault(str(item["source"]), []).append(str(item["text"]))
        for k, texts in enumerate(t for t in pages.values() if len(t) >= 2):
            headline = _clause(texts[0])
            yield f"{path.stem}#{k}", headline + "\n\n" + "\n\n".join(texts) + "\n"
            # the same page with a subhead over each paragraph, as features are laid out: short lines between blank
            # lines over prose, which a title with no mark is too
            subheaded = "\n\n".join(f"{_clause(t)}\n\n{t}" for t in texts)
            yield f"{path.stem}#{k} subheads", headline + "\n\n" + subheaded + "\n"


def _clause(sentence: str) -> str:
    """The first clause of ``sentence``, cut to a subhead's length."""
    return re.split(r"[，,。：:；]", sentence)[0][:30]


def parted_texts() -> Iterator[tuple[str, str]]:
    """The batch notices and the news articles with separator lines as such texts carry them: an asterism between
    two paragraphs of an article, a rule over its source and editor lines; a rule over a notice's 抄送 lines."""
    for name, text in articles():
        paragraphs = text.rstrip("\n").split("\n\n")
        middle = len(paragraphs) // 2 + 1
        parted = "\n\n".join([*paragraphs[:middle], "* * *", *paragraphs[middle:]])
        yield f"{name} parted", parted + "\n\n————————————————\n\n来源：某某日报\n责任编辑：某某\n"
    for path in sorted(NOTICES.glob(_NOTICE_GLOB)):
        text = path.read_text(encoding="utf-8").rstrip("\n")
        yield f"{path.name} parted", text + "\n\n……………………………………\n\n抄送：某某办公厅\n某某办公室　　2024年6月28日印发\n"


def non_collection_cuts(parted: bool = False) -> dict[str, int]:
    """How many cases the splitter cuts in each text that holds none: the batch notices and the news articles; with
    ``parted``, the same with separator lines (``parted_texts``)."""
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(NOTICES.glob(_NOTICE_GLOB))]
    cuts = {}
    for name, text in [*texts, *articles()] if not parted else parted_texts():
        document = Document(id=name, path=Path(name), text=text, sha256="")
        cuts[name] = len(split_cases(document).cases)
    return cuts


_NOTICE_LEVEL_RE = re.compile(
    r"^(?P<lead>\s*)(?P<mark>[一二三四五六七八九十]+、|[0-9]+[.．、]|[（(][一二三四五六七八九十]+[)）])"
)


def remarked_notices(seeds: range) -> tuple[int, int]:
    """The batch notices with one level of their numbering (一、, 1．, （一）) re-marked in a shape drawn from the
    grammar, as the fuzzer re-marks the collections' cases: how many renderings the splitter cuts, of how many. A
    notice's parts and tasks are no cases however they are marked."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(NOTICES.glob(_NOTICE_GLOB))]
    cut = total = 0
    for seed in seeds:
        rng = random.Random(seed)
        for text in texts:
            for level in ("、", "．", "（"):
                shape, n, out = draw_shape(rng), 0, []
                for line in text.split("\n"):
                    found = _NOTICE_LEVEL_RE.match(line)
                    if found and _level(found["mark"]) == level:
                        n += 1
                        line = found["lead"] + shape.mark(n) + line[found.end() :]
                    out.append(line)
                document = Document(id="notice", path=Path("notice.txt"), text="\n".join(out), sha256="")
                cut += bool(split_cases(document).cases)
                total += 1
    return cut, total


def _level(mark: str) -> str:
    """A notice's numbering level: 一、 parts, 1． items, （一） sub-parts."""
    return "（" if mark[0] in "（(" else "．" if mark[0].isdigit() else "、"
