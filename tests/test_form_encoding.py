"""``decode_form`` gives what ``urllib.parse.parse_qsl`` gives, on any bytes, malformed escapes included."""

from __future__ import annotations

from urllib.parse import parse_qsl, quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ftzgraph.api._form_encoding import decode_form


def _reference(raw: bytes) -> list[tuple[str, str]]:
    return parse_qsl(raw.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict")


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D",
        b"query=%23%20%E6%89%B9%E6%AC%A1%0ASELECT+%3Fs&default-graph-uri=http%3A%2F%2Fx%2Fg",
        b"a=b=c&&=x&flag&q=%",
        b"q=%ZZ%4&r=%3d%3D=",
        b"q=%\nx&r=a =\n&s=%25",
        "q=海关 raw".encode(),
    ],
)
def test_examples_decode_as_parse_qsl_does(raw: bytes) -> None:
    assert decode_form(raw) == _reference(raw)


_PIECES = st.sampled_from(["%", "=", "&", "+", "%4", "%e6", "%E6%B5%B7", "%3D", "%ZZ", "\n", " ", "a", "_", "~"])


@given(st.lists(st.one_of(_PIECES, st.text(max_size=4).map(lambda t: quote(t, safe="=&%+"))), max_size=30))
def test_any_ascii_text_decodes_as_parse_qsl_does(pieces: list[str]) -> None:
    raw = "".join(pieces).encode()
    try:
        expected = _reference(raw)
    except UnicodeDecodeError:
        with pytest.raises(UnicodeDecodeError):
            decode_form(raw)
        return
    assert decode_form(raw) == expected


def test_a_value_that_is_not_utf8_raises() -> None:
    with pytest.raises(UnicodeDecodeError):
        decode_form(b"query=%FF%FE")
