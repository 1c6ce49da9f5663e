"""Write ``alvrules/data/onzichtbaar.csv``: the code points with the Unicode property
``Default_Ignorable_Code_Point``, as ranges, from the Unicode Character Database file
``DerivedCoreProperties.txt`` (Debian package ``unicode-data``: /usr/share/unicode/).

``python scripts/onzichtbaar.py [DerivedCoreProperties.txt]``; Python's :mod:`unicodedata`
does not expose the property (alvrules.tekens reads the table).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BRON = Path("/usr/share/unicode/DerivedCoreProperties.txt")
DOEL = Path(__file__).resolve().parent.parent / "alvrules" / "data" / "onzichtbaar.csv"
_REGEL = re.compile(
    r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*Default_Ignorable_Code_Point\b"
)


def main() -> int:
    bron = Path(sys.argv[1]) if len(sys.argv) > 1 else BRON
    tekst = bron.read_text("utf-8")
    versie = tekst.splitlines()[0].lstrip("# ").strip()  # DerivedCoreProperties-15.0.0.txt
    rijen = ["van,tot,bron"]
    for regel in tekst.splitlines():
        if m := _REGEL.match(regel):
            rijen.append(f"{m[1]},{m[2] or m[1]},{versie}")
    DOEL.write_text("\n".join(rijen) + "\n", encoding="utf-8")
    print(f"{len(rijen) - 1} ranges from {versie} -> {DOEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
