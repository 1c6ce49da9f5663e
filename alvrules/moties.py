"""Motions: the Motie type and the form rules MOT01-MOT06 (Lbr. 23/040, Procedure §5).

A motion is kept as submitted; the checks of this module report what its form lacks.

Decisions:

- MOT01 reports each missing or blank part at its own path (an empty item of the
  overwegingen or the oproep too). The part "ondertekening" is left to SIG08, which
  covers amendments as well (see :mod:`alvrules.ondertekening`).
- MOT02 is only about a slotzin that is there but worded otherwise; a missing slotzin is
  MOT01.
- MOT03 gives one warning per motion, naming what is missing (the ambtelijke
  contactpersoon, the bestuurder, or both).
- MOT04: a motion without an agenda item is handled under rondvraag (the agenda item is
  not among MOT01's required parts); only a reference to an item that does not exist is
  an error.
- MOT05 gives one info per oproep point and kind of detail (amount, exact date, length);
  the length limit is :attr:`Procedure.maximum_tekens_oproeppunt`.
- MOT06: ids are unique across motions and amendments together (both are put to the
  vote by id); a later duplicate and a blank id are errors. Titles may repeat.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from attrs import field, frozen

from alvrules.grenzen import MAX_OPSOMMING, reeks
from alvrules.model import Contactpersoon, Persoon, Rol, aware
from alvrules.ondertekening import stuk_pad
from alvrules.regels import Bevinding, Ernst, bevinding
from alvrules.tekens import zichtbaar
from alvrules.teksten import Bericht, Opsomming, bericht, bericht_n
from alvrules.waarden import gecontroleerd

if TYPE_CHECKING:
    from alvrules.controle import Context
    from alvrules.dossier import Dossier

__all__ = [
    "RONDVRAAG",
    "SLOTZIN",
    "Aanhouding",
    "Deel",
    "Motie",
    "Preadvies",
    "controleer",
    "controleer_motie",
    "pre01_preadvies",
]

#: MOT04: the agenda "item" for motions not tied to an agenda item.
RONDVRAAG = "rondvraag"

#: MOT02: the closing sentence of every motion.
SLOTZIN = "En gaat over tot de orde van de dag."


class Preadvies(enum.StrEnum):
    """PRE01: the board's advice on a motion or amendment."""

    OVERNEMEN = "overnemen"
    AANHOUDEN = "aanhouden"
    ONTRADEN = "ontraden"


class Aanhouding(enum.StrEnum):
    """Who held a motion, or a part of it, at the meeting (not voted: AFD05 ``aangehouden``):
    its submitters, or the members by following the board's preadvies to hold it."""

    INDIENERS = "indieners"
    PREADVIES = "preadvies"


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Deel:
    """A part of a motion that is voted on its own (``[[moties.delen]]``): its number (the
    minutes' "1e deel"), the oproep points it covers (1-based), optionally a title, the
    board's preadvies on this part and, when it was held without a vote, by whom."""

    nummer: int
    punten: tuple[int, ...] = ()
    titel: str = ""
    preadvies: Preadvies | None = None
    aangehouden: Aanhouding | None = None


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Motie:
    """A motion as submitted. Ids are unique, titles need not be (MOT06)."""

    id: str
    titel: str = ""
    agendapunt: str | None = None  # an agenda item id, or "rondvraag"
    indieners: tuple[str, ...] = ()
    mede_indieners: tuple[str, ...] = ()
    ondersteuners: tuple[str, ...] = ()
    ingediend: datetime | None = field(default=None, validator=aware)
    # TRM08: when the final list of ondersteuners was received (optional)
    ondersteuners_ontvangen: datetime | None = field(default=None, validator=aware)
    actueel: bool = False
    reden: str | None = None
    aanleiding: str = ""
    overwegingen: tuple[str, ...] = ()
    oproep: tuple[str, ...] = ()
    slotzin: str = ""
    ondertekening: tuple[Persoon, ...] = ()
    contactpersonen: tuple[Contactpersoon, ...] = ()
    preadvies: Preadvies | None = None
    interpretatie: str | None = None  # PRE01: the board's reading, in words
    delen: tuple[Deel, ...] = ()  # voted in parts (STM13: each part is decided once)
    aangehouden: Aanhouding | None = None  # held at the meeting without a vote, by whom

    def deel(self, nummer: int) -> Deel | None:
        """The part numbered ``nummer``, or None."""
        return next((d for d in self.delen if d.nummer == nummer), None)


def controleer(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """MOT01-MOT05 for every motion, then MOT06 over motions and amendments."""
    for i, motie in enumerate(dossier.moties):
        yield from controleer_motie(motie, stuk_pad("moties", i, motie.id), dossier, ctx)
    yield from mot06_eigen_id(dossier)


def controleer_motie(motie: Motie, pad: str, dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """The form findings of one motion at ``pad``."""
    yield from mot01_verplichte_onderdelen(motie, pad)
    yield from mot02_slotzin(motie, pad)
    yield from mot03_contactpersonen(motie, pad)
    yield from mot04_agendapunt(motie, pad, dossier)
    yield from mot05_inspanning(motie, pad, ctx.procedure.maximum_tekens_oproeppunt)
    yield from pre01_preadvies(motie.preadvies, pad)


def pre01_preadvies(preadvies: object, pad: str) -> Iterator[Bevinding]:
    """PRE01: a preadvies, when given, is overnemen, aanhouden or ontraden.

    The type already says so; this guards values built around the constructor.
    """
    if preadvies is None or preadvies in set(Preadvies):
        return
    keuzes = ", ".join(Preadvies)
    yield bevinding(
        "PRE01",
        f"{pad}.preadvies",
        bericht(
            "Onbekend preadvies {preadvies!r}; kies uit {keuzes}.",
            preadvies=preadvies,
            keuzes=keuzes,
        ),
        ernst=Ernst.FOUT,
    )


def _leeg(tekst: str | None) -> bool:
    """Empty: absent, or without a visible character (:func:`~alvrules.tekens.zichtbaar`)."""
    return tekst is None or not zichtbaar(tekst)


def _ontbreekt(pad: str, onderdeel: Bericht) -> Bevinding:
    return bevinding(
        "MOT01", pad, bericht("Verplicht onderdeel ontbreekt: {onderdeel}.", onderdeel=onderdeel)
    )


def mot01_verplichte_onderdelen(motie: Motie, pad: str) -> Iterator[Bevinding]:
    """MOT01: indieners, titel, datum, aanleiding, overwegingen, oproep and slotzin."""
    if not motie.indieners:
        yield _ontbreekt(f"{pad}.indieners", bericht("indieners"))
    if _leeg(motie.titel):
        yield _ontbreekt(f"{pad}.titel", bericht("titel"))
    if motie.ingediend is None:
        yield _ontbreekt(f"{pad}.ingediend", bericht("datum van indiening"))
    if _leeg(motie.aanleiding):
        yield _ontbreekt(f"{pad}.aanleiding", bericht("aanleiding"))
    yield from _lijst(
        motie.overwegingen,
        f"{pad}.overwegingen",
        bericht("minstens één overweging of constatering"),
        bericht("lege overweging of constatering"),
    )
    yield from _lijst(
        motie.oproep,
        f"{pad}.oproep",
        bericht("minstens één punt in de oproep aan het VNG-bestuur"),
        bericht("leeg punt in de oproep aan het VNG-bestuur"),
    )
    if _leeg(motie.slotzin):
        yield _ontbreekt(f"{pad}.slotzin", bericht("slotzin"))


def _lijst(punten: tuple[str, ...], pad: str, geen: Bericht, leeg: Bericht) -> Iterator[Bevinding]:
    """At least one point, and no blank point."""
    if not punten:
        yield _ontbreekt(pad, geen)
    for i, punt in enumerate(punten):
        if _leeg(punt):
            yield _ontbreekt(f"{pad}[{i}]", leeg)


def mot02_slotzin(motie: Motie, pad: str) -> Iterator[Bevinding]:
    """MOT02: the slotzin, compared after normalising whitespace."""
    if not _leeg(motie.slotzin) and " ".join(motie.slotzin.split()) != SLOTZIN:
        yield bevinding(
            "MOT02",
            f"{pad}.slotzin",
            bericht(
                "De slotzin is {waarde!r}, niet {SLOTZIN!r}.",
                waarde=motie.slotzin.strip(),
                SLOTZIN=SLOTZIN,
            ),
        )


def _is_bestuurder(c: Contactpersoon) -> bool:
    """MOT03: burgemeester, wethouder, raadslid, (gemeente)secretaris or griffier."""
    return c.soort.strip().casefold() == "bestuurlijk" and (Rol.parse(c.rol) is not None)


def _is_ambtelijk(c: Contactpersoon) -> bool:
    return c.soort.strip().casefold() == "ambtelijk" and not _leeg(c.naam)


def mot03_contactpersonen(motie: Motie, pad: str) -> Iterator[Bevinding]:
    """MOT03: an ambtelijke contactpersoon and a responsible bestuurder."""
    mist = [
        wie
        for wie, aanwezig in (
            (bericht("een ambtelijke contactpersoon"), _is_ambtelijk),
            (bericht("een verantwoordelijke bestuurder"), _is_bestuurder),
        )
        if not any(aanwezig(c) for c in motie.contactpersonen)
    ]
    if mist:
        yield bevinding(
            "MOT03",
            f"{pad}.contactpersonen",
            bericht_n(
                "Contactgegevens onvolledig: {wie} ontbreekt.",
                "Contactgegevens onvolledig: {wie} ontbreken.",
                len(mist),
                wie=Opsomming(mist),
            ),
        )


def mot04_agendapunt(motie: Motie, pad: str, dossier: Dossier) -> Iterator[Bevinding]:
    """MOT04: the motion's agenda item exists, or it is rondvraag (also when absent)."""
    punt = motie.agendapunt
    if punt is None or punt.strip().casefold() == RONDVRAAG or dossier.agendapunt(punt):
        return
    punten = dossier.agendapunten
    bestaand = reeks([a.id for a in punten[:MAX_OPSOMMING]], totaal=len(punten))
    yield bevinding(
        "MOT04",
        f"{pad}.agendapunt",
        bericht(
            "Agendapunt {punt!r} bestaat niet (wel: {bestaand}; of 'rondvraag').",
            punt=punt,
            bestaand=bestaand,
        )
        if bestaand
        else bericht(
            "Agendapunt {punt!r} bestaat niet (het dossier heeft geen agenda; kies 'rondvraag').",
            punt=punt,
        ),
    )


_MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
#: MOT05: a specific amount: the euro sign, the word euro or the code EUR.
BEDRAG = re.compile(r"€|\beuro\b|\bEUR\b", re.IGNORECASE)
#: MOT05: an exact date, written out ("1 januari 2024") or in figures ("01-01-2024").
DATUM = re.compile(
    rf"\b\d{{1,2}}\s+({_MAANDEN})\s+\d{{4}}\b|\b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b",
    re.IGNORECASE,
)


def mot05_inspanning(motie: Motie, pad: str, maximum: int) -> Iterator[Bevinding]:
    """MOT05: the oproep asks an effort: no amounts, no exact dates, no long technical text."""
    for i, punt in enumerate(motie.oproep):
        plek = f"{pad}.oproep[{i}]"
        if BEDRAG.search(punt):
            yield bevinding(
                "MOT05",
                plek,
                bericht(
                    "De oproep noemt een bedrag; vraag liever een inspanning dan een resultaat."
                ),
            )
        if DATUM.search(punt):
            yield bevinding(
                "MOT05",
                plek,
                bericht("De oproep noemt een precieze datum; vraag liever een inspanning."),
            )
        if len(punt) > maximum:
            yield bevinding(
                "MOT05",
                plek,
                bericht(
                    "Dit punt van de oproep is {aantal} tekens lang (meer dan "
                    "{maximum}); vermijd gedetailleerde technische tekst.",
                    aantal=len(punt),
                    maximum=maximum,
                ),
            )


def mot06_eigen_id(dossier: Dossier) -> Iterator[Bevinding]:
    """MOT06: every motion and amendment has its own id (titles may repeat)."""
    gezien: dict[str, str] = {}
    stukken = [("moties", i, m.id) for i, m in enumerate(dossier.moties)]
    stukken += [("amendementen", i, a.id) for i, a in enumerate(dossier.amendementen)]
    for soort, i, stuk_id in stukken:
        eerder = gezien.get(stuk_id.strip())
        if not stuk_id.strip():
            yield bevinding("MOT06", f"{soort}[{i}].id", bericht("Dit stuk heeft geen id."))
        elif _leeg(stuk_id):
            # an id of only invisible or control characters is empty too (issue 25)
            yield bevinding(
                "MOT06",
                f"{soort}[{i}].id",
                bericht("Stuk zonder zichtbare id ({id!r}).", id=stuk_id),
            )
        elif eerder is not None:
            yield bevinding(
                "MOT06",
                f"{soort}[{i}].id",
                bericht(
                    "Id {stuk_id!r} is al gebruikt door {eerder}; elk stuk heeft een eigen id.",
                    stuk_id=stuk_id,
                    eerder=eerder,
                ),
            )
        else:
            gezien[stuk_id.strip()] = f"{soort}[{i}]"
