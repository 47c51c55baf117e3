"""Policy documents a case cites: 《title》 with its 文号 when one stands next to it, and bare 文号.

A 《》 name is a policy document when its last word says so (通知, 办法, 方案 …) and not when it names a
form, certificate or ledger (服务单, 申请表, 许可证 …); the word lists live in ``data/lexicon/citations.yaml``.
Texts cite the same document twice, once in full and once by a short title or by 文号 alone, so mentions are
merged: same 文号, same title, or one title ending the other (a short title drops the issuer prefix).
Page breaks that cut a title are rejoined first (``join_broken_lines``); evidence points at the source text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.model import CaseText, Citation
from ftzgraph.graph.text import doc_number_matches, joined_text, normalise_doc_number

_MAX_TITLE = 160
_MIN_SHORT_TITLE = 8
"""A short title must have at least this many characters to be merged into a longer title it ends."""

_TRAILING_NOTE_RE = re.compile(r"[（(][^（）()]{1,16}[)）]$")
_CLOSERS = ">〉》”’」』\"' "
_CLAUSE_BOUNDARY = "，,。；;：:、！？!?\n《》“”"
_CJK_WORD = r"[\u4e00-\u9fffA-Za-z0-9]"
_INNER_SPACE_RE = re.compile(rf"(?<={_CJK_WORD})[ \t\u3000]+(?={_CJK_WORD})")
_SPACE_RE = re.compile(r"[\s\u3000]+")


def lexicon() -> dict[str, Any]:
    return load_lexicon("citations")


@dataclass
class _Mention:
    title: str | None
    number: str | None
    start: int  # span in the joined text
    end: int


def clean_title(raw: str) -> str:
    """The title as a label: page-break whitespace gone, a space kept only between two words (joint issuers)."""
    kept = _INNER_SPACE_RE.sub(" ", raw.strip())
    return _SPACE_RE.sub(lambda m: " " if m.group() == " " else "", kept)


def title_key(title: str) -> str:
    """Matching key for a document title: no whitespace, no quotes or angle brackets."""
    return re.sub(r"[\s\u3000“”‘’\"'<>〈〉《》「」]", "", title)


def is_policy_document(title: str) -> bool:
    """True when a 《》 name is a policy document rather than a form, certificate, ledger, film or book."""
    lex = lexicon()
    core = title.strip().rstrip(_CLOSERS)
    while _TRAILING_NOTE_RE.search(core):
        core = _TRAILING_NOTE_RE.sub("", core).rstrip(_CLOSERS)
    best_len, best_is_doc = 0, False
    for suffix in lex["document_suffixes"]:
        if core.endswith(suffix) and len(suffix) > best_len:
            best_len, best_is_doc = len(suffix), True
    for suffix in lex["not_document_suffixes"]:
        if core.endswith(suffix) and len(suffix) > best_len:
            best_len, best_is_doc = len(suffix), False
    if best_len:
        return best_is_doc
    return any(marker in core for marker in lex["document_markers"])


def _bracketed_titles(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 (brackets included), nesting-aware; an unclosed bracket is skipped."""
    spans: list[tuple[int, int]] = []
    i = text.find("《")
    while i >= 0:
        depth, j = 0, i
        limit = min(len(text), i + _MAX_TITLE)
        while j < limit:
            if text[j] == "《":
                depth += 1
            elif text[j] == "》":
                depth -= 1
                if depth == 0:
                    break
            elif text[j] == "\n":
                j = limit
                break
            j += 1
        if j < limit and depth == 0:
            spans.append((i, j + 1))
            i = text.find("《", j + 1)
        else:
            i = text.find("《", i + 1)
    return spans


def _strip_lead_ins(phrase: str) -> str:
    """Drop words that introduce a citation (按照, 根据, 印发 …) from the start of ``phrase``."""
    lead_ins = sorted(lexicon()["lead_ins"], key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        phrase = phrase.lstrip(" \t\u3000")
        for word in lead_ins:
            if phrase.startswith(word) and len(phrase) > len(word):
                phrase, changed = phrase[len(word) :], True
                break
    return phrase


def _number_matches(text: str) -> list[tuple[int, int, str]]:
    """Every 文号 in ``text`` as (start, end, normalised), its prefix cut after any lead-in word."""
    found = []
    for match in doc_number_matches(text):
        prefix = match["prefix"]
        trimmed = _strip_lead_ins(prefix)
        for word in sorted(lexicon()["lead_ins"], key=len, reverse=True):
            cut = trimmed.rfind(word)
            if cut > 0 and len(trimmed) - cut - len(word) >= 2:
                trimmed = trimmed[cut + len(word) :]
        start = match.start("prefix") + len(prefix) - len(trimmed)
        number = normalise_doc_number(text[start : match.end()])
        if number:
            found.append((start, match.end(), number))
    return found


def _gap(text: str) -> str:
    """What stands between a title and a 文号 once whitespace and round brackets are ignored."""
    return re.sub(r"[\s\u3000()（）]", "", text)


def _title_before(text: str, number_start: int) -> tuple[str, int] | None:
    """A title written without 《》 right before a bracketed 文号 (…的通知(国函〔2019〕38号)), with its start."""
    end = number_start
    while end > 0 and text[end - 1] in " \t\u3000(（":
        end -= 1
    if end == number_start:
        return None
    start = end
    while start > 0 and text[start - 1] not in _CLAUSE_BOUNDARY and end - start < _MAX_TITLE:
        start -= 1
    phrase = _strip_lead_ins(text[start:end])
    phrase_start = end - len(phrase)
    if len(phrase) >= _MIN_SHORT_TITLE and is_policy_document(phrase) and not phrase.endswith("》"):
        return phrase, phrase_start
    return None


def _mentions(text: str) -> list[_Mention]:
    gap = int(lexicon()["number_gap"])
    numbers = _number_matches(text)
    claimed: set[int] = set()
    mentions: list[_Mention] = []
    for start, end in _bracketed_titles(text):
        title = clean_title(text[start + 1 : end - 1])
        if not title or not is_policy_document(title):
            continue
        mention = _Mention(title, None, start, end)
        for k, (n_start, n_end, number) in enumerate(numbers):
            if k not in claimed and n_start >= end and len(_gap(text[end:n_start])) < gap:
                mention.number, mention.end = number, max(end, n_end)
                claimed.add(k)
                break
        mentions.append(mention)
    for mention in mentions:
        if mention.number is None:
            for k, (n_start, n_end, number) in enumerate(numbers):
                if k not in claimed and n_end <= mention.start and len(_gap(text[n_end : mention.start])) < gap:
                    mention.number, mention.start = number, n_start
                    claimed.add(k)
                    break
    for k, (n_start, n_end, number) in enumerate(numbers):
        if k in claimed:
            continue
        before = _title_before(text, n_start)
        if before:
            mentions.append(_Mention(before[0], number, before[1], n_end))
        else:
            mentions.append(_Mention(None, number, n_start, n_end))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _same_document(a: _Mention, b: _Mention) -> bool:
    if a.number and b.number:
        return a.number == b.number
    if a.title is None or b.title is None:
        return False
    key_a, key_b = title_key(a.title), title_key(b.title)
    if key_a == key_b:
        return True
    short, long = sorted((key_a, key_b), key=len)
    return len(short) >= _MIN_SHORT_TITLE and long.endswith(short)


def _merge(mentions: list[_Mention]) -> list[_Mention]:
    """Fold mentions of the same document into the first one; repeat, since a merge can reveal a 文号 match."""
    merged: list[_Mention] = []
    for mention in mentions:
        for first in merged:
            if _same_document(first, mention):
                if mention.title and (
                    first.title is None or len(title_key(mention.title)) > len(title_key(first.title))
                ):
                    first.title = mention.title
                first.number = first.number or mention.number
                break
        else:
            merged.append(mention)
    return merged if len(merged) == len(mentions) else _merge(merged)


def extract_citations(case: CaseText) -> list[Citation]:
    """Every policy document the case cites, once each, in order of first mention."""
    joined, offsets = joined_text(case.text)
    citations = []
    for mention in _merge(_mentions(joined)):
        evidence = case.evidence(offsets[mention.start], offsets[mention.end - 1] + 1)
        citations.append(Citation(mention.title, mention.number, evidence))
    return citations
