"""Text normalisation shared by the splitter and the extractors.

Documents of this genre mix full- and half-width brackets and punctuation, pad numbers with spaces
(OCR-like), and write numbers in Chinese or Arabic numerals. Matching is done on normalised keys,
while labels and quotes keep the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕"})
_QUOTES = "“”‘’\"'「」『』《》〈〉"
_SPACES_RE = re.compile(r"[\s\u3000]+")
WRAP_MARK = "\u2028"
"""What a hard wrap's line break becomes in the matching copy (graph/sources/hard_wraps.py): one character for each
it replaces, so offsets hold; the readings below leave it out, and a text that has it breaks lines only where the
document itself does."""

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
"""One Chinese character (the unified ideographs): what tells words of a text from marks, digits and Latin."""

NUMERAL_CLASS = "0-9０-９零〇一二两三四五六七八九十百"


def fold_width(text: str) -> str:
    """Full-width ASCII letters, digits and spaces to half-width (NFKC), brackets to full-width."""
    folded = unicodedata.normalize("NFKC", text)
    return folded.translate(_BRACKETS)


@lru_cache(maxsize=8192)  # pure; asked for the same lines and titles many times per document
def title_key(text: str) -> str:
    """A matching key for a reform title: no quotes, spaces or punctuation differences; width folded.

    ``“推行‘全通版’食品药品许可证”`` and ``推行全通版食品药品许可证`` get the same key.
    """
    text = fold_width(text)
    text = re.sub(r"复制推广(典型)?案例$", "", text.strip())
    text = _SPACES_RE.sub("", text)
    text = "".join(ch for ch in text if ch not in _QUOTES)
    text = re.sub(r"[，,、；;：:。.！!？?·•\-—–_]", "", text)
    return text


def lines_below(text: str, position: int, count: int) -> Iterator[tuple[int, str]]:
    """The first ``count`` non-blank lines after the line holding ``position``, each with its start in ``text``:
    what stands right under a heading (a provider line, a label), read the same way by every rule that looks."""
    offset, seen = text.find("\n", position), 0
    while 0 <= offset < len(text) and seen < count:
        next_offset = text.find("\n", offset + 1)
        line = text[offset + 1 : next_offset if next_offset >= 0 else len(text)]
        if line.strip():
            seen += 1
            yield offset + 1, line
        offset = next_offset


def word_alternation(words: Iterable[str]) -> str:
    """A regex (no outer group) matching any of ``words`` literally, the longest one where several match at a place:
    what ``"|".join`` of the words sorted longest first matches, written as a tree of shared prefixes, so that the
    engine tries each character once at a position instead of every word (word lists of hundreds of names)."""
    tree: dict[str, dict] = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _alternation_of(tree)


def opening_guard(words: Iterable[str]) -> str:
    """A lookahead for the first characters of ``words``, to put in front of a pattern every match of which opens
    with one of them: the same matches, found faster.

    Why: Python's engine scans fast only for a pattern that opens with a plain character or class; one that opens
    with an optional group, a lookbehind or a group of alternatives is tried in full at every position of the text,
    and a class test in front turns most positions down at once."""
    return "(?=[" + "".join(re.escape(char) for char in sorted({word[0] for word in words if word})) + "])"


def _alternation_of(node: dict[str, dict]) -> str:
    """``node``'s words as a regex: longer continuations first, then the word ending here (greedy ``?``)."""
    branches = [re.escape(char) + _alternation_of(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def squash_spaces(text: str) -> str:
    """Collapse runs of whitespace (including page-break blank lines) to nothing between CJK characters."""
    return _SPACES_RE.sub(" ", text).strip()


def parse_chinese_number(text: str) -> int | None:
    """``六`` -> 6, ``十二`` -> 12, ``二十八`` -> 28, ``7`` -> 7, ``１２`` -> 12; None when not a number."""
    text = unicodedata.normalize("NFKC", text.strip())
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            total += (current or 1) * CHINESE_UNITS[char]
            current = 0
        else:
            return None
    return total + current


def chinese_numeral(number: int) -> str:
    """6 -> ``六``, 12 -> ``十二``, 28 -> ``二十八`` (for labels written the way documents write them)."""
    digits = "零一二三四五六七八九"
    if number < 0 or number >= 100:
        return str(number)
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


DOC_NUMBER_RE = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,16})\s*[〔\[［【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）]\s*(?P<serial>\d{1,5})\s*号"
)


_DOC_NUMBER_TAIL_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,5}\s*号"
)
_DOC_NUMBER_PREFIX_MAX = 16
"""The longest prefix ``DOC_NUMBER_RE`` takes (its ``{1,16}``): a match starts at most this far before its tail."""


def doc_number_matches(text: str) -> list[re.Match[str]]:
    """``DOC_NUMBER_RE.finditer(text)``, the same matches, found from their tails (〔2019〕38号).

    The pattern opens with a run of up to 16 CJK characters, so a plain scan tries it at every character of
    a case and backtracks each time; the tail is rare and cheap to find. A match ends its prefix run right
    before its tail, so searching from 16 characters before each tail (never before the previous match's
    end, as ``finditer`` goes on) finds exactly the match ``finditer`` finds there.
    """
    found: list[re.Match[str]] = []
    last_end = 0
    for tail in _DOC_NUMBER_TAIL_RE.finditer(text):
        if tail.start() < last_end:
            continue
        match = DOC_NUMBER_RE.search(text, max(last_end, tail.start() - _DOC_NUMBER_PREFIX_MAX), tail.end())
        if match is not None:
            found.append(match)
            last_end = match.end()
    return found


def normalise_doc_number(text: str) -> str | None:
    """``国函〔2019〕38 号`` / ``国函[2019]38号`` -> ``国函〔2019〕38号``; None when ``text`` holds no 文号."""
    match = DOC_NUMBER_RE.search(text)
    if not match:
        return None
    return f"{match['prefix']}〔{match['year']}〕{int(match['serial'])}号"


_TERMINAL = "。！？；：!?;:”」』）)"
_JOIN_STOP_RE = re.compile(f"[\n({WRAP_MARK}]")
"""The characters ``join_broken_lines`` decides on one at a time; the runs between them are copied whole."""


def join_broken_lines(text: str) -> tuple[str, list[int]]:
    """Rejoin sentences that a page break cut with newlines (or a hard wrap, marked ``WRAP_MARK``); returns the
    joined text and, for each of its characters, the offset of that character in ``text``.

    A line break is a cut when the line before does not end a sentence and the next non-blank line is
    not a heading (``#``), a list marker or a table row. Quotes found in the joined text map back to the
    original with ``offsets`` (the quote in the original then spans the blank lines, as the source does).
    Inline pinyin after a character (貿(mào)) is left out of the joined text, for the same reason, and so are the
    spaces of a character-spaced run (``spaced_positions``).
    """
    out: list[str] = []
    offsets: list[int] = []
    drop = spaced_positions(text)
    stops = sorted(drop)  # with the characters of _JOIN_STOP_RE, where the walk below looks at one character
    stop = 0  # the first of ``stops`` not passed yet
    wrapped = WRAP_MARK in text  # its hard wraps are marked: every other line break is the document's own
    line_start = 0  # where the current line starts in ``out`` (a line break enters it only below)
    i, n = 0, len(text)
    while i < n:
        while stop < len(stops) and stops[stop] < i:
            stop += 1
        found = _JOIN_STOP_RE.search(text, i)
        at = min(found.start() if found else n, stops[stop] if stop < len(stops) else n)
        if at > i:  # a run of ordinary characters, kept as they are
            out.extend(text[i:at])
            offsets.extend(range(i, at))
            i = at
            continue
        char = text[i]
        if char == WRAP_MARK:
            i += 1
            continue
        if i in drop:  # 为 贯 彻 落 实: a character-spaced run of a PDF, whose spaces split every word
            i += 1
            continue
        if char == "\n":
            j = i
            while j < n and text[j] in " \t\u3000\n":
                j += 1
            previous = next((c for c in reversed(out) if c not in " \t\u3000"), "")
            following = text[j] if j < n else ""
            cut = (
                not wrapped
                and previous
                and previous not in _TERMINAL
                and following
                and following not in "#|（("
                # 一、 opens a list line, but after 第 the numeral is the ordinal a break cut (第\n七批)
                and (following not in "一二三四五六七八九十" or previous == "第")
                and not _opens_numbered_line(text, j)
                and "\t" not in text[j : text.find("\n", j) if text.find("\n", j) >= 0 else n]
                and not _is_heading_line(out, line_start)
                and not (_FIELD_OPEN_RE.match("".join(out[line_start:])) and _FIELD_OPEN_RE.match(text, j))
            )
            if cut:
                i = j
                continue
            out.append("\n")
            offsets.append(i)
            line_start = len(out)
            i += 1
            continue
        if char == "(" and out and "\u4e00" <= out[-1] <= "\u9fff" and (ruby := _PINYIN_RE.match(text, i)):
            i = ruby.end()  # 貿(mào): a page's inline pinyin, which would split the words it follows
            continue
        out.append(char)
        offsets.append(i)
        i += 1
    return "".join(out), offsets


def spaced_positions(text: str) -> frozenset[int]:
    """Positions of the spaces of a character-spaced run (为 贯 彻 落 实 江 西 省…, as text taken from some PDFs
    prints it): a run of at least six one- or two-character tokens, mostly Chinese, each followed by a space, most
    of them one character (a two-character token is a character with its punctuation, 、广). Those spaces split
    every word; spaces elsewhere (between a number and its unit, in a list of words: 海关 税务 商务…) are kept."""
    if not _SPACED_HINT_RE.search(text):  # most texts: no three spaced characters in a row, nothing to scan
        return frozenset()
    drop: set[int] = set()
    for run in _SPACED_RUN_RE.finditer(text):
        chunk = run.group()
        tokens = chunk.split()
        if 2 * sum(len(token) == 1 for token in tokens) <= len(tokens):
            continue  # 海关 税务 商务 市场 公安 消防: words listed with spaces, not spaced characters
        if sum("\u4e00" <= ch <= "\u9fff" for ch in chunk) >= 0.6 * len(chunk.replace(" ", "").replace("\u3000", "")):
            drop.update(run.start() + k for k, ch in enumerate(chunk) if ch in " \u3000")
    return frozenset(drop)


_SPACED_HINT_RE = re.compile("[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff][ \u3000][\u4e00-\u9fff][ \u3000]")
_SPACED_RUN_RE = re.compile("(?:[^\\s]{1,2}[ \u3000]){6,}[^\\s]{0,2}")


def clean_spans(text: str) -> tuple[str, list[int] | None]:
    """``text`` without inline pinyin (貿(mào)) and without the spaces of character-spaced runs, with the offset in
    ``text`` of each character kept; ``(text, None)`` when there is nothing to take out (the usual case)."""
    cut = [(i, i + 1) for i in sorted(spaced_positions(text))]
    cut += [(i, i + 1) for i, char in enumerate(text) if char == WRAP_MARK] if WRAP_MARK in text else []
    if "(" in text:
        cut += [(m.start(), m.end()) for m in _PINYIN_RE.finditer(text) if m.start() and _is_cjk(text[m.start() - 1])]
    if not cut:
        return text, None
    cut.sort()
    out: list[str] = []
    offsets: list[int] = []
    position = 0
    for begin, end in cut:
        if begin < position:
            continue
        out.append(text[position:begin])
        offsets.extend(range(position, begin))
        position = end
    out.append(text[position:])
    offsets.extend(range(position, len(text)))
    return "".join(out), offsets


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


_PINYIN_RE = re.compile("\\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\\)")
"""An inline pinyin annotation with a tone mark, as pages for learners print after each character."""


_NUMBERED_HEADING_RE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[0-9０-９]{1,2}\s*[．.、](?![0-9０-９]))"
)
"""一、X, （一）X and 1．X (not 1.86, a number a page break cut): a short line opening so is a heading."""


_NUMBER_NOT_CUT = "年月日号时点．.、:：)） \t\u3000"


def _opens_numbered_line(text: str, j: int) -> bool:
    """True when the line at ``j`` opens with a number that starts a line of its own: a list marker (1．, 2、) or a
    date (2024年5月20日 under a signature). A number followed by its measure (186单，涉及货值…) is a sentence that
    a page break cut between the noun and its figure."""
    k = j
    while k < len(text) and text[k] in "0123456789０１２３４５６７８９":
        k += 1
    if k < len(text) and text[k] in ".．" and text[k + 1 : k + 2].isdigit():
        return False  # 1.86万户: a decimal that a page break moved to the line's start, no list marker
    return k > j and (k >= len(text) or text[k] in _NUMBER_NOT_CUT)


_FIELD_OPEN_RE = re.compile(
    "[ \t\u3000]*[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,9}(?:[（(][\u4e00-\u9fff]{1,6}[）)])?[：:]"
)
"""A form's field opening its line (借鉴来源：, 联 系 人：, 填报单位（盖章）：): two such lines in a row are two fields,
never one sentence a wrap cut."""


def _is_heading_line(out: list[str], start: int) -> bool:
    """True when the current (last) output line, which starts at ``start`` in ``out`` (one character an item), is a
    heading: Markdown ``#``, or a short numbered line such as ``一、复制推广事项介绍`` as converted Word/PDF/HTML
    documents write them. A heading never runs on."""
    if start < len(out) and out[start] == "#":
        return True
    return len(out) - start <= 30 and bool(_NUMBERED_HEADING_RE.match("".join(out[start:])))


joined_text = lru_cache(maxsize=256)(join_broken_lines)
"""``join_broken_lines`` memoised: every extractor of a case reads the same rejoined text (do not mutate it)."""


class TitleMatcher:
    """Fuzzy matching of title keys against a fixed set, fast enough to try on every line of a document.

    difflib's ratio is quadratic-ish; one ``SequenceMatcher`` per known key (its index built once) and
    the cheap upper bounds (``real_quick_ratio``, ``quick_ratio``) skip almost every pair.
    """

    def __init__(self, keys: list[str]) -> None:
        from difflib import SequenceMatcher

        self.keys = keys
        self._lengths = [len(key) for key in keys]
        self._first = {key: index for index, key in reversed(list(enumerate(keys)))}
        self._by_length = sorted((length, index) for index, length in enumerate(self._lengths))
        self._sorted_lengths = [length for length, _ in self._by_length]
        self._charsets = [frozenset(key) for key in keys]
        self._matchers = []
        for key in keys:
            matcher = SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(key)
            self._matchers.append(matcher)

    def best(self, key: str, threshold: float) -> tuple[int, float]:
        """Index of the most similar known key and its ratio; (-1, 0.0) when none reaches ``threshold``."""
        best_index, best_ratio = -1, 0.0
        if not key:
            return best_index, best_ratio
        if (same := self._first.get(key)) is not None:
            return same, 1.0  # the scan below returns the first equal key, whatever it met before it
        size, chars = len(key), set(key)
        for index in self._near_lengths(size, threshold):
            matcher = self._matchers[index]
            floor = max(threshold, best_ratio)
            if _length_bound(size, self._lengths[index]) < floor:
                continue  # difflib's real_quick_ratio, without loading the key into the matcher
            if _length_bound(size - len(chars - self._charsets[index]), self._lengths[index], size) < floor:
                continue  # each distinct character the known key lacks is at least one unmatched character
            matcher.set_seq1(key)
            if matcher.quick_ratio() < floor:
                continue
            ratio = matcher.ratio()
            if ratio >= floor and ratio > best_ratio:
                best_index, best_ratio = index, ratio
        return best_index, best_ratio

    def _near_lengths(self, size: int, threshold: float) -> list[int] | range:
        """The indices, in order, of the known keys whose length lets a key of ``size`` characters reach
        ``threshold`` (a little wider, the exact bound is checked after): a bisection, not a loop over every key,
        as ``best`` runs on every line of a document."""
        if not 0 < threshold < 2:
            return range(len(self.keys))
        low = int(size * threshold / (2 - threshold)) - 1
        high = int(size * (2 - threshold) / threshold) + 1
        near = self._by_length[bisect_left(self._sorted_lengths, low) : bisect_right(self._sorted_lengths, high)]
        return sorted(index for _, index in near)

    def ratio(self, index: int, key: str) -> float:
        matcher = self._matchers[index]
        matcher.set_seq1(key)
        return matcher.ratio()

    def ratio_at_least(self, index: int, key: str, floor: float) -> float | None:
        """``ratio(index, key)`` when it can reach ``floor``, else None: the cheap upper bounds decide first."""
        if _length_bound(len(key), self._lengths[index]) < floor:
            return None
        matcher = self._matchers[index]
        matcher.set_seq1(key)
        if matcher.quick_ratio() < floor:
            return None
        return matcher.ratio()


def _length_bound(a: int, b: int, size_a: int | None = None) -> float:
    """An upper bound of difflib's ratio: at most ``a`` characters of a key of ``size_a`` (default ``a``)
    characters can match one of ``b``. With ``size_a`` left out it is ``SequenceMatcher.real_quick_ratio``."""
    total = (a if size_a is None else size_a) + b
    return 2.0 * min(a, b) / total if total else 1.0
