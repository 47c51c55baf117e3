"""The ``ftzgraph`` commands as a user runs them (click's runner, a real on-disk store)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from ftzgraph.api.cli.main import cli
from ftzgraph.graph.views.records import CASE_FIELDS

QUERIES = Path(__file__).resolve().parent.parent / "api" / "queries"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "store")
    result = CliRunner().invoke(cli, ["build", "--store", path, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "28 cases" in result.output
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_help_explains_every_command() -> None:
    output = run("--help")
    for command in ("build", "trace", "query", "cases", "export", "validate", "stats"):
        assert command in output
    assert "FTZGRAPH_STORE" in run("build", "--help")


def test_store_from_environment(store_path: str) -> None:
    result = CliRunner().invoke(cli, ["stats", "--format", "json"], env={"FTZGRAPH_STORE": store_path})
    assert result.exit_code == 0
    assert json.loads(result.output)["classes"]["Case"] == 28


@pytest.mark.parametrize("ref", ["供电服务", "7", "d1fc55f7e367a-7"])
def test_trace_by_title_number_or_id(store_path: str, ref: str) -> None:
    output = run("trace", ref, "--store", store_path)
    assert "供电服务新模式" in output
    assert "第二批" in output
    assert "广东自贸试验区" in output
    assert "哈尔滨片区" in output


def test_trace_shows_the_conflict_and_its_sources(store_path: str) -> None:
    data = json.loads(run("trace", "以信用为核心", "--store", store_path, "--format", "json"))
    assert data["conflicts"] and "batch 3" in data["conflicts"][0]["comment"]
    zones = [o["zone"]["label"] for o in data["origins"] if o["zone"]]
    assert zones == ["深圳前海蛇口片区"]
    assert all(o["evidence"]["quote"] for o in data["origins"])


def test_trace_unknown_case_is_a_clear_error(store_path: str) -> None:
    result = CliRunner().invoke(cli, ["trace", "没有这个案例", "--store", store_path])
    assert result.exit_code != 0
    assert "no case matches" in result.output


def test_query_formats(store_path: str) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/ftzgraph/ontology#Case> }"
    assert (
        json.loads(run("query", q, "--store", store_path, "--format", "json"))["results"]["bindings"][0]["n"]["value"]
        == "28"
    )
    assert run("query", q, "--store", store_path, "--format", "csv").splitlines() == ["n", "28"]
    assert "28" in run("query", q, "--store", store_path)


def test_query_syntax_error_is_reported(store_path: str) -> None:
    result = CliRunner().invoke(cli, ["query", "SELEC * WHERE {", "--store", store_path])
    assert result.exit_code != 0
    assert "syntax error" in result.output.lower()


@pytest.mark.parametrize("query_file", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_every_example_query_runs_and_answers(store_path: str, query_file: Path) -> None:
    output = run("query", f"@{query_file}", "--store", store_path, "--format", "csv")
    assert len(output.strip().splitlines()) >= 2, output


def test_cases_jsonl_has_exactly_the_contract_fields(store_path: str) -> None:
    lines = run("cases", "--store", store_path).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 28
    assert all(tuple(r) == CASE_FIELDS for r in records)
    by_number = {r["number"]: r for r in records}
    assert by_number[7]["origin_batches"] == [{"kind": "最佳实践案例", "number": 2}]
    assert by_number[7]["origin_zones"] == ["广东自贸试验区"]
    # national_item is what an authority lists; case 16's item is only the bundled document's own claim.
    assert by_number[2]["national_item"] == "以信用为核心的跨部门协同监管平台"
    assert by_number[16]["national_item"] is None
    assert [e["relation"] for e in by_number[16]["learned_from"]] == ["copies_national_item", "borrows_zone_case"]
    assert by_number[16]["learned_from"][0]["target"] == "批次进出、集中申报"
    assert {"provider", "title"} <= set(by_number[16]["evidence"])
    assert all(isinstance(o["value"], int | float | None) for r in records for o in r["outcomes"])


def test_cases_are_the_same_bytes_in_every_process(store_path: str) -> None:
    """Each process reads the store with its own hash seeds, so rows a query does not order fully come in a
    different order: the export orders every row it keeps the first of (the first quote per field)."""
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "ftzgraph", "cases", "--store", store_path],
            capture_output=True,
            check=True,
        ).stdout
        for _ in range(4)
    }
    assert len(outputs) == 1


def test_cases_csv(store_path: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("cases", "--store", store_path, "--format", "csv"))))
    assert len(rows) == 28 and tuple(rows[0]) == CASE_FIELDS
    assert json.loads(rows[0]["agencies"])


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt")])
def test_export_triples_parse_back(store_path: str, fmt: str, rdflib_format: str) -> None:
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "--store", store_path])
    assert result.exit_code == 0
    graph = Graph().parse(data=result.stdout_bytes, format=rdflib_format)
    assert len(graph) > 5000
    assert (None, None, Literal("绥芬河片区", lang="zh")) in graph


@pytest.mark.parametrize(("fmt", "ox_format"), [("nquads", ox.RdfFormat.N_QUADS), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_export_quads_keep_named_graphs(store_path: str, fmt: str, ox_format: ox.RdfFormat) -> None:
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "--store", store_path])
    quads = list(ox.parse(result.stdout_bytes, format=ox_format))
    names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert "https://w3id.org/ftzgraph/graph/reference" in names
    assert len(quads) > 8000


def test_validate_reports_conformance(store_path: str) -> None:
    assert "Conforms: True" in run("validate", "--store", store_path)


def test_stats_counts(store_path: str) -> None:
    data = json.loads(run("stats", "--store", store_path, "--format", "json"))
    assert data["cases_per_provider"]["绥芬河片区"] == 14
    assert data["cases_per_origin_zone"]["上海自贸试验区"] == 4
    assert sum(data["cases_per_origin_batch"].values()) == 12


def test_commands_on_a_missing_store_say_how_to_build(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--store", str(tmp_path / "nothing")])
    assert result.exit_code != 0
    assert "ftzgraph build" in result.output


def test_build_of_a_document_without_cases_exits_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_text("没有案例的通知。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(bad), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code != 0
    assert "x.txt" in result.output and "no cases recognised" in result.output


def test_stats_and_trace_show_conflicts_and_relations_in_both_languages(store_path: str) -> None:
    assert "冲突 / conflict" in run("stats", "--store", store_path)
    (conflict,) = json.loads(run("stats", "--store", store_path, "--format", "json"))["conflicts"]
    assert conflict["comment_zh"].startswith("批次不一致") and "batch 3" in conflict["comment"]
    assert conflict["document_sources"] and conflict["authority_sources"]
    data = json.loads(run("trace", "2", "--store", store_path, "--format", "json"))
    assert {e["relation_zh"] for e in data["learned_from"]} == {"复制国家推广事项", "借鉴自贸区案例"}
    assert data["conflicts"][0]["comment_zh"].startswith("批次不一致")
    tree = run("trace", "2", "--store", store_path)
    assert "复制国家推广事项" in tree and "copies a national item" in tree and "冲突 conflict" in tree


@pytest.mark.parametrize(
    ("name", "message"), [("no-such-file.txt", "no such file"), ("empty", "no readable documents")]
)
def test_a_build_with_nothing_to_read_fails_by_name_and_leaves_no_store(
    tmp_path: Path, name: str, message: str
) -> None:
    path = tmp_path / name
    if name == "empty":
        path.mkdir()
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", str(path), "--store", str(store), "-q"])
    assert result.exit_code == 1
    assert str(path) in result.output and message in result.output
    assert not store.exists()
