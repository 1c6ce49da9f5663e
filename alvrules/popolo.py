"""The results as open data: one Popolo ``VoteEvent`` per stemming (``uitslag --format popolo``).

Popolo (popoloproject.com, the vocabulary of Open Raadsinformatie) is the standard for
motions and votes that has a per-vote ``weight``: each member's ballot is a ``Vote`` with
the member's weight (STM01, STM02), so the weighted tally can be recomputed from the votes.
The mapping, and what Popolo cannot express, is in the docs (``docs/popolo.md``); in short:

- ``VoteEvent.motion``: the proposal (``id``, ``identifier``, ``text`` = its title,
  ``classification``, ``requirement`` = the majority rule and its basis in words); an
  amendment names what it amends in ``amends_id`` (an extension: Popolo has no field);
- ``VoteEvent.result``: ``pass``, ``fail`` or ``no decision``; for a choice or an election
  the option or candidate chosen; our own wording stays in ``uitkomst``, and the shares
  of the votes cast in ``percentage_voor`` and ``percentage_tegen`` (extensions, STM06);
- ``counts``: the weighted votes per option, each with ``leden``, the number of members
  (an extension); ``absent`` (no valid representative, STM03) and ``not voting`` (entitled,
  no ballot) make the counts add up to all members' votes;
- ``votes``: one per counted ballot, ``voter`` the municipality with its TOOI URI as
  ``id`` and its CBS code and TOOI URI as ``identifiers``. Members without a counted
  ballot are only counted (``not voting``, ``absent``), not listed one by one: Popolo's
  ``VoteEvent`` schema requires neither ``votes`` nor a vote per member, and a list of
  every member per vote made the output grow with votes times members (issue 25; 320 kB
  of dossier gave 1.09 GB). So the output is linear in the ballots of the dossier.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alvrules.dossier import Dossier
from alvrules.gemeenten import tooi
from alvrules.stemmingen import Keuze, StemmingSoort, Wijze
from alvrules.teksten import vertaal
from alvrules.telling import HELFT, Uitkomst
from alvrules.uitslagen import BASIS, Resultaat, Uitslagen, meerderheid_tekst

__all__ = ["OPTIE", "ORGANISATIE", "popolo"]

#: our choice -> Popolo's option
OPTIE = {
    Keuze.VOOR.value: "yes",
    Keuze.TEGEN.value: "no",
    Keuze.ONTHOUDING.value: "abstain",
}
AFWEZIG = "absent"  # no valid representative (STM03)
NIET_GESTEMD = "not voting"  # entitled to vote, no ballot

#: the voting body
ORGANISATIE: dict[str, Any] = {
    "id": "vng-alv",
    "name": "Algemene Ledenvergadering van de Vereniging van Nederlandse Gemeenten",
    "classification": "general meeting",
}

_RESULTAAT = {
    Uitkomst.AANGENOMEN.value: "pass",
    Uitkomst.VERWORPEN.value: "fail",
    Uitkomst.GEEN_BESLUIT.value: "no decision",
}


def _eis(r: Resultaat, taal: str = "nl") -> str | None:
    """The majority rule and its basis, in words (Popolo ``Motion.requirement``)."""
    if r.stemming.wijze is Wijze.ACCLAMATIE:
        return vertaal(
            taal, "bij acclamatie: aangenomen als geen lid om een gewogen stemming vraagt (STM07)"
        )
    if r.meerderheid is None or r.grondslag is None:
        return None
    m = meerderheid_tekst(r.meerderheid, taal)
    if r.meerderheid != HELFT:
        m = vertaal(taal, "meer dan {breuk}", breuk=m)
    tekst = vertaal(
        taal,
        "{meerderheid} van de {basis} (STM05)",
        meerderheid=m,
        basis=vertaal(taal, BASIS[r.grondslag]),
    )
    if r.drempel is not None:
        d = r.drempel
        drempel = str(d.numerator) if d.denominator == 1 else f"{d.numerator}/{d.denominator}"
        tekst += vertaal(taal, "; drempel {drempel} stemmen", drempel=drempel)
    return tekst


class _Stukken:
    """The dossier's titles, amendments and motions by id, built once per output (per
    vote event this was quadratic)."""

    def __init__(self, dossier: Dossier) -> None:
        self.titels = {
            **{p.id: p.titel for p in dossier.agendapunten},
            **{m.id: m.titel for m in dossier.moties},
            **{a.id: a.titel for a in dossier.amendementen},
        }
        self.amendementen = {a.id: a.agendapunt for a in dossier.amendementen}
        self.moties = {m.id for m in dossier.moties}


def _motie(r: Resultaat, stukken: _Stukken, taal: str = "nl") -> dict[str, Any]:
    s = r.stemming
    titels, amendementen, moties = stukken.titels, stukken.amendementen, stukken.moties
    id_ = s.voorstellen[0] if len(s.voorstellen) == 1 else s.id
    soort = (
        "amendement"
        if id_ in amendementen
        else "ordemotie"
        if s.soort is StemmingSoort.ORDE
        else "motie"
        if id_ in moties
        else s.soort.value
    )
    tekst = s.titel or titels.get(id_) or id_
    motie: dict[str, Any] = {
        "id": id_,
        "identifier": id_,
        "organization_id": ORGANISATIE["id"],
        "text": tekst,
        "classification": soort,
        "requirement": _eis(r, taal),
        "result": _RESULTAAT.get(str(r.uitkomst), str(r.uitkomst)),
    }
    if s.deel is not None:  # a part of a motion: a motion of its own in Popolo
        motie["id"] = motie["identifier"] = f"{id_}/deel-{s.deel}"
        motie["motie_id"], motie["deel"] = id_, s.deel
        if not s.titel:
            motie["text"] = vertaal(taal, "{tekst} ({deel}e deel)", tekst=tekst, deel=s.deel)
    if s.soort is StemmingSoort.PREADVIES:  # the vote is on the preadvies, not the motion
        advies = f" {r.preadvies}" if r.preadvies else ""
        motie["id"] = motie["identifier"] = f"{motie['id']}/preadvies"
        motie["motie_id"] = id_
        motie["classification"] = "preadvies"
        if not s.titel:
            motie["text"] = vertaal(
                taal, "Preadvies{advies} bij {tekst}", advies=advies, tekst=motie["text"]
            )
    if len(s.voorstellen) > 1:
        motie["voorstellen"] = list(s.voorstellen)  # a bundled vote (STM08)
    betreft = amendementen.get(id_) or s.betreft
    if betreft:
        motie["amends_id"] = betreft
    return motie


def _stemmen(
    r: Resultaat, u: Uitslagen, namen: Mapping[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Counts (every member once, its weight on its option) and votes (each counted
    ballot)."""
    gedrag = dict(r.stemgedrag)
    if r.opties:
        opties = {o: o for o, _ in r.opties} | {Keuze.ONTHOUDING.value: "abstain"}
        volgorde = [*(o for o, _ in r.opties), "abstain"]
    else:
        opties = OPTIE
        volgorde = ["yes", "no", "abstain"]
    volgorde += [NIET_GESTEMD, AFWEZIG]
    som = dict.fromkeys(volgorde, 0)
    leden = dict.fromkeys(volgorde, 0)
    votes: list[dict[str, Any]] = []
    for code in sorted(u.gewichten):
        if code in gedrag:
            optie = opties[gedrag[code]]
        else:
            optie = NIET_GESTEMD if code in u.stemgerechtigd else AFWEZIG
        gewicht = u.gewichten[code]
        som[optie] += gewicht
        leden[optie] += 1
        if optie in (NIET_GESTEMD, AFWEZIG):
            continue
        uri = tooi(code)
        votes.append(
            {
                "voter_id": uri,
                "voter": {
                    "id": uri,
                    "name": namen[code],
                    "classification": "gemeente",
                    "identifiers": [
                        {"scheme": "TOOI", "identifier": uri},
                        {"scheme": "CBS", "identifier": code},
                    ],
                },
                "option": optie,
                "weight": gewicht,
            }
        )
    counts = [{"option": o, "value": som[o], "leden": leden[o]} for o in volgorde]
    return counts, votes


def popolo(dossier: Dossier, u: Uitslagen, taal: str = "nl") -> dict[str, Any]:
    """Every stemming of ``u`` as a Popolo VoteEvent (acclamations without votes); the
    texts alvrules writes (``requirement``) in ``taal``."""
    events: list[dict[str, Any]] = []
    stukken = _Stukken(dossier)
    for r in u.resultaten:
        s = r.stemming
        e: dict[str, Any] = {
            "id": s.id,
            "identifier": s.id,
            "organization_id": ORGANISATIE["id"],
            "motion": _motie(r, stukken, taal),
            "classification": s.wijze.value,
            "result": _RESULTAAT.get(str(r.uitkomst), str(r.uitkomst)),
            "uitkomst": r.uitkomst_tekst,
        }
        if r.besluiten_apart:
            e["besluiten"] = [b.to_json() for b in r.besluiten]  # what it decided (STM13)
        if r.percentage_voor is not None:  # STM06: each share says what it is a share of
            e["percentage_voor"] = r.percentage_voor
            e["percentage_tegen"] = r.percentage_tegen
        if r.uitgesteld_door:  # STM09: postponed by these adopted order motions
            e["uitgesteld_door"] = list(r.uitgesteld_door)
        if r.deelname is not None:  # STM14: a written consultation's participation
            e["deelname"] = r.deelname.to_json()
        if s.wijze is Wijze.GEWOGEN and r.grondslag is not None:
            e["counts"], e["votes"] = _stemmen(r, u, u.namen)
        events.append(e)
    return {
        "organization": ORGANISATIE,
        "vergadering": {
            "naam": dossier.vergadering.naam,
            "datum": dossier.vergadering.datum.isoformat(),
            "peildatum": u.peildatum.isoformat() if u.peildatum else None,
        },
        "vote_events": events,
        **({"uitgesteld": [x.to_json() for x in u.uitgesteld]} if u.uitgesteld else {}),
        **({"raadpleging": u.to_json()["raadpleging"]} if u.deelname is not None else {}),
        **(
            {"bekrachtigingen": [b.to_json() for b in u.bekrachtigingen]}
            if u.bekrachtigingen
            else {}
        ),
    }
