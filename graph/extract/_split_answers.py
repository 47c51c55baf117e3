"""Press-conference answers anchored by the titles the opening statement listed, not by a leading place.

A transcript's speaker often lists the cases once with who gave them (分别是：X片区的“A”和“B”，Y片区的“C”，以及
Z局会同W海关推出的“D”) and then, asked by reporters, tells them in answers that open with an ordinal (第一项是“A”。…
第二项是“B”。…), with the reform (“C”是Y片区推出的… / 这项改革由Y片区推出) or with neither (这项成果主要解决…). No
place leads such an answer, so the place-led rule (graph/extract/_split_whole.py) finds too few cases; the list does
anchor them. Each listed title opens its case at the first sentence of an answer that writes it (whole or by its
quoted names); an answer that writes none is the case of the listed title whose provider it names or whose
character pairs it holds most. The provider is the one the list gives the title, else the body of the answering
speaker as the speaker block at the top names it (发布人：湖北省商务厅副厅长　周某 -> 湖北省商务厅).

Only the genre's words (``data/lexicon/layouts.yaml``, ``fallback``) are read; nothing here names a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ftzgraph.graph.data_files import load_lexicon
from ftzgraph.graph.extract._split_lead_titles import listed_titles, tells
from ftzgraph.graph.extract._split_leads import SUBJECT_RE, asks, post_re, speaker_label_end
from ftzgraph.graph.extract._split_whole import paragraph_cases, paragraph_lines, reads_as_a_case
from ftzgraph.graph.model import CaseText, Document

_SENTENCE_RE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]|$)")


@dataclass(frozen=True)
class Listed:
    """One title of an opening statement's list, with the provider the list gives it and that provider's offsets."""

    title: str
    provider: tuple[str, int, int] | None


@cache
def _lexicon() -> dict[str, Any]:
    return dict(load_lexicon("layouts")["fallback"])


def told_cases(document: Document) -> list[CaseText]:
    """The cases of a text with no headings: those ``paragraph_cases`` finds (ordinal or place leads), or, when they
    are more, the answers anchored by the listed titles (``answer_cases``)."""
    led = paragraph_cases(document)
    answers = answer_cases(document)
    return answers if len(answers) > len(led) else led


def listed_entries(text: str) -> tuple[int, list[Listed]]:
    """The end offset of the first paragraph listing at least two titles (``listed_titles``), and its titles with the
    provider each entry names before it (X片区的“A”和“B” gives both to X片区; 以及Y局会同Z推出的“C” gives C to Y局; a
    title joined to the one before by 和 or 、 takes its provider; 一是X片区的“A” gives A to X片区)."""
    for offset, raw in paragraph_lines(text):
        titles = listed_titles(raw) or _entry_titles(raw)
        if len(titles) < 2:
            continue
        entries: list[Listed] = []
        at = 0
        provider: tuple[str, int, int] | None = None
        by: tuple[str, int, int] | None = None
        for title in titles:
            start = raw.find(title, at)
            if start < 0:
                return offset + len(raw), [Listed(t, None) for t in titles]
            mark = start - 1 if start and raw[start - 1] in "“「『" else start
            between = raw[at:mark]
            if at == 0 or re.search(r"[，,；;：:。]", between):  # a new entry: who gave it stands before it
                segment_start = at + max((between.rfind(c) + 1 for c in "，,；;：:。"), default=0)
                provider = _entry_provider(raw, segment_start, mark)
                provider = (provider[0], offset + provider[1], offset + provider[2]) if provider else None
            own = re.fullmatch(r"(?P<by>[^“”]{2,30}的)“(?P<name>[^“”]{2,30})”", title)  # 一是X片区的“A”
            if own and (by := _entry_provider(raw, start, start + len(own["by"]))):
                provider = (by[0], offset + by[1], offset + by[2])
            entries.append(Listed(own["name"] if own and by else title, provider))
            at = start + len(title) + (1 if raw[start + len(title) : start + len(title) + 1] in "”」』" else 0)
        return offset + len(raw), entries
    return len(text), []


def _entry_titles(paragraph: str) -> list[str]:
    """The quoted titles of a list whose entries name their providers between them (分别是：X片区的“A”和“B”，Y片区的
    “C”…): at least two quoted names in the sentence after a word that opens a list (``listed_intro_words``)."""
    intro = "|".join(map(re.escape, _lexicon()["listed_intro_words"]))
    for match in re.finditer(rf"(?:{intro})[：:]?(?P<list>[^。！？!?\n]+)", paragraph):
        names = re.findall(r"“([^“”\n]{2,30})”", match["list"])
        if len(names) >= 2:
            return names
    return []


def _entry_provider(raw: str, start: int, end: int) -> tuple[str, int, int] | None:
    """Who an entry of a title list names before its title (X片区的 / 以及Y局会同Z海关推出的), with its span."""
    segment = raw[start:end]
    for join in _lexicon()["listed_entry_joins"]:
        if segment.startswith(join):
            segment, start = segment[len(join) :], start + len(join)
            break
    endings = "|".join(sorted(map(re.escape, _lexicon()["place_endings"]), key=len, reverse=True))
    place = re.fullmatch(rf"([\u4e00-\u9fff]{{2,12}}?(?:{endings}))的", segment)
    if place:
        return place[1], start, start + len(place[1])
    subject = SUBJECT_RE.match(segment)
    if subject and segment.endswith("的"):
        return subject["p"], start + subject.start("p"), start + subject.end("p")
    return None


_SPEAKER_PART_RE = re.compile(r"[^\s；;：:。，,]+(?:[、，,][^\s；;：:。，,]+)*")
"""One part of a speaker block's entry: a name, or a post (党组成员、副厅长 keeps its 、)."""


def speaker_bodies(text: str) -> dict[str, tuple[str, int, int]]:
    """Each speaker the block at the top of a transcript names (发布人：/主持人：, then ``post　name`` or ``name　post``
    on its own line, or one line's entries set apart by ；), with the body their post names (湖北省商务厅副厅长 ->
    湖北省商务厅) and its offsets; read before the first turn."""
    found: dict[str, tuple[str, int, int]] = {}
    for offset, raw in paragraph_lines(text):
        if speaker_label_end(raw) and "【" in raw[:1]:
            break  # the first turn: the block is above it
        if "。" in raw:
            continue
        label = re.match(r"[\u4e00-\u9fff]{2,4}[：:]", raw)  # 发布人：post　name；…
        for entry in re.split(r"[；;]", raw[label.end() if label else 0 :]):
            at = raw.find(entry, label.end() if label else 0)
            parts = [(m.start(), m.group()) for m in _SPEAKER_PART_RE.finditer(entry)]
            if len(parts) != 2:
                continue
            posts = [(k, part) for k, part in parts if post_re().search(part)]
            names = [part for _, part in parts if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", part)]
            if len(posts) != 1 or not names or names[0] == posts[0][1]:
                continue
            start, post = posts[0]
            body = post_re().sub("", post)
            if len(body) >= 3:
                found[names[0]] = (body, offset + at + start, offset + at + start + len(body))
    return found


def _turn_body(paragraph: str, bodies: dict[str, tuple[str, int, int]]) -> tuple[str, int, int] | None:
    """The body of the speaker whose label opens ``paragraph`` (【发布人　孙某】…), as the speaker block names it."""
    label = paragraph[: speaker_label_end(paragraph)]
    return next((body for name, body in bodies.items() if label and name in label), None)


def _sentences(raw: str, at: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(raw, at) if m.group().strip()]


def _after_courtesies(raw: str, at: int) -> int:
    """Where an answer's matter starts after its label and short courtesies (谢谢您的提问。好的，我来回答这个问题。)."""
    within = int(_lexicon()["place_lead_within_chars"])
    for _ in range(int(_lexicon()["place_lead_courtesies"])):
        sentence = next(iter(_sentences(raw, at)), None)
        if sentence is None or sentence[1] - sentence[0] > within:
            break
        at = sentence[1]
    return at


def _cover(title: str, text: str) -> float:
    pairs = [title[k : k + 2] for k in range(len(title) - 1) if not set(title[k : k + 2]) & set("“”「」")]
    return sum(1 for pair in pairs if pair in text) / len(pairs) if pairs else 0.0


def _untold_anchor(raw: str, free: list[Listed]) -> Listed | None:
    """The listed title an answer that writes none tells: the one whose listed provider it names (这项改革由X片区推出),
    else the one whose pairs of characters it holds most, at least ``answer_title_min_cover``."""
    named = [entry for entry in free if entry.provider and entry.provider[0] in raw]
    if named:
        return named[0]
    best = max(((_cover(entry.title, raw), k) for k, entry in enumerate(free)), default=(0.0, -1))
    return free[best[1]] if best[0] >= float(_lexicon()["answer_title_min_cover"]) else None


def _in_full(provider: tuple[str, int, int], bodies: dict[str, tuple[str, int, int]]) -> tuple[str, int, int]:
    """A listed provider written by its level alone (省商务厅) as the speaker block names it in full (四川省商务厅)."""
    name = provider[0]
    if name[:1] not in "省市区县":
        return provider
    return next((body for body in bodies.values() if body[0].endswith(name) and len(body[0]) > len(name)), provider)


def _stop(anchors: list[tuple[int, Listed]], k: int, end: int) -> int:
    return anchors[k + 1][0] if k + 1 < len(anchors) else end


def answer_cases(document: Document) -> list[CaseText]:
    """The answers of a transcript anchored by the titles its opening statement lists (see the module's docstring):
    one case per listed title an answer tells and that reads as a case, in the order told; none when fewer than two."""
    text = document.text
    listing_end, entries = listed_entries(text)
    if len(entries) < 2:
        return []
    bodies = speaker_bodies(text)
    words = int(_lexicon()["led_case_words"])
    free = list(entries)
    found: list[tuple[int, int, Listed, tuple[str, int, int] | None]] = []
    for offset, raw in paragraph_lines(text):
        if offset < listing_end or not raw.strip() or asks(raw):
            continue
        start = speaker_label_end(raw)
        anchors: list[tuple[int, Listed]] = []
        for s, e in _sentences(raw, start):
            told = next((x for x in free if tells(x.title, raw[s:e]) and all(x is not a for _, a in anchors)), None)
            if told is not None:
                anchors.append((s, told))
        if not anchors and reads_as_a_case(raw[start:], True, words) and (told := _untold_anchor(raw, free)):
            anchors.append((_after_courtesies(raw, start), told))
        end = len(raw.rstrip())
        while bad := [
            k for k, (at, _) in enumerate(anchors) if not reads_as_a_case(raw[at : _stop(anchors, k, end)], True, words)
        ]:
            del anchors[bad[-1]]  # a title named in passing, or no case told: its sentences go on the case before
        for k, (at, entry) in enumerate(anchors):
            free.remove(entry)
            found.append(
                (offset + at, offset + len(raw[: _stop(anchors, k, end)].rstrip()), entry, _turn_body(raw, bodies))
            )
    if len(found) < 2:
        return []
    cases = []
    for number, (start, end, entry, speaker) in enumerate(found, 1):
        first = _sentences(text[:end], start)[0]
        heading = document.evidence(first[0], first[1])
        case = CaseText(document, number, entry.title, heading, start, end)
        case.given_provider = _in_full(entry.provider, bodies) if entry.provider else speaker
        cases.append(case)
    return cases
