"""Elections and candidates: STM11 (verkiezing), KND01-KND02 (voordracht, tegenkandidaat)
and NOT01 (notulencommissie).

STM11: a contested vacancy is won by the candidate with more than half of the votes cast
(onthouding is not cast). With three or more candidates and no majority the two with the
most votes go to a second round; a tie for second place, or a tie between two candidates,
is reported as unresolved. *Decision*: no drawing of lots inside the library.

Dossier keys (optional): ``[[vacatures]]`` with ``id``, ``functie`` and ``kandidaten``
(``naam``, ``rol``, ``gemeente``, ``voorgedragen_door`` = "voordrachtscommissie" or the
nominating municipality, ``ondersteuners``, ``ingediend`` date); top-level
``notulencommissie = ["naam", ...]`` (absent: not checked).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from attrs import frozen

from alvrules.grenzen import reeks
from alvrules.model import Rol
from alvrules.paden import element
from alvrules.regels import Bevinding, bevinding
from alvrules.tekens import naam_sleutel, zichtbaar
from alvrules.teksten import Bericht, Datum, bericht
from alvrules.telling import KeuzeUitslag
from alvrules.waarden import gecontroleerd, getypeerd

if TYPE_CHECKING:
    from alvrules.controle import Context
    from alvrules.dossier import Dossier

__all__ = [
    "VOORDRACHTSCOMMISSIE",
    "Kandidaat",
    "Vacature",
    "Verkiezingsuitslag",
    "controleer_kandidaten",
    "controleer_notulencommissie",
    "verkiezing",
]

VOORDRACHTSCOMMISSIE = "voordrachtscommissie"


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Kandidaat:
    """A candidate for a vacancy, nominated by the committee or (KND02) by a member."""

    naam: str
    rol: str = ""
    gemeente: str = ""
    voorgedragen_door: str = VOORDRACHTSCOMMISSIE
    ondersteuners: tuple[str, ...] = ()
    ingediend: date | None = None

    @property
    def tegenkandidaat(self) -> bool:
        """Whether a member, not the committee, nominated the candidate (KND02)."""
        return self.voorgedragen_door.strip().casefold() != VOORDRACHTSCOMMISSIE


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Vacature:
    """A vacancy (e.g. vicevoorzitter) and its candidates."""

    id: str
    functie: str = ""
    kandidaten: tuple[Kandidaat, ...] = ()

    @property
    def betwist(self) -> bool:
        """Whether more than one candidate stands (a vote is needed, STM11)."""
        return len(self.kandidaten) > 1


@frozen(kw_only=True, field_transformer=getypeerd)
class Verkiezingsuitslag:
    """STM11: elected candidate, or the two for a second round, or unresolved."""

    gekozen: str | None = None
    tweede_ronde: tuple[str, str] | None = None
    staking: bool = False

    @property
    def toelichting(self) -> Bericht:
        """The outcome in words, as the minutes write it (``str()`` is Dutch)."""
        if self.gekozen:
            return bericht("{naam} gekozen", naam=self.gekozen)
        if self.tweede_ronde:
            return bericht(
                "tweede ronde tussen {een} en {twee}",
                een=self.tweede_ronde[0],
                twee=self.tweede_ronde[1],
            )
        if self.staking:
            return bericht("de stemmen staken: onbeslist (geen loting)")
        return bericht("geen besluit")


def verkiezing(uitslag: KeuzeUitslag) -> Verkiezingsuitslag:
    """STM11 over a tally of the candidates."""
    if uitslag.uitgebracht == 0:
        return Verkiezingsuitslag()
    if (winnaar := uitslag.winnaar) is not None:
        return Verkiezingsuitslag(gekozen=winnaar)
    r = uitslag.rangorde()
    if len(r) >= 3 and r[1][1] != r[2][1]:
        return Verkiezingsuitslag(tweede_ronde=(r[0][0], r[1][0]))
    return Verkiezingsuitslag(staking=True)


def controleer_kandidaten(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """KND01 and KND02 over ``dossier.vacatures``. In a written consultation (STM14) the
    date of TRM06 is not applied: it counts back from a meeting day."""
    uiterlijk: date | None = ctx.datum - timedelta(days=ctx.procedure.dagen_tegenkandidaten)
    if dossier.vergadering.ledenraadpleging:
        uiterlijk = None
    for v in dossier.vacatures:
        pad = f"vacatures{element(v.id)}"
        voorgedragen = sum(not k.tegenkandidaat for k in v.kandidaten)
        if voorgedragen != 1:
            yield bevinding(
                "KND01",
                pad,
                bericht(
                    "Vacature {id}: {voorgedragen} kandidaten van de voordrachtscommissie, "
                    "verwacht precies één.",
                    id=v.id,
                    voorgedragen=voorgedragen,
                ),
            )
        for k in v.kandidaten:
            if k.tegenkandidaat:
                yield from _tegenkandidaat(k, f"{pad}.kandidaten{element(k.naam)}", uiterlijk, ctx)


def _tegenkandidaat(
    k: Kandidaat, pad: str, uiterlijk: date | None, ctx: Context
) -> Iterator[Bevinding]:
    """KND02: own municipality, a role there, ten other supporters, by TRM06."""
    door = ctx.lid(k.voorgedragen_door)
    eigen = ctx.lid(k.gemeente)
    if door is None:
        yield bevinding(
            "KND02",
            pad,
            bericht(
                "{door!r} is geen lid op {datum}.",
                door=k.voorgedragen_door,
                datum=Datum(ctx.datum, weekdag=False),
            ),
        )
    elif eigen is None or eigen.code != door.code:
        yield bevinding(
            "KND02",
            pad,
            bericht(
                "{naam} is voorgedragen door {door}, niet door de eigen gemeente ({eigen}).",
                naam=k.naam,
                door=door.naam,
                eigen=k.gemeente or bericht("onbekend"),
            ),
        )
    if Rol.parse(k.rol) is None:
        tip = Rol.suggestie(k.rol)
        yield bevinding(
            "KND02",
            pad,
            bericht(
                "{naam}: rol {rol!r} is geen bestuurder, secretaris of griffier; "
                "bedoelt u {tip!r}?",
                naam=k.naam,
                rol=k.rol,
                tip=tip,
            )
            if tip
            else bericht(
                "{naam}: rol {rol!r} is geen bestuurder, secretaris of griffier.",
                naam=k.naam,
                rol=k.rol,
            ),
        )
    steun = {g.code for g in map(ctx.lid, k.ondersteuners) if g is not None}
    steun.discard(door.code if door else "")
    onbekend = [n for n in k.ondersteuners if ctx.lid(n) is None]
    minimum = ctx.procedure.ondersteuners_tegenkandidaat
    if len(steun) < minimum or onbekend:
        yield bevinding(
            "KND02",
            pad,
            bericht(
                "{naam}: {aantal} andere leden steunen, minstens {minimum} nodig; "
                "geen lid: {onbekend}.",
                naam=k.naam,
                aantal=len(steun),
                minimum=minimum,
                onbekend=reeks(onbekend),
            )
            if onbekend
            else bericht(
                "{naam}: {aantal} andere leden steunen, minstens {minimum} nodig.",
                naam=k.naam,
                aantal=len(steun),
                minimum=minimum,
            ),
        )
    if uiterlijk is not None and (k.ingediend is None or k.ingediend > uiterlijk):
        yield bevinding(
            "KND02",
            pad,
            bericht(
                "{naam}: voorgedragen op {wanneer}, uiterlijk {uiterlijk} (TRM06).",
                naam=k.naam,
                wanneer=Datum(k.ingediend, weekdag=False),
                uiterlijk=Datum(uiterlijk, weekdag=False),
            )
            if k.ingediend
            else bericht(
                "{naam}: voorgedragen zonder datum, uiterlijk {uiterlijk} (TRM06).",
                naam=k.naam,
                uiterlijk=Datum(uiterlijk, weekdag=False),
            ),
        )


def controleer_notulencommissie(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """NOT01: at least three persons (when the dossier names the committee): distinct
    visible names, compared as municipality names are (:func:`~alvrules.tekens.naam_sleutel`:
    ``"Jan"``, ``"Jan\\u200b"`` and fullwidth ``"Ｊａｎ"`` are one person; a name of only
    invisible or control characters is none)."""
    if dossier.notulencommissie is None:
        return
    namen = {
        sleutel
        for n in dossier.notulencommissie
        if zichtbaar(n) and (sleutel := naam_sleutel(n) or n.strip())
    }
    minimum = ctx.procedure.minimum_notulencommissie
    if len(namen) < minimum:
        yield bevinding(
            "NOT01",
            "notulencommissie",
            bericht(
                "De notulencommissie telt {aantal} personen, minstens {minimum} nodig.",
                aantal=len(namen),
                minimum=minimum,
            ),
        )
