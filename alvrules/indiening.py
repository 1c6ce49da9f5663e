"""Late submission of motions and amendments: TRM01/TRM02 applied, and AMD02.

The deadline itself (9 working days before the meeting, at its cut-off time, inclusive)
is :func:`alvrules.termijnen.indientermijn`; this module compares each submission with it.

Decisions:

- A late amendment gives one finding, AMD02 (error): the amendment chapter's rule that
  applies the statutory deadline TRM01; TRM01 itself names the moment.
- An amendment without a time of submission gives AMD02 too: being on time cannot be
  established. (For a motion a missing time is MOT01, checked in :mod:`alvrules.moties`.)
- TRM08: a motion or amendment may record when its final list of ondersteuners was
  received (``ondersteuners_ontvangen``); later than the TRM08 deadline (the last working
  day before the meeting, 10:00, inclusive) is a warning: the list is not published. A
  stuk that does not record the moment gets no finding (the list is optional).
- A late motion gives TRM02 as a warning; late and marked *actueel* with a non-blank
  reason, TRM02 as info. *Actueel* without a reason counts as plain late. A motion on time
  gives no finding, *actueel* or not.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from alvrules.amendementen import Amendement
from alvrules.moties import Motie
from alvrules.ondertekening import stuk_pad
from alvrules.regels import Bevinding, Ernst, bevinding
from alvrules.teksten import Moment, bericht
from alvrules.termijnen import indientermijn, ondersteunerstermijn

if TYPE_CHECKING:
    from alvrules.controle import Context
    from alvrules.dossier import Dossier

__all__ = ["amd02_termijn", "controleer", "te_laat", "trm02_motie", "trm08_ondersteuners"]


def te_laat(ingediend: datetime, termijn: datetime) -> bool:
    """Received after the deadline; at the deadline itself is on time ("uiterlijk")."""
    return ingediend > termijn


def controleer(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """TRM02 for every motion, AMD02 for every amendment, TRM08 for both.

    A written consultation (STM14) has no meeting day to count back from: its own
    ``indientermijn`` takes the place of TRM01/TRM02 when the dossier gives it (same
    severities), nothing is checked without it, and TRM08 does not apply
    (:mod:`alvrules.raadpleging`)."""
    v = dossier.vergadering
    if v.ledenraadpleging:
        if v.indientermijn is None:
            return
        termijn: datetime = v.indientermijn
        lijst: datetime | None = None
    else:
        termijn = indientermijn(v, ctx.procedure)
        lijst = ondersteunerstermijn(v, ctx.procedure)
    for i, motie in enumerate(dossier.moties):
        pad = stuk_pad("moties", i, motie.id)
        yield from trm02_motie(motie, pad, termijn)
        if lijst is not None:
            yield from trm08_ondersteuners(motie.ondersteuners_ontvangen, pad, lijst)
    for i, amendement in enumerate(dossier.amendementen):
        pad = stuk_pad("amendementen", i, amendement.id)
        yield from amd02_termijn(amendement, pad, termijn)
        if lijst is not None:
            yield from trm08_ondersteuners(amendement.ondersteuners_ontvangen, pad, lijst)


def trm02_motie(motie: Motie, pad: str, termijn: datetime) -> Iterator[Bevinding]:
    """TRM02: a late motion is a warning; late, actueel and with a reason, info."""
    if motie.ingediend is None or not te_laat(motie.ingediend, termijn):
        return
    ontvangen, tot = Moment(motie.ingediend), Moment(termijn)
    reden = (motie.reden or "").strip().rstrip(".")
    if motie.actueel and reden:
        yield bevinding(
            "TRM02",
            f"{pad}.ingediend",
            bericht(
                "Actuele motie na de termijn (ontvangen {ontvangen}, termijn {termijn}); "
                "reden: {reden}.",
                ontvangen=ontvangen,
                termijn=tot,
                reden=reden,
            ),
            ernst=Ernst.INFO,
        )
        return
    yield bevinding(
        "TRM02",
        f"{pad}.ingediend",
        bericht(
            "Motie na de termijn ingediend (actueel, maar zonder reden): ontvangen "
            "{ontvangen}, termijn {termijn}.",
            ontvangen=ontvangen,
            termijn=tot,
        )
        if motie.actueel
        else bericht(
            "Motie na de termijn ingediend: ontvangen {ontvangen}, termijn {termijn}.",
            ontvangen=ontvangen,
            termijn=tot,
        ),
    )


def trm08_ondersteuners(
    ontvangen: datetime | None, pad: str, termijn: datetime
) -> Iterator[Bevinding]:
    """TRM08: the final list of ondersteuners received after its deadline is a warning."""
    if ontvangen is None or not te_laat(ontvangen, termijn):
        return
    yield bevinding(
        "TRM08",
        f"{pad}.ondersteuners_ontvangen",
        bericht(
            "Definitieve lijst van ondersteuners na de termijn: ontvangen "
            "{waarde}, termijn {waarde2}; de lijst wordt niet gepubliceerd.",
            waarde=Moment(ontvangen),
            waarde2=Moment(termijn),
        ),
    )


def amd02_termijn(amendement: Amendement, pad: str, termijn: datetime) -> Iterator[Bevinding]:
    """AMD02: an amendment received after TRM01 (statutory) is an error."""
    if amendement.ingediend is None:
        yield bevinding(
            "AMD02",
            f"{pad}.ingediend",
            bericht(
                "Tijdstip van indiening ontbreekt; niet vast te stellen dat het "
                "amendement op tijd is."
            ),
        )
    elif te_laat(amendement.ingediend, termijn):
        yield bevinding(
            "AMD02",
            f"{pad}.ingediend",
            bericht(
                "Amendement na de statutaire termijn: ontvangen {waarde}, termijn {waarde2}.",
                waarde=Moment(amendement.ingediend),
                waarde2=Moment(termijn),
            ),
        )
