"""Deciding outside a meeting: the written members' consultation (ledenraadpleging) and its
ratification (bekrachtiging) by a later ALV, rule STM14.

Which part of the procedure this encodes: ``Statuten art. 10 lid 1`` (as Lbr. 23/040
quotes it) has a member's votes cast *at* the general meeting by its representative, and
the 2023 documents describe only votes in the room (a voting device and card per
representative, Lbr. 23/040). They say nothing about voting in writing or electronically
outside a meeting; the VNG did hold such a consultation in 2020 (issue 28). Everything
below is therefore a *decision* of ``alvrules`` (docs/besluiten.md), built on the seed's
rules for a meeting:

- A dossier with ``[vergadering] soort = "ledenraadpleging"`` is a consultation. It needs
  ``opent`` and ``sluit``, timestamps with their timezone: the voting window, both ends
  inclusive (as "uiterlijk" in TRM). ``datum`` is its closing day: the members and the
  weights (STM01, STM02) are those of that day. A window may also be given for a
  (digital) meeting; then it applies there too.
- A ballot whose ``tijdstip`` lies outside the window is an error and is not counted. In
  a consultation a ballot without ``tijdstip`` cannot be placed in the window: one warning
  per vote, and it is counted (the dossier may come from a system that records no times).
- Weights, representatives, one block per member, majorities and the figures are those of
  a meeting (STM01-STM11); presence (STM03) does not apply, as at a digital ALV. There is
  no quorum (the statutes as quoted set none). Acclamation needs a meeting where nobody
  asks for a vote: in a consultation it is an error and decides nothing.
- Participation: the members with a counted ballot (an abstention included: they took
  part) of the members on the closing day, per vote and for the whole consultation
  ("212 van 342 leden brachten een stem uit").
- Deadlines: the ALV's deadlines count back from a meeting day and are *not* applied to
  a consultation. TRM01/TRM02 (motions, amendments): the consultation's own
  ``indientermijn`` when the dossier gives it, with the same severities (AMD02 error,
  TRM02 warning); without it no deadline is checked (an info says so). TRM03 (preadvies)
  is planning only. TRM04 (papers 28 days before): papers sent after voting opened are a
  warning (the members voted without them). TRM05-TRM07 (candidates, KND02's date) and
  TRM08 (final list of supporters) are not applied; TRM09 (speakers) has no meeting to
  speak at.
- Ratification: a later ALV's dossier lists ``[[bekrachtigingen]]``; each has an ``id``
  that a stemming of that ALV decides (adopted: bekrachtigd), the consultation's name,
  the ids of the consultation's decisions (its stemmingen) it ratifies and optionally the
  consultation's dossier ``bestand``, read only inside the ALV dossier's folder (as
  ``[bevolking] bestand``). With the file, the consultation must have closed before the
  ALV and every named decision must be adopted there; its tally is reported as it is:
  ratification never changes it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from attrs import evolve, field, frozen, validators

from alvrules.grenzen import MAX_OPSOMMING, bijlage_reden, lees_bijlage, reeks
from alvrules.model import InvoerFout, Vergadering
from alvrules.paden import element, sleutel
from alvrules.regels import Bevinding, Ernst, bevinding
from alvrules.teksten import N_, Datum, Getal, Moment, bericht, bericht_n, vertaal
from alvrules.telling import uitkomst_woord
from alvrules.waarden import Foutmelding, Ongeldig, gecontroleerd, getypeerd

if TYPE_CHECKING:
    from alvrules.controle import Context
    from alvrules.dossier import Dossier
    from alvrules.stemmingen import Stembriefje
    from alvrules.uitslagen import Resultaat

__all__ = [
    "Bekrachtiging",
    "Bekrachtigingsuitslag",
    "Deelname",
    "buiten_venster",
    "controleer",
    "deelname_zin",
    "venster",
]

#: A consultation file read: its dossier, its results, its participation, its sha256.
_Gelezen = tuple["Dossier", Sequence["Resultaat"], "Deelname", str]

#: At most this many different consultation files are read for one dossier (each up to
#: MAX_GROOTTE): a hostile dossier could name thousands.
MAX_BESTANDEN = MAX_OPSOMMING


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Bekrachtiging:
    """``[[bekrachtigingen]]``: an ALV ratifies decisions of a written consultation (STM14).

    ``id`` is the proposal a stemming of this ALV decides; ``raadpleging`` the
    consultation's name; ``besluiten`` the ids of the consultation's stemmingen that are
    ratified; ``bestand`` optionally the consultation's dossier file, in the ALV dossier's
    folder or below it (a relative path without ``..``, as ``[bevolking] bestand``).
    ``map`` is not part of the file format (see
    :class:`~alvrules.dossier.Bevolkingsbestand`).
    """

    id: str
    raadpleging: str = ""
    besluiten: tuple[str, ...] = ()
    bestand: str | None = field(default=None, validator=validators.optional(validators.min_len(1)))
    map: str = field(default="", init=False, eq=False, repr=False)

    @bestand.validator
    def _in_de_map(self, _: object, naam: str | None) -> None:
        reden = None if naam is None else bijlage_reden(naam)
        if reden is not None:
            raise Ongeldig(reden, ("bestand",))

    @property
    def titel(self) -> str:
        """ "Bekrachtiging <the consultation's name>"."""
        return f"Bekrachtiging {self.raadpleging}".strip()

    def in_map(self, map_: str) -> Bekrachtiging:
        """This ratification with its file relative to folder ``map_``."""
        kopie = Bekrachtiging(
            id=self.id, raadpleging=self.raadpleging, besluiten=self.besluiten, bestand=self.bestand
        )
        object.__setattr__(kopie, "map", map_)
        return kopie


@frozen(kw_only=True, field_transformer=getypeerd)
class Deelname:
    """STM14: how many members took part (a counted ballot, abstention included) of all."""

    leden: int
    van: int

    def to_json(self) -> dict[str, int]:
        """``{"leden": N, "van": M}``."""
        return {"leden": self.leden, "van": self.van}


def deelname_zin(d: Deelname, taal: str = "nl") -> str:
    """ "212 van 342 leden brachten een stem uit" / "212 of 342 members cast a ballot"."""
    return vertaal(
        taal,
        "{leden} van {van} leden brachten een stem uit",
        leden=Getal(d.leden),
        van=Getal(d.van),
    )


@frozen(kw_only=True)  # not getypeerd: Resultaat is only imported for type checking
class Bekrachtigingsuitslag:
    """A ratification's outcome at the ALV, and the consultation's results as they are."""

    bekrachtiging: Bekrachtiging
    uitkomst: str  # bekrachtigd, niet bekrachtigd, geen besluit, niet in stemming
    stemming: str | None = None  # the ALV's vote that decided it
    besluiten: tuple[Resultaat, ...] = ()  # the consultation's results (from its file)
    deelname: Deelname | None = None  # of the consultation
    opent: datetime | None = None
    sluit: datetime | None = None
    sha256: str | None = None  # of the consultation file read: what the results rest on

    def zin(self, taal: str = "nl") -> str:
        """One line: "B1 Bekrachtiging X: bekrachtigd (stemming S4); besluiten R1, R2"."""
        b = self.bekrachtiging
        uitkomst = vertaal(taal, self.uitkomst) if self.uitkomst in UITKOMSTEN else self.uitkomst
        tekst = f"{b.id} {b.titel}: {uitkomst}"
        if self.stemming:
            tekst += " " + vertaal(taal, "(stemming {stemming})", stemming=self.stemming)
        tekst += "; " + vertaal(taal, "besluiten {ids}", ids=reeks(b.besluiten))
        if self.deelname is not None:
            tekst += f"; {deelname_zin(self.deelname, taal)}"
        return tekst

    def to_json(self) -> dict[str, object]:
        """As JSON (``uitslag``'s ``bekrachtigingen``)."""
        b = self.bekrachtiging
        return {
            "id": b.id,
            "raadpleging": b.raadpleging,
            "besluiten": list(b.besluiten),
            "bestand": b.bestand,
            "sha256": self.sha256,
            "stemming": self.stemming,
            "uitkomst": self.uitkomst,
            "opent": None if self.opent is None else self.opent.isoformat(),
            "sluit": None if self.sluit is None else self.sluit.isoformat(),
            "deelname": None if self.deelname is None else self.deelname.to_json(),
            "uitslagen": [r.to_json() for r in self.besluiten],
        }


#: The outcomes of a ratification (``uitkomst``: the values of the JSON, written in the
#: language asked for in text).
BEKRACHTIGD = N_("bekrachtigd")
NIET_BEKRACHTIGD = N_("niet bekrachtigd")
GEEN_BESLUIT = N_("geen besluit")
NIET_IN_STEMMING = N_("niet in stemming")
UITKOMSTEN = frozenset({BEKRACHTIGD, NIET_BEKRACHTIGD, GEEN_BESLUIT, NIET_IN_STEMMING})


# -- the voting window ------------------------------------------------------------------


def venster(v: Vergadering) -> tuple[datetime, datetime] | None:
    """STM14: the voting window ``(opent, sluit)``, or None when it is not (validly) given."""
    if v.opent is None or v.sluit is None or v.opent >= v.sluit:
        return None
    return v.opent, v.sluit


def buiten_venster(
    b: Stembriefje, raam: tuple[datetime, datetime] | None, pad: str, naam: str
) -> Bevinding | None:
    """STM14: the error for ballot ``b`` (of member ``naam``) cast outside the window."""
    if raam is None or b.tijdstip is None or raam[0] <= b.tijdstip <= raam[1]:
        return None
    velden = {
        "naam": naam,
        "tijdstip": b.tijdstip.isoformat(),
        "opent": raam[0].isoformat(),
        "sluit": raam[1].isoformat(),
    }
    return bevinding(
        "STM14",
        f"{pad}.stemmen.{sleutel(b.gemeente)}",
        bericht(
            "Stem van {naam} telt niet: uitgebracht {tijdstip}, voor het stemvenster "
            "({opent} tot en met {sluit}).",
            **velden,
        )
        if b.tijdstip < raam[0]
        else bericht(
            "Stem van {naam} telt niet: uitgebracht {tijdstip}, na het stemvenster "
            "({opent} tot en met {sluit}).",
            **velden,
        ),
    )


# -- the check of the dossier (controle.CONTROLES) ----------------------------------------


def controleer(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """STM14 over the meeting and its votes: the window, times of ballots, acclamation,
    papers sent after voting opened, and whether a deadline applies. (Ballots outside
    the window, participation and ratification are judged with the tally,
    :func:`alvrules.uitslagen.uitslagen`.)"""
    v = dossier.vergadering
    yield from _venster_fouten(v)
    if v.indientermijn is not None and not v.ledenraadpleging:
        yield bevinding(
            "STM14",
            "vergadering.indientermijn",
            bericht(
                "Een eigen indientermijn geldt alleen bij een ledenraadpleging; voor "
                "een ALV gelden TRM01 en TRM02."
            ),
            ernst=Ernst.WAARSCHUWING,
        )
    if not v.ledenraadpleging:
        return
    if (dossier.moties or dossier.amendementen) and v.indientermijn is None:
        yield bevinding(
            "STM14",
            "vergadering.indientermijn",
            bericht(
                "Ledenraadpleging zonder eigen indientermijn: moties en amendementen "
                "worden niet aan een termijn getoetst (de termijnen van een ALV "
                "gelden hier niet)."
            ),
            ernst=Ernst.INFO,
        )
    if v.opent is not None:
        for punt in dossier.agendapunten:
            if punt.verzonden is not None and punt.verzonden > v.opent.date():
                yield bevinding(
                    "STM14",
                    f"agendapunten{element(punt.id)}.verzonden",
                    bericht(
                        "Stukken bij {id} verzonden op {waarde}, nadat het stemmen opende "
                        "({waarde2}).",
                        id=punt.id,
                        waarde=Datum(punt.verzonden, weekdag=False),
                        waarde2=Moment(v.opent),
                    ),
                    ernst=Ernst.WAARSCHUWING,
                )
    for s in dossier.stemmingen:
        zonder = sum(1 for b in s.stemmen if b.tijdstip is None)
        if zonder:
            yield bevinding(
                "STM14",
                f"stemmingen{element(s.id)}.stemmen",
                bericht_n(
                    "{n} stem zonder tijdstip: niet na te gaan dat die binnen het "
                    "stemvenster viel; die telt mee.",
                    "{n} stemmen zonder tijdstip: niet na te gaan dat ze binnen het "
                    "stemvenster vielen; ze tellen mee.",
                    zonder,
                ),
                ernst=Ernst.WAARSCHUWING,
            )
    for i, b in enumerate(dossier.bekrachtigingen):
        yield bevinding(
            "STM14",
            f"bekrachtigingen{element(b.id) if b.id.strip() else element(i)}",
            bericht("Een ledenraadpleging bekrachtigt niets: dat doet een latere ALV."),
        )


def _venster_fouten(v: Vergadering) -> Iterator[Bevinding]:
    if v.ledenraadpleging:
        for sleutel_, waarde in (("opent", v.opent), ("sluit", v.sluit)):
            if waarde is None:
                yield bevinding(
                    "STM14",
                    f"vergadering.{sleutel_}",
                    bericht(
                        "Een ledenraadpleging heeft een stemvenster: '{sleutel_}' ontbreekt "
                        "(een tijdstip met tijdzone).",
                        sleutel_=sleutel_,
                    ),
                )
    elif (v.opent is None) != (v.sluit is None):
        ontbreekt = "sluit" if v.sluit is None else "opent"
        yield bevinding(
            "STM14",
            f"vergadering.{ontbreekt}",
            bericht(
                "Een stemvenster heeft een begin en een eind: '{ontbreekt}' ontbreekt.",
                ontbreekt=ontbreekt,
            ),
        )
    if v.opent is not None and v.sluit is not None:
        if v.opent >= v.sluit:
            yield bevinding(
                "STM14",
                "vergadering.sluit",
                bericht(
                    "Het stemvenster sluit ({waarde}) niet na het openen ({waarde2}).",
                    waarde=Moment(v.sluit),
                    waarde2=Moment(v.opent),
                ),
            )
        elif v.ledenraadpleging and v.sluit.date() != v.datum:
            yield bevinding(
                "STM14",
                "vergadering.datum",
                bericht(
                    "De datum van een ledenraadpleging is de dag waarop het stemmen "
                    "sluit ({waarde}), niet {waarde2}: leden en stemgewichten gaan naar "
                    "die datum.",
                    waarde=Datum(v.sluit.date(), weekdag=False),
                    waarde2=Datum(v.datum, weekdag=False),
                ),
                ernst=Ernst.WAARSCHUWING,
            )


# -- with the tally ---------------------------------------------------------------------


def deelname(resultaten: Sequence[Resultaat], leden: int) -> Deelname:
    """STM14: the members with a counted ballot in any of ``resultaten``, of ``leden``."""
    return Deelname(leden=len({c for r in resultaten for c, _ in r.stemgedrag}), van=leden)


def bekrachtig(
    dossier: Dossier, resultaten: Sequence[Resultaat]
) -> tuple[tuple[Bekrachtigingsuitslag, ...], list[Bevinding]]:
    """STM14: every ratification of ``dossier`` with the ALV's vote on it and, when it
    names the consultation's file, that consultation's results of the ratified decisions
    (its own tally, as it is). The findings: an unreadable or wrong file, a consultation
    that had not closed before the ALV, a named decision that is not there or not adopted."""
    uit: list[Bevinding] = []
    gelezen: dict[str, _Gelezen | InvoerFout | None] = {}
    lijst: list[Bekrachtigingsuitslag] = []
    per_voorstel: dict[str, list[Resultaat]] = {}  # one pass: no scan per ratification
    for r in resultaten:
        for v in dict.fromkeys(r.stemming.voorstellen):
            per_voorstel.setdefault(v, []).append(r)
    genoemd: dict[tuple[str | None, str], str] = {}  # (file, decision) -> ratification
    for i, b in enumerate(dossier.bekrachtigingen):
        pad = f"bekrachtigingen{element(b.id) if b.id.strip() else element(i)}"
        uitslag = _alv_uitkomst(b, per_voorstel.get(b.id, []))
        b = _eenmaal(b, pad, genoemd, uit)  # noqa: PLW2901 - each decision ratified once
        if not b.besluiten:
            uit.append(
                bevinding(
                    "STM14",
                    f"{pad}.besluiten",
                    bericht("De bekrachtiging noemt geen besluiten van de raadpleging."),
                )
            )
        if b.bestand is None:
            lijst.append(uitslag)
            continue
        if b.bestand not in gelezen:
            gelezen[b.bestand] = (
                _lees(b) if len(gelezen) < MAX_BESTANDEN else None  # bounded work
            )
        raadpleging = gelezen[b.bestand]
        if raadpleging is None:
            uit.append(
                bevinding(
                    "STM14",
                    f"{pad}.bestand",
                    bericht(
                        "Niet gelezen: een dossier leest hooguit {MAX_BESTANDEN} raadplegingen.",
                        MAX_BESTANDEN=MAX_BESTANDEN,
                    ),
                    ernst=Ernst.WAARSCHUWING,
                )
            )
        elif isinstance(raadpleging, InvoerFout):
            melding = raadpleging.bericht or Foutmelding(raadpleging)
            uit.append(bevinding("STM14", f"{pad}.bestand", melding))
        else:
            lijst.append(_met_raadpleging(b, pad, uitslag, raadpleging, dossier=dossier, uit=uit))
            continue
        lijst.append(uitslag)
    return tuple(lijst), uit


def _eenmaal(
    b: Bekrachtiging, pad: str, genoemd: dict[tuple[str | None, str], str], uit: list[Bevinding]
) -> Bekrachtiging:
    """STM14: a decision of a consultation is ratified once. ``b`` without the decisions an
    earlier ratification (or ``b`` itself) already named, each a warning; at most
    :data:`~alvrules.grenzen.MAX_OPSOMMING` warnings per ratification, one more counts the
    rest (so the output stays in proportion to the input)."""
    eigen: list[str] = []
    dubbel = 0
    for j, besluit in enumerate(b.besluiten):
        sleutel_ = (b.bestand, besluit)
        if sleutel_ not in genoemd:
            genoemd[sleutel_] = b.id
            eigen.append(besluit)
            continue
        dubbel += 1
        if dubbel <= MAX_OPSOMMING:
            uit.append(
                bevinding(
                    "STM14",
                    f"{pad}.besluiten[{j}]",
                    bericht(
                        "Besluit {besluit!r} is al genoemd door bekrachtiging {waarde}; een "
                        "besluit wordt één keer bekrachtigd.",
                        besluit=besluit,
                        waarde=genoemd[sleutel_],
                    ),
                    ernst=Ernst.WAARSCHUWING,
                )
            )
    if dubbel > MAX_OPSOMMING:
        rest = dubbel - MAX_OPSOMMING
        uit.append(
            bevinding(
                "STM14",
                f"{pad}.besluiten",
                bericht("En nog {rest} besluiten die al eerder genoemd zijn.", rest=rest),
                ernst=Ernst.WAARSCHUWING,
            )
        )
    if not dubbel:
        return b
    kopie = Bekrachtiging(
        id=b.id, raadpleging=b.raadpleging, besluiten=tuple(eigen), bestand=b.bestand
    )
    object.__setattr__(kopie, "map", b.map)
    return kopie


def _alv_uitkomst(b: Bekrachtiging, stemmingen: Sequence[Resultaat]) -> Bekrachtigingsuitslag:
    """The ALV's decision on ratification ``b`` (``stemmingen``: the votes naming it): its
    first vote with a decision."""
    for r in stemmingen:
        if r.uitkomst == "aangenomen":
            return Bekrachtigingsuitslag(
                bekrachtiging=b, uitkomst=BEKRACHTIGD, stemming=r.stemming.id
            )
        if r.uitkomst == "verworpen":
            return Bekrachtigingsuitslag(
                bekrachtiging=b, uitkomst=NIET_BEKRACHTIGD, stemming=r.stemming.id
            )
    if stemmingen:
        return Bekrachtigingsuitslag(
            bekrachtiging=b, uitkomst=GEEN_BESLUIT, stemming=stemmingen[0].stemming.id
        )
    return Bekrachtigingsuitslag(bekrachtiging=b, uitkomst=NIET_IN_STEMMING)


def _lees(b: Bekrachtiging) -> _Gelezen | InvoerFout:
    """The consultation's dossier, read only inside the ALV dossier's folder, and its own
    results (its own ``[[bekrachtigingen]]`` are not followed: no chain of files)."""
    from alvrules.herkomst import sha256  # noqa: PLC0415 - only when a file is read
    from alvrules.laden import in_map, is_json, laad_bytes  # noqa: PLC0415 - import cycle
    from alvrules.uitslagen import uitslagen  # noqa: PLC0415 - import cycle

    assert b.bestand is not None
    try:
        inhoud = lees_bijlage(b.map, b.bestand)
        naam = PurePosixPath(b.bestand)
        d = laad_bytes(inhoud, b.bestand, json_=is_json(inhoud, naam.name))
        d = in_map(evolve(d, bekrachtigingen=()), Path(b.map or ".") / naam.parent)
        u = uitslagen(d)
    except InvoerFout as e:
        return InvoerFout(
            bericht(
                "De raadpleging is niet te gebruiken: {reden}", reden=e.bericht or Foutmelding(e)
            )
        )
    return d, u.resultaten, deelname(u.resultaten, len(u.gewichten)), sha256(inhoud)


def _met_raadpleging(
    b: Bekrachtiging,
    pad: str,
    uitslag: Bekrachtigingsuitslag,
    raadpleging: _Gelezen,
    *,
    dossier: Dossier,
    uit: list[Bevinding],
) -> Bekrachtigingsuitslag:
    d, resultaten, deel, hash_ = raadpleging
    v = d.vergadering
    if not v.ledenraadpleging:
        uit.append(
            bevinding(
                "STM14",
                f"{pad}.bestand",
                bericht(
                    "{bestand} is geen ledenraadpleging (soort {value}).",
                    bestand=b.bestand,
                    value=v.soort.value,
                ),
            )
        )
    gesloten = v.sluit.date() if v.sluit is not None else v.datum
    if gesloten >= dossier.vergadering.datum:
        uit.append(
            bevinding(
                "STM14",
                f"{pad}.bestand",
                bericht(
                    "De raadpleging sloot op {waarde}, niet voor deze ALV ({waarde2}): "
                    "er valt nog niets te bekrachtigen.",
                    waarde=Datum(gesloten, weekdag=False),
                    waarde2=Datum(dossier.vergadering.datum, weekdag=False),
                ),
            )
        )
    per_id: dict[str, Resultaat] = {}
    for r in resultaten:
        per_id.setdefault(r.stemming.id, r)
    besluiten: list[Resultaat] = []
    fouten = 0
    for j, besluit in enumerate(b.besluiten):
        gevonden = per_id.get(besluit)
        if gevonden is not None:
            besluiten.append(gevonden)
            if gevonden.uitkomst == "aangenomen":
                continue
        fouten += 1
        if fouten > MAX_OPSOMMING:  # counted below: the output stays bounded
            continue
        melding = (
            bericht(
                "De raadpleging {bestand} heeft geen stemming {besluit!r}.",
                bestand=b.bestand,
                besluit=besluit,
            )
            if gevonden is None
            else bericht(
                "Besluit {besluit} van de raadpleging is niet aangenomen ({uitkomst}): er "
                "valt niets te bekrachtigen.",
                besluit=besluit,
                uitkomst=uitkomst_woord(gevonden.uitkomst),
            )
        )
        uit.append(bevinding("STM14", f"{pad}.besluiten[{j}]", melding))
    if fouten > MAX_OPSOMMING:
        rest = fouten - MAX_OPSOMMING
        uit.append(
            bevinding(
                "STM14",
                f"{pad}.besluiten",
                bericht(
                    "En nog {rest} besluiten die er niet in staan of niet zijn aangenomen.",
                    rest=rest,
                ),
            )
        )
    return evolve(
        uitslag,
        besluiten=tuple(besluiten),
        deelname=deel,
        opent=v.opent,
        sluit=v.sluit,
        sha256=hash_,
    )
