"""The agenda: AGD01 (stable ids, kinds) and the sending of its papers, TRM04.

AGD01: every agenda item has its own stable id, apart from the display number (the 2023
documents number the same items differently), and at least one kind; an item may mix
kennisname and besluitvorming. An item without a kind cannot be made (the constructor of
:class:`~alvrules.model.Agendapunt` refuses it, the loader gives exit 2), so only the ids
are checked here. Two items with the same id make every reference to that id
ambiguous, so that is an error.

TRM04 applied: a proposal sent (``verzonden``) later than 28 calendar days before the ALV
is a nazending, a warning. Sent on the 28th day itself is on time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from alvrules.controle import Context
from alvrules.dossier import Dossier
from alvrules.regels import Bevinding, bevinding

__all__ = ["controleer"]


def controleer(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """AGD01 and TRM04 over every agenda item."""
    gezien: set[str] = set()
    uiterlijk = ctx.datum - timedelta(days=ctx.procedure.dagen_vergaderstukken)
    for i, punt in enumerate(dossier.agendapunten):
        pad = f"agendapunten[{i}]"
        if not punt.id.strip():
            yield bevinding("AGD01", f"{pad}.id", "Agendapunt zonder id.", "Item without id.")
        elif punt.id in gezien:
            yield bevinding(
                "AGD01",
                f"{pad}.id",
                f"Agendapunt-id {punt.id!r} komt meer dan één keer voor; elk punt heeft een "
                "eigen id (los van het volgnummer).",
                f"Agenda item id {punt.id!r} occurs more than once.",
            )
        gezien.add(punt.id)
        if punt.verzonden is not None and punt.verzonden > uiterlijk:
            yield bevinding(
                "TRM04",
                f"agendapunten[{punt.id}].verzonden",
                f"Stukken bij agendapunt {punt.id} verzonden op {punt.verzonden.isoformat()}, "
                f"na {uiterlijk.isoformat()} ({ctx.procedure.dagen_vergaderstukken} dagen voor "
                "de ALV): nazending.",
                f"Papers for agenda item {punt.id} sent on {punt.verzonden.isoformat()}, after "
                f"{uiterlijk.isoformat()}: sent late.",
            )
