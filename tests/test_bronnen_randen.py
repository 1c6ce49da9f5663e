"""Edges of the citations: `bron`, `bron_tekst`, `Bron` and the links to the law.

The catalogue builds its citations when it is imported, so the tests here call the
functions themselves: the citation text of a rule and a finding, the URL of a law
article on wetten.overheid.nl, the JSON of a citation and the error for an unknown
document.
"""

from __future__ import annotations

import pytest

from alvrules.bronnen import DOCUMENTEN, Bron, bron, bron_tekst

GEMEENTEWET = "https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel="

# --- bron and Bron -------------------------------------------------------------------


def test_bron_keeps_document_and_place() -> None:
    b = bron("procedure", "§4")
    assert b == Bron("procedure", "§4")
    assert (b.document, b.plaats) == ("procedure", "§4")
    assert b.tekst == "Lbr. 23/040, Procedure §4"


def test_bron_without_place_cites_the_whole_document() -> None:
    b = bron("statuten")
    assert b.plaats == ""
    assert b.tekst == "Statuten"
    assert bron_tekst([b]) == "Statuten"


def test_unknown_document_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="statuten-2099"):
        bron("statuten-2099", "art. 1")
    with pytest.raises(KeyError) as fout:
        Bron("statuten-2099")
    assert fout.value.args == ("statuten-2099",)  # the key itself, as a dict says it


def test_every_document_of_the_table_can_be_cited() -> None:
    for sleutel, document in DOCUMENTEN.items():
        assert Bron(sleutel).tekst == document.kort


# --- bron_tekst ----------------------------------------------------------------------


def test_citation_text_of_a_rule_with_a_law() -> None:
    assert (
        bron_tekst([bron("procedure", "§4"), bron("gemeentewet", "art. 160")])
        == "Lbr. 23/040, Procedure §4; Gemeentewet art. 160"
    )


def test_citation_text_joins_consecutive_places_of_one_document() -> None:
    assert (
        bron_tekst(
            [
                bron("procedure", "§4"),
                bron("procedure", "§5"),
                bron("gemeentewet", "art. 77"),
                bron("gemeentewet", "art. 78"),
            ]
        )
        == "Lbr. 23/040, Procedure §4 en §5; Gemeentewet art. 77 en art. 78"
    )


def test_citation_text_of_three_places_and_a_later_document() -> None:
    assert (
        bron_tekst(
            [
                bron("notulen-2023-06-14", "punt 2"),
                bron("notulen-2023-06-14", "punt 8"),
                bron("notulen-2023-06-14", "punt 9"),
                bron("werkgroep", "(aanbevelingen)"),
                bron("verantwoording"),
            ]
        )
        == "Notulen 14-06-2023 punt 2 en punt 8 en punt 9; Werkgroep moties (aanbevelingen); "
        "Verantwoording moties"
    )


def test_citation_text_does_not_join_a_document_cited_again_later() -> None:
    assert (
        bron_tekst([bron("procedure", "§1"), bron("lbr-23-040"), bron("procedure", "§4")])
        == "Lbr. 23/040, Procedure §1; Lbr. 23/040; Lbr. 23/040, Procedure §4"
    )


def test_citation_text_of_documents_without_place() -> None:
    assert bron_tekst([bron("tijdpad-vacatures"), bron("cbs")]) == "Tijdpad vacatures; CBS"
    assert bron_tekst([bron("statuten"), bron("procedure", "§1")]) == (
        "Statuten; Lbr. 23/040, Procedure §1"
    )


def test_citation_text_of_no_sources_is_empty() -> None:
    assert bron_tekst([]) == ""


# --- links to the law ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("plaats", "artikel"),
    [
        ("art. 160", "160"),
        ("art. 3 lid 1", "3"),
        ("artikel 77", "77"),
        ("art.78", "78"),
        ("titel IV, art. 160 lid 2", "160"),
    ],
)
def test_a_law_article_links_to_its_anchor(plaats: str, artikel: str) -> None:
    b = bron("gemeentewet", plaats)
    assert b.url == f"{GEMEENTEWET}{artikel}"
    assert DOCUMENTEN["gemeentewet"].link(plaats) == f"{GEMEENTEWET}{artikel}"


@pytest.mark.parametrize("plaats", ["", "titel IV", "art.", "hoofdstuk 2 artikel", "ART 3"])
def test_a_law_without_article_links_to_the_law(plaats: str) -> None:
    assert bron("gemeentewet", plaats).url == "https://wetten.overheid.nl/BWBR0005416/"


def test_a_document_that_is_not_a_law_links_to_itself() -> None:
    assert bron("statuten", "art. 10 lid 2").url is None
    assert bron("cbs", "art. 1").url == "https://www.cbs.nl/"
    assert DOCUMENTEN["procedure"].link("§4") == DOCUMENTEN["procedure"].url


# --- to_json -------------------------------------------------------------------------


def test_json_of_a_law_article_has_its_bwb_id() -> None:
    assert bron("atw", "art. 1 lid 2").to_json() == {
        "document": "atw",
        "plaats": "art. 1 lid 2",
        "url": "https://wetten.overheid.nl/jci1.3:c:BWBR0002448&artikel=1",
        "bwb": "BWBR0002448",
    }


def test_json_of_a_document_without_bwb_has_no_bwb_key() -> None:
    assert bron("procedure", "§3").to_json() == {
        "document": "procedure",
        "plaats": "§3",
        "url": DOCUMENTEN["procedure"].url,
    }
    assert bron("statuten").to_json() == {"document": "statuten", "plaats": "", "url": None}
