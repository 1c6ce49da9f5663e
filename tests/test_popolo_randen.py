"""Edges of ``uitslag --format popolo``: every kind of stemming (acclamation, order motion,
postponed vote, choice, bundle, motion with a fractional threshold) as the open-data user
reads it: the motion's fields, the result, counts that add up and each member's vote."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from typing import Any

import pytest
from attrs import evolve

from alvrules.dossier import Dossier
from alvrules.laden import laad_bytes
from alvrules.popolo import popolo
from alvrules.stemmingen import Grondslag
from alvrules.uitslagen import Uitslagen, uitslagen
from tests.conftest import shared_nodig
from tests.schemas import popolo_validator

TOOI = "https://identifier.overheid.nl/tooi/id/gemeente/"
#: Utrecht, Den Haag, Amsterdam (represented), Beesel (represented), Groningen (no one)
GEWICHTEN = {"GM0344": 75, "GM0518": 75, "GM0363": 75, "GM0889": 13, "GM0014": 40}

DOSSIER = """
[vergadering]
naam = "Najaars ALV 2023"
datum = 2023-12-01
soort = "fysiek"

[[agendapunten]]
id = "7"
titel = "Kaders"
soort = "besluitvorming"

[[agendapunten]]
id = "8"
titel = "Begroting"
soort = "besluitvorming"

[[agendapunten]]
id = "9"
titel = "Jaarrekening"
soort = "besluitvorming"

[[agendapunten]]
id = "10"
titel = "Decharge"
soort = "besluitvorming"

[[moties]]
id = "M01"
agendapunt = "7"
titel = "Eerst overleg"

[[moties]]
id = "M02"
agendapunt = "8"
titel = "Meer geld"

[[vertegenwoordigers]]
gemeente = "Utrecht"
naam = "A. Jansen"
rol = "wethouder"

[[vertegenwoordigers]]
gemeente = "Den Haag"
naam = "D. Bakker"
rol = "burgemeester"

[[vertegenwoordigers]]
gemeente = "Amsterdam"
naam = "C. de Vries"
rol = "burgemeester"

[[vertegenwoordigers]]
gemeente = "Beesel"
naam = "B. Peters"
rol = "burgemeester"

[[stemmingen]]
id = "S01"
wijze = "acclamatie"
voorstellen = ["8"]

[[stemmingen]]
id = "S02"
soort = "orde"
voorstellen = ["M01"]
betreft = "7"
stemmen = { Utrecht = "voor", "Den Haag" = "voor", Beesel = "tegen" }

[[stemmingen]]
id = "S03"
voorstellen = ["7"]
stemmen = { Utrecht = "voor", Beesel = "voor" }

[[stemmingen]]
id = "S04"
soort = "keuze"
titel = "Locatie"
opties = ["Noord", "Zuid"]
stemmen = { Utrecht = "Noord", "Den Haag" = "Noord", Amsterdam = "Zuid", Beesel = "onthouding" }

[[stemmingen]]
id = "S05"
voorstellen = ["9", "10"]
stemmen = { Utrecht = "voor", "Den Haag" = "tegen", Beesel = "voor" }

[[stemmingen]]
id = "S06"
voorstellen = ["M02"]
meerderheid = "2/3"
stemmen = { Utrecht = "voor", Beesel = "tegen" }
"""


@pytest.fixture
def dossier() -> Dossier:
    return laad_bytes(DOSSIER.encode(), "alv.toml")


@pytest.fixture
def uit(dossier: Dossier) -> Uitslagen:
    return uitslagen(dossier, gewichten=GEWICHTEN)


@pytest.fixture
def events(dossier: Dossier, uit: Uitslagen) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in popolo(dossier, uit)["vote_events"]}


def _stemmen(e: dict[str, Any]) -> dict[str, tuple[str, int]]:
    """CBS code -> (option, weight) of every Vote."""
    uit: dict[str, tuple[str, int]] = {}
    for v in e["votes"]:
        ids = {i["scheme"]: i["identifier"] for i in v["voter"]["identifiers"]}
        assert v["voter_id"] == v["voter"]["id"] == ids["TOOI"] == TOOI + ids["CBS"].lower()
        uit[ids["CBS"]] = (v["option"], v["weight"])
    return uit


@pytest.mark.regel("STM07")
def test_acclamation_has_its_rule_and_no_votes(events: dict[str, dict[str, Any]]) -> None:
    e = events["S01"]
    assert (e["classification"], e["result"], e["motion"]["result"]) == (
        "acclamatie",
        "pass",
        "pass",
    )
    assert "counts" not in e
    assert "votes" not in e
    assert (e["motion"]["id"], e["motion"]["text"]) == ("8", "Begroting")
    eis = e["motion"]["requirement"]
    assert eis.startswith("bij acclamatie")
    assert eis.endswith("(STM07)")


@pytest.mark.regel("STM09")
def test_order_motion_is_classified_and_names_its_proposal(
    events: dict[str, dict[str, Any]],
) -> None:
    m = events["S02"]["motion"]
    # M01 is also a motion of the dossier: being an order motion comes first
    assert (m["id"], m["identifier"], m["text"]) == ("M01", "M01", "Eerst overleg")
    assert (m["classification"], m["amends_id"], m["result"]) == ("ordemotie", "7", "pass")


@pytest.mark.regel("STM09")
def test_postponed_proposal_has_no_decision_and_no_votes(
    events: dict[str, dict[str, Any]],
) -> None:
    e = events["S03"]
    assert (e["classification"], e["result"], e["uitkomst"]) == (
        "gewogen",
        "no decision",
        "geen besluit",
    )
    assert (e["motion"]["result"], e["motion"]["requirement"]) == ("no decision", None)
    assert "counts" not in e  # no ballot was counted: no tally to publish
    assert "votes" not in e


@pytest.mark.regel("STM10")
def test_choice_result_is_the_option_chosen(events: dict[str, dict[str, Any]]) -> None:
    e = events["S04"]
    assert (e["result"], e["motion"]["result"], e["uitkomst"]) == ("Noord", "Noord", "Noord")
    assert (e["motion"]["id"], e["motion"]["classification"]) == ("S04", "keuze")
    assert e["motion"]["text"] == "Locatie"
    assert [(c["option"], c["value"], c["leden"]) for c in e["counts"]] == [
        ("Noord", 150, 2),
        ("Zuid", 75, 1),
        ("abstain", 13, 1),
        ("not voting", 0, 0),
        ("absent", 40, 1),
    ]
    assert _stemmen(e)["GM0889"] == ("abstain", 13)


@pytest.mark.regel("STM08")
def test_bundle_is_one_motion_named_after_the_stemming(
    events: dict[str, dict[str, Any]],
) -> None:
    m = events["S05"]["motion"]
    assert (m["id"], m["identifier"], m["text"]) == ("S05", "S05", "S05")
    assert m["voorstellen"] == ["9", "10"]
    assert (m["classification"], m["result"]) == ("voorstel", "pass")
    assert "amends_id" not in m


@pytest.mark.regel("STM05")
def test_motion_with_a_threshold_that_is_no_whole_number(
    events: dict[str, dict[str, Any]], uit: Uitslagen
) -> None:
    m = events["S06"]["motion"]
    assert (m["id"], m["text"], m["classification"], m["result"]) == (
        "M02",
        "Meer geld",
        "motie",
        "pass",
    )
    r = next(r for r in uit.resultaten if r.stemming.id == "S06")
    assert r.drempel == Fraction(2, 3) * (75 + 13)
    assert m["requirement"].startswith("meer dan 2/3 van de uitgebrachte stemmen")
    assert "(STM05)" in m["requirement"]
    assert m["requirement"].endswith("drempel 176/3 stemmen")  # exact, as in --format json
    assert r.regel_json()["drempel"] == "176/3"


@pytest.mark.regel("STM01", "STM03")
def test_every_member_once_absent_and_not_voting_add_up(
    events: dict[str, dict[str, Any]],
) -> None:
    gewogen = [e for e in events.values() if "votes" in e]
    assert [e["id"] for e in gewogen] == ["S02", "S04", "S05", "S06"]
    for e in gewogen:
        stemmen = _stemmen(e)
        assert {c: w for c, (_, w) in stemmen.items()} == {c: GEWICHTEN[c] for c in stemmen}
        # a Vote per counted ballot only: no representative (STM03) or no ballot is counted
        assert "GM0014" not in stemmen
        assert {o for o, _ in stemmen.values()}.isdisjoint({"absent", "not voting"})
        som: Counter[str] = Counter()
        for optie, gewicht in stemmen.values():
            som[optie] += gewicht
        gestemd = [c for c in e["counts"] if c["option"] not in ("absent", "not voting")]
        assert {c["option"]: c["value"] for c in gestemd} == {
            c["option"]: som[c["option"]] for c in gestemd
        }
        assert sum(c["value"] for c in e["counts"]) == sum(GEWICHTEN.values())
        assert sum(c["leden"] for c in e["counts"]) == len(GEWICHTEN)
    # Amsterdam has a valid representative but cast no ballot on the order motion
    s02 = _stemmen(events["S02"])
    assert "GM0363" not in s02
    assert [(c["option"], c["value"], c["leden"]) for c in events["S02"]["counts"]] == [
        ("yes", 150, 2),
        ("no", 13, 1),
        ("abstain", 0, 0),
        ("not voting", 75, 1),
        ("absent", 40, 1),
    ]


@pytest.mark.parametrize(
    "zonder", [{"grondslag": None}, {"meerderheid": None}], ids=["grondslag", "meerderheid"]
)
def test_half_a_rule_gives_no_requirement(
    dossier: Dossier, uit: Uitslagen, zonder: dict[str, Any]
) -> None:
    """A result built without its majority or its basis states no requirement (no half rule)."""
    r = next(r for r in uit.resultaten if r.stemming.id == "S06")
    assert (r.meerderheid, r.grondslag) == (Fraction(2, 3), Grondslag.UITGEBRACHT)
    half = evolve(uit, resultaten=(evolve(r, **zonder),))
    (e,) = popolo(dossier, half)["vote_events"]
    assert e["motion"]["requirement"] is None
    assert e["result"] == "pass"


def test_without_a_reference_date_the_peildatum_is_null(dossier: Dossier, uit: Uitslagen) -> None:
    vergadering = popolo(dossier, evolve(uit, peildatum=None))["vergadering"]
    assert vergadering == {"naam": "Najaars ALV 2023", "datum": "2023-12-01", "peildatum": None}
    assert popolo(dossier, uit)["vergadering"]["peildatum"] == "2022-01-01"


@shared_nodig("data", "schemas", "popolo")
def test_every_kind_of_stemming_validates(
    dossier: Dossier, uit: Uitslagen, events: dict[str, dict[str, Any]]
) -> None:
    assert sorted(events) == ["S01", "S02", "S03", "S04", "S05", "S06"]
    vote_event = popolo_validator("vote_event")
    for e in events.values():
        assert list(vote_event.iter_errors(e)) == []
    organisatie = popolo(dossier, uit)["organization"]
    assert list(popolo_validator("organization").iter_errors(organisatie)) == []
    assert all(
        e["organization_id"] == e["motion"]["organization_id"] == "vng-alv" for e in events.values()
    )
