"""The agenda: AGD01 (stable ids, kinds) and the sending of its papers, TRM04.

AGD01: every agenda item has its own stable id, apart from the display number (the 2023
documents number the same items differently), and at least one kind; an item may mix
kennisname and besluitvorming. An item without a kind cannot be made (the constructor of
:class:`~alvrules.model.Agendapunt` refuses it, the loader gives exit 2), so only the ids
are checked here. Two items with the same id make every reference to that id
ambiguous, so that is an error.

TRM04 applied: a proposal sent (``verzonden``) later than 28 calendar days before the ALV
is a nazending, a warning. Sent on the 28th day itself is on time.

AGD02 (a decision of alvrules, see docs/besluiten.md): a dossier that holds nothing but its
meeting (and perhaps its own population figures) is still empty, as a fresh template of
``alvrules nieuw`` is; one info finding says so, at ``agendapunten`` (the agenda is where
a dossier starts). Any other section that holds something, now or added to
:class:`~alvrules.dossier.Dossier` later, makes the dossier non-empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import attrs

from alvrules.controle import Context
from alvrules.dossier import Dossier
from alvrules.paden import element
from alvrules.regels import Bevinding, bevinding
from alvrules.tekens import zichtbaar
from alvrules.teksten import Datum, bericht

__all__ = ["controleer", "leeg"]

#: The sections of a dossier that are not its content: the meeting itself, and the figures.
_GEEN_INHOUD = frozenset({"vergadering", "bevolking"})


def leeg(dossier: Dossier) -> bool:
    """AGD02: whether ``dossier`` holds nothing besides its meeting (and ``[bevolking]``):
    every other section has its default (no items; no notulencommissie given).

    >>> from alvrules import Dossier, Vergadering
    >>> leeg(Dossier(vergadering=Vergadering(datum="2026-06-17")))
    True
    >>> leeg(Dossier(vergadering=Vergadering(datum="2026-06-17"), notulencommissie=[]))
    False
    """
    return all(
        getattr(dossier, a.name) == a.default
        for a in attrs.fields(Dossier)
        if a.name not in _GEEN_INHOUD
    )


def controleer(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """AGD02 over the whole dossier; AGD01 and TRM04 over every agenda item."""
    if leeg(dossier):
        yield bevinding(
            "AGD02",
            "agendapunten",
            bericht(
                "Het dossier is nog leeg: er staan nog geen agendapunten, moties, "
                "amendementen, vertegenwoordigers of stemmingen in. Vul het aan; er "
                "is nog niets gecontroleerd."
            ),
        )
    gezien: set[str] = set()
    uiterlijk = ctx.datum - timedelta(days=ctx.procedure.dagen_vergaderstukken)
    for i, punt in enumerate(dossier.agendapunten):
        pad = f"agendapunten[{i}]"
        if not zichtbaar(punt.id):
            yield bevinding("AGD01", f"{pad}.id", bericht("Agendapunt zonder id."))
        elif punt.id in gezien:
            yield bevinding(
                "AGD01",
                f"{pad}.id",
                bericht(
                    "Agendapunt-id {id!r} komt meer dan één keer voor; elk punt heeft "
                    "een eigen id (los van het volgnummer).",
                    id=punt.id,
                ),
            )
        gezien.add(punt.id)
        # TRM04 counts back from a meeting day; a written consultation has its own check
        # (STM14: papers sent after voting opened, alvrules.raadpleging)
        if (
            punt.verzonden is not None
            and punt.verzonden > uiterlijk
            and not dossier.vergadering.ledenraadpleging
        ):
            yield bevinding(
                "TRM04",
                f"agendapunten{element(punt.id)}.verzonden",
                bericht(
                    "Stukken bij agendapunt {id} verzonden op {verzonden}, na {uiterlijk} "
                    "({dagen} dagen voor de ALV): nazending.",
                    id=punt.id,
                    verzonden=Datum(punt.verzonden, weekdag=False),
                    uiterlijk=Datum(uiterlijk, weekdag=False),
                    dagen=ctx.procedure.dagen_vergaderstukken,
                ),
            )
