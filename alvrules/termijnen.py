"""The deadlines of one meeting: TRM01-TRM09 (all moments in Europe/Amsterdam)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from alvrules.kalender import Kalender
from alvrules.model import Vergadering
from alvrules.procedure import Procedure, procedure_op

__all__ = ["AMSTERDAM", "indientermijn"]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def indientermijn(vergadering: Vergadering, procedure: Procedure | None = None) -> datetime:
    """TRM01 (and TRM02): 9 working days before the meeting, at its cut-off time.

    A submission received at or before this moment is on time ("uiterlijk" is inclusive).
    """
    p = procedure or procedure_op(vergadering.datum)
    dag = Kalender(p.extra_vrije_dagen).werkdagen_voor(vergadering.datum, p.werkdagen_indiening)
    return datetime.combine(dag, vergadering.sluitingstijd or p.sluitingstijd, AMSTERDAM)
