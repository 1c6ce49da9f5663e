"""Amendments: the Amendement type and the rules AMD01-AMD05 (Lbr. 23/040, Procedure §1).

An amendment changes a proposal ter besluitvorming; each change (:class:`Wijziging`)
names the text to delete and/or the text to insert, and for a pure insertion the text
after which it goes.
"""

from __future__ import annotations

from datetime import datetime

from attrs import field, frozen

from alvrules.model import Persoon, aware
from alvrules.moties import Preadvies

__all__ = ["Amendement", "Wijziging"]


@frozen(kw_only=True)
class Wijziging:
    """One change: delete ``schrappen`` and/or insert ``invoegen`` (after ``na``)."""

    schrappen: str | None = None
    invoegen: str | None = None
    na: str | None = None


@frozen(kw_only=True)
class Amendement:
    """An amendment as submitted."""

    id: str
    agendapunt: str | None = None
    titel: str = ""
    indieners: tuple[str, ...] = ()
    mede_indieners: tuple[str, ...] = ()
    ondersteuners: tuple[str, ...] = ()
    ingediend: datetime | None = field(default=None, validator=aware)
    ondertekening: tuple[Persoon, ...] = ()
    wijzigingen: tuple[Wijziging, ...] = ()
    toelichting: str = ""
    preadvies: Preadvies | None = None
    interpretatie: str | None = None
