"""Print how many cases the splitter finds when the annotated collections' case headings are re-marked in shapes no
rule was written for (the layout fuzzer, tests/_layout_fuzz.py): the recovery over all renderings, the wrong cuts,
the non-collections' cuts, and with ``--lost`` each rendering that lost a case; ``--furniture`` adds lines that
recur once per case (counters, captions, a masthead, joined marks) and prints each kind's recovery; ``--parted``
renders the titles with no mark and a separator line before each case (asterisms, rules, dated rules), and counts the
non-collections with separator lines.

    .venv/bin/python scripts/fuzz_layouts.py [--seeds N] [--first S] [--renderings R] [--lost] [--furniture] [--parted]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from _layout_fuzz import Recovery, collections, fuzz, non_collection_cuts, remarked_notices


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20, help="how many seeds")
    parser.add_argument("--first", type=int, default=0, help="the first seed")
    parser.add_argument("--renderings", type=int, default=1, help="renderings per collection and seed")
    parser.add_argument("--lost", action="store_true", help="list every rendering that lost a case")
    parser.add_argument(
        "--furniture", action="store_true", help="add furniture recurring once per case (tests/_layout_fuzz.py)"
    )
    parser.add_argument("--parted", action="store_true", help="no marks, a separator line before each case")
    args = parser.parse_args()
    started = time.perf_counter()
    total, bare = Recovery(), Recovery()
    perfect = 0
    kinds: dict[str, Recovery] = {}
    for _, shape, result in fuzz(
        range(args.first, args.first + args.seeds), args.renderings, args.furniture, args.parted
    ):
        total.add(result)
        if shape.furniture:
            kinds.setdefault(f"furniture {shape.furniture}", Recovery()).add(result)
        if shape.parting:
            kinds.setdefault(f"parted {shape.under or 'plain'}", Recovery()).add(result)
        perfect += result.recovered == result.cases and result.wrong == 0
        if shape.bare:
            bare.add(result)
    print(
        f"{len(collections())} collections, {total.renderings} renderings: cases recovered {total.recovered}/"
        f"{total.cases} ({total.rate:.3f}); renderings with every case and no wrong cut {perfect}/{total.renderings}"
        f"; wrong cuts {total.wrong}"
    )
    print(f"unmarked titles: {bare.recovered}/{bare.cases} ({bare.rate:.3f}) in {bare.renderings} renderings")
    for kind, found in sorted(kinds.items()):
        print(f"{kind}: {found.recovered}/{found.cases} ({found.rate:.3f}); wrong cuts {found.wrong}")
    cuts = non_collection_cuts(args.parted)
    print(f"non-collections cut: {sum(1 for n in cuts.values() if n)}/{len(cuts)} ({sum(cuts.values())} cases)")
    cut, notices = remarked_notices(range(args.first, args.first + args.seeds))
    print(f"batch notices with a numbering level re-marked, cut: {cut}/{notices}")
    print(f"{time.perf_counter() - started:.1f} s")
    if args.lost:
        for line in total.lost:
            print("  " + line)
        for name, n in cuts.items():
            if n:
                print(f"  non-collection {name}: {n} cases")


if __name__ == "__main__":
    main()
