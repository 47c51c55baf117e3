"""Traditional -> simplified Chinese, character by character, so offsets stay the same.

Documents from Hong Kong, Macao or Taiwan sources (and some provincial pages) are written in
traditional script, while the lexicons and patterns are written in simplified script. Matching runs
on a simplified copy of the text; because each character maps to exactly one character, an offset
found in the copy is the same offset in the original, and quotes and labels keep the original text.
Phrase-level conversions (which may change length) are deliberately not used. The corner quotes of Hong Kong, Macao
and Taiwan (「」『』) are read as the mainland's “” ‘’ in the copy too: the patterns that find a reform's quoted name
(a bare title naming a reform, 推出“A”, X的“A”做法) are written with the mainland's marks.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

from ftzgraph.graph.model import Evidence

MIN_TRADITIONAL_CHARS = 2
"""A text needs at least this many traditional-only characters before it is called traditional."""


@lru_cache(maxsize=1)
def _converters() -> tuple[opencc.OpenCC, opencc.OpenCC]:
    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


@lru_cache(maxsize=65536)
def _simplified_char(char: str) -> str:
    """The simplified form of one character, or the character itself when it has none of length one."""
    converted = _converters()[0].convert(char)
    return converted if len(converted) == 1 else char


@lru_cache(maxsize=65536)
def _traditional_char(char: str) -> str:
    converted = _converters()[1].convert(char)
    return converted if len(converted) == 1 else char


_CORNER_QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’"}
"""Corner quotes and the mainland's quotes they stand for, one character each (offsets stay the same)."""


def to_simplified(text: str) -> str:
    """``text`` in simplified script with the same length: ``復制推廣「一站式」`` -> ``复制推广“一站式”``."""
    return "".join(_CORNER_QUOTES.get(char) or _simplified_char(char) if char >= "\u2e80" else char for char in text)


def is_traditional(text: str) -> bool:
    """True when ``text`` has more traditional-only than simplified-only characters (and a few at least).

    A character is traditional-only when t2s changes it (廣, 貿), simplified-only when s2t changes it
    (广, 贸); characters shared by both scripts (中, 自由) do not vote.
    """
    from collections import Counter

    traditional = simplified = 0
    for char, count in Counter(text).items():  # each distinct character converted once
        if char < "\u2e80":
            continue
        if _simplified_char(char) != char:
            traditional += count
        elif _traditional_char(char) != char:
            simplified += count
    return traditional >= MIN_TRADITIONAL_CHARS and traditional > simplified


def restore_original(value: object, original: str, memo: dict[int, object] | None = None) -> object:
    """``value`` (extraction results found on a simplified copy) with every ``Evidence`` quote taken from
    the ``original`` text again: offsets are equal, so quotes show the script the document was written in."""
    import dataclasses

    memo = {} if memo is None else memo
    if id(value) in memo:
        return memo[id(value)]
    if isinstance(value, Evidence):
        restored: object = dataclasses.replace(value, quote=original[value.start : value.end])
    elif isinstance(value, list):
        restored = [restore_original(item, original, memo) for item in value]
    elif isinstance(value, dict):
        restored = {key: restore_original(item, original, memo) for key, item in value.items()}
    elif dataclasses.is_dataclass(value) and not isinstance(value, type) and type(value).__name__ != "Document":
        changes = {}
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            new = restore_original(current, original, memo)
            if new is not current:
                changes[field.name] = new
        restored = dataclasses.replace(value, **changes) if changes else value  # type: ignore[type-var]
    else:
        restored = value
    memo[id(value)] = restored
    return restored
