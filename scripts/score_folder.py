"""Score a folder of held-out material with the repo's own rules (tests/_dev_scoring.py): every
``X-collection.gold.yaml`` beside its text, and every ``sentences-*``, ``agencies-*`` and ``outcomes-*`` YAML file.
For material kept out of tests/data/unseen/ (a blind round, a user's own annotated collection).

    .venv/bin/python scripts/score_folder.py FOLDER [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import _dev_scoring as scoring


def _collections(folder: Path, misses: bool) -> None:
    found = provider = batch = zone = cases = tp = extracted = gold_found = expected = 0
    for gold_file in sorted(folder.glob("*-collection.gold.yaml")):
        stem = gold_file.name.removesuffix(".gold.yaml")
        texts = [p for p in sorted(folder.glob(stem + ".*")) if not p.name.endswith(".gold.yaml")]
        if not texts:
            continue
        key = f"{folder.name}/{stem}"  # never an in-repo collection of the same name
        scoring.COLLECTIONS[key] = (texts[0], gold_file)
        s = scoring.score_collection(key)
        print(
            f"{stem}: cases {s.found}/{s.cases}; provider {s.provider}/{s.cases}; origin batch {s.batch}/{s.cases}; "
            f"origin zone {s.zone}/{s.cases}; agencies P {s.precision:.2f} ({s.agency_tp}/{s.agency_extracted}) "
            f"R {s.recall:.2f} ({s.agency_gold_found}/{s.agency_expected}); outcomes found {s.outcomes_found}/"
            f"{s.outcomes_expected}, labels right {s.labels_right}, qualifiers {s.qualifiers_right}/"
            f"{s.qualifiers_expected}"
        )
        _misses(s.misses, misses)
        found, provider, batch, zone, cases = (
            found + s.found,
            provider + s.provider,
            batch + s.batch,
            zone + s.zone,
            cases + s.cases,
        )
        tp, extracted = tp + s.agency_tp, extracted + s.agency_extracted
        gold_found, expected = gold_found + s.agency_gold_found, expected + s.agency_expected
    if cases:
        print(
            f"all collections: cases {found}/{cases}; provider {provider}/{cases}; origin batch {batch}/{cases}; "
            f"origin zone {zone}/{cases}; agencies P {tp / max(extracted, 1):.2f} ({tp}/{extracted}) "
            f"R {gold_found / max(expected, 1):.2f} ({gold_found}/{expected})"
        )


def _misses(lines: list[str], show: bool) -> None:
    if show:
        for line in lines:
            print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    _collections(args.folder, args.misses)
    for path in sorted(args.folder.glob("sentences-*.yaml")):
        s = scoring.score_sentences(path)
        print(f"{path.name}: batch and zone both right {s.both}/{s.total} ({s.both / s.total:.2f})")
        _misses(s.misses, args.misses)
    for path in sorted(args.folder.glob("agencies-*.yaml")):
        a = scoring.score_unseen_agencies(path)
        print(
            f"{path.name}: P {a.precision:.2f} ({a.agency_tp}/{a.agency_extracted}) "
            f"R {a.recall:.2f} ({a.agency_gold_found}/{a.agency_expected})"
        )
        _misses(a.misses, args.misses)
    for path in sorted(args.folder.glob("outcomes-*.yaml")):
        o = scoring.score_unseen_outcomes(path)
        print(
            f"{path.name}: found {o.outcomes_found}/{o.outcomes_expected}, labels right {o.labels_right}, "
            f"qualifiers {o.qualifiers_right}/{o.qualifiers_expected}, after text {o.after_texts_right}/"
            f"{o.after_texts_expected}"
        )
        _misses(o.misses, args.misses)


if __name__ == "__main__":
    main()
