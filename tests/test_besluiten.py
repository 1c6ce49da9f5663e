"""Issue 28, first half: parts of a motion, held motions, votes on a preadvies and one
decision per proposal (STM13), in every output format and in the next meeting's accounting."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from alvrules import cli
from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.laden import laad_dossier
from alvrules.levenscyclus import EerdereDeel, EerdereMotie, Status
from alvrules.model import Vergadering
from alvrules.moties import Aanhouding, Deel, Motie, Preadvies
from alvrules.stemmingen import Stemming, StemmingSoort, Vertegenwoordiger, Wijze
from alvrules.uitslagen import Uitslagen, uitslagen
from alvrules.verantwoording import stel_op, vaststellen

DATUM = date(2023, 12, 1)
VOLGENDE = date(2024, 6, 5)
VERT = tuple(
    Vertegenwoordiger(gemeente=g, naam=f"X {g}", rol="burgemeester")
    for g in ("Utrecht", "Den Haag", "Beesel")
)
#: Utrecht 75, Den Haag 75, Beesel 13 votes (CBS 1-1-2022)
VOOR = {"Utrecht": "voor", "Den Haag": "voor", "Beesel": "tegen"}  # 150 for, 13 against
TEGEN = {"Utrecht": "tegen", "Den Haag": "tegen", "Beesel": "voor"}  # 13 for, 150 against


def _motie(id_: str = "M1", punten: int = 3, **kw: object) -> Motie:
    return Motie(  # type: ignore[arg-type]
        id=id_,
        titel=f"Motie {id_}",
        oproep=tuple(f"punt {i}" for i in range(1, punten + 1)),
        **kw,
    )


def _in_delen(**kw: object) -> Motie:
    return _motie(delen=(Deel(nummer=1, punten=(1, 2)), Deel(nummer=2, punten=(3,))), **kw)


def _dossier(*stemmingen: Stemming, moties: tuple[Motie, ...] = ()) -> Dossier:
    return Dossier(
        vergadering=Vergadering(datum=DATUM),
        moties=moties or (_in_delen(),),
        vertegenwoordigers=VERT,
        stemmingen=stemmingen,
    )


def _regels(d: Dossier, *regels: str) -> list[tuple[str, str, str]]:
    return [(b.regel, b.ernst.value, b.pad) for b in controleer(d) if b.regel in regels]


def _schrijf(tmp_path: Path, naam: str, tekst: str) -> Path:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().out


TWEE_DELEN = """
[vergadering]
datum = 2023-12-01

[[moties]]
id = "M1"
titel = "Ruimte voor de regio"
indieners = ["Beesel"]
oproep = ["samenwerken", "rapporteren", "een fonds oprichten"]

[[moties.delen]]
nummer = 1
punten = [1, 2]

[[moties.delen]]
nummer = 2
punten = [3]
aangehouden = "indieners"

[[vertegenwoordigers]]
gemeente = "Utrecht"
naam = "A"
rol = "burgemeester"

[[vertegenwoordigers]]
gemeente = "Beesel"
naam = "C"
rol = "burgemeester"

[[stemmingen]]
id = "S1"
voorstellen = ["M1"]
deel = 1
stemmen = { Utrecht = "voor", Beesel = "tegen" }
"""


# -- Must show: a motion in two parts, one adopted and one held -------------------------------


@pytest.mark.regel("STM13", "AFD05")
def test_two_parts_one_adopted_one_held_per_part_in_text_json_and_next_accounting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = _schrijf(tmp_path, "alv.toml", TWEE_DELEN)
    code, tekst = _cli(capsys, "uitslag", str(pad))
    assert code == 0
    assert "S1  Ruimte voor de regio (1e deel): aangenomen: 85,23% voor, 14,77% tegen" in tekst
    assert (
        "motie M1  Ruimte voor de regio: 1e deel aangenomen: 85,23% voor, 14,77% tegen; "
        "2e deel aangehouden door de indieners"
    ) in tekst
    _, engels = _cli(capsys, "uitslag", str(pad), "--lang", "en")
    assert "part 1 adopted: 85.23% for, 14.77% against; part 2 held by the submitters" in engels

    _, uit = _cli(capsys, "uitslag", str(pad), "--format", "json")
    data = json.loads(uit)
    assert data["stemmingen"][0]["deel"] == 1
    [motie] = data["moties"]
    assert motie["uitkomst"] == "aangenomen"
    assert [(d["deel"], d["punten"], d["uitkomst"]) for d in motie["delen"]] == [
        (1, [1, 2], "aangenomen"),
        (2, [3], "aangehouden"),
    ]
    assert motie["delen"][1]["besluit"]["door"] == "indieners"
    assert motie["delen"][1]["besluit"]["stemming"] is None

    # the next meeting: the adopted part is accounted for, the held part still to be dealt with
    u = uitslagen(laad_dossier(pad))
    [eerder] = u.eerdere_moties(DATUM)
    assert eerder.status is Status.AANGENOMEN
    assert eerder.open
    assert eerder.te_behandelen
    assert [(d.nummer, d.status) for d in eerder.delen] == [
        (1, Status.AANGENOMEN),
        (2, Status.AANGEHOUDEN),
    ]
    lijst = stel_op(VOLGENDE, (eerder,))
    assert [p.motie.id for p in lijst.posten] == ["M1"]
    assert [m.id for m in lijst.te_behandelen] == ["M1"]
    volgende = _schrijf(
        tmp_path,
        "volgende.toml",
        """
[vergadering]
datum = 2024-06-05

[[eerdere_moties]]
id = "M1"
titel = "Ruimte voor de regio"
vergadering = 2023-12-01
indieners = ["Beesel"]
delen = [
  { nummer = 1, punten = [1, 2], status = "aangenomen" },
  { nummer = 2, punten = [3], status = "aangehouden" },
]

[[verantwoording]]
motie = "M1"
verantwoording = "Het bestuur werkt samen met de regio en rapporteert."
""",
    )
    code, tekst = _cli(capsys, "verantwoording", str(volgende))
    assert code == 0
    assert "  delen: 1e deel aangenomen; 2e deel aangehouden" in tekst
    assert "Nog te behandelen" in tekst
    assert "M1  Beesel: “Ruimte voor de regio” (ALV van 2023-12-01): 2e deel aangehouden" in tekst
    _, uit = _cli(capsys, "verantwoording", str(volgende), "--format", "json")
    data = json.loads(uit)
    assert data["moties"][0]["delen"][1] == {"deel": 2, "punten": [3], "status": "aangehouden"}
    assert data["te_behandelen"][0]["id"] == "M1"
    _, md = _cli(capsys, "verantwoording", str(volgende), "--format", "markdown")
    assert "- **Delen:** 1e deel aangenomen; 2e deel aangehouden" in md
    assert "## Nog te behandelen" in md
    _, engels = _cli(capsys, "verantwoording", str(volgende), "--lang", "en")
    assert "parts: part 1 adopted; part 2 held" in engels


@pytest.mark.regel("AFD03", "AFD05")
def test_accounting_adopted_does_off_the_adopted_part_and_keeps_the_held_part() -> None:
    m = EerdereMotie(
        id="M1",
        vergadering=DATUM,
        delen=(
            EerdereDeel(nummer=1, status=Status.AANGENOMEN),
            EerdereDeel(nummer=2, status=Status.AANGEHOUDEN),
        ),
    )
    lijst = stel_op(VOLGENDE, (m,))
    [na] = vaststellen((m,), lijst)
    assert na.status is Status.AFGEDAAN
    assert not na.open
    assert [d.status for d in na.delen] == [Status.AFGEDAAN, Status.AANGEHOUDEN]
    assert na.te_behandelen  # the held part returns at a later meeting
    assert [x.id for x in stel_op(date(2024, 12, 4), (na,)).te_behandelen] == ["M1"]


@pytest.mark.regel("AFD05")
def test_a_motion_held_at_its_meeting_is_listed_not_accounted_for() -> None:
    gehouden = EerdereMotie(id="M2", vergadering=DATUM, status=Status.AANGEHOUDEN)
    lijst = stel_op(VOLGENDE, (gehouden,))
    assert lijst.posten == ()
    assert lijst.bevindingen.geldig
    assert lijst.te_behandelen == (gehouden,)
    alleen_gehouden = EerdereMotie(
        id="M3", vergadering=DATUM, delen=(EerdereDeel(nummer=1, status=Status.AANGEHOUDEN),)
    )
    assert not alleen_gehouden.open  # a held part is never accounted for as adopted
    assert stel_op(VOLGENDE, (alleen_gehouden,)).te_behandelen == (alleen_gehouden,)


# -- Must show: a preadvies vote to hold a motion, in every format ----------------------------

PREADVIES = """
[vergadering]
datum = 2023-12-01

[[moties]]
id = "M2"
titel = "Meer geld"
oproep = ["geld"]
preadvies = "aanhouden"

[[vertegenwoordigers]]
gemeente = "Utrecht"
naam = "A"
rol = "burgemeester"

[[vertegenwoordigers]]
gemeente = "Beesel"
naam = "C"
rol = "burgemeester"

[[stemmingen]]
id = "S3"
soort = "preadvies"
voorstellen = ["M2"]
stemmen = { Utrecht = "voor", Beesel = "tegen" }
"""


@pytest.mark.regel("STM13", "PRE01")
def test_a_preadvies_vote_to_hold_reports_the_motion_held_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = _schrijf(tmp_path, "alv.toml", PREADVIES)
    uitvoer = {}
    for formaat in ("text", "json", "csv", "html", "popolo"):
        for taal in ("nl", "en"):
            code, uitvoer[formaat, taal] = _cli(
                capsys, "uitslag", str(pad), "--format", formaat, "--lang", taal
            )
            assert code == 0
    for (formaat, _), tekst in uitvoer.items():
        assert not re.search(r"motie (M2 )?aangenomen|motion (M2 )?adopted", tekst), formaat
    assert (
        "S3  Meer geld: preadvies aanhouden aangenomen: 85,23% voor, 14,77% tegen; "
        "motie M2 aangehouden volgens het preadvies" in uitvoer["text", "nl"]
    )
    assert "motie M2  Meer geld: aangehouden volgens het preadvies" in uitvoer["text", "nl"]
    assert "motion M2 held as the preadvies advised" in uitvoer["text", "en"]
    data = json.loads(uitvoer["json", "nl"])
    [s] = data["stemmingen"]
    assert (s["soort"], s["uitkomst"], s["uitkomst_preadvies"]) == (
        "preadvies",
        "preadvies aangenomen",
        "aanhouden",
    )
    assert [(b["voorstel"], b["uitkomst"], b["door"]) for b in s["besluiten"]] == [
        ("M2", "aangehouden", "preadvies")
    ]
    assert data["moties"][0]["uitkomst"] == "aangehouden"
    rij = uitvoer["csv", "nl"].splitlines()[1]
    assert rij.endswith(
        ',preadvies aangenomen,"85,23","14,77",M2 volgens het preadvies aangehouden'
    )
    assert "aangehouden volgens het preadvies" in uitvoer["html", "nl"]
    assert "held as the preadvies advised" in uitvoer["html", "en"]
    [e] = json.loads(uitvoer["popolo", "nl"])["vote_events"]
    assert e["motion"]["classification"] == "preadvies"
    assert e["motion"]["text"] == "Preadvies aanhouden bij Meer geld"
    assert (e["result"], e["uitkomst"]) == ("pass", "preadvies aangenomen")
    assert e["besluiten"][0]["uitkomst"] == "aangehouden"
    # and the next meeting lists it as still to be dealt with
    [eerder] = uitslagen(laad_dossier(pad)).eerdere_moties(DATUM)
    assert eerder.status is Status.AANGEHOUDEN
    assert not eerder.open
    assert eerder.te_behandelen


@pytest.mark.regel("PRE01", "STM13")
@pytest.mark.parametrize(
    ("advies", "status"),
    [
        (Preadvies.AANHOUDEN, Status.AANGEHOUDEN),
        (Preadvies.OVERNEMEN, Status.AANGENOMEN),
        (Preadvies.ONTRADEN, Status.VERWORPEN),
    ],
)
def test_an_adopted_preadvies_gives_the_motion_what_it_advises(
    advies: Preadvies, status: Status
) -> None:
    s = Stemming(
        id="S1",
        soort=StemmingSoort.PREADVIES,
        voorstellen=("M1",),
        uitkomst_preadvies=advies,
        stemmen=VOOR,
    )
    u = uitslagen(_dossier(s, moties=(_motie(),)))
    [b] = u.resultaten[0].besluiten
    assert (b.uitkomst, b.door, b.preadvies) == (status, Aanhouding.PREADVIES, advies)
    assert u.moties[0].status is status


@pytest.mark.regel("PRE01", "STM13")
def test_a_rejected_preadvies_decides_nothing_and_the_motion_is_voted_after_it() -> None:
    preadvies = Stemming(id="S1", soort=StemmingSoort.PREADVIES, voorstellen=("M1",), stemmen=TEGEN)
    motie = Stemming(id="S2", voorstellen=("M1",), stemmen=VOOR)
    d = _dossier(preadvies, motie, moties=(_motie(preadvies=Preadvies.ONTRADEN),))
    u = uitslagen(d)
    assert u.resultaten[0].besluiten == ()
    assert u.resultaten[0].uitkomst_tekst == "preadvies verworpen"
    assert [b.uitkomst for b in u.resultaten[1].besluiten] == [Status.AANGENOMEN]
    assert _regels(d, "STM13", "PRE01") == []
    assert u.moties[0].status is Status.AANGENOMEN


@pytest.mark.regel("PRE01")
def test_a_preadvies_vote_without_a_known_advice_is_an_error() -> None:
    s = Stemming(id="S1", soort=StemmingSoort.PREADVIES, voorstellen=("M1",), stemmen=VOOR)
    d = _dossier(s, moties=(_motie(),))
    assert _regels(d, "PRE01") == [("PRE01", "fout", "stemmingen[S1].uitkomst_preadvies")]
    assert uitslagen(d).resultaten[0].besluiten == ()


@pytest.mark.regel("PRE01")
def test_held_as_the_preadvies_advised_without_such_a_preadvies_is_a_warning() -> None:
    d = _dossier(moties=(_motie(aangehouden=Aanhouding.PREADVIES, preadvies=Preadvies.OVERNEMEN),))
    assert _regels(d, "PRE01") == [("PRE01", "waarschuwing", "moties[M1].aangehouden")]


@pytest.mark.regel("STM12")
def test_a_vote_on_a_part_names_one_motion_with_that_part() -> None:
    zonder = Stemming(id="S1", voorstellen=("M1",), deel=3, stemmen=VOOR)
    twee = Stemming(id="S2", voorstellen=("M1", "M9"), deel=1, stemmen=VOOR)
    preadvies = Stemming(id="S3", soort=StemmingSoort.PREADVIES, voorstellen=(), stemmen=VOOR)
    d = _dossier(zonder, twee, preadvies, moties=(_in_delen(), _motie("M9")))
    paden = [p for r, _, p in _regels(d, "STM12")]
    assert "stemmingen[S1].deel" in paden
    assert "stemmingen[S2].deel" in paden
    assert "stemmingen[S3].voorstellen" in paden
    assert all(r.besluiten == () for r in uitslagen(d).resultaten)


# -- STM13: one decision per proposal ---------------------------------------------------------


@pytest.mark.regel("STM13")
def test_a_proposal_decided_twice_is_an_error_and_the_last_decision_counts() -> None:
    eerst = Stemming(id="S1", voorstellen=("M1",), stemmen=VOOR)
    dan = Stemming(id="S2", voorstellen=("M1",), stemmen=TEGEN)
    d = _dossier(eerst, dan, moties=(_motie(),))
    assert _regels(d, "STM13") == [("STM13", "fout", "stemmingen[S2]")]
    u = uitslagen(d)
    assert [b.geldt for r in u.resultaten for b in r.besluiten] == [False, True]
    assert u.moties[0].status is Status.VERWORPEN


@pytest.mark.regel("STM13")
def test_a_recorded_revote_is_no_finding_and_counts() -> None:
    eerst = Stemming(id="S1", voorstellen=("M1",), stemmen=TEGEN)
    dan = Stemming(id="S2", voorstellen=("M1",), stemmen=VOOR, herstemming="kastjes telden niet")
    d = _dossier(eerst, dan, moties=(_motie(),))
    assert _regels(d, "STM13") == []
    u = uitslagen(d)
    assert u.moties[0].status is Status.AANGENOMEN
    assert u.resultaten[1].to_json()["herstemming"] == "kastjes telden niet"
    # a revote of nothing decided is advice only
    alleen = _dossier(dan, moties=(_motie(),))
    assert _regels(alleen, "STM13") == [("STM13", "info", "stemmingen[S2].herstemming")]


@pytest.mark.regel("STM13", "STM07")
def test_the_ede_route_and_an_order_motion_are_one_decision() -> None:
    """Acclamation objected to, then a weighted vote: one decision (STM07's normal route)."""
    accl = Stemming(id="S1", voorstellen=("M1",), wijze=Wijze.ACCLAMATIE, bezwaar=("Beesel",))
    gewogen = Stemming(id="S2", voorstellen=("M1",), stemmen=VOOR)
    d = _dossier(accl, gewogen, moties=(_motie(),))
    assert _regels(d, "STM13", "STM07") == []
    assert [len(r.besluiten) for r in uitslagen(d).resultaten] == [0, 1]


@pytest.mark.regel("STM13")
def test_a_vote_on_the_whole_after_a_part_decides_that_part_again() -> None:
    deel = Stemming(id="S1", voorstellen=("M1",), deel=1, stemmen=VOOR)
    geheel = Stemming(id="S2", voorstellen=("M1",), stemmen=TEGEN)
    d = _dossier(deel, geheel)
    assert _regels(d, "STM13") == [("STM13", "fout", "stemmingen[S2]")]
    m = uitslagen(d).moties[0]
    assert [b.uitkomst if b else None for _, b in m.onderdelen] == [Status.VERWORPEN] * 2
    # two different parts are two proposals
    d2 = _dossier(deel, Stemming(id="S3", voorstellen=("M1",), deel=2, stemmen=TEGEN))
    assert _regels(d2, "STM13") == []


@pytest.mark.regel("STM13")
def test_held_by_the_submitters_and_voted_anyway_is_decided_twice() -> None:
    d = _dossier(
        Stemming(id="S1", voorstellen=("M1",), stemmen=VOOR),
        moties=(_motie(aangehouden=Aanhouding.INDIENERS),),
    )
    assert _regels(d, "STM13") == [("STM13", "fout", "stemmingen[S1]")]


@pytest.mark.regel("STM13")
def test_the_parts_cover_each_point_once_with_numbers_of_their_own() -> None:
    m = _motie(
        punten=2,
        delen=(
            Deel(nummer=1, punten=(1, 2)),
            Deel(nummer=1, punten=(2,)),
            Deel(nummer=0, punten=(5,)),
        ),
    )
    assert _regels(_dossier(moties=(m,)), "STM13") == [
        ("STM13", "fout", "moties[M1].delen[1].nummer"),
        ("STM13", "fout", "moties[M1].delen[1].punten[0]"),
        ("STM13", "fout", "moties[M1].delen[2].nummer"),
        ("STM13", "fout", "moties[M1].delen[2].punten[0]"),
    ]


@pytest.mark.regel("STM06")
def test_no_output_says_rejected_with_a_bare_percentage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every share says what it is a share of, in every format (the example dossier and
    the dossiers of this file)."""
    dossiers = [
        Path(__file__).parent.parent / "examples" / "najaars-alv-2023.toml",
        _schrijf(tmp_path, "twee.toml", TWEE_DELEN),
        _schrijf(tmp_path, "pre.toml", PREADVIES.replace('"voor", Beesel', '"tegen", Beesel')),
    ]
    kaal = re.compile(r"(verworpen|aangenomen|rejected|adopted) (met|with) \d")
    for pad in dossiers:
        for formaat in ("text", "json", "csv", "html", "popolo"):
            for taal in ("nl", "en"):
                _, tekst = _cli(capsys, "uitslag", str(pad), "--format", formaat, "--lang", taal)
                assert not kaal.search(tekst), (pad.name, formaat, taal)


# -- properties ----------------------------------------------------------------------------

#: what happens to a part (or the whole, None): a vote for/against, a preadvies to hold
#: adopted, or held by the submitters without a vote
_GEBEURTENIS = st.sampled_from(["voor", "tegen", "preadvies-aanhouden", "indieners"])


def _geval(
    delen: int, gebeurtenissen: list[tuple[int | None, str, bool]]
) -> tuple[Dossier, list[tuple[int | None, str, bool]]]:
    """A motion in ``delen`` parts and its events in order; held records go on the motion."""
    gehouden = {n for n, wat, _ in gebeurtenissen if wat == "indieners"}
    motie = _motie(
        punten=max(delen, 1),
        delen=tuple(
            Deel(
                nummer=n,
                punten=(n,),
                aangehouden=Aanhouding.INDIENERS if n in gehouden else None,
            )
            for n in range(1, delen + 1)
        ),
        aangehouden=Aanhouding.INDIENERS if None in gehouden else None,
    )
    stemmingen = [
        Stemming(
            id=f"S{i}",
            soort=StemmingSoort.PREADVIES
            if wat == "preadvies-aanhouden"
            else StemmingSoort.VOORSTEL,
            uitkomst_preadvies=Preadvies.AANHOUDEN if wat == "preadvies-aanhouden" else None,
            voorstellen=("M1",),
            deel=n,
            stemmen=TEGEN if wat == "tegen" else VOOR,
            herstemming="herstemming" if herstemming else None,
        )
        for i, (n, wat, herstemming) in enumerate(gebeurtenissen)
        if wat != "indieners"
    ]
    return _dossier(*stemmingen, moties=(motie,)), gebeurtenissen


@st.composite
def _gevallen(draw: st.DrawFn) -> tuple[Dossier, list[tuple[int | None, str, bool]]]:
    delen = draw(st.integers(0, 3))
    deel = st.sampled_from([None]) if delen == 0 else st.sampled_from(list(range(1, delen + 1)))
    gebeurtenissen = draw(
        st.lists(st.tuples(deel, _GEBEURTENIS, st.booleans()), max_size=5).filter(
            lambda g: (
                len({(n, w) for n, w, _ in g if w == "indieners"})
                == sum(w == "indieners" for _, w, _ in g)
            )
        )
    )
    return _geval(delen, gebeurtenissen)


def _onderdelen(u: Uitslagen) -> list[Status | None]:
    return [b.uitkomst if b else None for _, b in u.moties[0].onderdelen] if u.moties else []


@pytest.mark.regel("STM13")
@given(_gevallen())
def test_property_a_held_part_never_counts_as_adopted(
    geval: tuple[Dossier, list[tuple[int | None, str, bool]]],
) -> None:
    d, _ = geval
    u = uitslagen(d)
    if not u.moties:
        return
    m = u.moties[0]
    eerder = m.eerdere_motie(DATUM)
    for (deel, b), status in zip(m.onderdelen, _onderdelen(u), strict=True):
        if status is Status.AANGEHOUDEN:
            assert b is not None
            assert b.uitkomst is not Status.AANGENOMEN
            if deel is not None and eerder is not None:
                [e] = [x for x in eerder.delen if x.nummer == deel.nummer]
                assert e.status is Status.AANGEHOUDEN
    if Status.AANGENOMEN not in _onderdelen(u):
        assert m.status is not Status.AANGENOMEN
        assert eerder is None or not eerder.open


_UITKOMST = {
    "voor": Status.AANGENOMEN,
    "tegen": Status.VERWORPEN,
    "preadvies-aanhouden": Status.AANGEHOUDEN,
    "indieners": Status.AANGEHOUDEN,
}


@pytest.mark.regel("STM13")
@given(_gevallen())
def test_property_one_proposal_one_final_decision(
    geval: tuple[Dossier, list[tuple[int | None, str, bool]]],
) -> None:
    """A model of STM13: held records first, then the votes in order; a decision that
    overlaps an earlier one without a revote is one error; per part the last decision
    covering it counts, and it is the one standing."""
    d, gebeurtenissen = geval
    u = uitslagen(d)
    nummers: list[int | None] = [dl.nummer for dl in d.moties[0].delen] or [None]
    volgorde = sorted(gebeurtenissen, key=lambda g: g[1] != "indieners")  # stable
    genomen: list[int | None] = []
    fouten = 0
    for n, wat, herstemming in volgorde:
        overlap = any(e is None or n is None or e == n for e in genomen)
        fouten += overlap and (wat == "indieners" or not herstemming)
        genomen.append(n)
    assert fouten == sum(b.regel == "STM13" and b.ernst.value == "fout" for b in u.bevindingen)
    verwacht = []
    for n in nummers:
        dekkend = [wat for e, wat, _ in volgorde if e is None or n is None or e == n]
        verwacht.append(_UITKOMST[dekkend[-1]] if dekkend else None)
    assert _onderdelen(u) == (verwacht if u.moties else [])
    for _, b in u.moties[0].onderdelen if u.moties else ():
        assert b is None or b.geldt
    staand = [b for r in u.resultaten for b in r.besluiten if b.geldt]
    assert len(staand) <= len(nummers)


@pytest.mark.regel("STM13")
@given(_gevallen(), st.randoms(use_true_random=False))
def test_property_permuting_table_keys_does_not_change_results(
    geval: tuple[Dossier, list[tuple[int | None, str, bool]]], rnd: object
) -> None:
    d, _ = geval
    schud = rnd.shuffle  # type: ignore[attr-defined]

    def geschud(s: Stemming) -> Stemming:
        briefjes = list(s.stemmen)
        schud(briefjes)
        return attrs.evolve(s, stemmen={b.gemeente: b.keuze for b in briefjes})

    delen = list(d.moties[0].delen)
    schud(delen)
    ander = attrs.evolve(
        d,
        stemmingen=tuple(geschud(s) for s in d.stemmingen),
        moties=(attrs.evolve(d.moties[0], delen=tuple(delen)),),
    )
    a, b = uitslagen(d), uitslagen(ander)
    assert [m.to_json() for m in a.moties] == [m.to_json() for m in b.moties]
    assert [(r.voor, r.tegen, r.uitkomst, r.besluiten) for r in a.resultaten] == [
        (r.voor, r.tegen, r.uitkomst, r.besluiten) for r in b.resultaten
    ]
    assert sorted(x.regel for x in a.bevindingen) == sorted(x.regel for x in b.bevindingen)


@pytest.mark.regel("PRE01")
def test_a_rejected_preadvies_still_says_what_it_advised() -> None:
    s = Stemming(id="S1", soort=StemmingSoort.PREADVIES, voorstellen=("M1",), stemmen=TEGEN)
    d = _dossier(s, moties=(_motie(preadvies=Preadvies.AANHOUDEN),))
    [r] = uitslagen(d).resultaten
    assert r.preadvies is Preadvies.AANHOUDEN
    assert r.to_json()["uitkomst_preadvies"] == "aanhouden"
    assert r.to_json()["uitkomst"] == "preadvies verworpen"


@pytest.mark.regel("STM13")
def test_parts_and_held_motions_are_checked_without_any_vote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = _motie(punten=1, delen=(Deel(nummer=1, punten=(2,)),))
    d = Dossier(vergadering=Vergadering(datum=DATUM), moties=(m,))
    assert _regels(d, "STM13") == [("STM13", "fout", "moties[M1].delen[0].punten[0]")]
    pad = _schrijf(
        tmp_path,
        "gehouden.toml",
        '[vergadering]\ndatum = 2023-12-01\n\n[[moties]]\nid = "M1"\ntitel = "Regio"\n'
        'aangehouden = "indieners"\n',
    )
    code, tekst = _cli(capsys, "uitslag", str(pad))
    assert code == 0
    assert "motie M1  Regio: aangehouden door de indieners" in tekst


@pytest.mark.regel("STM13")
def test_a_held_part_of_a_held_motion_is_not_a_second_decision() -> None:
    m = _motie(
        aangehouden=Aanhouding.INDIENERS,
        delen=(Deel(nummer=1, punten=(1,), aangehouden=Aanhouding.INDIENERS),),
    )
    d = _dossier(moties=(m,))
    assert _regels(d, "STM13") == []
    assert uitslagen(d).moties[0].status is Status.AANGEHOUDEN
