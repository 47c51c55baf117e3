"""Print the extractor's figures against hand-made gold, per file: the bundled document, the dev collections
and the dev sentences (rules in tests/_dev_scoring.py). ``--misses`` lists what went wrong.

    .venv/bin/python scripts/score_extraction.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _dev_scoring import (
    COLLECTIONS,
    UNSEEN_OUTCOMES,
    UNSEEN_SENTENCES,
    extracted,
    score_collection,
    score_sentences,
    score_unseen_agencies,
    score_unseen_outcomes,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    for name in COLLECTIONS:
        started = time.perf_counter()
        extracted(name)
        elapsed = (time.perf_counter() - started) * 1000
        s = score_collection(name)
        print(
            f"{name}: cases {s.found}/{s.cases}; provider {s.provider}/{s.cases}; origin batch {s.batch}/{s.cases}; "
            f"origin zone {s.zone}/{s.cases}; agencies P {s.precision:.2f} ({s.agency_tp}/{s.agency_extracted}) "
            f"R {s.recall:.2f} ({s.agency_gold_found}/{s.agency_expected}); outcomes found {s.outcomes_found}/"
            f"{s.outcomes_expected}, labels right {s.labels_right}/{s.outcomes_found}, qualifiers "
            f"{s.qualifiers_right}/{s.qualifiers_expected}; first extraction {elapsed:.0f} ms"
        )
        _print_misses(s.misses, args.misses)
    t = score_sentences()
    print(
        f"dev sentences: batch and zone both right {t.both}/{t.total} ({t.both / t.total:.2f}); batch {t.batch}/"
        f"{t.total} (kind only {t.batch_kind}/{t.total}); zone {t.zone}/{t.total}"
    )
    _print_misses(t.misses, args.misses)
    for path in sorted(UNSEEN_SENTENCES.parent.glob("sentences*.yaml")):
        u = score_sentences(path)
        print(
            f"unseen sentences ({path.name}): batch and zone both right {u.both}/{u.total} ({u.both / u.total:.2f}); "
            f"batch {u.batch}/{u.total}; zone {u.zone}/{u.total}"
        )
        _print_misses(u.misses, args.misses)
    for path in sorted(UNSEEN_SENTENCES.parent.glob("agencies*.yaml")):
        a = score_unseen_agencies(path)
        print(
            f"unseen agencies ({path.name}): P {a.precision:.2f} ({a.agency_tp}/{a.agency_extracted}) "
            f"R {a.recall:.2f} ({a.agency_gold_found}/{a.agency_expected})"
        )
        _print_misses(a.misses, args.misses)
    for path in sorted(UNSEEN_OUTCOMES.parent.glob("outcomes*.yaml")):
        o = score_unseen_outcomes(path)
        print(
            f"unseen outcomes ({path.name}): found {o.outcomes_found}/{o.outcomes_expected}, labels right "
            f"{o.labels_right}/{o.outcomes_found}, qualifiers {o.qualifiers_right}/{o.qualifiers_expected}, after "
            f"text {o.after_texts_right}/{o.after_texts_expected}"
        )
        _print_misses(o.misses, args.misses)


def _print_misses(misses: list[str], wanted: bool) -> None:
    """Each miss under its figure line, when ``--misses`` asks for them."""
    if wanted:
        for miss in misses:
            print("   ", miss)


if __name__ == "__main__":
    main()
