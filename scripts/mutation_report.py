"""Print the mutation score per module from `mutmut results --all true` (read on stdin).

Usage: .venv/bin/mutmut results --all true | python scripts/mutation_report.py
A mutant counts as killed when a test failed or timed out on it; "no tests" means no
selected test ran the mutated function in-process, which counts against the score.
Mutants listed in scripts/equivalent_mutants.txt (each with a one-line reason) behave
exactly like the original code; they are counted apart and left out of the score. A
listed mutant that a test now kills is reported, so the list cannot go stale quietly.
Mutants not checked in the last run (`mutmut run NAME...`) are left out.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

LINE = re.compile(r"^\s*(?P<mutant>(?P<name>[\w.]+)__mutmut_\d+): (?P<status>[\w ]+?)\s*$")
KILLED = {"killed", "timeout"}
EQUIVALENTS = Path(__file__).with_name("equivalent_mutants.txt")


def equivalents(path: Path = EQUIVALENTS) -> dict[str, str]:
    """Mutant name → why it cannot change behaviour."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition("#")
            found[name.strip()] = reason.strip()
    return found


def main() -> int:
    """Read `mutmut results` from standard input and print the score per module."""
    known = equivalents()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    stale = []
    for line in sys.stdin:
        match = LINE.match(line)
        if match:
            module = match["name"].rsplit(".", 1)[0]
            status = match["status"]
            if match["mutant"] in known:
                if status in KILLED:
                    stale.append(match["mutant"])
                status = "equivalent"
            counts[module][status] += 1
    if not counts:
        print("no mutants found: run `mutmut run` first", file=sys.stderr)
        return 1
    print(
        f"{'module':<22}{'mutants':>8}{'killed':>8}{'survived':>9}{'no tests':>9}"
        f"{'equivalent':>11}{'score':>7}"
    )
    for module, c in sorted(counts.items()):
        checked = sum(c.values()) - c["not checked"] - c["equivalent"]
        killed = sum(c[s] for s in KILLED)
        score = f"{killed / checked:.0%}" if checked else "-"
        print(
            f"{module:<22}{checked + c['equivalent']:>8}{killed:>8}{c['survived']:>9}"
            f"{c['no tests']:>9}{c['equivalent']:>11}{score:>7}"
        )
    for name in stale:
        print(f"listed as equivalent but killed: {name} (remove it from the list)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
