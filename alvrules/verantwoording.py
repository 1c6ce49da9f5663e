"""The accounting for adopted motions at the next ALV (AFD02-AFD04) and PRE01.

Sources: ``Verantwoording moties`` (annex 09 of Lbr. 23/040) and ``Werkgroep moties``.
At each ALV the board accounts for every open adopted motion of earlier meetings and
proposes, per motion, to do it off (*afdoen*, the default: its call has become part of
VNG policy) or to keep it open (*aanhouden*, optionally ``tot`` an event such as "tot na
de kabinetsformatie", with a reason). Motions kept open return at every following
accounting until afgedaan (AFD03). The members decide on the whole list as one proposal,
:data:`VOORSTEL` (AFD04), which a ``[[stemmingen]]`` entry can name in ``voorstellen``.

Dossier section (TOML; JSON alike)::

    [[eerdere_moties]]              # adopted (or otherwise decided) at earlier ALVs
    id = "2023-06-M02"              # unique (MOT06: titles need not be)
    vergadering = 2023-06-14        # the ALV that decided on it
    titel = "Afschaffing van de opschalingskorting"
    onderwerp = "Meerjarig financieel perspectief gemeenten"
    groep = "Meerjarig financieel perspectief gemeenten"   # heading in the list
    indieners = ["Leidschendam-Voorburg"]
    en_anderen = false              # the list adds "e.a."
    oproep = "…"                    # the call, summarised
    status = "aangenomen"           # AFD05 status; only "aangenomen" is accounted for
    categorie = "verantwoorden-afdoen"   # AFD01, optional
    aangehouden_sinds = 2023-06-14  # optional: first kept open by that ALV's accounting
    delen = [{ nummer = 1, punten = [1, 2], status = "aangenomen" },
             { nummer = 2, punten = [3], status = "aangehouden" }]   # voted in parts

    [[verantwoording]]              # the board's account, one per open motion
    motie = "2023-06-M02"
    verantwoording = "…"
    voorstel = "aanhouden"          # afdoen (default) | aanhouden
    tot = "tot na de kabinetsformatie"   # optional
    reden = "…"                     # expected with aanhouden (AFD02)

Findings: AFD02 error for an entry without (open) motion, a duplicate, or an open
motion without entry; AFD03 error when a motion kept open earlier is missing; AFD05
error for an entry about a motion that is not open (an afgedaan motion never returns);
AFD02 warning for aanhouden without reason, ``tot`` with afdoen or an empty account;
AFD01 info when the proposal departs from the motion's category; PRE01 info for an
interpretation without preadvies.

A motion held at its meeting (status ``aangehouden``, AFD05), or one with a held part, is
listed apart as still to be dealt with (:attr:`Verantwoordingslijst.te_behandelen`): it
returns to a later meeting, it is not accounted for as adopted. A motion voted in parts is
accounted for when a part was adopted, and the list says per part where it stands.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from alvrules.levenscyclus import Categorie, EerdereMotie, Status
from alvrules.paden import element
from alvrules.regels import Bevinding, Ernst, Rapport, bevinding
from alvrules.teksten import Datum, bericht
from alvrules.waarden import gecontroleerd, getypeerd

if TYPE_CHECKING:
    from alvrules.controle import Context
    from alvrules.dossier import Dossier

__all__ = [
    "VOORSTEL",
    "Afdoening",
    "Post",
    "Verantwoording",
    "Verantwoordingslijst",
    "controleer_verantwoording",
    "stel_op",
    "vaststellen",
]

#: AFD04: the id of the accounting as one proposal ter besluitvorming.
VOORSTEL = "verantwoording-moties"


class Afdoening(enum.StrEnum):
    """AFD02: the board's proposal for an accounted motion (not the preadvies, not a status)."""

    AFDOEN = "afdoen"
    AANHOUDEN = "aanhouden"  # keep open: it returns at the next accounting (AFD03)


@frozen(kw_only=True, field_transformer=gecontroleerd)
class Verantwoording:
    """The board's account of one motion (dossier ``[[verantwoording]]``)."""

    motie: str
    verantwoording: str = ""
    voorstel: Afdoening = Afdoening.AFDOEN
    tot: str | None = None
    reden: str | None = None


@frozen(kw_only=True, field_transformer=getypeerd)
class Post:
    """One motion in the accounting list: the motion with the board's account of it."""

    motie: EerdereMotie
    rekenschap: Verantwoording

    @property
    def verantwoording(self) -> str:
        """The board's account of the motion."""
        return self.rekenschap.verantwoording

    @property
    def voorstel(self) -> Afdoening:
        """The board's proposal: afdoen or aanhouden (AFD02)."""
        return self.rekenschap.voorstel

    @property
    def tot(self) -> str | None:
        """Until when the motion is kept open (aanhouden), if given."""
        return self.rekenschap.tot

    @property
    def reden(self) -> str | None:
        """The reason for keeping the motion open, if given."""
        return self.rekenschap.reden

    def to_json(self) -> dict[str, Any]:
        """The motion with its account as JSON."""
        m = self.motie
        return {
            **_motie_json(m),
            "verantwoording": self.verantwoording,
            "voorstel": self.voorstel.value,
            "tot": self.tot,
            "reden": self.reden,
        }


def _motie_json(m: EerdereMotie) -> dict[str, Any]:
    """An earlier motion as the accounting's JSON shows it, with its parts (if any)."""
    return {
        "id": m.id,
        "vergadering": m.vergadering.isoformat() if m.vergadering else None,
        "groep": m.groep,
        "onderwerp": m.onderwerp,
        "titel": m.titel,
        "indieners": list(m.indieners),
        "en_anderen": m.en_anderen,
        "oproep": m.oproep,
        "aangehouden_sinds": m.aangehouden_sinds.isoformat() if m.aangehouden_sinds else None,
        "status": m.status.value,
        "delen": [
            {"deel": d.nummer, "punten": list(d.punten), "status": d.status.value} for d in m.delen
        ],
    }


@frozen(kw_only=True, field_transformer=getypeerd)
class Verantwoordingslijst:
    """The accounting for the ALV of ``vergadering``: one proposal (AFD04) with its findings."""

    vergadering: date
    posten: tuple[Post, ...] = ()
    bevindingen: Rapport = field(factory=Rapport)
    voorstel: str = VOORSTEL
    # held at their meeting, as a whole or in part (AFD05): still to be dealt with
    te_behandelen: tuple[EerdereMotie, ...] = ()

    def met_voorstel(self, voorstel: Afdoening) -> tuple[Post, ...]:
        """The motions with proposal ``voorstel``, in order."""
        return tuple(p for p in self.posten if p.voorstel is voorstel)

    @property
    def afdoen(self) -> int:
        """How many motions the board proposes to close (afdoen)."""
        return len(self.met_voorstel(Afdoening.AFDOEN))

    @property
    def aanhouden(self) -> int:
        """How many motions the board proposes to keep open (aanhouden)."""
        return len(self.met_voorstel(Afdoening.AANHOUDEN))

    def to_json(self, taal: str = "nl") -> dict[str, Any]:
        """The accounting list as JSON, with its findings."""
        return {
            "vergadering": self.vergadering.isoformat(),
            "voorstel": self.voorstel,
            "moties": [p.to_json() for p in self.posten],
            "afdoen": self.afdoen,
            "aanhouden": self.aanhouden,
            "te_behandelen": [_motie_json(m) for m in self.te_behandelen],
            "geldig": self.bevindingen.geldig,
            "bevindingen": [b.to_json(taal) for b in self.bevindingen],
        }


def _bevindingen(
    vergadering: date,
    moties: Iterable[EerdereMotie],
    verantwoording: Iterable[Verantwoording],
    gekozen: dict[str, EerdereMotie],
    posten: dict[str, Verantwoording],
) -> Iterator[Bevinding]:
    """Findings of AFD01-AFD05; fills ``gekozen`` (open motions) and ``posten`` (accounts)."""
    alle: dict[str, EerdereMotie] = {}
    for m in moties:
        pad = f"eerdere_moties{element(m.id)}"
        if m.id in alle:
            yield bevinding(
                "AFD02",
                pad,
                bericht("Motie {id} staat twee keer in eerdere_moties.", id=m.id),
                ernst=Ernst.FOUT,
            )
            continue
        alle[m.id] = m
        if m.vergadering is not None and m.vergadering >= vergadering:
            yield bevinding(
                "AFD02",
                f"{pad}.vergadering",
                bericht(
                    "Motie {id} is van {vergadering}, niet van een ALV voor {vergadering2}.",
                    id=m.id,
                    vergadering=Datum(m.vergadering, weekdag=False),
                    vergadering2=Datum(vergadering, weekdag=False),
                ),
                ernst=Ernst.FOUT,
            )
        elif m.open:
            gekozen[m.id] = m
    for v in verantwoording:
        pad = f"verantwoording{element(v.motie)}"
        m_ = alle.get(v.motie)
        if m_ is None:
            yield bevinding(
                "AFD02",
                f"{pad}.motie",
                bericht("Onbekende motie {motie!r}: niet in eerdere_moties.", motie=v.motie),
                ernst=Ernst.FOUT,
            )
        elif v.motie in posten:
            yield bevinding(
                "AFD02",
                pad,
                bericht("Motie {motie} wordt twee keer verantwoord.", motie=v.motie),
                ernst=Ernst.FOUT,
            )
        elif v.motie not in gekozen:
            yield bevinding(
                "AFD05",
                pad,
                bericht(
                    "Motie {motie} is {status} en staat niet open: zij wordt niet verantwoord.",
                    motie=v.motie,
                    status=m_.status,
                ),
            )
        else:
            posten[v.motie] = v
            yield from _post(v, gekozen[v.motie], pad)
    for m in gekozen.values():
        if m.id not in posten:
            if m.aangehouden_sinds is not None:
                yield bevinding(
                    "AFD03",
                    f"eerdere_moties{element(m.id)}",
                    bericht(
                        "Motie {id} is aangehouden sinds {sinds} en moet terugkomen tot zij "
                        "is afgedaan, maar heeft geen verantwoording.",
                        id=m.id,
                        sinds=Datum(m.aangehouden_sinds, weekdag=False),
                    ),
                )
            else:
                yield bevinding(
                    "AFD02",
                    f"eerdere_moties{element(m.id)}",
                    bericht(
                        "Aangenomen motie {id} staat open maar heeft geen verantwoording.", id=m.id
                    ),
                    ernst=Ernst.FOUT,
                )


#: AFD01: the proposal a category prescribes (none for the other categories, or none set)
_VOORGESCHREVEN: dict[Categorie | None, Afdoening] = {
    Categorie.VERANTWOORDEN_AFDOEN: Afdoening.AFDOEN,
    Categorie.VERANTWOORDEN_AANHOUDEN: Afdoening.AANHOUDEN,
}


def _post(v: Verantwoording, m: EerdereMotie, pad: str) -> Iterator[Bevinding]:
    """Warnings and advice about one account (AFD01, AFD02)."""
    if not v.verantwoording.strip():
        yield bevinding(
            "AFD02",
            f"{pad}.verantwoording",
            bericht("Motie {id}: de verantwoording is leeg.", id=m.id),
        )
    if v.voorstel is Afdoening.AANHOUDEN and not (v.reden or "").strip():
        yield bevinding(
            "AFD02",
            f"{pad}.reden",
            bericht("Motie {id}: aanhouden zonder reden.", id=m.id),
        )
    if v.voorstel is Afdoening.AFDOEN and v.tot:
        yield bevinding(
            "AFD02",
            f"{pad}.tot",
            bericht("Motie {id}: 'tot' ({tot}) past alleen bij aanhouden.", id=m.id, tot=v.tot),
        )
    verwacht = _VOORGESCHREVEN.get(m.categorie)
    if verwacht is not None and v.voorstel is not verwacht:
        yield bevinding(
            "AFD01",
            f"{pad}.voorstel",
            bericht(
                "Motie {id}: voorstel {voorstel} wijkt af van categorie {categorie}.",
                id=m.id,
                voorstel=v.voorstel,
                categorie=m.categorie,
            ),
        )


def stel_op(
    vergadering: date,
    moties: Iterable[EerdereMotie],
    verantwoording: Iterable[Verantwoording] = (),
) -> Verantwoordingslijst:
    """The accounting for the ALV of ``vergadering`` (AFD02-AFD04); never raises on input.

    Every open motion gets exactly one post, motions kept open earlier first (as the annex
    lists them), then in input order; an open motion without account still gets a post
    with the default proposal afdoen, and an error finding.
    """
    moties = tuple(moties)  # read twice: the accounting, then what is still to be dealt with
    gekozen: dict[str, EerdereMotie] = {}
    posten: dict[str, Verantwoording] = {}
    rapport = Rapport.van(_bevindingen(vergadering, moties, verantwoording, gekozen, posten))
    volgorde = sorted(gekozen.values(), key=lambda m: m.aangehouden_sinds is None)
    lijst = tuple(
        Post(motie=m, rekenschap=posten.get(m.id, Verantwoording(motie=m.id))) for m in volgorde
    )
    gezien: set[str] = set()
    te_behandelen: list[EerdereMotie] = []
    for m in moties:  # the first of an id, from an earlier meeting (as for the accounting)
        eerder = m.vergadering is None or m.vergadering < vergadering
        if m.id not in gezien and eerder and m.te_behandelen:
            te_behandelen.append(m)
        gezien.add(m.id)
    return Verantwoordingslijst(
        vergadering=vergadering,
        posten=lijst,
        bevindingen=rapport,
        te_behandelen=tuple(te_behandelen),
    )


def uit_dossier(dossier: Dossier) -> Verantwoordingslijst:
    """The accounting of ``dossier``'s meeting from its ``eerdere_moties``/``verantwoording``."""
    return stel_op(dossier.vergadering.datum, dossier.eerdere_moties, dossier.verantwoording)


def vaststellen(
    moties: Iterable[EerdereMotie], lijst: Verantwoordingslijst, *, aangenomen: bool = True
) -> tuple[EerdereMotie, ...]:
    """The motions after the members decided on ``lijst`` (AFD04), in the same order.

    Adopted: afdoen makes a motion afgedaan; aanhouden keeps it ``aangenomen`` and sets
    ``aangehouden_sinds`` (first time only). *Decision*: a rejected accounting does off
    nothing, so every motion in it is kept open and returns next time (AFD03). Motions
    not in the list are unchanged.
    """
    per_id = {p.motie.id: p for p in lijst.posten}
    uit: list[EerdereMotie] = []
    for m in moties:
        p = per_id.get(m.id)
        if p is None:
            uit.append(m)
        elif aangenomen and p.voorstel is Afdoening.AFDOEN:
            delen = tuple(  # the adopted parts are done with; a held part stays held
                attrs.evolve(d, status=Status.AFGEDAAN) if d.status is Status.AANGENOMEN else d
                for d in m.delen
            )
            uit.append(attrs.evolve(m.naar(Status.AFGEDAAN), delen=delen))
        else:
            uit.append(attrs.evolve(m, aangehouden_sinds=m.aangehouden_sinds or lijst.vergadering))
    return tuple(uit)


def controleer_verantwoording(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """The dossier check of this chapter (for :data:`alvrules.controle.CONTROLES`)."""
    for motie in dossier.moties:
        if motie.interpretatie and motie.preadvies is None:
            yield bevinding(
                "PRE01",
                f"moties{element(motie.id)}.interpretatie",
                bericht("Motie {id}: interpretatie zonder preadvies.", id=motie.id),
            )
    yield from uit_dossier(dossier).bevindingen
