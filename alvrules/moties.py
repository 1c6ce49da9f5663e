"""Motions: the Motie type and the form rules MOT01-MOT06 (Lbr. 23/040, Procedure §5).

A motion is kept as submitted; the checks of this module report what its form lacks.
"""

from __future__ import annotations

import enum
from datetime import datetime

from attrs import field, frozen

from alvrules.model import Contactpersoon, Persoon, aware

__all__ = ["SLOTZIN", "Motie", "Preadvies"]

#: MOT02: the closing sentence of every motion.
SLOTZIN = "En gaat over tot de orde van de dag."


class Preadvies(enum.StrEnum):
    """PRE01: the board's advice on a motion or amendment."""

    OVERNEMEN = "overnemen"
    AANHOUDEN = "aanhouden"
    ONTRADEN = "ontraden"


@frozen(kw_only=True)
class Motie:
    """A motion as submitted. Ids are unique, titles need not be (MOT06)."""

    id: str
    titel: str = ""
    agendapunt: str | None = None  # an agenda item id, or "rondvraag"
    indieners: tuple[str, ...] = ()
    mede_indieners: tuple[str, ...] = ()
    ondersteuners: tuple[str, ...] = ()
    ingediend: datetime | None = field(default=None, validator=aware)
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
