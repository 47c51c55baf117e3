"""Decoding ``application/x-www-form-urlencoded`` text (query strings, form bodies) to name/value pairs.

Same result as ``urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True, errors="strict")``, faster on
a percent-encoded SPARQL query: ``unquote`` walks the escapes in Python (a Chinese comment in a query is all
escapes), where this hands well-formed escapes
to ``binascii.a2b_qp``, C code for quoted-printable, whose ``=XX`` escapes are ``%XX`` with another sign:
literal ``=`` are escaped as ``=3D`` first, then ``%`` becomes ``=``. Quoted-printable treats a malformed
escape differently (``=ZZ``, a soft line break ``=\\n``), so text with a ``%`` not followed by two hex digits
takes ``unquote_to_bytes`` instead. ``tests/test_form_encoding.py`` checks equality with ``parse_qsl``.
"""

from __future__ import annotations

import binascii
import re
from urllib.parse import unquote_to_bytes

_MALFORMED_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")


def _unescape(raw: bytes) -> bytes:
    if b"+" in raw:
        raw = raw.replace(b"+", b" ")
    if b"%" not in raw:
        return raw
    if _MALFORMED_ESCAPE.search(raw):
        return unquote_to_bytes(raw)
    return binascii.a2b_qp(raw.replace(b"=", b"=3D").replace(b"%", b"="))


def decode_form(raw: bytes) -> list[tuple[str, str]]:
    """Name/value pairs in order, blank values kept; ``UnicodeDecodeError`` when a name or value is not UTF-8."""
    pairs = []
    for field in raw.split(b"&"):
        if field:
            name, _, value = field.partition(b"=")
            pairs.append((_unescape(name).decode("utf-8"), _unescape(value).decode("utf-8")))
    return pairs
