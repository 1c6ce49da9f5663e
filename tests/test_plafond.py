"""At most MAX_BEVINDINGEN_PER_REGEL findings of one rule per dossier (issue 25): the rest is
one finding of that rule that counts them, so the output stays linear in the input."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from alvrules import laad_dossier
from alvrules.controle import CONTROLES, Context, _bevindingen, begrensd, controleer
from alvrules.dossier import Dossier
from alvrules.grenzen import MAX_BEVINDINGEN_PER_REGEL
from alvrules.regels import Bevinding, Ernst, Rapport, bevinding
from alvrules.teksten import Bericht, bericht

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
    return bevinding(regel, f"moties[{i}]", "x", ernst=ernst)


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


def _alle(dossier: Dossier) -> list[Bevinding]:
    """Every finding of every check, made outside :func:`begrensd` (none left unworked)."""
    ctx = Context.voor(dossier)
    return [b for pad in CONTROLES for b in _bevindingen(pad, dossier, ctx)]


def test_findings_past_the_cap_are_counted_without_being_written_and_the_report_is_the_same(
    tmp_path: Path,
) -> None:
    # several rules past the cap (MOT01 several times per motion, MOT03, SIG01, ...)
    dossier = laad_dossier(kale_moties(tmp_path, MAX_BEVINDINGEN_PER_REGEL + EXTRA))
    alle = _alle(dossier)
    assert all(type(b) is Bevinding for b in alle)  # made outside begrensd: in full
    verwacht = Rapport.van(begrensd(alle))
    rapport = controleer(dossier)
    assert all(type(b) is Bevinding for b in rapport)  # nothing unworked leaves begrensd
    assert rapport == verwacht
    for taal in ("nl", "en"):
        assert rapport.to_json(taal) == verwacht.to_json(taal)
        assert [b.tekst(taal) for b in rapport] == [b.tekst(taal) for b in verwacht]
    assert rapport.aantallen == verwacht.aantallen
    boven = {r for r, n in Counter(b.regel for b in alle).items() if n > MAX_BEVINDINGEN_PER_REGEL}
    assert {"MOT01", "MOT03"} <= boven


@given(
    st.lists(st.tuples(st.sampled_from(["MOT01", "MOT03", "SIG01"]), st.sampled_from(ERNSTEN))),
    st.integers(0, 6),
    st.randoms(use_true_random=False),
    st.booleans(),
)
def test_a_check_may_yield_its_findings_in_any_order_and_the_kept_ones_are_in_full(
    soorten: list[tuple[str, Ernst]], maximum: int, toeval: random.Random, als_tekst: bool
) -> None:
    def maak_alle() -> list[Bevinding]:
        uit = []
        for i, (r, e) in enumerate(soorten):
            melding = (
                f"tekst {i}"
                if als_tekst
                else bericht(
                    "Vergaderdatum {waarde} ligt buiten de kalender ({van}-{tot}); geen "
                    "termijn of stemgewicht is te bepalen.",
                    waarde=str(i),
                    van=2000,
                    tot=2099,
                )
            )
            uit.append(bevinding(r, f"moties[{i}]", melding, ernst=e))
        return uit

    volgorde = list(range(len(soorten)))
    toeval.shuffle(volgorde)

    def check() -> Iterator[Bevinding]:
        # made in one order inside begrensd (the first `maximum` of a rule in full, the rest
        # without text), yielded in another: begrensd writes out the ones it keeps
        gemaakt = maak_alle()
        yield from (gemaakt[i] for i in volgorde)

    vooraf = maak_alle()  # outside begrensd: every finding in full
    verwacht = begrensd([vooraf[i] for i in volgorde], maximum)
    uit = begrensd(check(), maximum)
    assert all(type(b) is Bevinding for b in uit)
    assert uit == verwacht
    assert [b.to_json("en") for b in uit] == [b.to_json("en") for b in verwacht]
    # outside begrensd nothing is counted any more
    assert all(type(b) is Bevinding for b in maak_alle())
