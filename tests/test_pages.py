"""Server-rendered pages, read as HTML through the app (the browser tests drive the JavaScript ones)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from _client import client_for

from ftzgraph.api.pages import QUERIES, STATIC, example_queries
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.views.vocabulary import vocabulary_graph

HTML = {"Accept": "text/html"}
CASE = "d1fc55f7e367a-16"
pytestmark = pytest.mark.slow


class Links(HTMLParser):
    """Collects href/src attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [v for k, v in attrs if k in ("href", "src") and v]


@pytest.fixture(scope="module")
def client(built_store: OxigraphStore) -> Iterator[Any]:
    with client_for(built_store) as c:
        yield c


def _page(client: Any, url: str) -> str:
    response = client.get(url, headers=HTML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return str(response.text)


def test_home_shows_counts_search_and_latest_documents(client: Any) -> None:
    html = _page(client, "/")
    assert re.search(r"<b>28</b> 改革案例 reform case", html)  # classes by their names, not "Case"
    assert 'action="search"' in html
    assert "黑自贸工办函〔2023〕55号" in html and 'href="id/doc/d1fc55f7e367a"' in html
    assert f'href="id/case/{CASE}"' in html


def test_case_page_has_diagram_text_lineage_and_outcomes(client: Any) -> None:
    html = _page(client, f"/id/case/{CASE}")
    assert '<svg id="lineage-diagram"' in html
    assert html.count('class="box ') >= 6  # provider, 3 agencies, case, reform, batch, zone
    assert "源自国务院发布的自由贸易试验区第三批改革试点经验" in html
    assert "line 709, chars 27940–28002" in html
    assert 'href="id/evidence/d1fc55f7e367a-27940-28002-' in html  # the link to the source position
    assert 'id="outcomes"' in html and "区内企业节约物流成本" in html and "万元" in html


def test_zone_agency_reform_and_document_pages(client: Any) -> None:
    zone = _page(client, "/id/zone/shanghai")
    assert "中国（上海）自由贸易试验区" in zone and "批次进出、集中申报" in zone and "绥芬河片区" in zone
    assert "line 709, chars 27940–28002" in zone and "line , chars" not in zone  # quotes keep their position
    area = _page(client, "/id/zone/heilongjiang/suifenhe-area")
    assert "绥芬河片区" in area and 'href="id/zone/heilongjiang"' in area
    agency_id = client.get("/agencies?q=绥芬河海关").json()["data"][0]["id"]
    agency = _page(client, f"/id/agency/{agency_id}")
    assert 'id="agency-name">绥芬河海关<' in agency and "哈尔滨海关" in agency and 'id="partners"' in agency
    reform_id = next(r["id"] for r in client.get("/reforms?q=集中申报").json()["data"])
    reform = _page(client, f"/id/reform/{reform_id}")
    assert "批次进出、集中申报" in reform and f'href="id/case/{CASE}"' in reform
    document = _page(client, "/id/doc/d1fc55f7e367a")
    assert document.count('href="id/case/') >= 28


def test_a_reform_page_shows_each_quote_once_with_its_span_and_claim_kinds_by_name(client: Any) -> None:
    """One sentence states two claims (a batch, a zone): its quote is shown once, with start and end, and the
    kinds are named as the vocabulary names them, not by class names."""
    reform_id = next(r["id"] for r in client.get("/reforms?q=以信用为核心").json()["data"])
    html = _page(client, f"/id/reform/{reform_id}")
    quotes = re.findall(r'<blockquote class="evidence"[^>]*>(.*?)<span class="where">', html, re.S)
    assert quotes and len(quotes) == len(set(quotes))
    assert re.search(r"chars \d+–\d+<", html) and not re.search(r"chars \d+–<", html)
    assert "国家批次 national batch" in html and "NationalBatchOrigin" not in html and "ZoneOrigin" not in html
    copy = client.get(f"/reforms/{reform_id}").json()["copied_by"][0]
    spans = [(e["quote"], e["start"], e["end"]) for e in copy["evidence"]]
    assert spans and all(end is not None for _, _, end in spans) and len(spans) == len(set(spans))


def test_generic_page_for_evidence(client: Any) -> None:
    case = client.get(f"/cases/{CASE}").json()
    evidence = case["evidence"][0]
    html = _page(client, "/" + evidence["iri"].split("/ftzgraph/", 1)[1])
    assert evidence["quote"] in html and "oa:exact" in html and str(evidence["start"]) in html


def test_search_page_for_a_browser_and_json_for_a_client(client: Any) -> None:
    html = _page(client, "/search?q=绥芬河")
    assert 'id="hits"' in html and "绥芬河海关" in html
    assert client.get("/search?q=绥芬河").headers["content-type"] == "application/json"


def test_network_page_offers_provider_and_zone_filters(client: Any) -> None:
    html = _page(client, "/network")
    assert 'id="filter-provider"' in html and ">绥芬河片区<" in html
    assert 'id="filter-zone"' in html and "上海自贸试验区" in html
    assert "static/vendor/cytoscape/cytoscape.min.js" in html


def test_ontology_page_lists_every_term_with_its_mapping(client: Any) -> None:
    html = _page(client, "/ontology")
    ftz = "https://w3id.org/ftzgraph/ontology#"
    terms = {str(s)[len(ftz) :] for s in vocabulary_graph().subjects() if str(s).startswith(ftz)}
    assert len(terms) > 60
    for term in terms:
        assert f'id="{term}"' in html, term
    assert "<code>prov:Entity</code>" in html and "<code>org:Organization</code>" in html
    assert "改革案例" in html  # Chinese labels


def test_query_page_carries_every_example_query(client: Any) -> None:
    html = _page(client, "/query")
    names = [q["name"] for q in example_queries()]
    assert len(names) == len(list(QUERIES.glob("*.rq"))) >= 8
    for name in names:
        assert f'<option value="{name}">' in html
    assert "static/vendor/yasgui/yasgui.min.js" in html


def test_every_local_link_and_asset_of_the_pages_resolves(client: Any) -> None:
    """No CDN: scripts and styles come from this server; and no page links to a missing local resource."""
    seen: set[str] = set()
    for url in ["/", "/network", "/query", "/ontology", f"/id/case/{CASE}", "/id/zone/shanghai"]:
        parser = Links()
        parser.feed(_page(client, url))
        for link in parser.urls:
            if link.startswith(("http://", "https://", "//")):
                assert "/static/" not in link and not link.endswith(".js"), link
                continue
            if link.startswith(("#", "data:", "mailto:")) or link in seen:
                continue
            seen.add(link)
            response = client.get(link, headers=HTML)
            assert response.status_code == 200, link


def test_vendored_libraries_have_licences_and_a_readme() -> None:
    vendor = STATIC / "vendor"
    assert (vendor / "README.md").read_text(encoding="utf-8").count("|") > 10
    for library in ("cytoscape", "yasgui"):
        assert (vendor / library / "LICENSE").stat().st_size > 500
