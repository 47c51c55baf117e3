"""Every case's page and JSON of a store, written down so two versions of the code can be compared (issue #16).

``dump`` asks the app (in process, on the store opened read-only) for each case's ``/cases/{id}``,
``/cases/{id}/lineage`` (JSON) and ``/id/case/{id}`` (HTML) and writes one JSON line per case; ``compare``
reads two such files and names each case whose status or body differs, with a diff of the first few. Run
``dump`` with one checkout's venv, then with the other's, on the same store: a change meant to make the pages
faster must leave them byte for byte the same. A check, not a test: it needs a built store and two checkouts.

    .venv/bin/python scripts/case_pages.py dump STORE OUT.jsonl [--every N]
    .venv/bin/python scripts/case_pages.py compare BEFORE.jsonl AFTER.jsonl [--show 3]
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import warnings
from pathlib import Path

ROUTES = {
    "json": ("/cases/{id}", "application/json"),
    "lineage": ("/cases/{id}/lineage", "application/json"),
    "html": ("/id/case/{id}", "text/html"),
}


def dump(store_path: Path, out: Path, every: int) -> int:
    """Write each case's three answers to ``out``; returns the number of cases written."""
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

    from ftzgraph.api.app import create_app
    from ftzgraph.api.settings import Settings
    from ftzgraph.graph.store.oxigraph import OxigraphStore

    store = OxigraphStore(store_path, read_only=True)
    rows = store.select("SELECT DISTINCT ?c WHERE { ?c a <https://w3id.org/ftzgraph/ontology#Case> }")
    cases = sorted(row["c"] for row in rows)[::every]
    client = TestClient(create_app(store, Settings()))
    with out.open("w", encoding="utf-8") as file:
        for iri in cases:
            case_id = iri.rsplit("/case/", 1)[1]
            record: dict[str, object] = {"case": case_id}
            for name, (path, accept) in ROUTES.items():
                response = client.get(path.format(id=case_id), headers={"accept": accept})
                record[name] = [response.status_code, response.text]
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(cases)


def _lines(name: str, body: str) -> list[str]:
    if name == "html":
        return body.splitlines()
    try:
        return json.dumps(json.loads(body), ensure_ascii=False, indent=1).splitlines()
    except ValueError:
        return body.splitlines()


def compare(before: Path, after: Path, show: int) -> bool:
    """Print the cases whose answers differ; True when none does."""
    old = [json.loads(line) for line in before.open(encoding="utf-8")]
    new = [json.loads(line) for line in after.open(encoding="utf-8")]
    if [r["case"] for r in old] != [r["case"] for r in new]:
        print(f"the two files hold different cases ({len(old)} and {len(new)})")
        return False
    differing = dict.fromkeys(ROUTES, 0)
    for a, b in zip(old, new, strict=True):
        for name in ROUTES:
            if a[name] == b[name]:
                continue
            differing[name] += 1
            if show > 0:
                show -= 1
                print(f"--- case {a['case']}, {name}: HTTP {a[name][0]} before, {b[name][0]} after")
                diff = difflib.unified_diff(_lines(name, a[name][1]), _lines(name, b[name][1]), lineterm="", n=1)
                print("\n".join(list(diff)[:40]))
    print(f"{len(old)} cases; differing: " + ", ".join(f"{name} {count}" for name, count in differing.items()))
    return not any(differing.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write every case's answers of a store")
    dumping.add_argument("store", type=Path)
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--every", type=int, default=1, help="only every Nth case (sorted by IRI)")
    comparing = commands.add_parser("compare", help="name the cases whose answers differ")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=3, help="diffs to print")
    args = parser.parse_args()
    if args.command == "dump":
        print(f"{dump(args.store, args.out, args.every)} cases written to {args.out}")
    else:
        sys.exit(0 if compare(args.before, args.after, args.show) else 1)


if __name__ == "__main__":
    main()
