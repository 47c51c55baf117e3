"""The pages in a real headless browser: Debian's chromium driven by playwright's Python package.

A uvicorn server on 127.0.0.1 (a free port) serves the bundled document's store. The tests skip when
chromium or playwright is missing (``.ci/run`` installs both). Screenshots go to a temporary folder, never
into the repository.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import uvicorn

from ftzgraph.api._http_protocol import LongUrlHttpToolsProtocol
from ftzgraph.api.app import create_app
from ftzgraph.api.settings import Settings
from ftzgraph.graph.store.oxigraph import OxigraphStore

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(built_store: OxigraphStore) -> Iterator[str]:
    """The app on a real uvicorn server in a thread; yields its base URL."""
    yield from _serve(built_store)


def _serve(store: OxigraphStore) -> Iterator[str]:
    app = create_app(store, Settings(query_workers=1, write_token=None))
    port = _free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", http=LongUrlHttpToolsProtocol
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


LOCAL = ("http://127.0.0.1", "data:", "blob:")


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """A fresh page on which every request to another host is blocked and recorded (there must be none: no CDN,
    no online helper, no web font from elsewhere), with console errors, script errors and failed local requests.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.outside, tab.errors, tab.failed = [], [], []

    def guard(route: Any) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            tab.outside.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("response", lambda r: tab.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.shots = tmp_path
    yield tab
    context.close()


def test_search_of_10000_chinese_characters_on_the_real_server(server: str) -> None:
    """90 kB of percent-encoded query string: a clear 422 from the app, and the server keeps serving."""
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(server + "/search?q=" + quote("海" * 10_000), timeout=10)
    assert refused.value.code == 422
    assert json.loads(refused.value.read())["error"].endswith("at most 200 characters")
    with urllib.request.urlopen(server + "/search?q=" + quote("海关"), timeout=10) as answer:
        assert json.loads(answer.read())["count"] > 0


def test_network_page_shows_nodes_and_a_click_opens_the_agency(
    server: str, page: Any, built_store: OxigraphStore
) -> None:
    page.goto(server + "/network")
    page.wait_for_function("document.getElementById('network-status').dataset.nodes > 0", timeout=20_000)
    page.evaluate("document.fonts.ready")
    nodes = page.evaluate("window.cy.nodes().length")
    assert nodes > 10
    # Chinese labels reach the canvas as text, and every node carries the agency's page
    first = page.evaluate(
        "(() => { const n = window.cy.nodes().max(n => n.data('cases')).ele;"
        " const p = n.renderedPosition(); return {label: n.data('label'), href: n.data('href'), x: p.x, y: p.y}; })()"
    )
    assert any("\u4e00" <= ch <= "\u9fff" for ch in first["label"])
    # the legend, like the PNG/SVG pictures' legend, in the order of the sectors, each named in zh and en
    from ftzgraph.graph.network.derive import derive_network
    from ftzgraph.graph.network.draw import draw_network

    legend = [name.strip() for name in page.locator("#legend li").all_inner_texts()]
    assert legend == draw_network(derive_network(built_store, "agencies"), "svg").legend
    page.screenshot(path=str(page.shots / "network.png"))
    box = page.locator("#network").bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + first["x"], box["y"] + first["y"])
    assert page.url.endswith(first["href"])
    assert page.locator("#agency-name").inner_text() == first["label"]
    assert page.outside == [] and page.errors == []


def test_network_filter_by_provider_redraws(server: str, page: Any) -> None:
    page.goto(server + "/network")
    page.wait_for_function("document.getElementById('network-status').dataset.nodes > 0", timeout=20_000)
    everything = page.evaluate("window.cy.nodes().length")
    provider = page.locator("#filter-provider option").nth(1).get_attribute("value")
    page.select_option("#filter-provider", provider)
    page.wait_for_function(f"window.cy.nodes().length !== {everything}", timeout=20_000)
    assert 0 < page.evaluate("window.cy.nodes().length") < everything


def test_query_page_runs_an_example_and_shows_rows(server: str, page: Any) -> None:
    page.goto(server + "/query")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
    tabs = page.locator(".tabPanel, [role=tab]")
    assert tabs.count() >= 8  # one tab per example query
    page.select_option("#examples", "reforms-by-origin-zone")
    page.locator(".yasqe_queryButton").first.click()
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for(timeout=20_000)
    assert rows.count() >= 3
    table = page.locator(".yasr table").inner_text()
    assert "上海自贸试验区" in table
    assert "@zh" not in table and "XMLSchema#integer" not in table  # readable values by default ...
    page.locator(".tableControls input[type=checkbox]").first.uncheck()
    assert "XMLSchema#integer" in page.locator(".yasr table").inner_text()  # ... raw terms on request
    page.screenshot(path=str(page.shots / "query.png"))
    assert page.outside == [] and page.errors == []


def test_query_page_shows_construct_as_a_graph(server: str, page: Any) -> None:
    page.goto(server + "/query")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
    page.select_option("#examples", "construct-lineage")
    page.locator(".yasqe_queryButton").first.click()
    page.wait_for_function("window.constructGraph && window.constructGraph.nodes().length > 5", timeout=20_000)
    assert page.locator(".construct-graph canvas").count() > 0


def test_case_page_shows_the_evidence_quotes(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.get_by_role("link", name="批次进出、集中申报").first.click()
    page.wait_for_selector("#lineage-diagram")
    quotes = page.locator("#lineage-edges blockquote.evidence")
    texts = quotes.all_inner_texts()
    assert len(texts) >= 2 and len(set(texts)) == len(texts)  # each quote once ...
    assert page.locator("#lineage-edges .same-quote a").count() >= 1  # ... and referred to by later edges
    assert "NationalBatchOrigin" not in page.locator("#lineage-edges").inner_text()
    assert page.locator("#lineage-diagram .box-type").count() == page.locator("#lineage-diagram .box").count()
    text = page.locator("#lineage-edges").inner_text()
    assert "源自国务院发布的自由贸易试验区第三批改革试点经验" in text
    assert "line 709" in text
    assert page.locator("#lineage-diagram .box").count() >= 5
    assert page.locator("#outcomes tbody tr").count() >= 2
    page.screenshot(path=str(page.shots / "case.png"), full_page=True)
    assert page.outside == [] and page.errors == []


# Every edge label's drawn box against every box of the diagram and every other edge label (SVG units).
_LABEL_CLASHES = """() => {
  const svg = document.querySelector('#lineage-diagram');
  if (!svg) return [];
  const rect = e => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  const labels = [...svg.querySelectorAll('.edge-label')].map(t => [t.textContent, rect(t)]);
  const boxes = [...svg.querySelectorAll('.box')]
    .map(g => [g.querySelector('title').textContent, rect(g.querySelector('rect'))]);
  const hit = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  const found = [];
  labels.forEach(([t, a], i) => {
    boxes.forEach(([n, b]) => { if (hit(a, b)) found.push(t + ' under box ' + n); });
    labels.slice(i + 1).forEach(([u, c]) => { if (hit(a, c)) found.push(t + ' over ' + u); });
  });
  return found;
}"""


def test_lineage_edge_labels_clear_the_boxes_and_each_other_on_every_case_page(server: str, page: Any) -> None:
    """On each case's diagram, drawn in the vendored font: no edge label runs under a box, none lies on another
    (a case that copies an item and borrows it from a zone has two relations on one arrow)."""
    cases = _json(server, "/cases?limit=500")["data"]
    clashes = {}
    for case in cases:
        page.goto(server + case["href"], wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        found = page.evaluate(_LABEL_CLASHES)
        if found:
            clashes[case["href"]] = found
    assert len(cases) > 1 and clashes == {}
    assert page.outside == [] and page.errors == []


def _console_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def test_quality_page_sorts_and_links_to_cases_and_quotes(server: str, page: Any) -> None:
    console_errors = _console_errors(page)
    page.goto(server + "/quality")
    rows = page.locator("#quality-diagnostics tbody tr")
    assert rows.count() >= 1
    case_links = page.locator("#quality-diagnostics a.case-link")
    assert case_links.count() >= 1 and page.locator("#quality-diagnostics a.quote-link").count() >= 1
    page.locator("#quality-diagnostics th").nth(2).click()  # by case number, ascending
    first = page.locator("#quality-diagnostics tbody tr").first.locator("td").nth(2).get_attribute("data-sort")
    page.locator("#quality-diagnostics th").nth(2).click()  # again: descending
    last = page.locator("#quality-diagnostics tbody tr").first.locator("td").nth(2).get_attribute("data-sort")
    assert int(last) >= int(first)
    href = page.locator("#quality-diagnostics a.case-link").first.get_attribute("href")
    with page.expect_navigation():
        page.locator("#quality-diagnostics a.case-link").first.click()
    assert page.url.endswith(href)
    assert page.outside == [] and page.errors == [] and console_errors == []


@pytest.fixture(scope="module")
def edited_server(bundled_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store built twice: the bundled document, then a copy with three edits (tests/test_runs.py's ``edit``)."""
    from _edits import edit

    from ftzgraph.graph.build.builder import build
    from ftzgraph.graph.views.records import case_records

    folder = tmp_path_factory.mktemp("edited")
    source = folder / "collection.txt"
    shutil.copyfile(bundled_path, source)
    store = OxigraphStore(folder / "store")
    build(store, [source])
    edit(source, {r["number"]: r for r in case_records(store)})
    build(store, [source], force=True)  # it drops a case on purpose
    yield from _serve(store)


def test_runs_page_links_to_each_diff_and_the_diff_to_the_cases(edited_server: str, page: Any) -> None:
    server = edited_server
    console_errors = _console_errors(page)
    page.goto(server + "/runs")
    runs = page.locator("#runs tbody tr.run")
    assert runs.count() >= 1
    assert page.locator("#runs a[href^='id/doc/']").count() >= 1  # the document read
    with page.expect_navigation():
        page.locator("#runs a.diff-link").first.click()
    assert "/diff" in page.url and page.locator("h1").inner_text().startswith("Changes of run")
    changes = page.locator("tr.change")
    assert changes.count() == 3  # the newest run first: the three edits
    link = page.locator("tr.change a.case-link").first
    href = link.get_attribute("href")
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(href)
    assert page.outside == [] and page.errors == [] and console_errors == []


def _json(server: str, path: str) -> Any:
    request = urllib.request.Request(server + path, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def _pages(server: str) -> list[str]:
    """One page of every kind, found through the REST API (never by a hard-coded id)."""
    first = {kind: _json(server, f"/{kind}?limit=1")["data"][0]["href"] for kind in ("cases", "agencies", "zones")}
    reform = _json(server, "/reforms?limit=1")["data"][0]["href"]
    document = _json(server, "/documents?limit=1")["data"][0]["href"]
    batch = _json(server, "/batches?limit=1")["data"][0]["href"]
    return [
        "/",
        "/network",
        "/query",
        "/ontology",
        "/docs",
        "/redoc",
        "/search?q=" + quote("海关"),
        first["cases"],
        first["agencies"],
        first["zones"],
        reform,
        document,
        batch,
    ]


def test_every_page_loads_with_other_hosts_blocked(server: str, page: Any) -> None:
    """Each kind of page: nothing requested from another host, no console error, no failed request."""
    for path in _pages(server):
        page.goto(server + path, wait_until="networkidle")
        assert page.outside == [], f"{path} requested other hosts"
        assert page.errors == [], f"{path}: console errors"
        assert page.failed == [], f"{path}: failed requests"
    page.goto(server + "/docs", wait_until="networkidle")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)  # the vendored Swagger UI rendered the API
    page.goto(server + "/redoc", wait_until="networkidle")
    page.wait_for_selector("[data-section-id], .api-content", timeout=20_000)
    assert page.outside == [] and page.errors == [] and page.failed == []


def test_chinese_is_drawn_in_the_vendored_web_font(server: str, page: Any) -> None:
    """With no CJK font on the machine, Chinese still renders: the page loads Noto Sans SC pieces from us."""
    page.goto(server + _pages(server)[7], wait_until="networkidle")  # a case page
    page.evaluate("document.fonts.ready")
    used = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Noto Sans SC' && f.status === 'loaded')"
        ".length"
    )
    assert used > 0
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "Noto Sans SC" in family
    # Every Noto Sans SC ideograph is one em wide; measured in that font alone, 4 of them are 4 em.
    width = page.evaluate(
        "(() => { const c = document.createElement('canvas').getContext('2d');"
        " c.font = '20px \"Noto Sans SC\"'; return c.measureText('海关自贸').width; })()"
    )
    assert width == pytest.approx(80, abs=0.5)
    # Headings are bold: drawn with the real bold face, not regular glyphs smeared thicker by the browser.
    assert int(page.evaluate("getComputedStyle(document.querySelector('h1')).fontWeight")) >= 700
    bold = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Noto Sans SC' && f.weight === '700'"
        " && f.status === 'loaded').length"
    )
    assert bold > 0
    assert page.outside == [] and page.errors == []
