"""The deadlines of one meeting: TRM01-TRM09 (all moments in Europe/Amsterdam).

Each deadline is a :class:`Termijn` with its rule id, name, moment, whether it binds, the
source (from the rule registry) and an explanation that shows the counting: which days
were skipped and why, and which calendar (CAL01) was in force.

Working-day deadlines count back with CAL02 (TRM01, TRM02, TRM08, TRM09) or forward
(TRM03); the candidate and paper deadlines (TRM04-TRM07) are calendar days and do not
move when they fall on a weekend or holiday. The numbers come from :class:`Procedure`.

Binding (``bindend``): only TRM01 (statutory amendment deadline; late is an error, AMD02)
and TRM06 (counter-candidates; late is an error, KND02) bind. TRM02 is a request of the
board (late is a warning), TRM04 and TRM08 have a known remedy (nazending; the list is
not published), and TRM03, TRM05, TRM07 and TRM09 are planning or advice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from attrs import field, frozen

from alvrules.fouten import GebruiksFout
from alvrules.kalender import Kalender, reden_in
from alvrules.model import Vergadering
from alvrules.procedure import GelijkgesteldeDag, Procedure, procedure_op
from alvrules.regels import regel
from alvrules.teksten import (
    MAANDEN,
    N_,
    WEEKDAGEN,
    Datum,
    Moment,
    Opsomming,
    Tijd,
    bericht,
    vertaal,
    vertaal_n,
)
from alvrules.waarden import getypeerd

__all__ = ["AMSTERDAM", "Termijn", "Uitleg", "indientermijn", "ondersteunerstermijn", "termijnen"]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_BINDEND = frozenset({"TRM01", "TRM06"})


def _lid3(gelijk: tuple[GelijkgesteldeDag, ...], onbekend: tuple[int, ...], taal: str) -> list[str]:
    """The Atw art. 3 lid 3 parts of an explanation: each equated day skipped, with its
    decree, and the years no known decree covers."""
    delen = []
    for g in gelijk:
        besluit = f"{g.besluit}, {g.vindplaats}" if g.vindplaats else g.besluit
        delen.append(
            vertaal(
                taal,
                "{dag}, bij KB met een feestdag gelijkgesteld ({besluit})",
                dag=Datum(g.datum),
                besluit=besluit,
            )
        )
    if onbekend:
        delen.append(
            vertaal(
                taal,
                "geen koninklijk besluit bekend dat dagen van {jaren} met een feestdag "
                "gelijkstelt (Atw art. 3 lid 3): zulke dagen zijn niet overgeslagen",
                jaren=Opsomming(str(j) for j in onbekend),
            )
        )
    return delen


def _overgeslagen(dagen: list[tuple[date, str]], taal: str) -> str:
    """``zaterdag 25 en zondag 26 november; maandag 29 mei (tweede pinksterdag)``."""
    if not dagen:
        return vertaal(taal, "geen dagen overgeslagen")
    groepen: list[list[tuple[date, str]]] = []
    for d, reden in dagen:
        vorige = groepen[-1][-1][0] if groepen else None
        if vorige and vorige + timedelta(days=1) == d and vorige.month == d.month:
            groepen[-1].append((d, reden))
        else:
            groepen.append([(d, reden)])
    delen = []
    for groep in groepen:
        labels = []
        for i, (d, reden) in enumerate(groep):
            label = f"{vertaal(taal, WEEKDAGEN[d.weekday()])} {d.day}"
            if i == len(groep) - 1:
                label += f" {vertaal(taal, MAANDEN[d.month - 1])}"
            if reden not in ("zaterdag", "zondag"):
                label += f" ({reden_in(reden, taal)})"
            labels.append(label)
        delen.append(Opsomming(labels).in_(taal))
    return vertaal(taal, "overgeslagen: {dagen}", dagen="; ".join(delen))


class Uitleg:
    """The explanation of a deadline, written in whichever language is asked for
    (:meth:`in_`); ``str()`` is Dutch, and it equals its Dutch text."""

    __slots__ = ("_schrijf",)

    def __init__(self, schrijf: Callable[[str], str]) -> None:
        self._schrijf = schrijf

    def in_(self, taal: str) -> str:
        """The explanation in ``taal`` (``nl`` or ``en``)."""
        return self._schrijf(taal)

    def __str__(self) -> str:
        return self.in_("nl")

    def __repr__(self) -> str:
        return f"Uitleg({self.in_('nl')!r})"

    def __eq__(self, ander: object) -> bool:
        if isinstance(ander, str):
            return self.in_("nl") == ander
        if not isinstance(ander, Uitleg):
            return NotImplemented
        return self.in_("nl") == ander.in_("nl")

    def __hash__(self) -> int:
        return hash(self.in_("nl"))


def _uitleg(waarde: Uitleg | str) -> Uitleg:
    """An :class:`Uitleg`; a plain text is one that is the same in every language."""
    if isinstance(waarde, Uitleg):
        return waarde
    if not isinstance(waarde, str):
        raise GebruiksFout(bericht("Termijn.toelichting: verwacht een Uitleg of tekst."))
    return Uitleg(lambda _taal: waarde)


@frozen(kw_only=True, field_transformer=getypeerd)
class Termijn:
    """One deadline of a meeting (TRM01-TRM09).

    ``moment`` is a timezone-aware datetime in Europe/Amsterdam, or a ``date`` where the
    rule has no time of day (TRM03-TRM07).
    """

    regel: str
    #: the rule's short name: a message of the catalogue (Dutch), see :meth:`naam_in`
    naam: str
    moment: date | datetime = field()
    bindend: bool
    bron: str
    #: how the deadline is counted, in either language (:meth:`uitleg_in`)
    toelichting: Uitleg = field(converter=_uitleg)
    #: the days equated with a holiday (Atw art. 3 lid 3) skipped in counting this deadline
    gelijkgesteld: tuple[GelijkgesteldeDag, ...] = ()
    #: the years of its counting that no known decree covers (an equated day may be missed)
    besluit_onbekend: tuple[int, ...] = ()

    @moment.validator
    def _aware(self, _attribute: object, value: date | datetime) -> None:
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise GebruiksFout(
                bericht("Tijdstip zonder tijdzone: {tijdstip}.", tijdstip=value.isoformat())
            )

    @property
    def uitleg(self) -> str:
        """How the deadline is counted, in Dutch."""
        return self.toelichting.in_("nl")

    @property
    def uitleg_en(self) -> str:
        """How the deadline is counted, in English (as :meth:`uitleg_in` ``("en")``)."""
        return self.toelichting.in_("en")

    def uitleg_in(self, taal: str = "nl") -> str:
        """How the deadline is counted, in ``taal`` (``nl`` or ``en``)."""
        return self.toelichting.in_(taal)

    def naam_in(self, taal: str = "nl") -> str:
        """The deadline's name (its rule's) in ``taal`` (``nl`` or ``en``)."""
        return vertaal(taal, self.naam)

    @property
    def naam_en(self) -> str:
        """The deadline's name in English (as :meth:`naam_in` ``("en")``)."""
        return self.naam_in("en")

    @property
    def datum(self) -> date:
        """The day of the deadline."""
        return self.moment.date() if isinstance(self.moment, datetime) else self.moment

    def moment_in(self, taal: str) -> str:
        """The moment as people write it in ``taal``: ``woensdag 17 juni 2026, 13.00 uur``
        / ``Wednesday 17 June 2026, 1:00 pm``; a day-only deadline is its date."""
        return Moment(self.moment).in_(taal)

    @property
    def tijdstip(self) -> str:
        """ISO 8601: with offset for a moment, the date only for a day."""
        return self.moment.isoformat()

    def gehaald(self, ontvangen: datetime) -> bool:
        """Whether something received at ``ontvangen`` is on time (the deadline inclusive)."""
        if ontvangen.utcoffset() is None:
            raise GebruiksFout(
                bericht("Tijdstip zonder tijdzone: {tijdstip}.", tijdstip=ontvangen.isoformat())
            )
        if isinstance(self.moment, datetime):
            return ontvangen <= self.moment
        return ontvangen.astimezone(AMSTERDAM).date() <= self.moment

    def to_json(self, taal: str = "nl") -> dict[str, Any]:
        """The deadline as JSON (INTERFACES.md ``termijnen``), explanation in ``taal``."""
        uit: dict[str, Any] = {
            "regel": self.regel,
            "naam": self.naam_in(taal),
            "tijdstip": self.tijdstip,
            "bindend": self.bindend,
            "bron": self.bron,
            "uitleg": self.uitleg_in(taal),
        }
        if self.gelijkgesteld:
            uit["gelijkgestelde_dagen"] = [
                {
                    "datum": g.datum.isoformat(),
                    "besluit": g.besluit,
                    "vindplaats": g.vindplaats or None,
                    "bron": g.bron,
                }
                for g in self.gelijkgesteld
            ]
        if self.besluit_onbekend:
            uit["atw_besluit_onbekend"] = list(self.besluit_onbekend)
        return uit


def indientermijn(vergadering: Vergadering, procedure: Procedure | None = None) -> datetime:
    """TRM01 (and TRM02): 9 working days before the meeting, at its cut-off time.

    A submission received at or before this moment is on time ("uiterlijk" is inclusive).
    """
    p = procedure or procedure_op(vergadering.datum)
    dag = Kalender.van(p).werkdagen_voor(vergadering.datum, p.werkdagen_indiening)
    return datetime.combine(dag, vergadering.sluitingstijd or p.sluitingstijd, AMSTERDAM)


def ondersteunerstermijn(vergadering: Vergadering, procedure: Procedure | None = None) -> datetime:
    """TRM08: the last working day before the meeting, 10:00; at that moment is on time."""
    p = procedure or procedure_op(vergadering.datum)
    dag = Kalender.van(p).werkdagen_voor(vergadering.datum, p.werkdagen_ondersteuners)
    return datetime.combine(dag, p.tijd_ondersteuners, AMSTERDAM)


#: the last part of an explanation counted back: the time of day of the deadline
_OM = {
    "om": N_("om {tijd}"),
    "sluiting_eigen": N_("om {tijd} (sluitingstijd van de vergadering)"),
    "sluiting_standaard": N_("om {tijd} (standaard sluitingstijd)"),
}

_Uitleg = Callable[[str], str]
#: a deadline counted back: moment, explanation, equated days skipped, years no decree covers
_Terug = tuple[datetime, _Uitleg, tuple[GelijkgesteldeDag, ...], tuple[int, ...]]


def _termijn(
    regel_id: str,
    moment: date | datetime,
    uitleg: _Uitleg,
    gelijkgesteld: tuple[GelijkgesteldeDag, ...] = (),
    besluit_onbekend: tuple[int, ...] = (),
) -> Termijn:
    r = regel(regel_id)
    return Termijn(
        gelijkgesteld=gelijkgesteld,
        besluit_onbekend=besluit_onbekend,
        regel=r.id,
        naam=r.naam,
        moment=moment,
        bindend=r.id in _BINDEND,
        bron=r.bron,
        toelichting=Uitleg(uitleg),
    )


def termijnen(vergadering: Vergadering, procedure: Procedure | None = None) -> tuple[Termijn, ...]:
    """All deadlines TRM01-TRM09 of ``vergadering``, in rule order."""
    p = procedure or procedure_op(vergadering.datum)
    kal = Kalender.van(p)
    alv = vergadering.datum

    def terug(n: int, tijd: time, soort: str) -> _Terug:
        dag = kal.werkdagen_voor(alv, n)
        vrij = list(kal.overgeslagen(dag, alv))
        gelijk, onbekend = kal.gelijkgestelde(dag, alv), kal.onbekende_jaren(dag, alv)

        def uitleg(taal: str) -> str:
            return "; ".join(
                (
                    vertaal_n(
                        taal,
                        "{n} werkdag terug vanaf {van}, de vergaderdag niet meegeteld",
                        "{n} werkdagen terug vanaf {van}, de vergaderdag niet meegeteld",
                        n,
                        van=Datum(alv),
                    ),
                    _overgeslagen(vrij, taal),
                    *_lid3(gelijk, onbekend, taal),
                    vertaal(taal, _OM[soort], tijd=Tijd(tijd)),
                    vertaal(taal, "kalender: {kalender}", kalender=kal.omschrijving(taal)),
                )
            )

        return datetime.combine(dag, tijd, AMSTERDAM), uitleg, gelijk, onbekend

    def kalenderdagen(n: int) -> tuple[date, _Uitleg]:
        dag = alv - timedelta(days=n)
        reden = kal.vrij(dag)

        def uitleg(taal: str) -> str:
            tekst = vertaal_n(
                taal,
                "{n} kalenderdag voor {van}",
                "{n} kalenderdagen voor {van}",
                n,
                van=Datum(alv),
            )
            if reden is not None:
                tekst += "; " + vertaal(
                    taal,
                    "valt op een niet-werkdag ({reden}); kalenderdagen schuiven niet",
                    reden=reden_in(reden, taal),
                )
            return tekst

        return dag, uitleg

    sluiting = "sluiting_eigen" if vergadering.sluitingstijd else "sluiting_standaard"
    indienen, indienen_uitleg, indienen_gelijk, indienen_onbekend = terug(
        p.werkdagen_indiening, vergadering.sluitingstijd or p.sluitingstijd, sluiting
    )
    preadvies = kal.werkdagen_na(indienen.date(), p.werkdagen_preadvies)
    vrij_preadvies = list(kal.overgeslagen(indienen.date() + timedelta(days=1), preadvies))
    na_indienen = indienen.date() + timedelta(days=1)
    preadvies_gelijk = kal.gelijkgestelde(na_indienen, preadvies)
    preadvies_onbekend = kal.onbekende_jaren(na_indienen, preadvies)

    def preadvies_uitleg(taal: str) -> str:
        na = vertaal_n(
            taal,
            "{n} werkdag na {van} ({regel})",
            "{n} werkdagen na {van} ({regel})",
            p.werkdagen_preadvies,
            van=Datum(indienen.date()),
            regel="TRM01",
        )
        kal_tekst = vertaal(taal, "kalender: {kalender}", kalender=kal.omschrijving(taal))
        lid3 = _lid3(preadvies_gelijk, preadvies_onbekend, taal)
        return "; ".join((na, _overgeslagen(vrij_preadvies, taal), *lid3, kal_tekst))

    return (
        _termijn("TRM01", indienen, indienen_uitleg, indienen_gelijk, indienen_onbekend),
        _termijn("TRM02", indienen, indienen_uitleg, indienen_gelijk, indienen_onbekend),
        _termijn("TRM03", preadvies, preadvies_uitleg, preadvies_gelijk, preadvies_onbekend),
        _termijn("TRM04", *kalenderdagen(p.dagen_vergaderstukken)),
        _termijn("TRM05", *kalenderdagen(p.dagen_kandidaten)),
        _termijn("TRM06", *kalenderdagen(p.dagen_tegenkandidaten)),
        _termijn("TRM07", *kalenderdagen(p.dagen_kandidatenoverzicht)),
        _termijn("TRM08", *terug(p.werkdagen_ondersteuners, p.tijd_ondersteuners, "om")),
        _termijn("TRM09", *terug(p.werkdagen_insprekers, p.tijd_insprekers, "om")),
    )
