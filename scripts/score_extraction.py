"""Print the extractor's figures against hand-made gold, per file: the bundled document, the dev collections
and the dev sentences (rules in tests/_dev_scoring.py). ``--misses`` lists what went wrong. ``--folder F`` scores a
folder of annotated material kept out of tests/data/ instead (a blind round, a user's own collections): its
``X-collection.gold.yaml`` files beside their texts and its sentences-, agencies- and outcomes- parts.

    .venv/bin/python scripts/score_extraction.py [--misses] [--folder FOLDER]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _dev_scoring import (
    COLLECTIONS,
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
    parser.add_argument("--folder", type=Path, help="score this folder of annotated material instead")
    args = parser.parse_args()
    names = _register(args.folder) if args.folder else list(COLLECTIONS)
    scores = []
    for name in names:
        started = time.perf_counter()
        extracted(name)
        elapsed = (time.perf_counter() - started) * 1000
        s = score_collection(name)
        scores.append(s)
        print(
            f"{name.rpartition('/')[2]}: cases {s.found}/{s.cases}; titles {s.titles}/{s.cases}; provider "
            f"{s.provider}/{s.cases}; origin batch "
            f"{s.batch}/{s.cases}; origin zone {s.zone}/{s.cases}; agencies P {s.precision:.2f} ({s.agency_tp}/"
            f"{s.agency_extracted}) R {s.recall:.2f} ({s.agency_gold_found}/{s.agency_expected}); outcomes found "
            f"{s.outcomes_found}/{s.outcomes_expected}, labels right {s.labels_right}/{s.outcomes_found}, qualifiers "
            f"{s.qualifiers_right}/{s.qualifiers_expected}; first extraction {elapsed:.0f} ms"
        )
        _print_misses(s.misses, args.misses)
    total, titles = sum(s.cases for s in scores), sum(s.titles for s in scores)
    print(
        f"all collections: cases {sum(s.found for s in scores)}/{total}; titles {titles}/{total};"
        f" provider {sum(s.provider for s in scores)}/{total}; origin batch {sum(s.batch for s in scores)}/{total};"
        f" origin zone {sum(s.zone for s in scores)}/{total}"
    )
    if not args.folder:
        t = score_sentences()
        print(
            f"dev sentences: batch and zone both right {t.both}/{t.total} ({t.both / t.total:.2f}); batch {t.batch}/"
            f"{t.total} (kind only {t.batch_kind}/{t.total}); zone {t.zone}/{t.total}"
        )
        _print_misses(t.misses, args.misses)
    _print_parts(args.folder or UNSEEN_SENTENCES.parent, args.misses)


def _register(folder: Path) -> list[str]:
    """The folder's collections, added to the scorer's table under ``folder/name`` (never an in-repo collection of
    the same name)."""
    names = []
    for gold_file in sorted(folder.glob("*-collection.gold.yaml")):
        stem = gold_file.name.removesuffix(".gold.yaml")
        texts = [p for p in sorted(folder.glob(stem + ".*")) if not p.name.endswith(".gold.yaml")]
        if texts:
            COLLECTIONS[f"{folder.name}/{stem}"] = (texts[0], gold_file)
            names.append(f"{folder.name}/{stem}")
    return names


def _print_parts(folder: Path, misses: bool) -> None:
    """The sentence, agency and outcome parts of ``folder``, a line each."""
    for path in sorted(folder.glob("sentences*.yaml")):
        u = score_sentences(path)
        print(
            f"unseen sentences ({path.name}): batch and zone both right {u.both}/{u.total} ({u.both / u.total:.2f}); "
            f"batch {u.batch}/{u.total}; zone {u.zone}/{u.total}"
        )
        _print_misses(u.misses, misses)
    for path in sorted(folder.glob("agencies*.yaml")):
        a = score_unseen_agencies(path)
        print(
            f"unseen agencies ({path.name}): P {a.precision:.2f} ({a.agency_tp}/{a.agency_extracted}) "
            f"R {a.recall:.2f} ({a.agency_gold_found}/{a.agency_expected})"
        )
        _print_misses(a.misses, misses)
    for path in sorted(folder.glob("outcomes*.yaml")):
        o = score_unseen_outcomes(path)
        print(
            f"unseen outcomes ({path.name}): found {o.outcomes_found}/{o.outcomes_expected}, labels right "
            f"{o.labels_right}/{o.outcomes_found}, qualifiers {o.qualifiers_right}/{o.qualifiers_expected}, after "
            f"text {o.after_texts_right}/{o.after_texts_expected}"
        )
        _print_misses(o.misses, misses)


def _print_misses(misses: list[str], wanted: bool) -> None:
    """Each miss under its figure line, when ``--misses`` asks for them."""
    if wanted:
        for miss in misses:
            print("   ", miss)


if __name__ == "__main__":
    main()
