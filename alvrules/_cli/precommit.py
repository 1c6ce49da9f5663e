"""``alvrules-pre-commit [--strikt] [--verbose] [--lang nl|en] [--] FILE…``: the pre-commit
hook (``.pre-commit-hooks.yaml``): ``alvrules controleer --alleen-dossiers`` over every
file that pre-commit passes, in one process; the exit code is the worst.

pre-commit passes every staged file that matches the hook's ``files`` pattern
(``*.toml``/``*.json``); ``pyproject.toml`` or ``package.json`` have no top-level
``vergadering`` table and are skipped (``--verbose`` names them). Only the options above
are options: every other argument is a file, also one that starts with ``-`` (a file named
``--x.toml`` is checked), and the files reach ``controleer`` after ``--``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from alvrules.cli import main as alvrules

#: the options of the hook (with or without a value), passed on to ``controleer``
_OPTIES = {"--strikt": False, "--verbose": False, "-v": False, "--lang": True}


def main(argv: Sequence[str] | None = None) -> int:
    """Check every dossier among the files in one run; 0 when all pass, else the worst."""
    args = list(sys.argv[1:] if argv is None else argv)
    opties: list[str] = []
    bestanden: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        optie = a.partition("=")[0]
        if a == "--":
            bestanden += args[i + 1 :]
            break
        if optie in _OPTIES:
            opties.append(a)
            if _OPTIES[optie] and "=" not in a and i + 1 < len(args):
                opties.append(args[i + 1])
                i += 1
        else:
            bestanden.append(a)
        i += 1
    if not bestanden:
        return 0
    return alvrules(["controleer", "--alleen-dossiers", *opties, "--", *bestanden])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
