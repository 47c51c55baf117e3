"""``ftzgraph quality``: the gold scores it prints are the gold test's, and diagnostics live in the graph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ftzgraph.api.cli.main import cli
from ftzgraph.graph.extract.split import split_cases
from ftzgraph.graph.sources.read import read_document
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.views.quality import GoldError, bundled_gold, load_gold, score_gold


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("quality") / "store")
    output = run("build", "--store", path, "--quiet")
    assert output.rstrip().splitlines()[-1].endswith("Details with evidence: `ftzgraph quality`")
    return path


def test_bundled_gold_ships_in_the_package() -> None:
    [path] = bundled_gold()
    assert load_gold(path)["document"]["doc_number"] == "黑自贸工办函〔2023〕55号"


def test_quality_with_the_bundled_gold_prints_the_gold_tests_figures(store_path: str) -> None:
    [gold_path] = bundled_gold()
    report = json.loads(run("quality", "--store", store_path, "--gold", str(gold_path), "--format", "json"))
    store = OxigraphStore(store_path, read_only=True)
    try:
        expected = score_gold(store, {str(gold_path): load_gold(gold_path)})
    finally:
        store.close()
    assert report["scores"] == expected
    fields = report["scores"]["documents"][0]["fields"]
    assert set(fields) == {
        "provider",
        "provider_kind",
        "origin_batch",
        "origin_zone",
        "agencies",
        "documents",
        "outcomes",
    }
    assert fields["provider"]["precision"] == fields["provider"]["recall"] == 1.0
    assert report["scores"]["overall"] == fields  # one gold document: overall is that document
    assert json.loads(run("quality", "--store", store_path, "--gold", "bundled", "--format", "json")) == {
        **report,
        "scores": {**report["scores"], "documents": [{**report["scores"]["documents"][0], "gold": str(gold_path)}]},
    }
    table = run("quality", "--store", store_path, "--gold", str(gold_path))
    agencies = fields["agencies"]
    row = next(line for line in table.splitlines() if "agencies" in line)
    tp = agencies["true_positive"]
    assert f"{tp / agencies['extracted']:.3f}" in row and f"{tp / agencies['expected']:.3f}" in row


def test_quality_without_gold_prints_diagnostics_only(store_path: str) -> None:
    report = json.loads(run("quality", "--store", store_path, "--format", "json"))
    assert "scores" not in report
    [document] = report["diagnostics"]["documents"]
    assert document["cases_found"] == document["cases_declared"] == 28
    kinds = {d["kind"] for d in document["diagnostics"]}
    assert "reference_conflict" in kinds and "no_origin" in kinds
    for item in document["diagnostics"]:
        assert item["evidence"].startswith("https://w3id.org/ftzgraph/id/evidence/") and item["quote"]
    table = run("quality", "--store", store_path)
    assert "precision" not in table and "cases with no origin statement" in table


def test_diagnostics_are_in_the_graph_for_sparql(store_path: str) -> None:
    query = """PREFIX ftz: <https://w3id.org/ftzgraph/ontology#>
SELECT ?n WHERE { ?doc ftz:diagnostic ?d . ?d a ftz:ReferenceConflict ; ftz:aboutCase ?case .
  ?case ftz:caseNumber ?n . ?doc ftz:warning ?w . ?d <http://www.w3.org/2000/01/rdf-schema#comment> ?w }"""
    rows = json.loads(run("query", query, "--store", store_path, "--format", "json"))["results"]["bindings"]
    assert [r["n"]["value"] for r in rows] == ["2"]


def _without_case(source: Path, target: Path, number: int) -> None:
    """A copy of ``source`` with case ``number``'s section cut out (its table row stays)."""
    document = read_document(source)
    case = next(c for c in split_cases(document).cases if c.number == number)
    target.write_text(document.text[: case.start] + document.text[case.end :], encoding="utf-8")


def test_a_missing_case_section_is_a_table_row_with_no_section(bundled_path: Path, tmp_path: Path) -> None:
    _without_case(bundled_path, tmp_path / "cut.txt", 5)
    store = str(tmp_path / "store")
    run("build", str(tmp_path / "cut.txt"), "--store", store, "--quiet")
    [document] = json.loads(run("quality", "--store", store, "--format", "json"))["diagnostics"]["documents"]
    assert (document["cases_found"], document["cases_declared"]) == (27, 28)
    rows = [d for d in document["diagnostics"] if d["kind"] == "row_without_section"]
    assert [(d["case_number"], d["case"]) for d in rows] == [(None, None)]  # no case node: the section is gone
    assert "row 5 " in rows[0]["message"] and rows[0]["quote"]
    assert document["counts"]["case_count"] == 1


def test_a_bad_gold_file_is_named(store_path: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.gold.yaml"
    bad.write_text("cases: [{title: x}]\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.gold\.yaml: case entry 1 has no integer 'n'"):
        load_gold(bad)
    result = CliRunner().invoke(cli, ["quality", "--store", store_path, "--gold", str(bad)])
    assert result.exit_code == 1 and "bad.gold.yaml" in result.output


def test_gold_of_a_document_not_built_counts_expected_only(store_path: str, tmp_path: Path) -> None:
    [gold_path] = bundled_gold()
    gold: dict[str, Any] = load_gold(gold_path)
    gold = {**gold, "document": {"doc_number": "不存在〔2099〕1号"}, "source_file": "absent.txt"}
    store = OxigraphStore(store_path, read_only=True)
    try:
        scores = score_gold(store, {"absent": gold})
    finally:
        store.close()
    [document] = scores["documents"]
    assert document["document"] is None and document["fields"]["provider"]["extracted"] == 0
    assert document["fields"]["provider"]["recall"] == 0.0


def test_gold_copy_for_tests_is_the_shipped_one() -> None:
    [gold_path] = bundled_gold()
    assert (Path(__file__).parent / "data" / "hlj-ftz-2023-batch3.gold.yaml").read_bytes() == gold_path.read_bytes()


def test_quality_json_over_http_is_the_commands_report(store_path: str) -> None:
    from _client import client_for

    expected = json.loads(run("quality", "--store", store_path, "--format", "json"))
    store = OxigraphStore(store_path, read_only=True)
    try:
        with client_for(store) as client:
            assert client.get("/quality.json").json() == expected
            with_gold = client.get("/quality.json", params={"gold": "true"}).json()
            assert with_gold["scores"]["documents"][0]["fields"]["provider"]["recall"] == 1.0
            page = client.get("/quality")
            assert page.status_code == 200 and page.text.count('class="diagnostic"') == sum(
                len(d["diagnostics"]) for d in expected["diagnostics"]["documents"]
            )
            assert "Against the gold annotation" in page.text
    finally:
        store.close()


def test_learned_from_is_scored_only_where_the_gold_has_it() -> None:
    from ftzgraph.graph.extract.gazetteer import load_gazetteer
    from ftzgraph.graph.views.quality import score_case

    gazetteer = load_gazetteer()
    record = {"provider": "甲市", "provider_kind": "city", "learned_from": ["深圳前海蛇口片区"]}
    without = score_case({"n": 1, "provider": "甲市", "provider_kind": "city"}, record, gazetteer)
    assert "learned_from" not in without
    gold_case = {"n": 1, "provider": "甲市", "learned_from": [{"zone": "深圳前海蛇口片区"}, "上海自贸试验区"]}
    count = score_case(gold_case, record, gazetteer)["learned_from"]
    assert (count.true_positive, count.extracted, count.expected) == (1, 1, 2)


def test_the_table_and_page_print_the_ratio_of_the_counts_rounded_once(store_path: str) -> None:
    """Precision and recall in the table and on /quality are the counts' ratios to three places, as the gold test
    prints them: rounding the report's four-place figure again could move the third place (56/57 is 0.98246,
    0.9825 in the report, which printed as 0.983)."""
    from _client import client_for

    report = json.loads(run("quality", "--store", store_path, "--gold", "bundled", "--format", "json"))
    fields = report["scores"]["documents"][0]["fields"]

    def shown(part: int, whole: int) -> str:
        return f"{part / whole:.3f}" if whole else "—"

    table = run("quality", "--store", store_path, "--gold", "bundled")
    store = OxigraphStore(store_path, read_only=True)
    try:
        with client_for(store) as client:
            page = client.get("/quality").text
    finally:
        store.close()
    rows = [line.split("│") for line in table.splitlines() if line.count("│") == 7]
    for field, count in fields.items():
        precision = shown(count["true_positive"], count["extracted"])
        recall = shown(count["true_positive"], count["expected"])
        cells = [[c.strip() for c in row[1:-1]] for row in rows if row[1].strip() == field]
        assert cells and all(c[1:3] == [precision, recall] for c in cells), (field, cells)
        cell = f"<tr><td>{field}</td>\n<td "
        at = page.index(cell)
        assert f">{precision}</td>" in page[at : page.index("</tr>", at)], field
        assert f">{recall}</td>" in page[at : page.index("</tr>", at)], field
