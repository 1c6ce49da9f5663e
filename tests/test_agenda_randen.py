"""AGD01 for an item without a kind (the loader refuses one, so only Python input has it)."""

from __future__ import annotations

from datetime import date

from alvrules.controle import controleer
from alvrules.dossier import Dossier
from alvrules.model import Agendapunt, Vergadering
from alvrules.regels import Ernst


def test_an_item_without_kind_in_both_languages() -> None:
    punt = Agendapunt(id="9", soorten=frozenset())
    [b] = controleer(
        Dossier(vergadering=Vergadering(datum=date(2023, 12, 1)), agendapunten=(punt,))
    )
    assert (b.regel, b.ernst, b.pad) == ("AGD01", Ernst.FOUT, "agendapunten[0].soort")
    assert b.tekst("nl") == (
        "Agendapunt 9 heeft geen soort (besluitvorming, kennisname of bespreking)."
    )
    assert b.tekst("en") == "Agenda item 9 has no kind."
