"""Votes as the dossier records them: representatives, ballots and stemmingen (STM03-STM11).

Input types keep what was written (municipality names, role words, choices as text) so
that :mod:`alvrules.uitslagen` can report a wrong name or choice as a finding. Tallying
lives in :mod:`alvrules.telling` (integers and :class:`fractions.Fraction` only).

Dossier keys added here (all optional, see the docs):

- ``[[vertegenwoordigers]]``: ``rol_bij``, the municipality in which the person holds
  ``rol`` when that is not the member itself (a card passed outside the member: STM03).
- ``[[stemmingen]]``: ``soort`` (voorstel | orde | keuze | verkiezing | preadvies), ``opties``
  (STM10), ``kandidaten`` (STM11), ``vacature`` (the vacancy an election fills),
  ``meerderheid`` (an exact fraction such as ``"2/3"``, default the procedure's 1/2) with
  its ``grondslag`` (uitgebracht: voor + tegen; leden: all members' votes), ``betreft``
  (for an order motion or an amendment vote: the proposal it concerns, STM09).
- ``stemmen`` is a table ``gemeente = keuze`` or a list of ``{gemeente, keuze}`` (the list
  can hold a second ballot of the same member, which STM04 rejects).
- ``bezwaar``: the members that objected to acclamation (STM07); an objection means the
  proposal needs a weighted vote, recorded as a later ``gewogen`` stemming on the same
  proposals (the normal route: minutes of 14 June 2023, item 8, the Ede motion).
- ``volgorde = true``: the list ``stemmen`` is in the order the ballots were cast; or a
  ``tijdstip`` per ballot. Only then is "vast na" (when the outcome was certain) reported:
  a table has no order.
- ``soort = "preadvies"``: a vote on the board's preadvies for one motion (or part), with
  ``uitkomst_preadvies`` (what it advises; default the part's or motion's preadvies);
  ``deel``: the part of the one motion voted on; ``herstemming``: the reason of a revote
  (STM13). What these decide is in :mod:`alvrules.besluiten`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from fractions import Fraction
from typing import TYPE_CHECKING

from attrs import field, frozen

from alvrules.grenzen import MAX_CIJFERS, MAX_OPSOMMING
from alvrules.model import aware
from alvrules.moties import Preadvies
from alvrules.paden import element
from alvrules.regels import Bevinding, bevinding
from alvrules.tekens import zichtbaar
from alvrules.teksten import bericht
from alvrules.waarden import Soortfout, gecontroleerd, soort

if TYPE_CHECKING:
    from alvrules.controle import Context
    from alvrules.dossier import Dossier

__all__ = [
    "Grondslag",
    "Keuze",
    "Stembriefje",
    "Stemming",
    "StemmingSoort",
    "Vertegenwoordiger",
    "Wijze",
    "breuk",
    "controleer_verwijzingen",
    "stm12_eigen_id",
]


class Keuze(enum.StrEnum):
    """STM04: the block choice of a member on a proposal."""

    VOOR = "voor"
    TEGEN = "tegen"
    ONTHOUDING = "onthouding"


class Wijze(enum.StrEnum):
    """STM07: a weighted vote, or adoption by acclamation (no figures)."""

    GEWOGEN = "gewogen"
    ACCLAMATIE = "acclamatie"


class StemmingSoort(enum.StrEnum):
    """What is voted on: a proposal, an order motion (STM09), options (STM10), candidates."""

    VOORSTEL = "voorstel"
    ORDE = "orde"
    KEUZE = "keuze"
    VERKIEZING = "verkiezing"
    PREADVIES = "preadvies"  # on the board's preadvies for a motion (or a part of it)


class Grondslag(enum.StrEnum):
    """STM05: the base of a majority: votes cast (voor + tegen) or all members' votes."""

    UITGEBRACHT = "uitgebracht"
    LEDEN = "leden"


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Vertegenwoordiger:
    """STM03: the person who casts a member's votes.

    ``rol_bij`` names the municipality where the person holds ``rol`` when that is not
    the member ``gemeente`` itself; a card may only pass within the member, so any other
    municipality there is an error.
    """

    gemeente: str
    naam: str
    rol: str
    aanwezig: bool = True
    rol_bij: str | None = None


@frozen(field_transformer=gecontroleerd)
class Stembriefje:
    """One member's ballot as delivered: the municipality as written and its choice, and
    optionally when it was cast (``tijdstip``, with its timezone)."""

    gemeente: str
    keuze: str
    tijdstip: datetime | None = field(default=None, validator=aware)


def _briefjes(waarde: object) -> tuple[Stembriefje, ...]:
    """Accept a table ``{gemeente: keuze}`` or a sequence of ballots or pairs."""
    if isinstance(waarde, Mapping):
        paren: Iterable[object] = waarde.items()
    elif isinstance(waarde, str | bytes) or not isinstance(waarde, Iterable):
        raise Soortfout(
            bericht(
                "{veld}: verwacht een tabel of lijst, niet {soort}",
                veld="Stemming.stemmen",
                soort=soort(waarde),
            )
        )
    else:
        paren = waarde
    uit: list[Stembriefje] = []
    for b in paren:
        if isinstance(b, Stembriefje):
            uit.append(b)
        elif isinstance(b, Mapping):
            uit.append(Stembriefje(b.get("gemeente", ""), b.get("keuze", ""), b.get("tijdstip")))
        elif isinstance(b, tuple | list) and len(b) == 2:
            uit.append(Stembriefje(*b))
        else:
            raise Soortfout(
                bericht(
                    "{veld}: verwacht (gemeente, keuze), niet {soort}",
                    veld="Stemming.stemmen",
                    soort=soort(b),
                )
            )
    return tuple(uit)


_BREUK = re.compile(f"^\\s*([0-9]{{1,{MAX_CIJFERS}}})\\s*/\\s*([0-9]{{1,{MAX_CIJFERS}}})\\s*$")


def breuk(tekst: str) -> Fraction | None:
    """A majority written as ``"p/q"`` with 0 < p/q < 1, or None when it is not one (also
    when ``p`` or ``q`` has more than :data:`~alvrules.grenzen.MAX_CIJFERS` digits)."""
    m = _BREUK.match(tekst)
    if not m or int(m.group(2)) == 0:
        return None
    f = Fraction(int(m.group(1)), int(m.group(2)))
    return f if 0 < f < 1 else None


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Stemming:
    """A vote on one or more proposals (several: a bundled vote, STM08), options or candidates."""

    id: str
    voorstellen: tuple[str, ...] = ()
    wijze: Wijze = Wijze.GEWOGEN
    stemmen: tuple[Stembriefje, ...] = field(default=(), converter=_briefjes)
    soort: StemmingSoort = StemmingSoort.VOORSTEL
    opties: tuple[str, ...] = ()
    kandidaten: tuple[str, ...] = ()
    vacature: str | None = None
    meerderheid: str | None = None
    grondslag: Grondslag = Grondslag.UITGEBRACHT
    betreft: str | None = None
    titel: str = ""
    bezwaar: tuple[str, ...] = ()  # STM07: members that objected to acclamation
    volgorde: bool = False  # the ballots are listed in the order they were cast
    deel: int | None = None  # the part of the (one) motion voted on (``[[moties.delen]]``)
    # a vote on the preadvies: what it advises (default: the motion's or the part's preadvies)
    uitkomst_preadvies: Preadvies | None = None
    herstemming: str | None = None  # STM13: a revote of a proposal decided before, and why

    @property
    def geordend(self) -> tuple[Stembriefje, ...] | None:
        """The ballots in the order they were cast, or None when the dossier does not record
        that order: ``volgorde = true`` (the list order), or a ``tijdstip`` on every ballot
        (sorted by it; equal times keep the list order)."""
        if self.volgorde:
            return self.stemmen
        paren = [(b.tijdstip, i, b) for i, b in enumerate(self.stemmen) if b.tijdstip is not None]
        if self.stemmen and len(paren) == len(self.stemmen):
            return tuple(b for _, _, b in sorted(paren, key=lambda p: (p[0], p[1])))
        return None

    @property
    def keuzemogelijkheden(self) -> tuple[str, ...]:
        """The options of a choice (STM10) or the candidates of an election (STM11)."""
        return self.kandidaten if self.soort is StemmingSoort.VERKIEZING else self.opties


def stm12_eigen_id(dossier: Dossier) -> Iterator[Bevinding]:
    """STM12: every stemming has a visible id of its own (``uitslag`` checks this too: two
    results under one id cannot be published)."""
    gezien: set[str] = set()
    for i, s in enumerate(dossier.stemmingen):
        if not zichtbaar(s.id):
            yield bevinding(
                "STM12",
                f"stemmingen[{i}].id",
                bericht("Stemming zonder zichtbare id ({id!r}).", id=s.id),
            )
        elif s.id in gezien:
            yield bevinding(
                "STM12",
                f"stemmingen[{i}].id",
                bericht("Stemming-id {id!r} komt meer dan één keer voor.", id=s.id),
            )
        gezien.add(s.id)


def controleer_verwijzingen(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """STM12: every stemming has its own id and names proposals that are in the dossier."""
    from alvrules.verantwoording import VOORSTEL  # noqa: PLC0415 - avoids an import cycle

    bekend = {
        *(m.id for m in dossier.moties),
        *(a.id for a in dossier.amendementen),
        *(p.id for p in dossier.agendapunten),
        *(v.id for v in dossier.vacatures),
        *(b.id for b in dossier.bekrachtigingen),  # STM14: ratifying a consultation
        VOORSTEL,
    }
    yield from stm12_eigen_id(dossier)
    for s in dossier.stemmingen:
        pad = f"stemmingen{element(s.id)}"
        if s.soort is StemmingSoort.VOORSTEL and not s.voorstellen:
            yield bevinding(
                "STM12",
                f"{pad}.voorstellen",
                bericht("De stemming noemt geen voorstel."),
            )
        onbekend = [(j, v) for j, v in enumerate(s.voorstellen) if v not in bekend]
        for j, v in onbekend[:MAX_OPSOMMING]:
            yield bevinding(
                "STM12",
                f"{pad}.voorstellen[{j}]",
                bericht(
                    "Voorstel {v!r} staat niet in het dossier (geen motie, amendement, "
                    "agendapunt of vacature met die id).",
                    v=v,
                ),
            )
        if len(onbekend) > MAX_OPSOMMING:  # capped per vote (issue 25): one more counts the rest
            rest = len(onbekend) - MAX_OPSOMMING
            yield bevinding(
                "STM12",
                f"{pad}.voorstellen",
                bericht(
                    "En nog {rest} voorstellen van deze stemming staan niet in het dossier.",
                    rest=rest,
                ),
            )
        if s.betreft is not None and s.betreft not in bekend:
            yield bevinding(
                "STM12",
                f"{pad}.betreft",
                bericht(
                    "Stemming betreft {betreft!r}, dat niet in het dossier staat.",
                    betreft=s.betreft,
                ),
            )
