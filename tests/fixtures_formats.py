"""Build format fixtures in the test run: the same Markdown-ish text as HTML, DOCX and PDF.

The source form is the one of the bundled document: ``#`` headings, tab-separated table rows
(consecutive rows, even across blank lines, form one table), other lines paragraphs. ``convert_text``
writes a text document in every format, so tests can check that each reader gives back the same
headings, table rows and paragraphs. The PDF needs a CJK TrueType font: Debian's fonts-wqy-microhei
(fpdf2 cannot subset the CFF-based Noto CJK .ttc into a text layer pdfplumber can read).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.shared import Pt
from fpdf import FPDF

CJK_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
)
RUNNING_HEADER = "中国（黑龙江）自由贸易试验区工作办公室文件"

SAMPLE_TEXT = """# 关于印发第二批复制推广典型案例的通知

示例自贸办〔2024〕7号

各市（地）人民政府，省直有关部门：

现将第二批复制推广典型案例印发给你们，请结合实际学习借鉴。

### 第二批复制推广典型案例汇总表

序号\t案例名称\t提供单位
1\t“企业开办一日办结”复制推广典型案例\t甲市
2\t“跨境结算便利化”复制推广典型案例\t乙片区

## 案例1

# “企业开办一日办结”复制推广典型案例

（甲市提供）

## 一、主要做法

甲市市场监管局复制推广自贸试验区改革试点经验，将企业开办全流程压缩至1个工作日以内。

## 二、实践效果

截至2023年10月，全市新设企业12000户，平均开办时间由3天缩短至0.5天。
"""
"""A small collection: a notice, a two-row summary table and one case; every format is made from it."""

CUT_SENTENCE = (
    "这一句很长的说明文字从第一页开始" + "，持续说明改革举措的具体内容和实施步骤" * 100 + "，最后在第二页结束。"
)
"""A paragraph longer than a page, so the PDF fixture cuts a sentence across the page break."""


@dataclass(frozen=True)
class Block:
    """A heading (level 1-4), a paragraph (level 0) or a table (rows of cells)."""

    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()


def parse_blocks(text: str) -> list[Block]:
    """Headings, paragraphs and tables of a Markdown-ish text, in order."""
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    lines = [line.strip() for line in text.splitlines()]
    for index, line in enumerate(lines):
        if "\t" in line:
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
            continue
        if not line:
            upcoming = next((later for later in lines[index + 1 :] if later), "")
            if rows and "\t" in upcoming:
                continue
        if rows:
            blocks.append(Block(rows=tuple(rows)))
            rows = []
        if not line:
            continue
        heading = re.match(r"^(#{1,6})\s*(.+)$", line)
        if heading:
            blocks.append(Block(heading[2].strip(), min(len(heading[1]), 4)))
        else:
            blocks.append(Block(line))
    if rows:
        blocks.append(Block(rows=tuple(rows)))
    return blocks


def expected_text(text: str) -> str:
    """What a reader must give back, with whitespace removed: heading marks dropped, all text kept."""
    return re.sub(r"\s+", "", re.sub(r"(?m)^\s*#+", "", text))


def expected_rows(text: str) -> list[str]:
    """The table rows of a Markdown-ish text, cells separated by one tab."""
    return ["\t".join(block_row) for block in parse_blocks(text) for block_row in block.rows]


def blocks_to_html(blocks: list[Block], *, charset: str = "utf-8", furniture: bool = True) -> str:
    """A government-style page: the article in a content div, wrapped in navigation, share bar and footer."""
    title = ""
    if furniture and blocks and blocks[0].level:
        title, blocks = html.escape(blocks[0].text), blocks[1:]
    body: list[str] = []
    for block in blocks:
        if block.rows:
            cells = ("".join(f"<td><p>{html.escape(cell)}</p></td>" for cell in row) for row in block.rows)
            body.append('<table border="1">' + "".join(f"<tr>{row}</tr>" for row in cells) + "</table>")
        elif block.level:
            body.append(f"<h{block.level + 1}>{html.escape(block.text)}</h{block.level + 1}>")
        else:
            body.append(f'<p style="text-indent:2em">{html.escape(block.text)}</p>')
    article = "\n".join(body)
    if not furniture:
        return f'<html><head><meta charset="{charset}"></head><body>{article}</body></html>'
    links = "".join(f'<li><a href="/p{n}.html">栏目{n}</a></li>' for n in range(1, 9))
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="PubDate" content="2024-03-08 10:30">
<title>示例通知_示例省人民政府网</title>
<style>.nav {{ color: red }} body {{ font-size: 14px }}</style>
<script>var tracker = "发布时间：1999-01-01"; function share() {{ return "分享到微信"; }}</script>
</head><body>
<div class="top-header"><div class="logo"><a href="/">示例省人民政府门户网站</a></div>
<div class="search"><input type="text" value="请输入关键字"><button>搜索</button></div></div>
<div id="nav" class="main-nav"><ul>{links}</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zc">政策文件</a></div>
<div class="wrapper"><div class="article-info"><h1>{title}</h1>
<div class="info">发布时间：2024-03-08　来源：省商务厅　【字体：大 中 小】</div></div>
<div class="TRS_Editor">
{article}
</div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
<div class="print-bar">【打印本页】　【关闭窗口】</div>
</div>
<aside class="sidebar"><h3>相关文件</h3><ul><li><a href="/x">关于另一件事的通知</a></li></ul></aside>
<div class="footer"><p>主办：示例省人民政府办公厅　承办：示例省大数据中心</p>
<p>网站标识码：1234567890　备案号：示例ICP备12345678号</p></div>
<script type="text/javascript">document.write("统计代码");</script>
</body></html>
"""


def blocks_to_docx(blocks: list[Block], path: Path) -> Path:
    """A Word document: headings with Word's heading styles, paragraphs, tables with the grid style."""
    document = docx.Document()
    for block in blocks:
        if block.rows:
            width = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"
            for row, cells in zip(table.rows, block.rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.text = text
        elif block.level:
            document.add_heading(block.text, level=block.level)
        else:
            paragraph = document.add_paragraph(block.text)
            paragraph.paragraph_format.first_line_indent = Pt(24)
    document.save(str(path))
    return path


def cjk_font() -> Path | None:
    """A CJK TrueType font fpdf2 can embed, or None when the machine has none."""
    return next((font for font in CJK_FONT_CANDIDATES if font.is_file()), None)


class _PagedPdf(FPDF):
    """An A4 page with a running header and a centred ``- N -`` page number, as Word exports them."""

    def header(self) -> None:
        self.set_font("cjk", size=9)
        self.cell(0, 8, RUNNING_HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("cjk", size=9)
        self.cell(0, 8, f"- {self.page_no()} -", align="C")


def blocks_to_pdf(blocks: list[Block], path: Path, *, password: str | None = None) -> Path:
    """A PDF with a text layer: headings centred, paragraphs indented two characters, ruled tables."""
    font = cjk_font()
    if font is None:
        raise RuntimeError("no CJK TrueType font; install the Debian package fonts-wqy-microhei")
    pdf = _PagedPdf(format="A4")
    pdf.add_font("cjk", fname=str(font))
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    for block in blocks:
        if block.rows:
            pdf.set_font("cjk", size=10)
            width = max(len(row) for row in block.rows)
            widths = (12, 130, 38) if width == 3 else None
            with pdf.table(col_widths=widths, text_align="LEFT", first_row_as_headings=False) as table:
                for cells in block.rows:
                    row = table.row()
                    for text in cells:
                        row.cell(text)
            pdf.ln(2)
        elif block.level:
            pdf.set_font("cjk", size=16 - 2 * block.level)
            pdf.multi_cell(0, 9, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("cjk", size=12)
            # No-break spaces: fpdf2 wraps only at spaces when a line has any, Word wraps CJK anywhere.
            text = "\u00a0" * 6 + block.text.replace(" ", "\u00a0")
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def convert_text(text: str, folder: Path, stem: str = "document") -> dict[str, Path]:
    """Write ``text`` as .html, .docx and .pdf under ``folder``; returns the paths by suffix."""
    blocks = parse_blocks(text)
    page = folder / f"{stem}.html"
    page.write_text(blocks_to_html(blocks), encoding="utf-8")
    return {
        ".html": page,
        ".docx": blocks_to_docx(blocks, folder / f"{stem}.docx"),
        ".pdf": blocks_to_pdf(blocks, folder / f"{stem}.pdf"),
    }
