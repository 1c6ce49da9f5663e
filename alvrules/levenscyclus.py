"""The life of a motion across meetings: status (AFD05) and follow-up category (AFD01).

Source: ``Werkgroep moties`` (the board adopted its categories) and ``Verantwoording
moties``. A motion moves through these statuses:

.. code-block:: text

    ingediend ──► definitief ──► aangenomen ──► afgedaan
        │             ├──► verworpen
        │             ├──► ingetrokken
        │             └──► aangehouden ──► definitief   (back at a later meeting)
        └──► ingetrokken                 └──► ingetrokken

Every other step raises :class:`OngeldigeOvergang` (a programming error: the caller asked
for a step the procedure does not have). Findings about *input* are made elsewhere.

*Decisions* (the sources are silent):

- ``aangehouden`` here is the motion held **at the meeting** (not voted). It may return at
  a later meeting and then is ``definitief`` again (it was signed already), or be
  withdrawn. It is not the preadvies ``aanhouden`` (:class:`alvrules.moties.Preadvies`)
  and not the accounting's proposal ``aanhouden`` (keep open,
  :class:`alvrules.verantwoording.Afdoening`): three meanings, three values.
- ``afgedaan`` extends AFD05 past the meeting: an adopted motion becomes afgedaan at once
  (category :attr:`Categorie.DIRECT_AFGEDAAN`) or when the members adopt an accounting
  that proposes afdoen (AFD02, AFD04). Kept open by an accounting, it stays
  ``aangenomen``; :attr:`EerdereMotie.aangehouden_sinds` records since when.
- ``verworpen``, ``ingetrokken`` and ``afgedaan`` are final.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date

import attrs
from attrs import frozen

from alvrules.fouten import GebruiksFout
from alvrules.teksten import bericht
from alvrules.waarden import gecontroleerd

__all__ = [
    "OVERGANGEN",
    "Categorie",
    "EerdereDeel",
    "EerdereMotie",
    "OngeldigeOvergang",
    "Status",
    "aannemen",
    "mag",
    "overgang",
]


class Status(enum.StrEnum):
    """AFD05: where a motion stands."""

    INGEDIEND = "ingediend"
    DEFINITIEF = "definitief"  # signed (SIG08)
    AANGENOMEN = "aangenomen"
    VERWORPEN = "verworpen"
    INGETROKKEN = "ingetrokken"
    AANGEHOUDEN = "aangehouden"  # held at the meeting, not voted
    AFGEDAAN = "afgedaan"  # adopted and accounted for (AFD01/AFD02)


class Categorie(enum.StrEnum):
    """AFD01: the follow-up of an adopted motion (Werkgroep moties)."""

    DIRECT_AFGEDAAN = "direct-afgedaan"
    VERANTWOORDEN_AFDOEN = "verantwoorden-afdoen"  # account at the next ALV, then afdoen
    VERANTWOORDEN_AANHOUDEN = "verantwoorden-aanhouden"  # account, then keep open


_S = Status
#: AFD05: the allowed next statuses of each status.
OVERGANGEN: Mapping[Status, frozenset[Status]] = {
    _S.INGEDIEND: frozenset({_S.DEFINITIEF, _S.INGETROKKEN}),
    _S.DEFINITIEF: frozenset({_S.AANGENOMEN, _S.VERWORPEN, _S.INGETROKKEN, _S.AANGEHOUDEN}),
    _S.AANGEHOUDEN: frozenset({_S.DEFINITIEF, _S.INGETROKKEN}),
    _S.AANGENOMEN: frozenset({_S.AFGEDAAN}),
    _S.VERWORPEN: frozenset(),
    _S.INGETROKKEN: frozenset(),
    _S.AFGEDAAN: frozenset(),
}


class OngeldigeOvergang(GebruiksFout):
    """A status step that AFD05 does not allow; the message names both statuses."""

    def __init__(self, van: Status, naar: Status, motie: str | None = None) -> None:
        self.van, self.naar, self.motie = van, naar, motie
        toegestaan = ", ".join(sorted(OVERGANGEN[van])) or bericht("geen (eindstatus)")
        velden = {"van": str(van), "naar": str(naar), "toegestaan": toegestaan}
        super().__init__(
            bericht(
                "Motie {motie}: de overgang van '{van}' naar '{naar}' is niet toegestaan "
                "(AFD05); toegestaan vanuit '{van}': {toegestaan}.",
                motie=motie,
                **velden,
            )
            if motie
            else bericht(
                "De overgang van '{van}' naar '{naar}' is niet toegestaan (AFD05); "
                "toegestaan vanuit '{van}': {toegestaan}.",
                **velden,
            )
        )


def mag(van: Status, naar: Status) -> bool:
    """True when AFD05 allows the step ``van`` → ``naar``."""
    return naar in OVERGANGEN[van]


def overgang(van: Status, naar: Status, motie: str | None = None) -> Status:
    """``naar`` when the step is allowed; :class:`OngeldigeOvergang` otherwise."""
    if not mag(van, naar):
        raise OngeldigeOvergang(van, naar, motie)
    return naar


@frozen(kw_only=True, field_transformer=gecontroleerd)
class EerdereDeel:
    """A part of an earlier motion that was voted in parts (``[[eerdere_moties.delen]]``):
    its number, the oproep points it covers and where it stands (AFD05), e.g. part 1
    aangenomen, part 2 aangehouden."""

    nummer: int
    punten: tuple[int, ...] = ()
    status: Status = Status.AANGENOMEN


@frozen(kw_only=True, field_transformer=gecontroleerd)
class EerdereMotie:
    """A motion of an earlier meeting as the accounting needs it (dossier ``eerdere_moties``).

    ``vergadering`` is the date of the ALV that decided on it; ``aangehouden_sinds`` the
    ALV whose accounting first kept it open (AFD03). ``groep`` is the heading the
    accounting lists it under (usually the agenda item it was adopted at).
    """

    id: str
    titel: str = ""
    vergadering: date | None = None
    onderwerp: str = ""
    groep: str = ""
    indieners: tuple[str, ...] = ()
    en_anderen: bool = False
    oproep: str = ""
    status: Status = Status.AANGENOMEN
    categorie: Categorie | None = None
    aangehouden_sinds: date | None = None
    delen: tuple[EerdereDeel, ...] = ()  # voted in parts: where each part stands

    def naar(self, status: Status) -> EerdereMotie:
        """This motion in ``status``; :class:`OngeldigeOvergang` when AFD05 forbids it."""
        return attrs.evolve(self, status=overgang(self.status, status, self.id))

    @property
    def open(self) -> bool:
        """Adopted and not yet afgedaan: it belongs in the next accounting (AFD02, AFD03).
        A motion voted in parts is open when one of its parts was adopted (a held or
        rejected part is never accounted for as adopted)."""
        if self.delen and not any(d.status is Status.AANGENOMEN for d in self.delen):
            return False
        return self.status is Status.AANGENOMEN and self.categorie is not Categorie.DIRECT_AFGEDAAN

    @property
    def aangehouden_delen(self) -> tuple[EerdereDeel, ...]:
        """The parts held at the meeting (not voted): still to be dealt with."""
        return tuple(d for d in self.delen if d.status is Status.AANGEHOUDEN)

    @property
    def te_behandelen(self) -> bool:
        """Held at the meeting, as a whole or in part (AFD05 ``aangehouden``, not the
        accounting's "keep open"): it is still to be dealt with at a later meeting."""
        if self.status is Status.INGETROKKEN:
            return False
        return self.status is Status.AANGEHOUDEN or bool(self.aangehouden_delen)


def aannemen(motie: EerdereMotie, op: date, categorie: Categorie | None = None) -> EerdereMotie:
    """``motie`` adopted at the ALV of ``op``; with DIRECT_AFGEDAAN it is afgedaan at once."""
    aangenomen = attrs.evolve(motie.naar(Status.AANGENOMEN), vergadering=op, categorie=categorie)
    if categorie is Categorie.DIRECT_AFGEDAAN:
        return aangenomen.naar(Status.AFGEDAAN)
    return aangenomen
