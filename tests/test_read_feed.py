"""Web feeds (graph/sources/feed.py): RSS and Atom read as their items' text, one block per item with its title on a
line of its own, whatever the file's name; a feed's cases are then found like a bulletin's items."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.sources.read import read_document

BODY = "某区借鉴上海自贸试验区经验，推行企业开办“一窗通”。区市场监管局牵头，开办时间由3天缩短至0.5天，惠及企业120家。"
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>某市商务局 - 联动创新</title><description>栏目</description>
<item><title><![CDATA[【联动创新】甲区：企业开办“一窗通”]]></title><pubDate>Thu, 12 Dec 2024 08:30:00 +0800</pubDate>
<author>甲区商务局</author><description><![CDATA[<p>{BODY}</p><p>第二段，成效明显。</p>]]></description></item>
<item><title><![CDATA[【联动创新】乙县：项目审批“承诺制”]]></title><pubDate>Fri, 22 Nov 2024 16:10:00 +0800</pubDate>
<author>乙县人民政府</author><description><![CDATA[<p>{BODY.replace("某区", "乙县")}</p>]]></description></item>
</channel></rss>
"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>某市商务局</title>
<entry><title type="text">企业开办“一窗通”</title><published>2024-11-20T09:00:00+08:00</published>
<author><name>丙市丁区商务局</name></author><summary type="html">&lt;p&gt;{BODY}&lt;/p&gt;</summary></entry>
<entry><title type="text">项目审批“承诺制”</title><published>2024-10-08T15:30:00+08:00</published>
<author><name>某某</name></author><summary type="html">&lt;p&gt;{BODY}&lt;/p&gt;</summary></entry>
</feed>
"""


def test_an_rss_feed_saved_as_text_is_read_as_its_items(tmp_path: Path) -> None:
    path = tmp_path / "column.txt"
    path.write_text(RSS, encoding="utf-8")
    document = read_document(path)
    lines = document.text.splitlines()
    assert document.format == "application/rss+xml"
    assert "【联动创新】甲区：企业开办“一窗通”" in lines and "作者：甲区商务局" in lines
    assert "发布时间：2024-12-12 08:30" in lines
    assert BODY in lines and "第二段，成效明显。" in lines  # one line per <p>, no tags
    assert "<" not in document.text


def test_an_rss_items_title_names_its_place_and_its_case(tmp_path: Path) -> None:
    path = tmp_path / "column.xml"
    path.write_text(RSS, encoding="utf-8")
    cases = extract_document(read_document(path)).cases
    assert [case.title for case in cases] == ["企业开办“一窗通”", "项目审批“承诺制”"]
    assert [case.provider for case in cases] == ["甲区", "乙县"]  # the column's tag 【联动创新】 is no place


def test_an_atom_entrys_author_is_its_provider_when_it_is_a_body(tmp_path: Path) -> None:
    path = tmp_path / "column.atom"
    path.write_text(ATOM, encoding="utf-8")
    document = read_document(path)
    assert "发布时间：2024-11-20 09:00" in document.text.splitlines()
    cases = extract_document(document).cases
    assert [case.title for case in cases] == ["企业开办“一窗通”", "项目审批“承诺制”"]
    assert cases[0].provider == "丙市丁区商务局"
    assert cases[1].provider != "某某"  # 作者：某某, a person, names no unit


def test_an_xml_file_that_is_no_feed_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<records><record>某市复制推广案例</record></records>", encoding="utf-8")
    assert read_document(path).text == "<records><record>某市复制推广案例</record></records>"


def test_a_spreadsheet_saved_as_csv_is_read_and_its_ledger_columns_give_the_cases(tmp_path: Path) -> None:
    """A .csv file is text; a ledger numbering its rows 编号 with a 改革举措名称 column is a summary table."""
    path = tmp_path / "ledger.csv"
    rows = [
        f'{n},{title},某市商务局,"{BODY}",已完成' for n, title in ((1, "企业开办“一窗通”"), (2, "项目审批“承诺制”"))
    ]
    path.write_text("编号,改革举措名称,牵头部门,推进情况,备注\n" + "\n".join(rows) + "\n", encoding="utf-8")
    cases = extract_document(read_document(path)).cases
    assert [(case.title, case.provider) for case in cases] == [
        ("企业开办“一窗通”", "某市商务局"),
        ("项目审批“承诺制”", "某市商务局"),
    ]


def test_a_web_pages_fragment_saved_as_text_is_read_as_a_page(tmp_path: Path) -> None:
    path = tmp_path / "fragment.txt"
    path.write_text(
        f'<div class="TRS_Editor"><p>{BODY}</p><table><tr><td>1</td><td>甲</td></tr></table></div>', "utf-8"
    )
    document = read_document(path)
    assert document.format == "text/html" and BODY in document.text and "<p>" not in document.text


_RECORDS = """<?xml version="1.0" encoding="UTF-8"?>
<response><msg>某市改革创新案例库</msg><data>
<row><xh>1</xh><title>企业开办“一窗通”</title><dept>某市市场监督管理局</dept><fbsj>2024-05-06</fbsj>
<content><![CDATA[<p>市市场监管局借鉴上海自贸试验区经验，推行企业开办“一窗通”。</p><p>开办时间由3天缩短至0.5天。</p>]]></content></row>
<row><xh>2</xh><title>项目审批“承诺制”</title><dept>某县行政审批局</dept><fbsj>2024-05-07</fbsj>
<content><![CDATA[<p>县行政审批局复制推广国务院第六批自由贸易试验区改革试点经验，审批时间由30天缩短至10天。</p>]]></content></row>
</data></response>
"""


def test_an_xml_exports_records_are_read_as_cases_whatever_their_fields_are_named(tmp_path: Path) -> None:
    """A record's title, unit and text fields by the lexicon's element names, or its fields named in Chinese written as
    a form's (案例名称：X / 报送单位：Y), each record after a rule line; .txt too, by its <?xml declaration."""
    path = tmp_path / "export.txt"
    path.write_text(_RECORDS, encoding="utf-8")
    document = read_document(path)
    assert document.format == "application/xml"
    assert "来源单位：某市市场监督管理局" in document.text.splitlines() and "发布时间：2024-05-06" in document.text
    cases = extract_document(document).cases
    assert [(case.title, case.provider) for case in cases] == [
        ("企业开办“一窗通”", "某市市场监督管理局"),
        ("项目审批“承诺制”", "某县行政审批局"),
    ]
    chinese = _RECORDS.replace("<title>", "<案例名称>").replace("</title>", "</案例名称>")
    chinese = chinese.replace("<dept>", "<报送单位>").replace("</dept>", "</报送单位>")
    path.write_text(chinese, encoding="utf-8")
    assert "案例名称：企业开办“一窗通”" in read_document(path).text.splitlines()
    assert [case.title for case in extract_document(read_document(path)).cases] == [
        "企业开办“一窗通”",
        "项目审批“承诺制”",
    ]
