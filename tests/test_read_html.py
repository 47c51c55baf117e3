"""Web pages: the article body as lines, furniture dropped, tables as tab-separated rows, page metadata kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures_formats import SAMPLE_TEXT, blocks_to_html, expected_rows, expected_text, parse_blocks

from ftzgraph.graph.errors import DocumentError
from ftzgraph.graph.sources.html import read_html  # noqa: F401  (registers .html and .htm)
from ftzgraph.graph.sources.read import read_document

FURNITURE = [
    "栏目1",
    "请输入关键字",
    "当前位置",
    "分享到",
    "微信",
    "打印本页",
    "关闭窗口",
    "相关文件",
    "主办",
    "备案号",
    "统计代码",
]
FURNITURE += ["tracker", "font-size", "字体"]


def write(tmp_path: Path, page: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(page.encode("utf-8") if isinstance(page, str) else page)
    return path


def test_article_is_kept_and_furniture_dropped(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, blocks_to_html(parse_blocks(SAMPLE_TEXT))))
    assert re.sub(r"\s+", "", document.text) == expected_text(SAMPLE_TEXT)
    for phrase in FURNITURE:
        assert phrase not in document.text, phrase
    assert document.format == "text/html"


def test_summary_table_is_one_tab_separated_row_per_line(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, blocks_to_html(parse_blocks(SAMPLE_TEXT))))
    lines = document.text.splitlines()
    assert [line for line in lines if "\t" in line] == expected_rows(SAMPLE_TEXT)
    assert "序号\t案例名称\t提供单位" in lines


def test_headings_and_paragraphs_are_lines(tmp_path: Path) -> None:
    lines = read_document(write(tmp_path, blocks_to_html(parse_blocks(SAMPLE_TEXT)))).text.splitlines()
    assert lines[0] == "关于印发第二批复制推广典型案例的通知"  # the <h1> standing outside the content <div>
    assert "“企业开办一日办结”复制推广典型案例" in lines
    assert "（甲市提供）" in lines


def test_publication_date_from_the_page_meta_and_doc_number_from_the_text(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, blocks_to_html(parse_blocks(SAMPLE_TEXT))))
    assert document.date == "2024-03-08"  # <meta name="PubDate">, not the decoy date inside a <script>
    assert document.doc_number == "示例自贸办〔2024〕7号"


def test_labelled_doc_number_and_date_outside_the_article(tmp_path: Path) -> None:
    page = """<html><body>
    <table class="bd1"><tr><td>发文机关：</td><td>国务院</td></tr>
    <tr><td>发文字号：</td><td>国函〔2019〕38号</td><td>成文日期：</td><td>2019年04月30日</td></tr></table>
    <div><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
    <p>自由贸易试验区建设是党中央、国务院在新时代推进改革开放的重要战略举措。经国务院同意，现将有关事项通知如下。</p>
    <p>一、复制推广的改革事项（一）在全国范围内复制推广的改革事项。</p></div></body></html>"""
    document = read_document(write(tmp_path, page))
    assert document.doc_number == "国函〔2019〕38号"
    assert document.date == "2019-04-30"


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [("gb2312", "gb18030"), ("GBK", "gbk"), ("utf-8", "utf-8"), ("big5", "big5"), ("gbk", "utf-8")],
    ids=["gb2312-declared", "gbk-declared", "utf-8", "big5", "wrong-declaration-detected"],
)
def test_declared_charset_or_detection_decodes_the_page(tmp_path: Path, declared: str, encoding: str) -> None:
    text = (
        SAMPLE_TEXT
        if declared != "big5"
        else "# 復制推廣典型案例\n\n綏芬河片區提供的「批次進出、集中申報」案例，已在全省推廣。\n"
    )
    page = blocks_to_html(parse_blocks(text), charset=declared, furniture=declared != "big5")
    document = read_document(write(tmp_path, page.encode(encoding)))
    assert re.sub(r"\s+", "", document.text) == expected_text(text)


def test_utf8_bom_page_without_declaration(tmp_path: Path) -> None:
    page = "\ufeff<html><body><p>“企业开办一日办结”复制推广典型案例，由甲市市场监管局提供。</p></body></html>"
    document = read_document(write(tmp_path, page, "page.htm"))
    assert document.text == "“企业开办一日办结”复制推广典型案例，由甲市市场监管局提供。"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>示例</title></head><body></body></html>",
        "<html><body><nav><a href='/a'>首页</a><a href='/b'>政务公开</a></nav><footer>版权所有</footer></body></html>",
        "<html><body><div>"
        + "".join(f"<a href='/{n}'>关于第{n}批复制推广案例的通知</a>" for n in range(30))
        + "</div></body></html>",
        "<html><body><script>var a = '很长的脚本文字很长的脚本文字很长的脚本文字';</script></body></html>",
    ],
    ids=["empty-body", "only-nav-and-footer", "only-links", "only-script"],
)
def test_page_without_an_article_is_refused(tmp_path: Path, page: str) -> None:
    with pytest.raises(DocumentError, match="no article text"):
        read_document(write(tmp_path, page))


def test_content_density_finds_the_article_without_landmarks(tmp_path: Path) -> None:
    """No nav/footer names at all: the link list and the address block lose to the text block."""
    links = "".join(f"<div><a href='/{n}'>自贸试验区第{n}批改革试点经验</a></div>" for n in range(12))
    paragraphs = "".join(
        f"<div>第{n}段：哈尔滨片区复制推广跨境电商监管新模式，通关时间压缩百分之三十。</div>" for n in range(8)
    )
    page = f"<html><body><div>{links}</div><div><div>{paragraphs}</div></div><div>地址：某市某路1号</div></body></html>"
    lines = read_document(write(tmp_path, page)).text.splitlines()
    assert len(lines) == 8
    assert lines[0].startswith("第0段：")
    assert not any("改革试点经验" in line or "地址" in line for line in lines)


def test_layout_tables_are_not_flattened_into_rows(tmp_path: Path) -> None:
    """Old sites lay the page out with nested tables; only the innermost data table gives tab rows."""
    page = """<html><body><table><tr><td><table><tr><td><a href='/'>首页</a></td></tr></table></td></tr>
    <tr><td><p>绥芬河片区复制推广“批次进出、集中申报”改革试点经验，企业通关效率明显提升。</p>
    <table><tr><td>序号</td><td>案例名称</td><td>提供单位</td></tr>
    <tr><td>1</td><td>“批次进出、集中申报”复制推广典型案例</td><td>绥芬河片区</td></tr></table>
    </td></tr></table></body></html>"""
    lines = read_document(write(tmp_path, page)).text.splitlines()
    assert lines == [
        "绥芬河片区复制推广“批次进出、集中申报”改革试点经验，企业通关效率明显提升。",
        "序号\t案例名称\t提供单位",
        "1\t“批次进出、集中申报”复制推广典型案例\t绥芬河片区",
    ]


def test_boilerplate_lines_inside_the_article_are_dropped(tmp_path: Path) -> None:
    page = """<html><body><div class="content">
    <p>黑河片区推行公证最多跑一次，办理时限由5个工作日压缩至1个工作日。</p>
    <p>【打印本页】 | 【关闭窗口】</p><p>分享到： 微信 微博</p><p>字体：大 中 小</p>
    <p>群众办事满意度明显提升。</p></div></body></html>"""
    lines = read_document(write(tmp_path, page)).text.splitlines()
    assert lines == ["黑河片区推行公证最多跑一次，办理时限由5个工作日压缩至1个工作日。", "群众办事满意度明显提升。"]


def test_hidden_elements_and_inline_markup(tmp_path: Path) -> None:
    page = """<html><body><div style="display:none">隐藏的导航文字隐藏的导航文字</div>
    <p>大庆市<b>城管局</b>复制推广<span>“建设项目水、电、气、暖现场一次联办模式”</span>，<br>实现联合报装。</p>
    </body></html>"""
    lines = read_document(write(tmp_path, page)).text.splitlines()
    assert lines == ["大庆市城管局复制推广“建设项目水、电、气、暖现场一次联办模式”，", "实现联合报装。"]
