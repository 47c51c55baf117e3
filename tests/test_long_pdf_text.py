"""A long collection as text copied out of a PDF (issue #15, part 4): more than 100 pages, a page number and the
running header after every few lines, sentences and case headings cut by page breaks. Every case is found, with
its full title and its provider. The document is constructed here; no real document's text is used."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.extract.pipeline import extract_document
from ftzgraph.graph.sources.read import read_document

HEADER = "湖南省自由贸易试验区工作办公室文件"
AREAS = ("长沙片区", "岳阳片区", "郴州片区")
TOPICS = (
    "跨境电商退货中心仓监管",
    "保税维修再制造",
    "进口冷链食品集中查验",
    "中欧班列运邮",
    "融资租赁飞机异地监管",
    "企业开办一网通办",
    "工程建设项目联合验收",
    "外籍人才工作许可互认",
    "知识产权质押融资风险补偿",
    "涉外商事纠纷多元化解",
)
NUMERALS = "一二三四五六七八九十"


def _chinese(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def _collection(cases: int = 32, lines_per_page: int = 5) -> tuple[str, list[tuple[str, str]], int]:
    """The text, the (title, provider) of each case, and the page count. Every fourth heading is cut in the middle
    by a page break, and a page ends after every ``lines_per_page`` lines anywhere else."""
    lines = [
        HEADER,
        "",
        "湘自贸办发〔2025〕3号",
        "",
        "湖南省自由贸易试验区工作办公室",
        "关于印发中国（湖南）自由贸易试验区第二批",
        "复制推广典型案例的通知",
        "",
        "各市州人民政府，省直有关单位：",
        "　　现将《中国（湖南）自由贸易试验区第二批复制推广典型案例》印发给你们，请结合实际认真复制推广。",
        "",
        "附件",
        "",
        "中国（湖南）自由贸易试验区第二批",
        "复制推广典型案例",
        "",
    ]
    expected = []
    for n in range(1, cases + 1):
        area, topic = AREAS[n % 3], TOPICS[n % 10]
        title = f"{topic}改革第{n}项"
        expected.append((title, area))
        if n % 8 == 1:
            lines += [f"{NUMERALS[n // 8]}、第{n // 8 + 1}类", ""]
        lines.append(("CUT:" if n % 4 == 0 else "") + f"（{_chinese(n)}）{title}复制推广案例（{area}）")
        for k, section in enumerate(("主要做法", "实践成效", "推广建议"), 1):
            lines.append(f"　　{k}．{section}")
            lines += [
                f"　　协同推进{topic}，办理时间由原来的{m + 3}天压缩至{m + 1}天以内，累计服务企业{100 + n}家。"
                for m in range(4)
            ]
        lines.append(f"　　（{area}管委会供稿）")
    out: list[str] = []
    page = count = 0
    for line in lines:
        if line.startswith("CUT:"):
            heading = line[len("CUT:") :]
            page += 1
            out += [heading[: len(heading) // 2], f"— {page} —", HEADER, heading[len(heading) // 2 :]]
            count = 0
            continue
        out.append(line)
        count += 1
        if count >= lines_per_page:
            page += 1
            out += [f"— {page} —", HEADER]
            count = 0
    return "\n".join(out) + "\n", expected, page


def test_every_case_of_a_long_pdf_text_is_found_with_its_title_and_provider(tmp_path: Path) -> None:
    text, expected, pages = _collection()
    assert pages >= 100
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_document(read_document(path))
    assert [(case.title, case.provider) for case in extraction.cases] == expected
    assert [case.number for case in extraction.cases] == list(range(1, len(expected) + 1))
    assert not any(HEADER in case.title or "—" in case.title for case in extraction.cases)
