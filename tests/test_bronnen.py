"""Every rule's citation, pinned, and checked against the seed documents.

The table below pins the source of every rule: moving a citation (say TRM02 from §3 to
§2) makes this test fail, so a change of citation is always a deliberate edit here too.
The seed tests read the 2023 documents beside the checkout and check that what a rule
takes from a paragraph of the procedure annex is really in that paragraph.
"""

from __future__ import annotations

import json

import pytest

from alvrules.bronnen import DOCS_URL, DOCUMENTEN, Bron, bron_tekst
from alvrules.catalogus import PAGINAS, REGELS
from alvrules.cli import main
from alvrules.regels import BESLUIT_ALVRULES, Regel, regels
from tests.conftest import SHARED, shared_nodig

SEED = SHARED / "seed" / "vng-najaars-alv-2023-12-01-stukken.txt"

#: rule id -> its citation, as `alvrules regels` shows it.
CITATEN: dict[str, str] = {
    "CAL01": "Atw art. 3",
    "CAL02": "Lbr. 23/040, Procedure §1; Atw art. 1 lid 2",
    "TRM01": (
        "Statuten (amendementen); Lbr. 23/040, Procedure §1; Lbr. 23/040 (besluitvormingsprocedure)"
    ),
    "TRM02": "Lbr. 23/040, Procedure §3 en §5; Werkgroep moties (aanbevelingen)",
    "TRM03": "Lbr. 23/040, Procedure §3",
    "TRM04": "Werkgroep moties (aanbevelingen)",
    "TRM05": "Tijdpad vacatures; Lbr. 23/040 (agendapunt 10)",
    "TRM06": "Tijdpad vacatures",
    "TRM07": "Tijdpad vacatures; Lbr. 23/040 (agendapunt 10)",
    "TRM08": "Lbr. 23/040, Procedure §4",
    "TRM09": "Lbr. 23/040, Procedure §4; Lbr. 23/040 (inspreken)",
    "SIG01": "Lbr. 23/040, Procedure §4 en §5; Gemeentewet art. 77 en art. 78",
    "SIG02": "Lbr. 23/040, Procedure §4 en §5",
    "SIG03": "Lbr. 23/040, Procedure §4",
    "SIG04": "Lbr. 23/040, Procedure §4; Gemeentewet art. 160",
    "SIG05": "Lbr. 23/040, Procedure §4",
    "SIG06": "Lbr. 23/040, Procedure §4",
    "SIG07": "Statuten art. 10 lid 2; CBS (gemeentelijke indeling)",
    "SIG08": "Lbr. 23/040, Procedure §4",
    "MOT01": "Lbr. 23/040, Procedure §5",
    "MOT02": "Lbr. 23/040, Procedure §5",
    "MOT03": "Lbr. 23/040, Procedure §4",
    "MOT04": "Lbr. 23/040 (indienen amendementen en moties)",
    "MOT05": "Werkgroep moties (aanbevelingen); Lbr. 23/040, Procedure §5",
    "MOT06": "Notulen 14-06-2023 punt 7b; Verantwoording moties",
    "AMD01": "Lbr. 23/040, Procedure §1; Notulen 14-06-2023 punt 7b",
    "AMD02": "Statuten (amendementen); Lbr. 23/040, Procedure §1",
    "AMD03": "Lbr. 23/040, Procedure §1",
    "AMD04": "Lbr. 23/040, Procedure §1",
    "AMD05": "Lbr. 23/040, Procedure §1 en §4; Lbr. 23/040 (besluitvormingsprocedure)",
    "STM01": "Statuten art. 10 lid 2",
    "STM02": "Statuten art. 10 lid 3",
    "STM03": "Statuten art. 10 lid 1; Lbr. 23/040 (stemprocedure)",
    "STM04": "Statuten art. 10 lid 1 en 2; Lbr. 23/040 (stemprocedure)",
    "STM05": "Lbr. 23/040 (stemprocedure)",
    "STM06": "Notulen 14-06-2023",
    "STM07": "Notulen 14-06-2023 punten 2, 8, 9 en 10",
    "STM08": "Notulen 14-06-2023 punt 6b/6c",
    "STM09": "Notulen 14-06-2023 punt 7b",
    "STM10": "Notulen 14-06-2023 punt 9",
    "STM11": "Statuten (voordracht); Notulen 14-06-2023 punt 9",
    "STM12": "Besluit alvrules (geen bron)",
    "STM13": "Besluit alvrules (geen bron)",
    "STM14": "Statuten art. 10 lid 1; Lbr. 23/040 (stemmen in de ALV)",
    "KND01": "Statuten (voordracht); Notulen 14-06-2023 punt 9",
    "KND02": "Tijdpad vacatures",
    "PRE01": "Lbr. 23/040, Procedure §3; Notulen 14-06-2023 punt 8",
    "AFD01": "Werkgroep moties (aanbevelingen)",
    "AFD02": "Werkgroep moties (aanbevelingen); Verantwoording moties",
    "AFD03": "Werkgroep moties (aanbevelingen); Verantwoording moties",
    "AFD04": "Verantwoording moties; Lbr. 23/040 (agendapunt 9)",
    "AFD05": "Lbr. 23/040, Procedure §4; Notulen 14-06-2023 punten 7d en 8",
    "NOT01": "Statuten (notulencommissie); Notulen 14-06-2023 punt 2",
    "AGD01": "Lbr. 23/040 (agenda en toelichting)",
    "AGD02": "Lbr. 23/040 (agenda en toelichting)",
}


def test_every_citation_is_pinned() -> None:
    assert {r.id: r.bron for r in regels()} == CITATEN


@pytest.mark.parametrize("regel_id", ["TRM02", "TRM03", "PRE01"])
def test_motion_procedure_cites_paragraph_3(regel_id: str) -> None:
    assert Bron("procedure", "§3") in REGELS[regel_id].bronnen


@pytest.mark.parametrize("regel_id", ["TRM08", "SIG05", "SIG06", "MOT03"])
def test_signing_rules_cite_paragraph_4(regel_id: str) -> None:
    assert REGELS[regel_id].bronnen == (Bron("procedure", "§4"),)


def test_no_rule_cites_the_alternatives_paragraph() -> None:
    """§2 is about alternatives to a motion; no rule is about that."""
    assert [r.id for r in regels() if Bron("procedure", "§2") in r.bronnen] == []


def test_every_source_names_a_document_of_the_table() -> None:
    for r in regels():
        for b in r.bronnen:
            assert b.document in DOCUMENTEN, r.id
    with pytest.raises(KeyError):
        Bron("statuten-2099")


def test_a_rule_without_source_says_it_rests_on_a_decision() -> None:
    zonder = [r for r in regels() if not r.bronnen]
    assert [r.id for r in zonder] == ["STM12", "STM13"]
    assert all(r.besluit and r.bron == BESLUIT_ALVRULES for r in zonder)
    with pytest.raises(ValueError, match="besluit"):
        Regel("XXX01", "x", "moties", REGELS["MOT01"].ernst, (), "uitleg")


#: Practice that the 2023 documents do not state: each is a decision, and says so.
BESLUITEN = {
    "STM11": "tweede ronde",  # a second round with three or more candidates
    "STM09": "amendementen voor het voorstel",  # amendments voted before the proposal
    "AMD01": "amendement op een amendement",  # rejecting amendments to amendments/motions
    "MOT01": "fout",  # MOT01 as an error
    "TRM03": "leest",  # the readings of TRM03, TRM08, TRM09
    "TRM08": "leest",
    "TRM09": "leest",
    "MOT05": "600 tekens",  # the 600-character limit
    "STM06": "half naar boven",  # half-up rounding
    "CAL01": "art. 3 lid 3",  # days equated with holidays are followed
}


@pytest.mark.parametrize(("regel_id", "woorden"), BESLUITEN.items())
def test_practice_not_in_the_documents_is_a_decision(regel_id: str, woorden: str) -> None:
    besluit = REGELS[regel_id].besluit
    assert besluit is not None
    assert woorden in besluit


def test_laws_link_to_the_article_with_their_bwb_id() -> None:
    atw = REGELS["CAL01"].bronnen[0].to_json()
    assert atw == {
        "document": "atw",
        "plaats": "art. 3",
        "url": "https://wetten.overheid.nl/jci1.3:c:BWBR0002448&artikel=3",
        "bwb": "BWBR0002448",
    }
    sig04 = [b.to_json() for b in REGELS["SIG04"].bronnen if b.document == "gemeentewet"]
    assert sig04 == [
        {
            "document": "gemeentewet",
            "plaats": "art. 160",
            "url": "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=160",
            "bwb": "BWBR0005416",
        }
    ]


def test_citation_text_joins_places_in_one_document() -> None:
    assert (
        bron_tekst(
            [Bron("procedure", "§4"), Bron("procedure", "§5"), Bron("gemeentewet", "art. 77")]
        )
        == "Lbr. 23/040, Procedure §4 en §5; Gemeentewet art. 77"
    )


def test_rules_json_has_structured_sources_and_docs_url(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["regels", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for r in data["regels"]:
        assert r["url"] == f"{DOCS_URL}{PAGINAS[r['hoofdstuk']]}#{r['regel']}"
        assert r["bronnen"] or r["besluit"], r["regel"]
        for b in r["bronnen"]:
            assert set(b) >= {"document", "plaats", "url"}, r["regel"]
        if any(b["document"] in {"atw", "gemeentewet"} for b in r["bronnen"]):
            assert any(b.get("bwb", "").startswith("BWBR") for b in r["bronnen"]), r["regel"]


def test_cli_cites_paragraph_3_and_4(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regels", "TRM02"]) == 0
    assert "Procedure §3" in capsys.readouterr().out
    for regel_id in ("SIG05", "SIG06", "TRM08", "MOT03"):
        assert main(["regels", regel_id]) == 0
        assert "bron: Lbr. 23/040, Procedure §4\n" in capsys.readouterr().out


# --- against the seed ----------------------------------------------------------------

needs_seed = shared_nodig("seed", SEED.name)


def _paragrafen() -> dict[str, str]:
    """The procedure annex of Lbr. 23/040 split into its §1..§5 (whitespace normalised)."""
    tekst = SEED.read_text(encoding="utf-8")
    begin = tekst.index("Procedure en regels voor indiening en ondertekening")
    eind = tekst.index("Aanbevelingen werkgroep", begin)
    bijlage = tekst[begin:eind]
    koppen = [
        "1. De procedure voor het indienen van een amendement",
        "2. Alternatieven voor het indienen van een motie",
        "3. De procedure voor het indienen van een motie",
        "4. De regels voor ondertekening",
        "5. Sjabloon voor opbouw motie ALV",
    ]
    plekken = [bijlage.index(k) for k in koppen] + [len(bijlage)]
    return {
        f"§{i + 1}": " ".join(bijlage[plekken[i] : plekken[i + 1]].split())
        for i in range(len(koppen))
    }


#: (rule, paragraph it cites, words that paragraph must contain for the rule)
IN_DE_BIJLAGE = [
    ("TRM01", "§1", "9 werkdagen voorafgaand"),
    ("AMD03", "§1", "wat er in de tekst moet worden geschrapt"),
    ("TRM02", "§3", "geen statutaire deadline"),
    ("TRM03", "§3", "dinsdagmiddag 21 november"),
    ("PRE01", "§3", "overnemen, aanhouden of ontraden"),
    ("SIG04", "§4", "artikel 160 van de Gemeentewet"),
    ("SIG05", "§4", "geen handtekeningen nodig"),
    ("SIG06", "§4", "ondersteunende gemeenten"),
    ("TRM08", "§4", "donderdag 30 november vóór 10.00 uur"),
    ("MOT03", "§4", "ambtelijke contactpersoon"),
    ("TRM09", "§4", "woensdag 29 november vóór 12 uur"),
    ("SIG08", "§4", "pas definitief als deze is ondertekend"),
    ("MOT02", "§5", "En gaat over tot de orde van de dag."),
    ("SIG02", "§5", "medeondertekening van gemeentesecretaris(sen)"),
]


@needs_seed
@pytest.mark.parametrize(("regel_id", "paragraaf", "woorden"), IN_DE_BIJLAGE)
def test_cited_paragraph_says_it(regel_id: str, paragraaf: str, woorden: str) -> None:
    assert Bron("procedure", paragraaf) in REGELS[regel_id].bronnen
    assert woorden in _paragrafen()[paragraaf]


@needs_seed
def test_paragraph_2_is_about_alternatives_only() -> None:
    tweede = _paragrafen()["§2"]
    assert "alternatieven" in tweede.casefold()
    for woorden, _ in [("21 november", "TRM03"), ("overnemen", "PRE01"), ("30 november", "TRM08")]:
        assert woorden not in tweede
