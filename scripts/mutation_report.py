"""Print the mutation score per module from `mutmut results --all true` (read on stdin).

Usage: .venv/bin/mutmut results --all true | python scripts/mutation_report.py
A mutant counts as killed when a test failed or timed out on it; "no tests" means no
selected test ran the mutated function in-process, which counts against the score.
Mutants not checked in the last run (`mutmut run NAME...`) are left out.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict

LINE = re.compile(r"^\s*(?P<name>[\w.]+)__mutmut_\d+: (?P<status>[\w ]+?)\s*$")
KILLED = {"killed", "timeout"}


def main() -> int:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in sys.stdin:
        match = LINE.match(line)
        if match:
            module = match["name"].rsplit(".", 1)[0]
            counts[module][match["status"]] += 1
    if not counts:
        print("no mutants found: run `mutmut run` first", file=sys.stderr)
        return 1
    print(f"{'module':<22}{'mutants':>8}{'killed':>8}{'survived':>9}{'no tests':>9}{'score':>7}")
    for module, c in sorted(counts.items()):
        checked = sum(c.values()) - c["not checked"]
        killed = sum(c[s] for s in KILLED)
        score = f"{killed / checked:.0%}" if checked else "-"
        print(f"{module:<22}{checked:>8}{killed:>8}{c['survived']:>9}{c['no tests']:>9}{score:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
