"""Run the vendored W3C SPARQL 1.1 suites against the ftzgraph app over HTTP and print pass/fail/skip per suite.

Usage: .venv/bin/python scripts/w3c_report.py [--verbose] [suite ...]   (suites: query update syntax protocol)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import _w3c


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suites", nargs="*", default=["query", "update", "syntax", "protocol"])
    parser.add_argument("--verbose", "-v", action="store_true", help="print each failure with its reason")
    args = parser.parse_args()
    cases = [c for s in ("query", "update", "protocol") for c in _w3c.collect(s)]
    counts: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as tmp, _w3c.make_client(Path(tmp)) as client:
        for suite in args.suites:
            counts[suite] = Counter()
            started = time.monotonic()
            for case in (c for c in cases if c.suite == suite):
                try:
                    _w3c.run(client, case)
                    counts[suite]["pass"] += 1
                except _w3c.Skip as skip:
                    counts[suite]["skip"] += 1
                    if args.verbose:
                        print(f"SKIP {case.id}: {skip}")
                except Exception as error:
                    counts[suite]["fail"] += 1
                    if args.verbose:
                        print(f"FAIL {case.id}: {type(error).__name__}: {str(error)[:300]}")
            counts[suite]["seconds"] = round(time.monotonic() - started)
    for suite, count in counts.items():
        print(
            f"{suite:9} pass {count['pass']:4}  fail {count['fail']:3}  skip {count['skip']:3}  ({count['seconds']} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
