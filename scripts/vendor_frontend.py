"""Vendor the pages' third-party files from npm: Swagger UI, ReDoc, the CJK web font and the pictures' font.

Run from the repository root with npm on PATH and fontTools installed (``.venv/bin/python
scripts/vendor_frontend.py``). Each package is fetched with ``npm pack NAME@VERSION`` into a temporary folder
and the listed files are copied, with the package's licence, into ``api/static/vendor/`` (served under
``/static/vendor/``) or ``data/fonts/``. Nothing is fetched at run time: this script is how the files got
here and how to upgrade them (change a version below, run it, run ``tests/test_browser.py``).

- ``swagger-ui/``: ``swagger-ui-dist``, the bundle and stylesheet FastAPI's ``/docs`` page loads.
- ``redoc/``: ``redoc``'s standalone bundle for ``/redoc``.
- ``noto-sans-sc/``: ``@fontsource/noto-sans-sc`` weights 400 and 700, split by unicode-range into ~100 WOFF2 files so
  a page downloads only the pieces its characters need; the stylesheet is rewritten to WOFF2 only.
- ``data/fonts/``: Source Han Sans SC Regular (``node-source-han-sans-sc``; the same design as Noto Sans CJK)
  subset to ASCII and GB 2312, an OpenType file matplotlib reads for network pictures on a machine with no
  CJK font installed. Renamed "FtzGraph Sans SC": the OFL forbids a modified font to keep the Reserved Font
  Name "Source".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "api" / "static" / "vendor"
FONTS = ROOT / "data" / "fonts"

SWAGGER_UI = "swagger-ui-dist@5.36.0"
REDOC = "redoc@2.5.4"
WEB_FONT = "@fontsource/noto-sans-sc@5.3.1"
PICTURE_FONT = "node-source-han-sans-sc@1.1.0-2.001R"
WEB_FONT_WEIGHTS = (400, 700)
"""Regular, and bold for headings and emphasis (without it the browser smears the regular glyphs thicker)."""
PICTURE_FONT_FAMILY = "FtzGraph Sans SC"
PICTURE_FONT_FILE = "FtzGraphSansSC-Regular.otf"


def unpack(spec: str, work: Path) -> Path:
    """``npm pack`` one package into ``work`` and return its unpacked ``package/`` folder."""
    name = subprocess.run(
        ["npm", "pack", spec, "--silent"], cwd=work, check=True, capture_output=True, text=True
    ).stdout.split()[-1]
    target = work / name.removesuffix(".tgz")
    with tarfile.open(work / name) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def copy(package: Path, folder: Path, names: list[str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy2(package / name, folder / Path(name).name)


# ReDoc's sidebar footer loads its maker's logo from the maker's server; the page must fetch nothing from
# another host, so the vendored bundle gets an empty inline picture instead (the only change to a file).
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E"


def patch_redoc(folder: Path) -> None:
    bundle = folder / "redoc.standalone.js"
    text = bundle.read_text(encoding="utf-8")
    if REDOC_LOGO not in text:
        raise SystemExit(f"{bundle}: the logo URL to replace is gone; check the bundle for other hosts")
    bundle.write_text(text.replace(REDOC_LOGO, EMPTY_SVG), encoding="utf-8")


def web_font(package: Path, folder: Path) -> None:
    """Each weight's unicode-range pieces as WOFF2 and one stylesheet pointing at them (relative URLs)."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "files").mkdir(parents=True)
    sheets = []
    for weight in WEB_FONT_WEIGHTS:
        css = (package / f"{weight}.css").read_text(encoding="utf-8")
        css = re.sub(r", url\(\./files/[^)]+\.woff\) format\('woff'\)", "", css)
        for name in re.findall(r"url\(\./files/([^)]+\.woff2)\)", css):
            shutil.copy2(package / "files" / name, folder / "files" / name)
        sheets.append(css)
    (folder / "noto-sans-sc.css").write_text("\n".join(sheets), encoding="utf-8")
    shutil.copy2(package / "LICENSE", folder / "LICENSE")


def gb2312_text() -> str:
    """Every character GB 2312 encodes, plus printable ASCII: the repertoire of the pictures' font."""
    chars = {chr(c) for c in range(0x20, 0x7F)}
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(sorted(chars))


def rename(font: Any, family: str) -> None:
    """Give the subset its own names: a Modified Version may not use the Reserved Font Name "Source" (OFL 3)."""
    postscript = family.replace(" ", "") + "-Regular"
    names = {
        1: family,
        2: "Regular",
        3: f"{postscript};ftzgraph subset",
        4: family,
        6: postscript,
        16: family,
        17: "Regular",
    }
    table = font["name"]
    table.names = [record for record in table.names if record.nameID not in (*names, 18, 21, 22)]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    cff = font["CFF "].cff
    top = cff[cff.fontNames[0]]
    top.FamilyName, top.FullName = family, family
    cff.fontNames[0] = postscript


def picture_font(package: Path, folder: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.hinting = False
    font = TTFont(package / "SourceHanSansSC-Regular.otf")
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=gb2312_text())
    subsetter.subset(font)
    rename(font, PICTURE_FONT_FAMILY)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    font.save(folder / PICTURE_FONT_FILE)
    shutil.copy2(package / "LICENSE", folder / "LICENSE")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        swagger = unpack(SWAGGER_UI, work)
        copy(
            swagger,
            VENDOR / "swagger-ui",
            ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE", "NOTICE"],
        )
        redoc = unpack(REDOC, work)
        copy(
            redoc,
            VENDOR / "redoc",
            ["bundles/redoc.standalone.js", "bundles/redoc.standalone.js.LICENSE.txt", "LICENSE"],
        )
        patch_redoc(VENDOR / "redoc")
        web_font(unpack(WEB_FONT, work), VENDOR / "noto-sans-sc")
        picture_font(unpack(PICTURE_FONT, work), FONTS)


if __name__ == "__main__":
    main()
