"""Vote weights: STM01 (one vote per full 1,000 inhabitants, 1..75) and STM02 (peildatum).

STM01, Statuten art. 10 lid 2: ``min(75, max(1, inwoners // 1000))``.

STM02, Statuten art. 10 lid 3: the inhabitants are CBS's figure on 1 January of the year
before the meeting's year. *Decision*: a member that was formed or grew by a merger after
that date counts the sum of its predecessors' figures on that date (Voorne aan Zee at an
ALV in 2023 is Brielle + Hellevoetsluis + Westvoorne on 1-1-2022; Amsterdam includes
Weesp). Without figures for the reference date there is no weight: an error, never a guess.

*Decision* (divided municipalities): a municipality divided among several others after
the reference date (Littenseradiel 2018, Winsum 2019, Haaren 2021) is no one's
predecessor: CBS gives no figure for its parts, so until the successors' own figures
exist they count only their own inhabitants, and the divided municipality's are counted
for no member. :attr:`Stemgewichten.verdeeld` names it with its figure, so the gap is
visible (Het Hogeland at the ALV of 2019 is Bedum + Eemsmond + De Marne on 1-1-2018).

The register starts on :data:`alvrules.gemeenten.BEGIN`: a meeting before it, or a
reference date before it (a meeting in 2017), is refused with the supported range.

Which figures: the caller's (``bevolking=``: the CLI's ``--bevolking``, a dossier's
``[bevolking]``), else the ones shipped for the reference date. Figures for another
reference date are refused, never used in place of the right ones; figures from a file
for a date the package ships that differ from the shipped ones are refused too (STM02).
"""

from __future__ import annotations

from datetime import MINYEAR, date

from attrs import frozen

from alvrules.bevolking import UIT_BESTAND, Bevolking, beschikbaar, gedeeld, geen_cijfers
from alvrules.fouten import GebruiksFout, eis
from alvrules.gemeenten import BEGIN, Gemeente, Gemeenteregister, register
from alvrules.grenzen import MAX_OPSOMMING, reeks
from alvrules.model import InvoerFout
from alvrules.procedure import Procedure, procedure_op
from alvrules.teksten import Bericht, Datum, Getal, bericht, bericht_n, vertaal
from alvrules.waarden import getypeerd

__all__ = [
    "Stemgewicht",
    "Stemgewichten",
    "Verdeeld",
    "cijfers_voor",
    "peildatum",
    "stemgewicht",
    "stemgewichten",
]


def stemgewicht(inwoners: int, procedure: Procedure | None = None) -> int:
    """STM01: the votes of a member with ``inwoners`` inhabitants, under ``procedure``
    (default: the procedure in force today; :func:`stemgewichten` passes the meeting's)."""
    if isinstance(inwoners, bool) or not isinstance(inwoners, int):
        raise GebruiksFout(
            bericht(
                "Het aantal inwoners moet een geheel getal zijn, niet {inwoners!r}.",
                inwoners=inwoners,
            )
        )
    if inwoners < 0:
        raise GebruiksFout(
            bericht("Het aantal inwoners kan niet negatief zijn: {inwoners}.", inwoners=inwoners)
        )
    p = procedure or procedure_op(date.today())
    return min(p.maximum_stemmen, max(p.minimum_stemmen, inwoners // p.inwoners_per_stem))


def peildatum(vergaderdatum: date, procedure: Procedure | None = None) -> date:
    """STM02: 1 January of the year before the meeting's year."""
    p = procedure or procedure_op(vergaderdatum)
    jaar = vergaderdatum.year - p.peiljaren_terug
    if jaar < MINYEAR:
        raise InvoerFout(
            bericht(
                "Geen peildatum voor een vergadering op {datum}.",
                datum=Datum(vergaderdatum, weekdag=False),
            )
        )
    return date(jaar, 1, 1)


@frozen(field_transformer=getypeerd)
class Stemgewicht:
    """One member's weight, with the figures it is derived from."""

    gemeente: Gemeente
    inwoners: int
    stemmen: int
    voorgangers: tuple[Gemeente, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The weight as JSON (INTERFACES.md ``stemgewichten``): code, naam, inwoners, stemmen."""
        uit: dict[str, object] = {
            "code": self.gemeente.code,
            "tooi": self.gemeente.tooi,
            "naam": self.gemeente.naam,
            "inwoners": self.inwoners,
            "stemmen": self.stemmen,
        }
        if self.voorgangers:
            uit["voorgangers"] = [g.code for g in self.voorgangers]
            uit["voorgangers_tooi"] = [g.tooi for g in self.voorgangers]
        return uit


@frozen(field_transformer=getypeerd)
class Verdeeld:
    """A municipality divided after the reference date: its inhabitants count for no one."""

    gemeente: Gemeente
    inwoners: int | None  # its figure on the reference date, if the figures hold one
    over: tuple[Gemeente, ...]  # the members that received its territory

    def to_json(self) -> dict[str, object]:
        """``code``, ``naam``, ``inwoners`` and ``verdeeld_over`` (codes)."""
        return {
            "code": self.gemeente.code,
            "naam": self.gemeente.naam,
            "inwoners": self.inwoners,
            "verdeeld_over": [g.code for g in self.over],
        }


@frozen(field_transformer=getypeerd)
class Stemgewichten:
    """Every member's weight at a meeting; ``totaal`` is the sum of all votes."""

    vergaderdatum: date
    peildatum: date
    gewichten: tuple[Stemgewicht, ...]
    bron: str
    bevolking: Bevolking | None = None  # the figures used
    verdeeld: tuple[Verdeeld, ...] = ()  # divided after the reference date (STM02 decision)

    @property
    def totaal(self) -> int:
        """The total number of votes of all members."""
        return sum(g.stemmen for g in self.gewichten)

    def van(self, code: str) -> int:
        """The votes of member ``code`` (``KeyError`` when it is no member)."""
        for g in self.gewichten:
            if g.gemeente.code == code:
                return g.stemmen
        raise KeyError(code)

    def to_json(self) -> dict[str, object]:
        """All weights as JSON (INTERFACES.md ``stemgewichten``)."""
        return {
            "jaar": self.vergaderdatum.year,
            "vergaderdatum": self.vergaderdatum.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "bron": self.bron,
            "leden": len(self.gewichten),
            "totaal": self.totaal,
            "gewichten": [g.to_json() for g in self.gewichten],
            **({"bevolking": self.bevolking.to_json()} if self.bevolking else {}),
            **({"verdeeld": [v.to_json() for v in self.verdeeld]} if self.verdeeld else {}),
        }


def cijfers_voor(peil: date, bevolking: Bevolking | None = None) -> Bevolking:
    """The figures for reference date ``peil``: ``bevolking`` if given, else the shipped.

    :class:`InvoerFout` (rule STM02) when ``bevolking`` has another reference date or
    nothing is shipped for ``peil``: never another year's figures. Figures read from a
    file (``oorsprong`` ``bestand``, ``opdrachtregel`` or ``dossier``) for a reference date
    the package ships must equal the shipped ones, else :class:`InvoerFout` naming the
    municipalities that differ.
    """
    if bevolking is not None:
        if bevolking.peildatum != peil:
            velden = {
                "peildatum": Datum(bevolking.peildatum, weekdag=False),
                "peil": Datum(peil, weekdag=False),
            }
            raise InvoerFout(
                bericht(
                    "De cijfers in {bestand} hebben peildatum {peildatum}, maar deze "
                    "vergadering vraagt CBS-cijfers op {peil} (STM02, Statuten art. 10 lid 3).",
                    bestand=bevolking.bestand,
                    **velden,
                )
                if bevolking.bestand
                else bericht(
                    "De meegegeven cijfers hebben peildatum {peildatum}, maar deze "
                    "vergadering vraagt CBS-cijfers op {peil} (STM02, Statuten art. 10 lid 3).",
                    **velden,
                ),
                regel="STM02",
            )
        gedeelde = gedeeld(peil) if bevolking.oorsprong in UIT_BESTAND else None
        if gedeelde is not None:
            _zelfde(bevolking, gedeelde)
        return bevolking
    gevonden = gedeeld(peil)
    if gevonden is None:
        raise geen_cijfers(peil, beschikbaar())
    return gevonden


def _zelfde(gegeven: Bevolking, gedeelde: Bevolking) -> None:
    """STM02: figures from a file for a reference date the package ships must be the
    shipped ones; :class:`InvoerFout` naming the municipalities that differ otherwise
    (*decision*, docs/besluiten.md: a supplied file never replaces CBS's figures)."""
    codes = sorted(
        c
        for c in gegeven.inwoners.keys() | gedeelde.inwoners.keys()
        if gegeven.inwoners.get(c) != gedeelde.inwoners.get(c)
    )
    if not codes:
        return
    reg = register()

    def getal(n: int | None) -> Getal | Bericht:
        return bericht("geen") if n is None else Getal(n)

    def naam(c: str) -> str:
        g = reg.code(c)
        return f"{g.naam} ({c})" if g else c

    eerste = codes[:MAX_OPSOMMING]
    verschillen = [
        bericht(
            "{naam} {gegeven} in plaats van {gedeeld}",
            naam=naam(c),
            gegeven=getal(gegeven.inwoners.get(c)),
            gedeeld=getal(gedeelde.inwoners.get(c)),
        )
        for c in eerste
    ]
    velden = {
        "peil": Datum(gedeelde.peildatum, weekdag=False),
        "verschillen": _Reeks(verschillen, len(codes) - len(eerste)),
        "beschrijving": gedeelde.beschrijving,
    }
    raise InvoerFout(
        bericht_n(
            "De cijfers in {bestand} wijken af van de CBS-cijfers in het pakket op {peil} "
            "voor {n} gemeente: {verschillen}; voor deze peildatum gelden de cijfers in het "
            "pakket ({beschrijving}): laat het bestand weg (STM02).",
            "De cijfers in {bestand} wijken af van de CBS-cijfers in het pakket op {peil} "
            "voor {n} gemeenten: {verschillen}; voor deze peildatum gelden de cijfers in het "
            "pakket ({beschrijving}): laat het bestand weg (STM02).",
            len(codes),
            bestand=gegeven.bestand,
            **velden,
        )
        if gegeven.bestand
        else bericht_n(
            "De meegegeven cijfers wijken af van de CBS-cijfers in het pakket op {peil} "
            "voor {n} gemeente: {verschillen}; voor deze peildatum gelden de cijfers in het "
            "pakket ({beschrijving}): laat ze weg (STM02).",
            "De meegegeven cijfers wijken af van de CBS-cijfers in het pakket op {peil} "
            "voor {n} gemeenten: {verschillen}; voor deze peildatum gelden de cijfers in het "
            "pakket ({beschrijving}): laat ze weg (STM02).",
            len(codes),
            **velden,
        ),
        regel="STM02",
    )


class _Reeks:
    """Messages joined with ``; `` and, past the first ones, how many more: a field of a
    message (:mod:`alvrules.teksten`), in the message's language."""

    __slots__ = ("delen", "rest")

    def __init__(self, delen: list[Bericht], rest: int) -> None:
        self.delen, self.rest = delen, rest

    def in_(self, taal: str) -> str:
        tekst = "; ".join(d.in_(taal) for d in self.delen)
        if self.rest:
            return vertaal(taal, "{lijst} en nog {rest}", lijst=tekst, rest=Getal(self.rest))
        return tekst


def stemgewichten(
    vergaderdatum: date,
    *,
    bevolking: Bevolking | None = None,
    gemeenten: Gemeenteregister | None = None,
) -> Stemgewichten:
    """STM01 + STM02 for every member on ``vergaderdatum``.

    ``bevolking``: the figures to use (their reference date must be the meeting's);
    without it the shipped figures. :class:`InvoerFout` when figures are missing.
    """
    eis(vergaderdatum, date, "vergaderdatum")
    eis(bevolking, (Bevolking, type(None)), "bevolking")
    p = procedure_op(vergaderdatum)
    peil = peildatum(vergaderdatum, p)
    reg = gemeenten or register()
    leden = reg.leden(vergaderdatum)  # BuitenRegister before the register's first date
    if not reg.dekt(peil):
        begin = reg.begin or BEGIN
        raise InvoerFout(
            bericht(
                "Geen stemgewichten voor een vergadering op {waarde}: de peildatum "
                "{waarde2} ligt voor het begin van het gemeenteregister ({waarde3}); "
                "stemgewichten zijn er voor vergaderingen vanaf {waarde4} (STM02, "
                "Statuten art. 10 lid 3).",
                waarde=Datum(vergaderdatum, weekdag=False),
                waarde2=Datum(peil, weekdag=False),
                waarde3=Datum(begin, weekdag=False),
                waarde4=begin.year + 1,
            ),
            regel="STM02",
        )
    b = cijfers_voor(peil, bevolking)
    rijen: list[Stemgewicht] = []
    for lid in leden:
        voorgangers = reg.voorgangers(lid, peil, vergaderdatum)
        delen = [g for g in (lid, *voorgangers) if g.bestaat_op(peil)]
        ontbreekt = [g.naam for g in delen if g.code not in b.inwoners]
        if ontbreekt or not delen:
            namen = reeks(ontbreekt) or lid.naam
            raise InvoerFout(
                bericht(
                    "Geen CBS-cijfer op {waarde} voor {namen} (nodig voor {naam}, STM02) "
                    "in {beschrijving}.",
                    waarde=Datum(peil, weekdag=False),
                    namen=namen,
                    naam=lid.naam,
                    beschrijving=b.beschrijving,
                ),
                regel="STM02",
            )
        inwoners = sum(b.inwoners[g.code] for g in delen)
        rijen.append(Stemgewicht(lid, inwoners, stemgewicht(inwoners, p), voorgangers))
    verdeeld = tuple(
        Verdeeld(g, b.inwoners.get(g.code), reg.opvolgers(g, vergaderdatum))
        for g in reg.verdeeld(peil, vergaderdatum)
    )
    return Stemgewichten(vergaderdatum, peil, tuple(rijen), b.beschrijving, b, verdeeld)
