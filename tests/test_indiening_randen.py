"""TRM02 and AMD02 at their edges: which finding, which severity, at which place."""

from __future__ import annotations

from datetime import date, datetime, time

import attrs

from alvrules import indiening
from alvrules.amendementen import Amendement
from alvrules.controle import Context
from alvrules.dossier import Dossier
from alvrules.model import Vergadering
from alvrules.moties import Motie
from alvrules.regels import Ernst
from alvrules.termijnen import AMSTERDAM

ALV = Vergadering(datum=date(2023, 12, 1))
#: TRM01 for 1 December 2023: 20 November, 13:00 (the cut-off of this procedure)
TE_LAAT = datetime(2023, 11, 20, 13, 1, tzinfo=AMSTERDAM)


def _kern(dossier: Dossier, ctx: Context | None = None) -> list[tuple[str, Ernst, str]]:
    ctx = ctx or Context.voor(dossier)
    return [(b.regel, b.ernst, b.pad) for b in indiening.controleer(dossier, ctx)]


def test_topical_without_a_reason_is_plain_late() -> None:
    for reden in (None, "", " . "):
        motie = Motie(id="M1", ingediend=TE_LAAT, actueel=True, reden=reden)
        kern = _kern(Dossier(vergadering=ALV, moties=(motie,)))
        assert kern == [("TRM02", Ernst.WAARSCHUWING, "moties[M1].ingediend")], reden
    met_reden = Motie(id="M1", ingediend=TE_LAAT, actueel=True, reden="Zie bijlage IX.")
    d = Dossier(vergadering=ALV, moties=(met_reden,))
    [b] = indiening.controleer(d, Context.voor(d))
    assert (b.regel, b.ernst) == ("TRM02", Ernst.INFO)
    assert b.melding.endswith("reden: Zie bijlage IX.")


def test_pieces_without_an_id_are_named_by_their_position() -> None:
    d = Dossier(
        vergadering=ALV,
        moties=(Motie(id="M1"), Motie(id=" ", ingediend=TE_LAAT)),
        amendementen=(Amendement(id="A1", ingediend=TE_LAAT), Amendement(id="")),
    )
    assert _kern(d) == [
        ("TRM02", Ernst.WAARSCHUWING, "moties[1].ingediend"),
        ("AMD02", Ernst.FOUT, "amendementen[A1].ingediend"),
        ("AMD02", Ernst.FOUT, "amendementen[1].ingediend"),
    ]


def test_the_deadline_is_that_of_the_procedure_in_force() -> None:
    # A procedure with 8 working days instead of 9 moves TRM01 to 21 November.
    d = Dossier(vergadering=ALV, moties=(Motie(id="M1", ingediend=TE_LAAT),))
    ctx = Context.voor(d)
    assert _kern(d, ctx) == [("TRM02", Ernst.WAARSCHUWING, "moties[M1].ingediend")]
    acht = attrs.evolve(ctx, procedure=attrs.evolve(ctx.procedure, werkdagen_indiening=8))
    assert _kern(d, acht) == []


def test_the_supporters_deadline_is_that_of_the_procedure_in_force() -> None:
    # TRM08 for 1 December 2023: 30 November, 10:00. A procedure that allows until noon
    # makes a list received at 11:00 on time.
    elf_uur = datetime(2023, 11, 30, 11, 0, tzinfo=AMSTERDAM)
    d = Dossier(vergadering=ALV, moties=(Motie(id="M1", ondersteuners_ontvangen=elf_uur),))
    ctx = Context.voor(d)
    pad = "moties[M1].ondersteuners_ontvangen"
    assert _kern(d, ctx) == [("TRM08", Ernst.WAARSCHUWING, pad)]
    middag = attrs.evolve(ctx, procedure=attrs.evolve(ctx.procedure, tijd_ondersteuners=time(12)))
    assert _kern(d, middag) == []
