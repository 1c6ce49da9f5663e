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
from alvrules.kalender import GELIJKGESTELD, Kalender, reden_in
from alvrules.model import Vergadering
from alvrules.procedure import GelijkgesteldeDag, Procedure, procedure_op
from alvrules.regels import regel
from alvrules.waarden import getypeerd

__all__ = ["AMSTERDAM", "Termijn", "indientermijn", "ondersteunerstermijn", "termijnen"]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_BINDEND = frozenset({"TRM01", "TRM06"})

#: Words of the explanation per language: weekdays, months and fixed phrases.
_WOORDEN: dict[str, dict[str, Any]] = {
    "nl": {
        "dagen": ("ma", "di", "wo", "do", "vr", "za", "zo"),
        "maanden": [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        "en": "en",
        "werkdag": ("werkdag", "werkdagen"),
        "terug": "{n} {werkdagen} terug vanaf {van}, de vergaderdag niet meegeteld",
        "na": "{n} {werkdagen} na {van} ({regel})",
        "kalenderdagen": "{n} kalenderdagen voor {van}",
        "geen_verschuiving": "valt op een niet-werkdag ({reden}); kalenderdagen schuiven niet",
        "overgeslagen": "overgeslagen: {dagen}",
        "niets": "geen dagen overgeslagen",
        "om": "om {tijd}",
        "sluiting_eigen": "om {tijd} (sluitingstijd van de vergadering)",
        "sluiting_standaard": "om {tijd} (standaard sluitingstijd)",
        "kalender": "kalender: {kalender}",
        "weekdagen": (
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ),
        "gelijkgesteld": "{dag}, " + GELIJKGESTELD + " ({besluit})",
        "onbekend": "geen koninklijk besluit bekend dat dagen van {jaren} met een feestdag "
        "gelijkstelt (Atw art. 3 lid 3): zulke dagen zijn niet overgeslagen",
    },
    "en": {
        "dagen": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "maanden": [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        "en": "and",
        "werkdag": ("working day", "working days"),
        "terug": "{n} {werkdagen} back from {van}, the meeting day not counted",
        "na": "{n} {werkdagen} after {van} ({regel})",
        "kalenderdagen": "{n} calendar days before {van}",
        "geen_verschuiving": "falls on a non-working day ({reden}); calendar days do not move",
        "overgeslagen": "skipped: {dagen}",
        "niets": "no days skipped",
        "om": "at {tijd}",
        "sluiting_eigen": "at {tijd} (the meeting's cut-off time)",
        "sluiting_standaard": "at {tijd} (default cut-off time)",
        "kalender": "calendar: {kalender}",
        "weekdagen": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "gelijkgesteld": "{dag}, equated with a holiday by royal decree ({besluit})",
        "onbekend": "no royal decree known that equates days of {jaren} with a holiday (Atw "
        "art. 3(3)): no such day was skipped",
    },
}


def _dag(d: date, taal: str) -> str:
    w = _WOORDEN[taal]
    return f"{w['dagen'][d.weekday()]} {d.day} {w['maanden'][d.month - 1]} {d.year}"


def _lange_dag(d: date, taal: str) -> str:
    """``vrijdag 10 mei 2024`` / ``Friday 10 May 2024``."""
    w = _WOORDEN[taal]
    return f"{w['weekdagen'][d.weekday()]} {d.day} {w['maanden'][d.month - 1]} {d.year}"


def _lid3(gelijk: tuple[GelijkgesteldeDag, ...], onbekend: tuple[int, ...], taal: str) -> list[str]:
    """The Atw art. 3 lid 3 parts of an explanation: each equated day skipped, with its
    decree, and the years no known decree covers."""
    w = _WOORDEN[taal]
    delen = []
    for g in gelijk:
        besluit = f"{g.besluit}, {g.vindplaats}" if g.vindplaats else g.besluit
        delen.append(str(w["gelijkgesteld"]).format(dag=_lange_dag(g.datum, taal), besluit=besluit))
    if onbekend:
        jaren = [str(j) for j in onbekend]
        tekst = jaren[0] if len(jaren) == 1 else f"{', '.join(jaren[:-1])} {w['en']} {jaren[-1]}"
        delen.append(str(w["onbekend"]).format(jaren=tekst))
    return delen


def _werkdagen(n: int, taal: str) -> str:
    return str(_WOORDEN[taal]["werkdag"][n != 1])


def _overgeslagen(dagen: list[tuple[date, str]], taal: str) -> str:
    """``za 25 en zo 26 november; ma 29 mei (tweede pinksterdag)``."""
    w = _WOORDEN[taal]
    if not dagen:
        return str(w["niets"])
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
            label = f"{w['dagen'][d.weekday()]} {d.day}"
            if i == len(groep) - 1:
                label += f" {w['maanden'][d.month - 1]}"
            if reden not in ("zaterdag", "zondag"):
                label += f" ({reden_in(reden, taal)})"
            labels.append(label)
        tekst = (
            labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} {w['en']} {labels[-1]}"
        )
        delen.append(tekst)
    return str(w["overgeslagen"]).format(dagen="; ".join(delen))


@frozen(kw_only=True, field_transformer=getypeerd)
class Termijn:
    """One deadline of a meeting (TRM01-TRM09).

    ``moment`` is a timezone-aware datetime in Europe/Amsterdam, or a ``date`` where the
    rule has no time of day (TRM03-TRM07).
    """

    regel: str
    naam: str
    naam_en: str
    moment: date | datetime = field()
    bindend: bool
    bron: str
    uitleg: str
    uitleg_en: str
    #: the days equated with a holiday (Atw art. 3 lid 3) skipped in counting this deadline
    gelijkgesteld: tuple[GelijkgesteldeDag, ...] = ()
    #: the years of its counting that no known decree covers (an equated day may be missed)
    besluit_onbekend: tuple[int, ...] = ()

    @moment.validator
    def _aware(self, _attribute: object, value: date | datetime) -> None:
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise GebruiksFout(f"tijdstip zonder tijdzone: {value.isoformat()}")

    @property
    def datum(self) -> date:
        """The day of the deadline."""
        return self.moment.date() if isinstance(self.moment, datetime) else self.moment

    @property
    def tijdstip(self) -> str:
        """ISO 8601: with offset for a moment, the date only for a day."""
        return self.moment.isoformat()

    def gehaald(self, ontvangen: datetime) -> bool:
        """Whether something received at ``ontvangen`` is on time (the deadline inclusive)."""
        if ontvangen.utcoffset() is None:
            raise GebruiksFout(f"tijdstip zonder tijdzone: {ontvangen.isoformat()}")
        if isinstance(self.moment, datetime):
            return ontvangen <= self.moment
        return ontvangen.astimezone(AMSTERDAM).date() <= self.moment

    def to_json(self, taal: str = "nl") -> dict[str, Any]:
        """The deadline as JSON (INTERFACES.md ``termijnen``), explanation in ``taal``."""
        en = taal == "en"
        uit: dict[str, Any] = {
            "regel": self.regel,
            "naam": self.naam_en if en else self.naam,
            "tijdstip": self.tijdstip,
            "bindend": self.bindend,
            "bron": self.bron,
            "uitleg": self.uitleg_en if en else self.uitleg,
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
        naam_en=r.naam_en,
        moment=moment,
        bindend=r.id in _BINDEND,
        bron=r.bron,
        uitleg=uitleg("nl"),
        uitleg_en=uitleg("en"),
    )


def termijnen(vergadering: Vergadering, procedure: Procedure | None = None) -> tuple[Termijn, ...]:
    """All deadlines TRM01-TRM09 of ``vergadering``, in rule order."""
    p = procedure or procedure_op(vergadering.datum)
    kal = Kalender.van(p)
    alv = vergadering.datum
    kalender = {t: kal.omschrijving(t) for t in _WOORDEN}

    def terug(n: int, tijd: time, soort: str) -> _Terug:
        dag = kal.werkdagen_voor(alv, n)
        vrij = list(kal.overgeslagen(dag, alv))
        gelijk, onbekend = kal.gelijkgestelde(dag, alv), kal.onbekende_jaren(dag, alv)

        def uitleg(taal: str) -> str:
            w = _WOORDEN[taal]
            return "; ".join(
                (
                    str(w["terug"]).format(n=n, werkdagen=_werkdagen(n, taal), van=_dag(alv, taal)),
                    _overgeslagen(vrij, taal),
                    *_lid3(gelijk, onbekend, taal),
                    str(w[soort]).format(tijd=tijd.strftime("%H:%M")),
                    str(w["kalender"]).format(kalender=kalender[taal]),
                )
            )

        return datetime.combine(dag, tijd, AMSTERDAM), uitleg, gelijk, onbekend

    def kalenderdagen(n: int) -> tuple[date, _Uitleg]:
        dag = alv - timedelta(days=n)
        reden = kal.vrij(dag)

        def uitleg(taal: str) -> str:
            w = _WOORDEN[taal]
            tekst = str(w["kalenderdagen"]).format(n=n, van=_dag(alv, taal))
            if reden is not None:
                tekst += "; " + str(w["geen_verschuiving"]).format(reden=reden_in(reden, taal))
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
        w = _WOORDEN[taal]
        na = str(w["na"]).format(
            n=p.werkdagen_preadvies,
            werkdagen=_werkdagen(p.werkdagen_preadvies, taal),
            van=_dag(indienen.date(), taal),
            regel="TRM01",
        )
        kal_tekst = str(w["kalender"]).format(kalender=kalender[taal])
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
