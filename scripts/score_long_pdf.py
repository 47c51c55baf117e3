"""Print how the bundled document fares as a long PDF: it is typeset at several type sizes (so 43 to 160 A4
pages with a running header, page numbers and headings wrapped at any character, as Word exports them), read
back through the PDF reader and split; cases, providers and titles are compared with the bundled gold.

    .venv/bin/python scripts/score_long_pdf.py [--scales 1.0 1.7 2.1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import fixtures_formats as ff  # noqa: E402
from _dev_scoring import COLLECTIONS, gold, same_provider  # noqa: E402

from ftzgraph.graph.extract.gazetteer import load_gazetteer  # noqa: E402
from ftzgraph.graph.extract.pipeline import extract_document  # noqa: E402
from ftzgraph.graph.sources.read import read_document  # noqa: E402

NAME = "hlj-ftz-2023-batch3"


def typeset(text: str, scale: float, path: Path) -> int:
    """The fixture's PDF layout with every type size and line height times ``scale``; returns the page count."""
    font = ff.cjk_font()
    if font is None:
        raise SystemExit("no CJK TrueType font; install the Debian package fonts-wqy-microhei")
    pdf = ff._PagedPdf(format="A4")
    pdf.add_font("cjk", fname=str(font))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    for block in ff.parse_blocks(text):
        if block.rows:
            pdf.set_font("cjk", size=10 * scale)
            with pdf.table(text_align="LEFT", first_row_as_headings=False) as table:
                for cells in block.rows:
                    row = table.row()
                    for cell in cells:
                        row.cell(cell)
        elif block.level:
            pdf.set_font("cjk", size=(16 - 2 * block.level) * scale)
            pdf.multi_cell(0, 9 * scale, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("cjk", size=12 * scale)
            body = "\u00a0" * 6 + block.text.replace(" ", "\u00a0")
            pdf.multi_cell(0, 7 * scale, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return int(pdf.page_no())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="*", default=[1.0, 1.3, 1.7, 2.1])
    args = parser.parse_args()
    text = COLLECTIONS[NAME][0].read_text(encoding="utf-8")
    gazetteer = load_gazetteer()
    expected = gold(NAME)["cases"]
    with tempfile.TemporaryDirectory() as folder:
        for scale in args.scales:
            path = Path(folder) / f"long-{scale}.pdf"
            pages = typeset(text, scale, path)
            extraction = extract_document(read_document(path), gazetteer)
            cases = {c.number: c for c in extraction.cases if c.number is not None}
            found = [g for g in expected if g["n"] in cases]
            providers = sum(same_provider(cases[g["n"]].provider, g["provider"], gazetteer) for g in found)
            titles = sum(cases[g["n"]].title.replace(" ", "") == g["title"].replace(" ", "") for g in found)
            print(
                f"scale {scale}: {pages} pages; cases {len(found)}/{len(expected)} "
                f"(extracted {len(extraction.cases)}); "
                f"providers {providers}; titles {titles}"
            )


if __name__ == "__main__":
    main()
