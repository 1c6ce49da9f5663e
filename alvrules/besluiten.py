"""What the meeting decided on each proposal: parts of a motion, held motions, votes on a
preadvies, and one decision per proposal (STM13).

:func:`besluiten` reads the results of :mod:`alvrules.uitslagen` in dossier order and
turns them into decisions (:class:`Besluit`) on proposals: a motion, one part of a motion
(``[[moties.delen]]``), an amendment, an agenda item. Decisions:

- A vote on a proposal (``soort = "voorstel"`` or ``"orde"``) that adopts or rejects
  decides each proposal it names (STM08: the result applies to each). With ``deel = N`` it
  decides part N of its one motion; a vote on the whole of a motion in parts decides every
  part. A vote without a decision (nothing cast, postponed, an acclamation objected to)
  decides nothing.
- A vote on the board's preadvies (``soort = "preadvies"``) decides nothing about the
  preadvies' own text: when it is adopted, the motion (or part) gets what the preadvies
  advises: ``aanhouden`` held, ``overnemen`` adopted, ``ontraden`` rejected, each
  recorded as decided *door* (by) the preadvies. A rejected preadvies decides nothing: the
  motion still needs its own vote. *Decision*: the seed shows preadviezen (Lbr. 23/040,
  Procedure §3; minutes of 14 June 2023, item 8) but no vote on one; this reading is ours.
- A motion or part recorded as ``aangehouden`` (by ``indieners`` or ``preadvies``) is held
  without a vote; it counts as decided before the votes of the dossier.
- STM13: a proposal (motion, part, amendment, agenda item) decided more than once is an
  error, unless the later vote records a revote (``herstemming = "reden"``). Either way the
  last decision counts: the earlier one is kept, marked as no longer standing. A vote on
  the whole of a motion in parts and a vote on one of its parts decide the same part.
  *Decision*: the seed has no revote and no second decision; it is the rule that makes
  two contradictory results visible. The parts of a motion cover each oproep point at
  most once, with numbers of their own (STM13: otherwise one point gets two decisions).

Everything here is linear in the input: per motion the last decision on the whole and on
each part are kept, so finding a conflict or a part's final decision is one look-up.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from attrs import evolve, field, frozen

from alvrules.grenzen import MAX_OPSOMMING
from alvrules.levenscyclus import EerdereDeel, EerdereMotie, Status
from alvrules.moties import Aanhouding, Deel, Motie, Preadvies
from alvrules.paden import element
from alvrules.regels import Bevinding, Ernst, bevinding
from alvrules.stemmingen import Stemming, StemmingSoort, Wijze
from alvrules.teksten import N_, Bericht, bericht, vertaal
from alvrules.telling import Uitkomst
from alvrules.verantwoording import VOORSTEL
from alvrules.waarden import getypeerd

if TYPE_CHECKING:
    from alvrules.dossier import Dossier
    from alvrules.uitslagen import Resultaat

__all__ = [
    "Besluit",
    "Besluiten",
    "MotieUitslag",
    "advies_van",
    "besluiten",
    "deel_naam",
    "zin_besluit",
]

#: What an adopted preadvies does to the motion (or part) it is about.
GEVOLG: Mapping[Preadvies, Status] = {
    Preadvies.AANHOUDEN: Status.AANGEHOUDEN,
    Preadvies.OVERNEMEN: Status.AANGENOMEN,
    Preadvies.ONTRADEN: Status.VERWORPEN,
}


@frozen(kw_only=True, field_transformer=getypeerd)
class Besluit:
    """One decision on a proposal (or one part of a motion), and how it was reached.

    ``uitkomst`` is aangenomen, verworpen or aangehouden (AFD05 statuses); ``stemming`` the
    vote that decided it (None: held without a vote); ``door`` who held it or that a
    preadvies decided it (:class:`~alvrules.moties.Aanhouding`), None for a vote on the
    proposal itself; ``preadvies`` what the adopted preadvies advised; ``geldt`` False
    when a later decision on the same proposal replaced it (STM13).
    """

    voorstel: str
    uitkomst: Status
    deel: int | None = None
    stemming: str | None = None
    door: Aanhouding | None = None
    preadvies: Preadvies | None = None
    herstemming: str | None = None
    acclamatie: bool = False
    percentage_voor: str | None = None
    percentage_tegen: str | None = None
    geldt: bool = True

    def to_json(self) -> dict[str, Any]:
        """The decision as JSON (``uitslag``: per vote ``besluiten``, per motion ``delen``)."""
        return {
            "voorstel": self.voorstel,
            "deel": self.deel,
            "uitkomst": self.uitkomst.value,
            "stemming": self.stemming,
            "door": None if self.door is None else self.door.value,
            "preadvies": None if self.preadvies is None else self.preadvies.value,
            "herstemming": self.herstemming,
            "geldt": self.geldt,
        }


@frozen(kw_only=True, field_transformer=getypeerd)
class MotieUitslag:
    """The result of one motion: per part (or for the whole) the decision that counts."""

    motie: Motie
    onderdelen: tuple[tuple[Deel | None, Besluit | None], ...] = ()

    @property
    def status(self) -> Status | None:
        """The motion as a whole (AFD05): aangenomen when a part (or the whole) was adopted,
        else aangehouden when one was held, else verworpen when every part was rejected;
        None without a decision. A held part never makes the motion adopted."""
        uitkomsten = [b.uitkomst if b else None for _, b in self.onderdelen]
        for s in (Status.AANGENOMEN, Status.AANGEHOUDEN):
            if s in uitkomsten:
                return s
        if uitkomsten and all(u is Status.VERWORPEN for u in uitkomsten):
            return Status.VERWORPEN
        return None

    @property
    def apart(self) -> bool:
        """Whether the result needs a line of its own beside the votes: voted in parts,
        held, or decided by a preadvies (otherwise a vote's line says it all)."""
        return bool(self.motie.delen) or any(b is not None and b.door for _, b in self.onderdelen)

    def zin(self, taal: str = "nl") -> str:
        """As the minutes write it: "1e deel aangenomen: 60% voor, 40% tegen; 2e deel
        aangehouden door de indieners" (English with ``taal="en"``)."""
        stukken: list[str] = []
        for deel, b in self.onderdelen:
            tekst = zin_besluit(b, taal)
            stukken.append(tekst if deel is None else f"{deel_naam(deel.nummer, taal)} {tekst}")
        return "; ".join(stukken)

    def eerdere_motie(self, vergadering: date) -> EerdereMotie | None:
        """This motion as the next meeting's ``[[eerdere_moties]]`` has it (decided at the
        ALV of ``vergadering``), with per part where it stands; None without a decision. A
        part without a decision stays ``definitief`` (signed, not decided)."""
        status = self.status
        if status is None:
            return None
        m = self.motie
        return EerdereMotie(
            id=m.id,
            titel=m.titel,
            vergadering=vergadering,
            indieners=m.indieners,
            oproep=" ".join(p.strip() for p in m.oproep),
            status=status,
            delen=tuple(
                EerdereDeel(
                    nummer=d.nummer,
                    punten=d.punten,
                    status=Status.DEFINITIEF if b is None else b.uitkomst,
                )
                for d, b in self.onderdelen
                if d is not None
            ),
        )

    def to_json(self, taal: str = "nl") -> dict[str, Any]:
        """The motion's result as JSON (``uitslag``: ``moties``), ``zin`` in ``taal``."""
        m = self.motie
        return {
            "id": m.id,
            "titel": m.titel,
            "uitkomst": None if self.status is None else self.status.value,
            "zin": self.zin(taal),
            "delen": [
                {
                    "deel": None if d is None else d.nummer,
                    "punten": [] if d is None else list(d.punten),
                    "uitkomst": None if b is None else b.uitkomst.value,
                    "besluit": None if b is None else b.to_json(),
                }
                for d, b in self.onderdelen
            ],
        }


def deel_naam(nummer: int, taal: str | bool = "nl") -> str:
    """ "1e deel" / "part 1" (the minutes number parts with an ordinal); ``taal`` ``True``
    is English, ``False`` Dutch (the older form of this call)."""
    if isinstance(taal, bool):
        taal = "en" if taal else "nl"
    return vertaal(taal, "{nummer}e deel", nummer=nummer)


#: The outcome of a decision in words (the Status values, written in the language asked).
WOORD = {
    Status.AANGENOMEN: N_("aangenomen"),
    Status.VERWORPEN: N_("verworpen"),
    Status.AANGEHOUDEN: N_("aangehouden"),
}


def _woord(uitkomst: Status) -> str | Bericht:
    return bericht(WOORD[uitkomst]) if uitkomst in WOORD else uitkomst.value


def _percentage(tekst: str, taal: str) -> str:
    """A percentage as the minutes give it (``60,5``), with the language's decimal sign."""
    return tekst if taal == "nl" else tekst.replace(",", ".")


def zin_besluit(b: Besluit | None, taal: str = "nl") -> str:
    """One decision in words, every figure saying what it is a share of (STM06)."""
    if b is None:
        return vertaal(taal, "geen besluit")
    woord = _woord(b.uitkomst)
    if b.door is Aanhouding.INDIENERS:
        return vertaal(taal, "{woord} door de indieners", woord=woord)
    cijfers = None
    if b.percentage_voor is not None:
        cijfers = bericht(
            "{voor}% voor, {tegen}% tegen",
            voor=_percentage(b.percentage_voor, taal),
            tegen=_percentage(b.percentage_tegen or "", taal),
        )
    if b.door is Aanhouding.PREADVIES:  # the outcome says what the preadvies advised
        if cijfers is None:
            return vertaal(taal, "{woord} volgens het preadvies", woord=woord)
        return vertaal(
            taal,
            "{woord} volgens het preadvies (preadvies aangenomen: {cijfers})",
            woord=woord,
            cijfers=cijfers,
        )
    if b.acclamatie:
        return vertaal(taal, "{woord} bij acclamatie", woord=woord)
    if cijfers is None:
        return woord if isinstance(woord, str) else woord.in_(taal)
    return vertaal(taal, "{woord}: {cijfers}", woord=woord, cijfers=cijfers)


@frozen(kw_only=True, field_transformer=getypeerd)
class Besluiten:
    """The decisions of a dossier: per vote (in order), per motion, and the findings."""

    per_stemming: tuple[tuple[Besluit, ...], ...] = ()
    adviezen: tuple[Preadvies | None, ...] = ()  # per vote: what a voted preadvies advises
    moties: tuple[MotieUitslag, ...] = ()
    bevindingen: tuple[Bevinding, ...] = field(factory=tuple)


class _Register:
    """All decisions in order, with per proposal the last one on the whole and per part."""

    def __init__(self) -> None:
        self.alle: list[Besluit] = []
        self.heel: dict[str, int] = {}  # proposal -> index of its last decision on the whole
        self.deel: dict[tuple[str, int], int] = {}  # (motion, part) -> index of last decision
        self.laatste: dict[str, int] = {}  # proposal -> index of its last decision of any kind

    def eerder(self, voorstel: str, deel: int | None) -> Besluit | None:
        """The last earlier decision that decided (part of) the same thing, or None."""
        if deel is None:
            i = self.laatste.get(voorstel)
        else:
            i = max(self.heel.get(voorstel, -1), self.deel.get((voorstel, deel), -1))
            i = None if i < 0 else i
        return None if i is None else self.alle[i]

    def voeg_toe(self, b: Besluit) -> None:
        i = len(self.alle)
        self.alle.append(b)
        self.laatste[b.voorstel] = i
        if b.deel is None:
            self.heel[b.voorstel] = i
        else:
            self.deel[(b.voorstel, b.deel)] = i

    def definitief(self, voorstel: str, deel: int | None) -> int | None:
        """Index of the decision that counts for ``voorstel`` (part ``deel``), or None."""
        i = self.heel.get(voorstel, -1)
        if deel is not None:
            i = max(i, self.deel.get((voorstel, deel), -1))
        return None if i < 0 else i


def _wat(voorstel: str, deel: int | None) -> str | Bericht:
    """A proposal, or one part of it ("M1 (2e deel)"), as a field of a message."""
    if deel is None:
        return voorstel
    return bericht("{voorstel} ({nummer}e deel)", voorstel=voorstel, nummer=deel)


def _delen_vorm(m: Motie, pad: str) -> Iterator[Bevinding]:
    """STM13: parts with numbers of their own, each oproep point in at most one part."""
    nummers: set[int] = set()
    punten: dict[int, int] = {}
    for i, d in enumerate(m.delen):
        waar = f"{pad}.delen[{i}]"
        if d.nummer < 1 or d.nummer in nummers:
            yield bevinding(
                "STM13",
                f"{waar}.nummer",
                bericht(
                    "Deel {nummer} van motie {id} heeft geen eigen nummer van 1 of hoger.",
                    nummer=d.nummer,
                    id=m.id,
                ),
            )
        nummers.add(d.nummer)
        for j, p in enumerate(d.punten):
            if not 1 <= p <= len(m.oproep):
                yield bevinding(
                    "STM13",
                    f"{waar}.punten[{j}]",
                    bericht(
                        "Punt {p} van deel {nummer} staat niet in de oproep van motie {id} "
                        "({aantal} punten).",
                        p=p,
                        nummer=d.nummer,
                        id=m.id,
                        aantal=len(m.oproep),
                    ),
                )
            elif p in punten and punten[p] != i:
                yield bevinding(
                    "STM13",
                    f"{waar}.punten[{j}]",
                    bericht(
                        "Punt {p} van de oproep van motie {id} staat al in deel {waarde}; "
                        "elk punt hoort bij één deel (anders krijgt het twee besluiten).",
                        p=p,
                        id=m.id,
                        waarde=m.delen[punten[p]].nummer,
                    ),
                )
            else:
                punten.setdefault(p, i)


def _gehouden(m: Motie, pad: str, uit: list[Bevinding]) -> Iterator[tuple[Besluit, str]]:
    """The motion and parts recorded as held without a vote, with the path of the record.
    A part recorded as held while the whole motion is held says nothing new: it is not a
    second decision (and not read)."""
    onderdelen: list[tuple[Deel | None, str]] = [(None, pad)]
    if m.aangehouden is None:
        onderdelen += [(d, f"{pad}.delen[{i}]") for i, d in enumerate(m.delen)]
    for d, waar in onderdelen:
        door = m.aangehouden if d is None else d.aangehouden
        if door is None:
            continue
        advies = (d.preadvies if d is not None else None) or m.preadvies
        if door is Aanhouding.PREADVIES and advies is not Preadvies.AANHOUDEN:
            uit.append(
                bevinding(
                    "PRE01",
                    f"{waar}.aangehouden",
                    bericht(
                        "{wat} is aangehouden volgens het preadvies, maar het preadvies is "
                        "{advies}, niet aanhouden.",
                        wat=_wat(m.id, d.nummer if d else None),
                        advies=advies.value if advies else bericht("niet opgegeven"),
                    ),
                    ernst=Ernst.WAARSCHUWING,
                )
            )
        yield (
            Besluit(
                voorstel=m.id,
                uitkomst=Status.AANGEHOUDEN,
                deel=None if d is None else d.nummer,
                door=door,
                preadvies=Preadvies.AANHOUDEN if door is Aanhouding.PREADVIES else None,
            ),
            f"{waar}.aangehouden",
        )


def advies_van(s: Stemming, motie: Motie | None) -> Preadvies | None:
    """What the preadvies voted on advises: as the vote records it, else the part's
    preadvies, else the motion's; None for any other vote or when nobody says."""
    if s.soort is not StemmingSoort.PREADVIES:
        return None
    deel = motie.deel(s.deel) if motie and s.deel is not None else None
    return (
        s.uitkomst_preadvies
        or (deel.preadvies if deel else None)
        or (motie.preadvies if motie else None)
    )


def _van_stemming(
    r: Resultaat,
    moties: Mapping[str, Motie],
    bekend: Collection[str],
    pad: str,
    uit: list[Bevinding],
) -> list[Besluit]:
    """The decisions a vote's result makes (none without a decision); a proposal that is
    not in the dossier (STM12) gets none."""
    s = r.stemming
    gemeen: dict[str, Any] = {
        "stemming": s.id,
        "herstemming": s.herstemming,
        "acclamatie": s.wijze is Wijze.ACCLAMATIE,
        "percentage_voor": r.percentage_voor,
        "percentage_tegen": r.percentage_tegen,
    }
    motie = moties.get(s.voorstellen[0]) if len(s.voorstellen) == 1 else None
    deel: Deel | None = None
    if s.deel is not None:
        deel = motie.deel(s.deel) if motie else None
        if deel is None:
            uit.append(
                bevinding(
                    "STM12",
                    f"{pad}.deel",
                    bericht(
                        "De stemming gaat over deel {deel}, maar noemt niet één motie met "
                        "dat deel ([[moties.delen]]); zij besluit over niets.",
                        deel=s.deel,
                    ),
                )
            )
            return []
    if s.soort is StemmingSoort.PREADVIES:
        if motie is None:
            uit.append(
                bevinding(
                    "STM12",
                    f"{pad}.voorstellen",
                    bericht(
                        "Een stemming over een preadvies noemt precies één motie bij voorstellen."
                    ),
                )
            )
            return []
        advies = advies_van(s, motie)
        if advies is None:
            uit.append(
                bevinding(
                    "PRE01",
                    f"{pad}.uitkomst_preadvies",
                    bericht(
                        "Stemming over het preadvies bij motie {id}, maar niet wat het "
                        'adviseert; leg het vast (uitkomst_preadvies = "aanhouden", '
                        '"overnemen" of "ontraden").',
                        id=motie.id,
                    ),
                    ernst=Ernst.FOUT,
                )
            )
            return []
        if r.uitkomst != Uitkomst.AANGENOMEN:
            return []  # a rejected preadvies decides nothing: the motion needs its own vote
        return [
            Besluit(
                voorstel=motie.id,
                uitkomst=GEVOLG[advies],
                deel=s.deel,
                door=Aanhouding.PREADVIES,
                preadvies=advies,
                **gemeen,
            )
        ]
    if s.soort not in (StemmingSoort.VOORSTEL, StemmingSoort.ORDE):
        return []
    if r.uitkomst == Uitkomst.AANGENOMEN:
        status = Status.AANGENOMEN
    elif r.uitkomst == Uitkomst.VERWORPEN:
        status = Status.VERWORPEN
    else:
        return []
    return [
        Besluit(voorstel=v, uitkomst=status, deel=s.deel, **gemeen)
        for v in dict.fromkeys(s.voorstellen)
        if v in bekend
    ]


def besluiten(dossier: Dossier, resultaten: Sequence[Resultaat]) -> Besluiten:
    """The decisions of ``resultaten`` (the dossier's votes, in order) and the held
    motions of ``dossier``, with the findings of STM13 (and STM12/PRE01 for a part or a
    preadvies that a vote names wrongly)."""
    uit: list[Bevinding] = []
    moties = {m.id: m for m in reversed(dossier.moties)}  # the first motion of an id counts
    register = _Register()
    bekend = _bekend(dossier)
    for m in dossier.moties:
        if moties.get(m.id) is not m:
            continue
        pad = f"moties{element(m.id)}"
        uit.extend(_delen_vorm(m, pad))
        for b, waar in _gehouden(m, pad, uit):
            _neem_op(register, b, waar, uit, meldingen=[0])
    bron: list[list[int]] = []
    adviezen: list[Preadvies | None] = []
    for r in resultaten:
        s = r.stemming
        pad = f"stemmingen{element(s.id)}"
        indices: list[int] = []
        meldingen = [0]
        nieuw = _van_stemming(r, moties, bekend, pad, uit)
        enkel = moties.get(s.voorstellen[0]) if len(s.voorstellen) == 1 else None
        adviezen.append(advies_van(s, enkel))
        for b in nieuw:
            _neem_op(register, b, pad, uit, meldingen=meldingen)
            indices.append(len(register.alle) - 1)
        if meldingen[0] > MAX_OPSOMMING:
            rest = meldingen[0] - MAX_OPSOMMING
            uit.append(
                bevinding(
                    "STM13",
                    pad,
                    bericht(
                        "En over nog {rest} voorstellen van deze stemming was al besloten.",
                        rest=rest,
                    ),
                )
            )
        bron.append(indices)
    geldig = _geldig(register, moties)
    alle = [evolve(b, geldt=i in geldig) for i, b in enumerate(register.alle)]
    per_stemming = tuple(tuple(alle[i] for i in indices) for indices in bron)
    uitslagen_moties = tuple(
        MotieUitslag(motie=m, onderdelen=_onderdelen(m, register, alle))
        for m in dossier.moties
        if moties.get(m.id) is m and (m.delen or m.id in register.laatste)
    )
    return Besluiten(
        per_stemming=per_stemming,
        adviezen=tuple(adviezen),
        moties=uitslagen_moties,
        bevindingen=tuple(uit),
    )


def _bekend(dossier: Dossier) -> frozenset[str]:
    """The ids a vote can decide on (as STM12 knows them): motions, amendments, agenda
    items, vacancies and the accounting for motions."""
    return frozenset(
        {
            *(m.id for m in dossier.moties),
            *(a.id for a in dossier.amendementen),
            *(p.id for p in dossier.agendapunten),
            *(v.id for v in dossier.vacatures),
            VOORSTEL,
        }
    )


def _neem_op(
    register: _Register, b: Besluit, pad: str, uit: list[Bevinding], *, meldingen: list[int]
) -> None:
    """Record ``b``; STM13 when it decides again what was decided, without a revote."""
    eerder = register.eerder(b.voorstel, b.deel)
    if eerder is not None and b.herstemming is None:
        meldingen[0] += 1
        if meldingen[0] <= MAX_OPSOMMING:
            velden = {"wat": _wat(b.voorstel, b.deel), "uitkomst": _woord(eerder.uitkomst)}
            uit.append(
                bevinding(
                    "STM13",
                    pad,
                    bericht(
                        "Over {wat} is al besloten in {stemming} ({uitkomst}); een tweede "
                        "besluit zonder herstemming. Het laatste besluit telt; is het een "
                        'herstemming, leg dat dan vast met herstemming = "reden".',
                        stemming=eerder.stemming,
                        **velden,
                    )
                    if eerder.stemming
                    else bericht(
                        "Over {wat} is al besloten zonder stemming ({uitkomst}); een tweede "
                        "besluit zonder herstemming. Het laatste besluit telt; is het een "
                        'herstemming, leg dat dan vast met herstemming = "reden".',
                        **velden,
                    ),
                )
            )
    elif eerder is None and b.herstemming is not None:
        uit.append(
            bevinding(
                "STM13",
                f"{pad}.herstemming",
                bericht(
                    "Herstemming over {wat}, maar daarover was nog niet besloten; dit is het "
                    "eerste besluit.",
                    wat=_wat(b.voorstel, b.deel),
                ),
                ernst=Ernst.INFO,
            )
        )
    register.voeg_toe(b)


def _geldig(register: _Register, moties: Mapping[str, Motie]) -> set[int]:
    """The indices of the decisions that count: per proposal (per part of a motion in
    parts) the last one."""
    geldig: set[int] = set()
    for voorstel in register.laatste:
        m = moties.get(voorstel)
        nummers: list[int | None] = [d.nummer for d in m.delen] if m and m.delen else [None]
        for n in nummers:
            if (i := register.definitief(voorstel, n)) is not None:
                geldig.add(i)
    return geldig


def _onderdelen(
    m: Motie, register: _Register, alle: Sequence[Besluit]
) -> tuple[tuple[Deel | None, Besluit | None], ...]:
    if not m.delen:
        i = register.definitief(m.id, None)
        return ((None, None if i is None else alle[i]),)
    uit: list[tuple[Deel | None, Besluit | None]] = []
    for d in sorted(m.delen, key=lambda d: d.nummer):
        i = register.definitief(m.id, d.nummer)
        uit.append((d, None if i is None else alle[i]))
    return tuple(uit)
