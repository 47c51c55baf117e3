"""Build runs and their diff: build the bundled document, edit a copy (change a case's provider, delete a case,
add an agency), build again; ``ftzgraph runs`` shows both builds and ``ftzgraph diff`` exactly those changes."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from _edits import ADDED_AGENCY, edit
from click.testing import CliRunner

from ftzgraph.api.cli.main import cli
from ftzgraph.graph import iris
from ftzgraph.graph.build.run_diff import Change, compose
from ftzgraph.graph.store.oxigraph import OxigraphStore
from ftzgraph.graph.views.records import case_records

SKOS_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def records(store_path: str) -> dict[int, dict[str, Any]]:
    store = OxigraphStore(store_path, read_only=True)
    try:
        return {r["number"]: r for r in case_records(store)}
    finally:
        store.close()


@dataclass
class Edited:
    store: str
    source: Path
    digests: list[str]
    provider_case: int
    old_provider: str
    new_provider: str
    deleted_case: int
    deleted_title: str
    deleted_only_agencies: list[str]
    kept_agencies: list[str]
    agency_case: int


@pytest.fixture(scope="module")
def edited(bundled_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Edited:
    folder = tmp_path_factory.mktemp("runs")
    source, store = folder / "collection.txt", str(folder / "store")
    shutil.copyfile(bundled_path, source)
    digests = [hashlib.sha256(source.read_bytes()).hexdigest()]
    run("build", str(source), "--store", store, "--quiet")
    before = records(store)
    provider_case, new_provider, deleted_case, agency_case = edit(source, before)
    digests.append(hashlib.sha256(source.read_bytes()).hexdigest())
    output = run("build", str(source), "--store", store, "--quiet", "--force")  # it drops a case on purpose
    assert "recorded as run" in output
    others = {a for n, r in before.items() if n != deleted_case for a in r["agencies"]} | {ADDED_AGENCY}
    mine = before[deleted_case]["agencies"]
    return Edited(
        store,
        source,
        digests,
        provider_case,
        before[provider_case]["provider"],
        new_provider,
        deleted_case,
        before[deleted_case]["title"],
        [a for a in mine if a not in others],
        [a for a in mine if a in others],
        agency_case,
    )


def test_runs_shows_both_builds_with_what_they_read(edited: Edited) -> None:
    runs = json.loads(run("runs", "--store", edited.store, "--format", "json"))
    assert len(runs) == 2
    graph = str(
        iris.document_graph(
            json.loads(run("cases", "--store", edited.store, "--format", "json"))[0]["id"].rsplit("-", 1)[0]
        )
    )
    for recorded, digest, action in zip(runs, edited.digests, ["added", "replaced"], strict=True):
        assert recorded["version"] == metadata.version("ftzgraph")
        assert re.fullmatch("[0-9a-f]{64}", recorded["rules_hash"])
        document = str(iris.document(graph.rsplit("/", 1)[-1]))
        read = {"file": "collection.txt", "sha256": digest, "action": action, "graph": graph, "document": document}
        assert recorded["documents"] == [read]
        assert recorded["started"] <= recorded["ended"]
    first, second = ({g["graph"]: g for g in r["graphs"]} for r in runs)
    assert first[graph]["removed"] == 0 and first[graph]["added"] > 1000
    assert second[graph]["added"] > 0 and second[graph]["removed"] > 0
    assert second[str(iris.ENTITIES_GRAPH)]["removed"] > 0  # the deleted case's own agency
    assert runs[0]["rules_hash"] == runs[1]["rules_hash"]
    table = run("runs", "--store", edited.store)
    assert "2 run(s)" in table


def test_diff_lists_exactly_the_three_changes_by_case_and_field(edited: Edited) -> None:
    result = json.loads(run("diff", "--store", edited.store, "--format", "json"))
    [document] = result["documents"]
    changes = [(c["case"], c["field"], c["kind"], c.get("old"), c.get("new")) for c in document["changes"]]
    expected = [
        (edited.provider_case, "provider", "changed", edited.old_provider, edited.new_provider),
        (edited.deleted_case, "case", "removed", edited.deleted_title, None),
        (edited.agency_case, "agencies", "added", None, ADDED_AGENCY),
    ]
    assert sorted(changes, key=str) == sorted(expected, key=str)
    text = run("diff", "--store", edited.store)
    assert f"case {edited.agency_case}: agency {ADDED_AGENCY} added" in text
    assert f"case {edited.provider_case}: provider {edited.old_provider} → {edited.new_provider}" in text
    assert f"case {edited.deleted_case}: removed" in text
    runs = json.loads(run("runs", "--store", edited.store, "--format", "json"))
    assert json.loads(run("diff", runs[0]["id"], runs[1]["id"], "--store", edited.store, "--format", "json")) == result


def test_entities_graph_forgets_the_deleted_cases_own_agency(edited: Edited) -> None:
    assert edited.deleted_only_agencies, "the deleted case was chosen for an agency only it names"
    store = OxigraphStore(edited.store, read_only=True)
    try:
        labels = {
            row["l"]
            for row in store.select(
                f"SELECT ?l WHERE {{ GRAPH <{iris.ENTITIES_GRAPH}> {{ ?a <{SKOS_PREF_LABEL}> ?l }} }}"
            )
        }
    finally:
        store.close()
    assert not set(edited.deleted_only_agencies) & labels
    assert set(edited.kept_agencies) <= labels and ADDED_AGENCY in labels
    result = json.loads(run("diff", "--store", edited.store, "--format", "json"))
    removed = {c["old"] for c in result["entities"] if c["field"] == "entities"}
    assert set(edited.deleted_only_agencies) <= removed
    assert not removed & set(edited.kept_agencies)


def test_keep_runs_bounds_the_history_and_an_unchanged_document_is_skipped(edited: Edited, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    shutil.copytree(edited.store, store)
    run("build", str(edited.source), "--store", store, "--quiet")  # unchanged: skipped
    runs = json.loads(run("runs", "--store", store, "--format", "json"))
    assert len(runs) == 3 and runs[-1]["documents"][0]["action"] == "skipped"
    assert "nothing changed" in run("diff", "--store", store)
    run("build", str(edited.source), "--store", store, "--quiet", "--force", "--keep-runs", "2")
    runs_after = json.loads(run("runs", "--store", store, "--format", "json"))
    assert [r["id"] for r in runs_after[:1]] == [runs[-1]["id"]] and len(runs_after) == 2
    assert runs_after[-1]["documents"][0]["action"] == "replaced"
    # the same text rebuilt: the same triples (decimals compared in canonical form), no change recorded
    graph = runs_after[-1]["documents"][0]["graph"]
    assert [g for g in runs_after[-1]["graphs"] if g["graph"] == graph] == [{"graph": graph, "added": 0, "removed": 0}]
    assert runs_after[-1]["changes"] == 0


def test_diff_of_an_unknown_run_is_a_clear_error(edited: Edited) -> None:
    result = CliRunner().invoke(cli, ["diff", "nosuchrun", "--store", edited.store])
    assert result.exit_code == 1
    assert "no run 'nosuchrun'" in result.output and "ftzgraph runs" in result.output
    runs = json.loads(run("runs", "--store", edited.store, "--format", "json"))
    result = CliRunner().invoke(cli, ["diff", runs[1]["id"], runs[0]["id"], "--store", edited.store])
    assert result.exit_code == 1 and "give the older run first" in result.output


def test_the_runs_graph_conforms_to_the_shapes(edited: Edited) -> None:
    output = CliRunner().invoke(cli, ["validate", "--store", edited.store])
    assert output.exit_code == 0, output.output


def test_compose_cancels_and_chains() -> None:
    doc = "https://w3id.org/ftzgraph/id/doc/x"
    first = [
        Change(doc, 1, "agencies", "added", None, "甲局", "case 1: agency 甲局 added"),
        Change(doc, 2, "provider", "changed", "A", "B", "case 2: provider A → B"),
    ]
    second = [
        Change(doc, 1, "agencies", "removed", "甲局", None, "case 1: agency 甲局 removed"),
        Change(doc, 2, "provider", "changed", "B", "C", "case 2: provider B → C"),
    ]
    [change] = compose([first, second])
    assert (change.old, change.new, change.text) == ("A", "C", "case 2: provider A → C")
    back = [Change(doc, 2, "provider", "changed", "C", "A", "case 2: provider C → A")]
    assert compose([first[1:], second[1:], back]) == []


def test_runs_and_diff_over_http(edited: Edited) -> None:
    from _client import client_for

    store = OxigraphStore(edited.store, read_only=True)
    try:
        with client_for(store) as client:
            runs = client.get("/runs.json").json()
            assert len(runs) == 2
            diff = client.get(f"/runs/{runs[1]['id']}/diff", params={"format": "json"}).json()
            assert diff == json.loads(run("diff", "--store", edited.store, "--format", "json"))
            page = client.get(f"/runs/{runs[1]['id']}/diff")
            doc_id = diff["documents"][0]["document"].rsplit("/", 1)[-1]
            assert page.status_code == 200 and f'href="id/case/{doc_id}-' in page.text
            first = client.get(f"/runs/{runs[0]['id']}/diff", params={"format": "json"}).json()
            assert first["from"] is None and first["documents"][0]["added"] is True
            missing = client.get("/runs/nosuchrun/diff")
            assert missing.status_code == 404 and "no run 'nosuchrun'" in missing.json()["error"]
            assert client.get("/runs").status_code == 200
    finally:
        store.close()


def test_a_failed_build_records_no_run_and_a_failed_file_is_recorded(edited: Edited, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    shutil.copytree(edited.store, store)
    before = json.loads(run("runs", "--store", store, "--format", "json"))
    bad = tmp_path / "empty.txt"
    bad.write_text("这份文件没有任何案例。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(bad), "--store", store, "--quiet"])
    assert result.exit_code == 1 and "empty.txt" in result.output
    assert json.loads(run("runs", "--store", store, "--format", "json")) == before  # the store as it was
    result = CliRunner().invoke(cli, ["build", str(bad), str(edited.source), "--store", store, "--quiet"])
    assert result.exit_code == 1  # one document failed, the other was skipped (unchanged)
    last = json.loads(run("runs", "--store", store, "--format", "json"))[-1]
    assert sorted((d["file"], d["action"]) for d in last["documents"]) == [
        ("collection.txt", "skipped"),
        ("empty.txt", "failed"),
    ]
