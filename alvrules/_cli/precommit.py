"""``alvrules-pre-commit [--strikt] FILE…``: ``alvrules controleer`` over every file that
pre-commit passes (``.pre-commit-hooks.yaml``); the exit code is the worst of them."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from alvrules.cli import main as alvrules


def main(argv: Sequence[str] | None = None) -> int:
    """Check each dossier in turn; 0 when all pass, else the highest exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    opties = [a for a in args if a.startswith("--")]
    code = 0
    for bestand in (a for a in args if not a.startswith("--")):
        code = max(code, alvrules(["controleer", bestand, *opties]))
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
