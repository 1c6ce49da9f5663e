"""At most MAX_BEVINDINGEN_PER_REGEL findings of one rule per dossier (issue 25): the rest is
one finding of that rule that counts them, so the output stays linear in the input."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from alvrules.controle import begrensd
from alvrules.grenzen import MAX_BEVINDINGEN_PER_REGEL
from alvrules.regels import Bevinding, Ernst, Rapport, bevinding
from alvrules.teksten import Bericht

EXTRA = 5

KOP = (
    '{"vergadering":{"naam":"ALV","datum":"2023-12-01","aanvang":"13:00:00",'
    '"sluitingstijd":"13:00:00"},"moties":['
)


def kale_moties(tmp_path: Path, n: int) -> Path:
    """A JSON dossier of ``n`` bare motions: each has one MOT03 warning (no contacts)."""
    p = tmp_path / "kaal.json"
    p.write_text(KOP + ",".join(f'{{"id":"M{i}"}}' for i in range(n)) + "]}", "utf-8")
    return p


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alvrules", *argv], capture_output=True, text=True, check=False
    )


def test_the_cli_lists_the_cap_and_counts_the_rest_in_text_and_json(tmp_path: Path) -> None:
    dossier = kale_moties(tmp_path, MAX_BEVINDINGEN_PER_REGEL + EXTRA)
    uit = cli("controleer", str(dossier), "--format", "json")
    assert uit.returncode == 1, uit.stderr  # invalid, as with every finding listed
    data = json.loads(uit.stdout)
    assert data["geldig"] is False
    mot03 = [b for b in data["bevindingen"] if b["regel"] == "MOT03"]
    assert len(mot03) == MAX_BEVINDINGEN_PER_REGEL + 1
    laatste = mot03[-1]
    assert laatste["ernst"] == "waarschuwing"
    assert laatste["melding"] == (
        f"En nog {EXTRA} bevindingen van regel MOT03; alleen de eerste 1.000 staan in dit rapport."
    )
    assert laatste["pad"] == f"moties[M{MAX_BEVINDINGEN_PER_REGEL}].contactpersonen"
    assert len({b["pad"] for b in mot03[:-1]}) == MAX_BEVINDINGEN_PER_REGEL
    assert max(Counter(b["regel"] for b in data["bevindingen"]).values()) == (
        MAX_BEVINDINGEN_PER_REGEL + 1
    )

    tekst = cli("controleer", str(dossier), "--lang", "en")
    assert tekst.returncode == 1, tekst.stderr
    regels = [r.split()[0] for r in tekst.stdout.splitlines() if r.startswith("  MOT")]
    assert regels.count("MOT03") == MAX_BEVINDINGEN_PER_REGEL + 1
    assert (
        f"And {EXTRA} more findings of rule MOT03; only the first 1,000 are in this report."
        in tekst.stdout
    )


def test_below_the_cap_nothing_is_counted(tmp_path: Path) -> None:
    dossier = kale_moties(tmp_path, 3)
    data = json.loads(cli("controleer", str(dossier), "--format", "json").stdout)
    assert [b["regel"] for b in data["bevindingen"]].count("MOT03") == 3
    assert not any("En nog" in b["melding"] for b in data["bevindingen"])


ERNSTEN = (Ernst.FOUT, Ernst.WAARSCHUWING, Ernst.INFO)


def maak(regel: str, i: int, ernst: Ernst) -> Bevinding:
    return bevinding(regel, f"moties[{i}]", "x", "x", ernst=ernst)


@given(
    st.lists(st.tuples(st.sampled_from(["MOT01", "MOT03", "SIG01"]), st.sampled_from(ERNSTEN))),
    st.integers(0, 6),
)
def test_per_rule_at_most_the_cap_plus_one_and_the_count_is_exact(
    soorten: list[tuple[str, Ernst]], maximum: int
) -> None:
    alle = [maak(r, i, e) for i, (r, e) in enumerate(soorten)]
    uit = begrensd(alle, maximum)
    totaal = Counter(b.regel for b in alle)
    getoond = Counter(b.regel for b in uit)
    for regel, n in totaal.items():
        assert getoond[regel] == min(n, maximum) + (n > maximum)
        if n > maximum:
            samen = [b for b in uit if b.regel == regel][-1]
            assert isinstance(samen.bericht, Bericht)
            assert samen.bericht.aantal == n - maximum
            weg = [b for b in alle if b.regel == regel][maximum:]
            assert samen.pad == weg[0].pad
            assert samen.ernst is min((b.ernst for b in weg), key=ERNSTEN.index)
    # the listed findings keep their order; validity is that of the full list
    assert [b for b in uit if b.melding == "x"] == [
        b for b in alle if [c for c in alle if c.regel == b.regel].index(b) < maximum
    ]
    assert Rapport.van(uit).geldig == Rapport.van(alle).geldig
