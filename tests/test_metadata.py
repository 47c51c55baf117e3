"""Document metadata from the head of the text; the id is derived from content, never the file name."""

from __future__ import annotations

from pathlib import Path

from ftzgraph.graph.sources.metadata import document_series
from ftzgraph.graph.sources.read import read_document


def test_bundled_document_metadata(bundled_path: Path) -> None:
    document = read_document(bundled_path)
    assert document.doc_number == "黑自贸工办函〔2023〕55号"
    assert document.issuer == "中国(黑龙江)自由贸易试验区工作办公室"
    assert document.title == "关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知"
    assert document_series(document) == ("复制推广自贸试验区制度创新成果典型案例", 3)


def test_id_follows_the_doc_number_not_the_file(tmp_path: Path) -> None:
    head = (
        "# 某省自由贸易试验区工作办公室\n\n某自贸办函〔2024〕7号\n\n## 关于印发第一批复制推广典型案例的通知\n\n正文。\n"
    )
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text(head, encoding="utf-8")
    b.write_text(head + "附言。\n", encoding="utf-8")
    assert read_document(a).id == read_document(b).id
    assert read_document(a).doc_number == "某自贸办函〔2024〕7号"


def test_a_doc_number_cited_in_a_sentence_is_not_the_documents_own(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("关于某事的通知\n\n根据《国务院通知》（国函〔2019〕38号）要求，开展工作。\n", encoding="utf-8")
    document = read_document(path)
    assert document.doc_number is None
    assert document.id.startswith("d")


def test_a_related_links_notice_title_is_no_title(tmp_path: Path) -> None:
    """A notice's title in a copied page's related-news list is the page's link, not the document's title."""
    page = tmp_path / "p.txt"
    page.write_text(
        "某市两项改革经验落地\n甲区推行多评合一，审批时间压缩一半。\n相关链接\n"
        "· 国务院关于做好自由贸易试验区第七批改革试点经验复制推广工作的通知\n",
        encoding="utf-8",
    )
    assert read_document(page).title is None
