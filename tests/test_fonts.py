"""The CJK fonts the package carries: the pictures' font matplotlib reads, found with no system font needed."""

from __future__ import annotations

import shutil
from pathlib import Path

from matplotlib import font_manager

from ftzgraph.graph.network.draw import add_fonts_installed_since_cache, find_cjk_font

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "fonts" / "FtzGraphSansSC-Regular.otf"


def test_the_bundled_font_draws_chinese_labels_without_any_system_font() -> None:
    font = find_cjk_font("绥芬河海关 黑龙江省商务厅（自贸办）", families=["FtzGraph Sans SC"])
    assert Path(font.path).name == BUNDLED.name
    assert font.missing("绥芬河海关 黑龙江省商务厅（自贸办）") == set()
    assert font.missing("𠮷") == {"𠮷"}  # outside GB 2312: the subset says so rather than drawing a box


def test_a_font_installed_after_matplotlib_cached_its_list_is_found(tmp_path: Path) -> None:
    later = tmp_path / "fonts"
    later.mkdir()
    shutil.copy(BUNDLED, later / "installed-later.otf")
    assert str(later / "installed-later.otf") not in {entry.fname for entry in font_manager.fontManager.ttflist}
    assert add_fonts_installed_since_cache([str(later)]) == 1
    assert str(later / "installed-later.otf") in {entry.fname for entry in font_manager.fontManager.ttflist}
    assert add_fonts_installed_since_cache([str(later)]) == 0  # added once
