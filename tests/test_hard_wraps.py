"""Hard wraps of a PDF booklet's text layer (graph/sources/hard_wraps.py): paragraphs broken at one width are read
as the paragraphs they are, with offsets true to the file; a text without hard wraps is left as it is. Small texts
of their own wording (issue #15, helper z17i), not the held-out booklets.
"""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.model import Document
from ftzgraph.graph.sources.hard_wraps import mark_wraps
from ftzgraph.graph.text import WRAP_MARK, clean_spans, join_broken_lines


def _wrapped(paragraph: str, width: int) -> list[str]:
    return [paragraph[k : k + width] for k in range(0, len(paragraph), width)]


_PARAGRAPHS = [
    "今年，合肥海关会同合肥市商务局、国家税务总局合肥市税务局，在合肥片区设立跨境电商退货中心仓，对出口退货商品集中申报。",
    "退货通关时间由原来的12天压缩至3.5天，累计办理退货商品18.4万票，为企业节约物流成本约2600万元。",
    "芜湖市交通运输局会同芜湖海事局推出江海联运一单到底服务，货主只签一份运单，港口与航运企业数据实时共享。",
]


def _booklet(width: int) -> str:
    lines = ["01", "跨境电商退货“一仓通办”", "合肥海关", "主要做法", *_wrapped(_PARAGRAPHS[0], width)]
    lines += ["取得成效", *_wrapped(_PARAGRAPHS[1], width), "", "02", "江海联运“一单到底”", "芜湖市交通运输局"]
    lines += ["主要做法", *_wrapped(_PARAGRAPHS[2], width), "取得成效", "中转时间平均缩短20小时。"]
    return "某省自贸试验区成果汇编\n\n" + "\n".join(lines) + "\n"


def test_a_line_that_fills_the_width_continues_on_the_next() -> None:
    text = _booklet(26)
    marked = mark_wraps(text)
    assert marked is not None and len(marked) == len(text)
    joined, offsets = join_broken_lines(marked)
    assert _PARAGRAPHS[0] in joined and _PARAGRAPHS[1] in joined
    assert all(text[offsets[i]] == char for i, char in enumerate(joined) if char != "\n")


def test_headings_and_short_lines_are_not_joined() -> None:
    joined, _ = join_broken_lines(mark_wraps(_booklet(26)) or "")
    assert "\n取得成效\n退货通关时间" in joined
    assert "\n合肥海关\n主要做法\n" in joined


def test_the_wrap_width_is_the_documents_own() -> None:
    for width in (20, 23, 26):
        joined, _ = join_broken_lines(mark_wraps(_booklet(width)) or "")
        assert _PARAGRAPHS[2] in joined


def test_a_wrap_across_blanked_page_furniture_is_one_break() -> None:
    lines = _booklet(26).split("\n")
    at = lines.index("取得成效")
    text = "\n".join([*lines[: at + 2], "   ", "    ", *lines[at + 2 :]])
    marked = mark_wraps(text)
    assert marked is not None
    assert _PARAGRAPHS[1] in clean_spans(marked)[0]


def test_a_document_without_hard_wraps_is_unchanged() -> None:
    text = "某省自贸试验区成果汇编\n\n01\n跨境电商退货\n合肥海关\n" + "\n".join(_PARAGRAPHS) + "\n"
    assert mark_wraps(text) is None


def test_table_rows_are_not_joined() -> None:
    rows = [f"{n}\t某某海关推行货物{n}号查验改革的具体做法并取得成效" for n in range(1, 8)]
    assert mark_wraps("\n".join(rows)) is None
    cells = ["          " + _PARAGRAPHS[0][k : k + 20] for k in range(0, 60, 20)] * 3
    assert mark_wraps("\n".join(cells)) is None


def test_a_wrapped_booklet_reads_cut_names_and_figures() -> None:
    text = _booklet(26)
    document = Document(id="w", path=Path("w.txt"), text=text, sha256="w")
    cases = extract_document(document).cases
    assert [(case.title, case.provider) for case in cases] == [
        ("跨境电商退货“一仓通办”", "合肥海关"),
        ("江海联运“一单到底”", "芜湖市交通运输局"),
    ]
    assert "合肥市税务局" in [agency.name for agency in cases[0].agencies]  # 合肥市税 / 务局 at width 26
    assert {o.value for o in cases[0].outcomes} >= {3.5, 18.4, 2600.0}
    assert not any(WRAP_MARK in (e.quote or "") for case in cases for e in case.evidence.values())


def _wrapped_by_display(paragraph: str, width: int) -> list[str]:
    """As a PDF sets a line: Chinese characters take two columns, digits and letters one."""
    lines, line, used = [], "", 0
    for char in paragraph:
        size = 1 if char.isascii() else 2
        if used + size > width:
            lines.append(line)
            line, used = "", 0
        line, used = line + char, used + size
    return [*lines, line]


def test_a_width_set_in_columns_is_found_when_digits_take_half_a_column() -> None:
    figures = "通关时间由原来的15天压缩至4.5天，累计办理退货商品23.6万票，节约物流成本约3800万元，惠及企业1260家。"
    lines = ["某省自贸试验区成果汇编", "01", "跨境电商退货", "合肥海关", "主要做法"]
    for paragraph in (*_PARAGRAPHS, figures):
        lines += _wrapped_by_display(paragraph, 44)
    text = "\n".join(lines) + "\n"
    marked = mark_wraps(text)
    assert marked is not None
    joined, _ = join_broken_lines(marked)
    assert figures in joined and "\n合肥海关\n主要做法\n" in joined


def test_contents_lines_set_to_one_width_are_no_wrap() -> None:
    contents = [f"第{n}项改革“一网通办”服务" + "…" * 6 + str(n) for n in range(1, 10)]
    text = "目  录\n" + "\n".join(contents) + "\n\n" + "\n".join(_PARAGRAPHS) + "\n"
    assert mark_wraps(text) is None


def test_an_empty_line_after_a_full_line_ends_the_paragraph() -> None:
    lines = _booklet(26).split("\n")
    at = lines.index("取得成效")
    text = "\n".join([*lines[: at + 2], "", *lines[at + 2 :]])
    joined, _ = join_broken_lines(mark_wraps(text) or "")
    assert _PARAGRAPHS[1] not in joined and _PARAGRAPHS[0] in joined


def test_lines_a_character_short_or_long_by_line_breaking_rules_still_fill_the_width() -> None:
    """A PDF hangs a comma past the measure or pushes a character down so that no line opens with punctuation."""
    lines = ["某省自贸试验区成果汇编", "01", "跨境电商退货", "合肥海关", "主要做法"]
    for paragraph in _PARAGRAPHS:
        wrapped = _wrapped_by_display(paragraph, 40)
        for k in range(1, len(wrapped)):
            if wrapped[k][0] in "，。、":  # hang it on the line above
                wrapped[k - 1], wrapped[k] = wrapped[k - 1] + wrapped[k][0], wrapped[k][1:]
        lines += [line for line in wrapped if line]
    lines[-2], lines[-1] = lines[-2][:-1], lines[-2][-1] + lines[-1]  # one character pushed down
    joined, _ = join_broken_lines(mark_wraps("\n".join(lines) + "\n") or "")
    assert all(paragraph in joined for paragraph in _PARAGRAPHS)


def test_the_lines_of_a_box_drawn_table_are_rows_not_wraps() -> None:
    """Lines of a table drawn with box characters share one width as a wrapped page's do; they are rows (issue #15,
    helper z28d), so no wrap is marked between them."""
    row = "│ 1  │政务服务“跨省通 │          │借鉴重庆自贸试验区做法，与相邻市县签订合作协│"
    text = "\n".join([row] * 8)
    assert mark_wraps(text) is None
