"""Vote weights: STM01 (one vote per full 1,000 inhabitants, 1..75) and STM02 (peildatum).

STM01, Statuten art. 10 lid 2: ``min(75, max(1, inwoners // 1000))``.

STM02, Statuten art. 10 lid 3: the inhabitants are CBS's figure on 1 January of the year
before the meeting's year. *Decision*: a member that was formed or grew by a merger after
that date counts the sum of its predecessors' figures on that date (Voorne aan Zee at an
ALV in 2023 is Brielle + Hellevoetsluis + Westvoorne on 1-1-2022; Amsterdam includes
Weesp). Without figures for the reference date there is no weight: an error, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import MINYEAR, date

from attrs import frozen

from alvrules.bevolking import Bevolking, gedeeld
from alvrules.fouten import GebruiksFout
from alvrules.gemeenten import Gemeente, Gemeenteregister, register
from alvrules.model import InvoerFout
from alvrules.procedure import Procedure, procedure_op

__all__ = ["Stemgewicht", "Stemgewichten", "peildatum", "stemgewicht", "stemgewichten"]


def stemgewicht(inwoners: int, procedure: Procedure | None = None) -> int:
    """STM01: the votes of a member with ``inwoners`` inhabitants."""
    if isinstance(inwoners, bool) or not isinstance(inwoners, int):
        raise GebruiksFout(f"inwoners moet een geheel getal zijn, niet {inwoners!r}")
    if inwoners < 0:
        raise GebruiksFout(f"inwoners kan niet negatief zijn: {inwoners}")
    p = procedure or procedure_op(date.today())
    return min(p.maximum_stemmen, max(p.minimum_stemmen, inwoners // p.inwoners_per_stem))


def peildatum(vergaderdatum: date, procedure: Procedure | None = None) -> date:
    """STM02: 1 January of the year before the meeting's year."""
    p = procedure or procedure_op(vergaderdatum)
    jaar = vergaderdatum.year - p.peiljaren_terug
    if jaar < MINYEAR:
        raise InvoerFout(f"geen peildatum voor een vergadering op {vergaderdatum.isoformat()}")
    return date(jaar, 1, 1)


@frozen
class Stemgewicht:
    """One member's weight, with the figures it is derived from."""

    gemeente: Gemeente
    inwoners: int
    stemmen: int
    voorgangers: tuple[Gemeente, ...] = ()

    def to_json(self) -> dict[str, object]:
        uit: dict[str, object] = {
            "code": self.gemeente.code,
            "naam": self.gemeente.naam,
            "inwoners": self.inwoners,
            "stemmen": self.stemmen,
        }
        if self.voorgangers:
            uit["voorgangers"] = [g.code for g in self.voorgangers]
        return uit


@frozen
class Stemgewichten:
    """Every member's weight at a meeting; ``totaal`` is the sum of all votes."""

    vergaderdatum: date
    peildatum: date
    gewichten: tuple[Stemgewicht, ...]
    bron: str

    @property
    def totaal(self) -> int:
        return sum(g.stemmen for g in self.gewichten)

    def van(self, code: str) -> int:
        """The votes of member ``code`` (``KeyError`` when it is no member)."""
        for g in self.gewichten:
            if g.gemeente.code == code:
                return g.stemmen
        raise KeyError(code)

    def to_json(self) -> dict[str, object]:
        return {
            "jaar": self.vergaderdatum.year,
            "vergaderdatum": self.vergaderdatum.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "bron": self.bron,
            "leden": len(self.gewichten),
            "totaal": self.totaal,
            "gewichten": [g.to_json() for g in self.gewichten],
        }


def stemgewichten(
    vergaderdatum: date,
    bevolking: Iterable[Bevolking] = (),
    gemeenten: Gemeenteregister | None = None,
) -> Stemgewichten:
    """STM01 + STM02 for every member on ``vergaderdatum``.

    ``bevolking`` adds figures to the shipped ones (a user's figures win for the same
    reference date). :class:`InvoerFout` when figures for the reference date are missing.
    """
    p = procedure_op(vergaderdatum)
    peil = peildatum(vergaderdatum, p)
    reg = gemeenten or register()
    cijfers = {b.peildatum: b for b in (*gedeeld(), *bevolking)}
    if peil not in cijfers:
        raise InvoerFout(
            f"geen CBS-cijfers voor peildatum {peil.isoformat()} (STM02, Statuten art. 10 "
            f"lid 3); geef ze mee met --bevolking (beschikbaar: "
            f"{', '.join(sorted(d.isoformat() for d in cijfers))})"
        )
    b = cijfers[peil]
    rijen: list[Stemgewicht] = []
    for lid in reg.leden(vergaderdatum):
        voorgangers = reg.voorgangers(lid, peil)
        delen = [g for g in (lid, *voorgangers) if g.bestaat_op(peil)]
        ontbreekt = [g.naam for g in delen if g.code not in b.inwoners]
        if ontbreekt or not delen:
            raise InvoerFout(
                f"geen CBS-cijfer op {peil.isoformat()} voor {', '.join(ontbreekt) or lid.naam} "
                f"(nodig voor {lid.naam}, STM02)"
            )
        inwoners = sum(b.inwoners[g.code] for g in delen)
        rijen.append(Stemgewicht(lid, inwoners, stemgewicht(inwoners, p), voorgangers))
    return Stemgewichten(vergaderdatum, peil, tuple(rijen), b.bron)
