"""Page furniture of text copied out of a PDF (graph/sources/page_furniture.py): a bare number alone on its line is
a page number beside a running header, and a booklet's zero-padded case marker or a table's bare number is not.
Small texts of their own wording (issue #15, helper z17i)."""

from __future__ import annotations

from ftzgraph.graph.sources.page_furniture import mask_page_furniture

HEADER = "某省自由贸易试验区制度创新成果汇编"
PAGES = f"""{HEADER}

目  录
01  跨境结算便利化 ………… 2
02  江海联运一单制 ………… 3

1
{HEADER}
01
跨境结算便利化
甲海关
主要做法
甲海关推行跨境结算便利化，企业线上即可办理结算业
务，办理时间由1天缩短至30分钟。
2
{HEADER}
02
江海联运一单制
乙市交通运输局
主要做法
乙市交通运输局推行江海联运一单制，货物中转时间平均缩短
20小时。
3
{HEADER}
"""


def test_a_bare_page_number_beside_the_running_header_is_blanked() -> None:
    masked = mask_page_furniture(PAGES)
    assert masked is not None and len(masked) == len(PAGES)
    lines = masked.split("\n")
    assert "1" not in lines and "2" not in lines and "3" not in lines
    assert HEADER not in lines[1:]
    assert lines[0] == HEADER  # the cover's title opens no page


def test_a_zero_padded_case_marker_is_no_page_number() -> None:
    lines = (mask_page_furniture(PAGES) or "").split("\n")
    assert lines.count("01") == 1 and lines.count("02") == 1
    assert "20小时。" in lines


def test_bare_numbers_with_no_running_header_stay() -> None:
    table = "序号\n1\n跨境结算便利化\n2\n江海联运一单制\n3\n船边直提\n"
    assert mask_page_furniture(table) is None


def test_bare_numbers_that_do_not_rise_are_no_pages() -> None:
    text = f"{HEADER}\n3\n甲片区推行一单制。\n{HEADER}\n1\n乙片区推行船边直提。\n"
    assert mask_page_furniture(text) is None


HEADED = "某区改革案例选编（2025）"
FORM_FED = (
    "某区改革案例选编\n某区发展改革局　编\n"
    f"\f{HEADED}　　　　第 1 页\n\n案例一　跨境结算便利化\n取得成效\n甲海关推行结算，时间缩短。\n\n某区发展改革局印\n"
    f"\f{HEADED}　　　　第 2 页\n\n案例二　江海联运一单制\n取得成效\n乙局推行江海联运，时间缩短。\n\n某区发展改革局印\n"
    f"\f{HEADED}　　　　第 3 页\n\n案例三　船边直提\n取得成效\n丙海关推行船边直提，时间缩短。\n\n某区发展改革局印\n"
)


def test_form_feeds_part_pages_and_a_header_with_its_page_number_runs() -> None:
    masked = mask_page_furniture(FORM_FED)
    assert masked is not None and len(masked) == len(FORM_FED)
    kept = [line.strip() for line in masked.split("\n") if line.strip()]
    assert not any(HEADED in line or line[-1:] == "印" for line in kept)
    assert kept[:2] == ["某区改革案例选编", "某区发展改革局　编"]  # the cover opens no page


def test_a_section_heading_left_at_a_page_edge_is_no_running_line() -> None:
    """取得成效 stands at a page's top twice, but inside the pages too: a case's section, not a header."""
    pages = "\f".join(
        f"取得成效\n{unit}推行，时间缩短。\n案例{n}　{title}\n取得成效\n{unit}推行。\n企业满意。\n效率提高。\n"
        for n, (unit, title) in enumerate([("甲局", "一单制"), ("乙局", "船边直提"), ("丙局", "两步申报")], 1)
    )
    masked = mask_page_furniture(pages) or pages
    assert masked.count("取得成效") == pages.count("取得成效")


def test_a_footnote_naming_who_gave_the_case_stays() -> None:
    """A page's footnote may name a case's provider (③案例C材料由X海关提供): it is the case's, not the page's."""
    text = (
        "甲海关推行两步申报，报关单达412票③，通关时间缩短。\n乙局推行一单制。\n③案例C材料由甲海关提供。\n— 1 —\n"
        "乙区推行跨境结算便利化。\n丙区推行一单制。\n— 2 —\n"
    )
    assert "③案例C材料由甲海关提供。" in (mask_page_furniture(text) or "")


def test_a_running_footer_carrying_its_page_number_parts_pages() -> None:
    """No form feed and no page-number line: the footer that carries the number is the page break."""
    footer = "某市改革案例汇编（第一辑）　　　　第 {} 页，共 2 页"
    text = (
        "一、甲区：富硒食品出口绿色通道\n甲区商务局推行绿色通道，\n\n" + footer.format(1) + "\n\n"
        "通关时间缩短。\n二、乙区：共享员工\n乙区推行共享员工。\n\n" + footer.format(2) + "\n"
    )
    masked = mask_page_furniture(text) or ""
    assert "汇编" not in masked and "一、甲区" in masked and len(masked) == len(text)


def test_a_numbered_item_with_a_page_reference_is_no_page_line() -> None:
    text = "详见附件　第 3 页\n一、甲区推行绿色通道。\n详见附表　第 5 页\n"
    assert mask_page_furniture(text) is None


def test_a_form_feed_after_a_page_number_line_parts_one_page_not_two() -> None:
    """A converter writes the page-number footer, then the form feed on a line of its own: the empty page between
    them counts for nothing, so the header on every real page still runs."""
    header = "某市复制推广自由贸易试验区改革试点经验典型案例选编"
    cases = [("甲局", "一单制"), ("乙局", "船边直提"), ("丙局", "两步申报"), ("丁局", "证照联办")]
    pages = [
        f"案例{n}　{title}\n{unit}推行{title}，时间缩短{n}天。\n{unit}的做法受到企业欢迎。"
        for n, (unit, title) in enumerate(cases, 1)
    ]
    text = f"{header}\n某市商务局　编\n\f\n" + "".join(
        f"{header}\n\n{page}\n第 {n} 页\u3000共 4 页\n\f\n" for n, page in enumerate(pages, 1)
    )
    masked = mask_page_furniture(text)
    assert masked is not None and len(masked) == len(text)
    assert masked.count(header) == 1  # the cover's title only
    assert all(page in masked for page in pages)
