"""The results of every stemming in a dossier: STM03 (vertegenwoordigers), STM04 (ballots),
STM05-STM08 (majority, figure, acclamation, bundles), STM09 (order) and STM10-STM11.

One pass computes both the results and the findings, so ``alvrules uitslag`` and
``alvrules controleer`` can never disagree. Decisions:

- A member votes only through one valid representative (STM03): a role of that member
  itself, present at a fysieke ALV. A second representative entry of the same member
  (aliases included) is an error and the first one stands. Ballots of members without a
  valid representative, of non-members and second ballots are reported (STM04) and not
  counted; the first valid ballot of a member counts (see :mod:`alvrules.telling`).
- STM09: order motions of an agenda item are voted before its other motions (a vote on
  a motion of the item before the order motion is a finding on the order motion); an
  order motion (``soort = "orde"``, ``betreft`` = the proposal) must be voted
  before that proposal, an amendment vote before the proposal it amends (``betreft``, or
  the amendment's ``agendapunt``). A vote on a proposal after an adopted order motion on
  it is reported and gets no decision.
- STM03: at a fysieke ALV a representative recorded as absent (``aanwezig = false``) is
  no finding: an honest attendance list. Only a ballot of that member is an error (STM03,
  at the ballot), and it is not counted.
- STM07: acclamation stands only when nobody objected (``bezwaar``) and no ballots are
  recorded. An objection followed, later in the dossier, by a weighted vote on the same
  proposals is the normal route (minutes of 14 June 2023, item 8, the Ede motion): the
  acclamation is no decision and no finding, the weighted vote decides. *Decision*: an
  objection without such a vote, and ballots on an acclamation (a contradiction; they are
  not counted), are errors, and the stemming gets no decision.
- STM06: every figure says what it is a share of (``percentage_voor``,
  ``percentage_tegen``); ``percentage`` (the share for) stays, deprecated. "Vast na" is
  reported only when the dossier records the order of the ballots
  (:attr:`Stemming.geordend`), never from the order of a table.
- For a choice or an election ``voor`` is the leading option's votes and ``tegen`` the
  rest of the votes cast, so the figure is the leader's share, as the minutes write it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import date, datetime
from fractions import Fraction

from attrs import evolve, frozen

from alvrules.besluiten import Besluit, MotieUitslag, besluiten
from alvrules.bevolking import Bevolking
from alvrules.controle import Context
from alvrules.dossier import Dossier
from alvrules.gewichten import peildatum, stemgewichten
from alvrules.grenzen import MAX_OPSOMMING, reeks
from alvrules.levenscyclus import EerdereMotie
from alvrules.model import InvoerFout, Rol, VergaderSoort
from alvrules.moties import Preadvies
from alvrules.paden import element, sleutel
from alvrules.raadpleging import (
    Bekrachtigingsuitslag,
    Deelname,
    bekrachtig,
    buiten_venster,
    deelname,
    venster,
)
from alvrules.regels import Bevinding, Ernst, bevinding
from alvrules.stemmingen import (
    Grondslag,
    Keuze,
    Stembriefje,
    Stemming,
    StemmingSoort,
    Wijze,
    breuk,
)
from alvrules.tekens import naam_sleutel, zichtbaar
from alvrules.teksten import N_, Bericht, bericht, bericht_n, vertaal, vertaal_n
from alvrules.telling import (
    HELFT,
    LiveTelling,
    Reden,
    Uitkomst,
    Weigering,
    aandeel,
    tel_keuze,
)
from alvrules.verkiezingen import Vacature, verkiezing
from alvrules.waarden import Foutmelding, getypeerd

__all__ = ["Resultaat", "Uitslagen", "Uitstel", "controleer_stemmingen", "stm02_pad", "uitslagen"]


@frozen(kw_only=True, field_transformer=getypeerd)
class Resultaat:
    """The result of one stemming (exact integers; ``uitkomst`` as the minutes state it)."""

    stemming: Stemming
    uitkomst: str
    percentage: str | None = None
    voor: int = 0
    tegen: int = 0
    onthouding: int = 0
    opties: tuple[tuple[str, int], ...] = ()
    #: why there is no decision, or how it was taken (a message of :mod:`alvrules.teksten`)
    toelichting: str | Bericht = ""
    stemgedrag: tuple[tuple[str, str], ...] = ()  # counted ballots: (code, keuze)
    # the rule applied (STM05), None where no vote was counted (acclamation, postponed)
    meerderheid: Fraction | None = None
    grondslag: Grondslag | None = None
    leden: int | None = None  # all members' votes: the basis when grondslag is LEDEN
    peildatum: date | None = None  # of the weights (STM02)
    briefjes: int = 0  # ballots fed to the tally, in the order recorded
    vast_na: int | None = None  # ballots after which the outcome was decided (order known)
    titel: str = ""  # the vote's title, else the titles of its proposals
    uitgesteld_door: tuple[str, ...] = ()  # STM09: the adopted order motions that postponed it
    besluiten: tuple[Besluit, ...] = ()  # what it decided on which proposal (STM13)
    deelname: Deelname | None = None  # STM14: in a written consultation, who took part
    advies: Preadvies | None = None  # a vote on a preadvies: what it advises (the motion's)

    @property
    def uitgebracht(self) -> int:
        """The votes cast in this vote."""
        return self.voor + self.tegen

    @property
    def percentage_voor(self) -> str | None:
        """STM06: the share of the votes cast that was voor, as the minutes write it
        (``"92,99"``, ``"100"``, ``"0"``); None without votes cast or for a choice."""
        if self.uitgebracht == 0 or self.opties or self.percentage is None:
            return None
        return aandeel(self.voor, self.uitgebracht)

    @property
    def percentage_tegen(self) -> str | None:
        """STM06: the share of the votes cast that was tegen (``"7,01"``); None as above."""
        if self.uitgebracht == 0 or self.opties or self.percentage is None:
            return None
        return aandeel(self.tegen, self.uitgebracht)

    @property
    def basis(self) -> int | None:
        """The votes the majority is taken of (STM05): cast, or all members' votes."""
        if self.grondslag is None:
            return None
        return self.leden if self.grondslag is Grondslag.LEDEN else self.uitgebracht

    @property
    def drempel(self) -> Fraction | None:
        """The threshold in votes (exact): adopted, or elected, iff ``voor > drempel``."""
        if self.meerderheid is None or self.basis is None:
            return None
        return self.meerderheid * self.basis

    def regel_json(self, taal: str = "nl") -> dict[str, object]:
        """The rule applied, for ``uitslag`` JSON: ``meerderheid``, ``basis``, ``drempel``
        (an integer, or an exact fraction as text such as ``"20002/3"``), ``peildatum``."""
        m, d = self.meerderheid, self.drempel
        return {
            "meerderheid": None if m is None else meerderheid_tekst(m, taal),
            "meerderheid_breuk": None if m is None else f"{m.numerator}/{m.denominator}",
            "basis": None if self.grondslag is None else vertaal(taal, BASIS[self.grondslag]),
            "basis_stemmen": self.basis,
            "drempel": None if d is None else (d.numerator if d.denominator == 1 else str(d)),
            "peildatum": None if self.peildatum is None else self.peildatum.isoformat(),
        }

    def to_json(self, taal: str = "nl") -> dict[str, object]:
        """The result as JSON (INTERFACES.md ``uitslag``)."""
        s = self.stemming
        uit: dict[str, object] = {
            "id": s.id,
            "titel": self.titel or s.titel,
            "voorstellen": list(s.voorstellen),
            "wijze": s.wijze.value,
            "voor": self.voor,
            "tegen": self.tegen,
            "onthouding": self.onthouding,
            "uitgebracht": self.uitgebracht,
            "percentage": self.percentage,  # deprecated: the share voor, see percentage_voor
            "percentage_voor": self.percentage_voor,
            "percentage_tegen": self.percentage_tegen,
            "uitkomst": str(self.uitkomst),
        }
        if s.soort is not StemmingSoort.VOORSTEL:
            uit["soort"] = s.soort.value
        if self.opties:
            cast = sum(n for _, n in self.opties)
            uit["opties"] = [
                {"optie": o, "stemmen": n, "percentage": aandeel(n, cast) if cast else None}
                for o, n in self.opties
            ]
        if self.toelichting:
            uit["toelichting"] = _in(self.toelichting, taal)
        if self.uitgesteld_door:
            uit["uitgesteld_door"] = list(self.uitgesteld_door)
        if self.deelname is not None:
            uit["deelname"] = self.deelname.to_json()
        uit.update(self.regel_json(taal))
        if self.vast_na is not None:
            uit["vast_na"] = self.vast_na
            uit["briefjes"] = self.briefjes
        if s.deel is not None:
            uit["deel"] = s.deel
        if s.soort is StemmingSoort.PREADVIES:
            advies = self.preadvies
            uit["uitkomst"] = self.uitkomst_tekst  # never the motion's outcome
            uit["uitkomst_preadvies"] = None if advies is None else advies.value
        if s.herstemming is not None:
            uit["herstemming"] = s.herstemming
        if self.besluiten_apart:
            uit["besluiten"] = [b.to_json() for b in self.besluiten]
        return uit

    @property
    def besluiten_apart(self) -> bool:
        """Whether outputs list what this vote decided on which proposal: for a part, a
        preadvies, a revote, or a decision that no longer stands (STM13); otherwise the
        vote's own outcome says it (and the output stays linear in the input: a vote on
        many proposals does not repeat a decision object per proposal)."""
        s = self.stemming
        return (
            s.deel is not None
            or s.soort is StemmingSoort.PREADVIES
            or s.herstemming is not None
            or any(not b.geldt for b in self.besluiten)
        )

    @property
    def uitkomst_tekst(self) -> str:
        """``uitkomst`` as outputs write it: for a vote on a preadvies "preadvies aangenomen"
        or "preadvies verworpen" (the motion's own outcome is in :attr:`besluiten`), else
        the outcome itself."""
        if self.stemming.soort is StemmingSoort.PREADVIES:
            return f"preadvies {self.uitkomst}"
        return str(self.uitkomst)

    @property
    def preadvies(self) -> Preadvies | None:
        """For a vote on a preadvies: what the preadvies advises (as recorded on the vote,
        else the part's or the motion's preadvies), also when it was rejected; else None."""
        if self.stemming.soort is not StemmingSoort.PREADVIES:
            return None
        return self.stemming.uitkomst_preadvies or self.advies


#: ``basis`` in JSON: what the majority is taken of (STM05).
BASIS = {
    Grondslag.UITGEBRACHT: N_("uitgebrachte stemmen (voor + tegen; onthoudingen tellen niet)"),
    Grondslag.LEDEN: N_("stemmen van alle leden"),
}


def meerderheid_tekst(m: Fraction, taal: str = "nl") -> str:
    """``"meer dan de helft"`` for 1/2, else the fraction as the dossier writes it (``"2/3"``)."""
    return vertaal(taal, "meer dan de helft") if m == HELFT else f"{m.numerator}/{m.denominator}"


@frozen(kw_only=True, field_transformer=getypeerd)
class Uitstel:
    """STM09: a proposal that an adopted order motion postponed, whether or not the dossier
    records a vote on it: the item's proposal itself, its amendments and its other motions."""

    voorstel: str
    soort: str  # agendapunt, amendement or motie
    titel: str = ""
    door: tuple[str, ...] = ()  # the order motions (at most MAX_OPSOMMING)

    def zin(self, taal: str = "nl") -> str:
        """One line: "M05 (motie) Titel: uitgesteld (ordemotie M01)"."""
        soort_ = vertaal(taal, _SOORT[self.soort]) if self.soort in _SOORT else self.soort
        wat = f"{self.voorstel} ({soort_})" + (f" {self.titel}" if self.titel else "")
        return vertaal_n(
            taal,
            "{wat}: uitgesteld (ordemotie {door})",
            "{wat}: uitgesteld (ordemoties {door})",
            len(self.door),
            wat=wat,
            door=", ".join(self.door),
        )

    def to_json(self) -> dict[str, object]:
        """As JSON: ``{"voorstel", "soort", "titel", "uitgesteld_door"}``."""
        return {
            "voorstel": self.voorstel,
            "soort": self.soort,
            "titel": self.titel,
            "uitgesteld_door": list(self.door),
        }


#: What an order motion postponed (``soort``: the values of the JSON), in words.
_SOORT = {"agendapunt": N_("agendapunt"), "amendement": N_("amendement"), "motie": N_("motie")}


def _in(tekst: str | Bericht, taal: str) -> str:
    """A text that may be a message of the catalogue, in ``taal``."""
    return tekst if isinstance(tekst, str) else tekst.in_(taal)


@frozen(field_transformer=getypeerd)
class Uitslagen:
    """All results of a dossier, the findings met on the way and the weights used."""

    resultaten: tuple[Resultaat, ...]
    bevindingen: tuple[Bevinding, ...]
    gewichten: Mapping[str, int]
    namen: Mapping[str, str]
    peildatum: date | None = None  # of the weights (STM02)
    stemgerechtigd: frozenset[str] = frozenset()  # members with a valid representative
    uitgesteld: tuple[Uitstel, ...] = ()  # STM09: what adopted order motions postponed
    moties: tuple[MotieUitslag, ...] = ()  # per motion (in parts, held): what counts

    # STM14: a written consultation's window and participation; ratifications at an ALV
    opent: datetime | None = None
    sluit: datetime | None = None
    deelname: Deelname | None = None
    bekrachtigingen: tuple[Bekrachtigingsuitslag, ...] = ()

    def eerdere_moties(self, vergadering: date) -> tuple[EerdereMotie, ...]:
        """The decided motions as the next meeting's ``[[eerdere_moties]]`` (decided at
        the ALV of ``vergadering``): adopted ones are accounted for there, held ones (as a
        whole or in part) are listed as still to be dealt with."""
        return tuple(e for m in self.moties if (e := m.eerdere_motie(vergadering)))

    def to_json(self, taal: str = "nl") -> dict[str, object]:
        """All results as JSON (INTERFACES.md ``uitslag``); ``uitgesteld`` only when an
        adopted order motion postponed something; ``moties`` only when a motion was
        decided or has parts: per motion the decision that counts (per part);
        ``raadpleging`` only for a written consultation, ``bekrachtigingen`` only when the
        dossier ratifies one (STM14)."""
        uit: dict[str, object] = {"stemmingen": [r.to_json(taal) for r in self.resultaten]}
        if self.uitgesteld:
            uit["uitgesteld"] = [u.to_json() for u in self.uitgesteld]
        if self.moties:
            uit["moties"] = [m.to_json(taal) for m in self.moties]
        if self.deelname is not None:
            uit["raadpleging"] = {
                "opent": None if self.opent is None else self.opent.isoformat(),
                "sluit": None if self.sluit is None else self.sluit.isoformat(),
                "deelname": self.deelname.to_json(),
            }
        if self.bekrachtigingen:
            uit["bekrachtigingen"] = [b.to_json() for b in self.bekrachtigingen]
        return uit


def _vertegenwoordigd(
    dossier: Dossier, ctx: Context, uit: list[Bevinding], afwezig: set[str]
) -> set[str]:
    """STM03: the codes of members with one valid representative; ``afwezig`` gets the
    members whose representative is absent from a fysieke ALV (no finding unless they vote)."""
    gezien: set[str] = set()
    geldig: set[str] = set()
    fysiek = dossier.vergadering.soort is VergaderSoort.FYSIEK
    for v in dossier.vertegenwoordigers:
        pad = f"vertegenwoordigers{element(v.gemeente)}"

        def fout(melding: Bericht, pad: str = pad) -> None:
            uit.append(bevinding("STM03", pad, melding))

        g = ctx.lid(v.gemeente)
        if g is None:
            fout(_geen_lid(v.gemeente, ctx))
            continue
        if g.code in gezien:
            fout(
                bericht(
                    "Tweede vertegenwoordiger voor {gemeente} ({naam}); de eerste geldt.",
                    gemeente=g.naam,
                    naam=v.naam,
                )
            )
            continue
        gezien.add(g.code)
        fouten = len(uit)
        if not zichtbaar(v.naam):
            fout(
                bericht(
                    "Vertegenwoordiger van {gemeente} zonder zichtbare naam ({naam!r}).",
                    gemeente=g.naam,
                    naam=v.naam,
                )
            )
        if Rol.parse(v.rol) is None:
            rol_tip = Rol.suggestie(v.rol)
            velden = {"naam": v.naam, "rol": v.rol, "gemeente": g.naam}
            fout(
                bericht(
                    "{naam}: rol {rol!r} kan {gemeente} niet vertegenwoordigen; bedoelt u {tip!r}?",
                    tip=rol_tip,
                    **velden,
                )
                if rol_tip
                else bericht("{naam}: rol {rol!r} kan {gemeente} niet vertegenwoordigen.", **velden)
            )
        bij = ctx.lid(v.rol_bij) if v.rol_bij else g
        if bij is None or bij.code != g.code:
            fout(
                bericht(
                    "{naam} is {rol} van {bij}: de stemkaart van {gemeente} gaat niet buiten "
                    "de gemeente.",
                    naam=v.naam,
                    rol=v.rol,
                    bij=v.rol_bij,
                    gemeente=g.naam,
                )
            )
        if len(uit) == fouten:
            if fysiek and not v.aanwezig:
                afwezig.add(g.code)
            else:
                geldig.add(g.code)
    return geldig


def uitslagen(
    dossier: Dossier,
    ctx: Context | None = None,
    gewichten: Mapping[str, int] | None = None,
    *,
    bevolking: Bevolking | None = None,
) -> Uitslagen:
    """Every stemming's result, in dossier order. :class:`InvoerFout` without weights.

    The weights: ``gewichten`` if given, else computed from ``bevolking``, else from the
    dossier's ``[bevolking]`` file, else from the shipped figures (STM02).
    """
    ctx = ctx or Context.voor(dossier, bevolking=bevolking)
    if gewichten is None:
        sg = stemgewichten(ctx.datum, bevolking=ctx.bevolking, gemeenten=ctx.gemeenten)
        gewichten = {g.gemeente.code: g.stemmen for g in sg.gewichten}
    namen = {c: (g.naam if (g := ctx.gemeenten.code(c)) else c) for c in gewichten}
    uit: list[Bevinding] = []
    afwezig: set[str] = set()
    geldig = _vertegenwoordigd(dossier, ctx, uit, afwezig)
    titels = {
        **{b.id: b.titel for b in dossier.bekrachtigingen},
        **{p.id: p.titel for p in dossier.agendapunten},
        **{v.id: v.functie for v in dossier.vacatures},
        **{a.id: a.titel for a in dossier.amendementen},
        **{m.id: m.titel for m in dossier.moties},
    }
    amendementen = {a.id: a.agendapunt for a in dossier.amendementen}
    moties = {m.id: m.agendapunt for m in dossier.moties if m.agendapunt}
    bij_punt = _bij_punt(dossier)  # STM09: what an adopted order motion on an item postpones
    motie_gestemd: dict[str, str] = {}  # agenda item -> first stemming on one of its motions
    vacatures = {v.id: v for v in dossier.vacatures}
    gestemd: dict[str, str] = {}  # proposal id -> id of the stemming that decided it
    # proposal id -> the first adopted order motion(s) and how many there are in all
    uitgesteld: dict[str, tuple[str, ...]] = {}
    uitgesteld_n: dict[str, int] = {}
    resultaten: list[Resultaat] = []
    for s in dossier.stemmingen:
        pad = f"stemmingen{element(s.id)}"
        doelen = {s.betreft} if s.betreft else set()
        doelen |= {d for v in s.voorstellen if (d := amendementen.get(v))}
        for doel in sorted(doelen & gestemd.keys()):
            uit.append(
                bevinding(
                    "STM09",
                    pad,
                    bericht(
                        "{id} gaat over {doel}, maar daarover is al gestemd in {waarde}",
                        id=s.id,
                        doel=doel,
                        waarde=gestemd[doel],
                    ),
                )
            )
        if s.soort is StemmingSoort.ORDE and s.betreft in motie_gestemd:
            eerder = motie_gestemd[s.betreft]
            uit.append(
                bevinding(
                    "STM09",
                    pad,
                    bericht(
                        "ordemotie {id} over {betreft} komt na de stemming over een andere "
                        "motie van dat agendapunt ({eerder}); ordemoties gaan voor",
                        id=s.id,
                        betreft=s.betreft,
                        eerder=eerder,
                    ),
                )
            )
        if s.soort is not StemmingSoort.ORDE:
            for v in s.voorstellen:
                if v in moties:
                    motie_gestemd.setdefault(moties[v], s.id)
        r = _resultaat(
            s,
            pad,
            ctx=ctx,
            gewichten=gewichten,
            geldig=geldig,
            afwezig=afwezig,
            vacatures=vacatures,
            uit=uit,
            gevolgd=_gewogen_na(dossier, s),
            raam=venster(dossier.vergadering),  # STM14: ballots outside it do not count
        )
        if s.soort is not StemmingSoort.ORDE and (
            postpone := [v for v in s.voorstellen if v in uitgesteld]
        ):
            # every adopted order motion that postpones a proposal of this vote, once;
            # listed up to MAX_OPSOMMING (an order motion's long list of proposals was
            # repeated in every postponed vote: 414 kB gave 886 MB, issue 25)
            ordes = list(dict.fromkeys(o for v in postpone for o in uitgesteld[v]))
            totaal = len(ordes) + sum(uitgesteld_n[v] - len(uitgesteld[v]) for v in postpone)
            ordelijst = reeks(ordes, totaal=totaal)
            uit.append(
                bevinding(
                    "STM09",
                    pad,
                    bericht_n(
                        "over {over} valt geen besluit: ordemotie {moties} is aangenomen",
                        "over {over} valt geen besluit: ordemoties {moties} zijn aangenomen",
                        totaal,
                        over=reeks(postpone),
                        moties=ordelijst,
                    ),
                )
            )
            r = Resultaat(
                stemming=s,
                uitkomst=Uitkomst.GEEN_BESLUIT,
                toelichting=bericht_n(
                    "uitgesteld (ordemotie {moties})",
                    "uitgesteld (ordemoties {moties})",
                    totaal,
                    moties=ordelijst,
                ),
                uitgesteld_door=tuple(ordes),
            )
        if s.soort is StemmingSoort.ORDE and s.betreft and r.uitkomst == Uitkomst.AANGENOMEN:
            orde = s.voorstellen or (s.id,)
            # the proposal, its amendments and the item's other motions (STM09, decision
            # after the minutes of 14 June 2023, item 7b: the chair went on with "de andere
            # moties" only because the order motions were rejected)
            for doel in (s.betreft, *bij_punt.get(s.betreft, ())):
                if doel == s.betreft or doel not in gestemd:  # decided before: stays decided
                    uitgesteld[doel] = orde[:MAX_OPSOMMING]
                    uitgesteld_n[doel] = len(orde)
        for v in s.voorstellen:
            gestemd.setdefault(v, s.id)
        titel = s.titel or "; ".join(t for v in s.voorstellen if (t := titels.get(v, "")))
        resultaten.append(evolve(r, titel=titel))
    # left to right: STM14 (acclamation in a consultation decides nothing) before STM13
    peil, deel, b = (
        peildatum(ctx.datum, ctx.procedure),
        _raadpleging(dossier, resultaten, uit, len(gewichten)),
        besluiten(dossier, resultaten),
    )
    alles = Uitslagen(
        tuple(
            evolve(r, peildatum=peil, besluiten=bs, advies=a)
            for r, bs, a in zip(resultaten, b.per_stemming, b.adviezen, strict=True)
        ),
        (*uit, *b.bevindingen),
        gewichten,
        namen,
        peildatum=peil,
        stemgerechtigd=frozenset(geldig),
        uitgesteld=_uitstel(dossier, uitgesteld, titels),
        moties=b.moties,
    )
    return _met_raadpleging(dossier, alles, deel)


def _met_raadpleging(dossier: Dossier, u: Uitslagen, deel: Deelname | None) -> Uitslagen:
    """STM14: a written consultation's window and participation, and the ratifications."""
    bekrachtigd, bevindingen = bekrachtig(dossier, u.resultaten)
    vergadering = dossier.vergadering
    return evolve(
        u,
        bevindingen=(*u.bevindingen, *bevindingen),
        opent=vergadering.opent if deel else None,
        sluit=vergadering.sluit if deel else None,
        deelname=deel,
        bekrachtigingen=bekrachtigd,
    )


def _raadpleging(
    dossier: Dossier, resultaten: list[Resultaat], uit: list[Bevinding], leden: int
) -> Deelname | None:
    """STM14 in a written consultation: acclamation decides nothing (an error), and every
    result reports its participation; the consultation's participation, or None."""
    if not dossier.vergadering.ledenraadpleging:
        return None
    for i, gevonden in enumerate(resultaten):
        r, s = gevonden, gevonden.stemming
        if s.wijze is Wijze.ACCLAMATIE:
            uit.append(
                bevinding(
                    "STM14",
                    f"stemmingen{element(s.id)}.wijze",
                    bericht(
                        "Een ledenraadpleging besluit niet bij acclamatie: de leden brengen "
                        "hun stemmen schriftelijk uit."
                    ),
                )
            )
            r = Resultaat(
                stemming=s,
                uitkomst=Uitkomst.GEEN_BESLUIT,
                toelichting=bericht("acclamatie in een ledenraadpleging"),
                titel=r.titel,
                peildatum=r.peildatum,
            )
        resultaten[i] = evolve(r, deelname=deelname((r,), leden))
    return deelname(resultaten, leden)


def _bij_punt(dossier: Dossier) -> dict[str, list[str]]:
    """STM09: agenda item id -> its amendments and its motions, in dossier order: what an
    adopted order motion on that item postpones besides the item's own proposal. The
    item's order motions themselves (voted as ``soort = "orde"``) are not among them."""
    ordemoties = {
        v for s in dossier.stemmingen if s.soort is StemmingSoort.ORDE for v in s.voorstellen
    }
    uit: dict[str, list[str]] = {}
    for a in dossier.amendementen:
        if a.agendapunt:
            uit.setdefault(a.agendapunt, []).append(a.id)
    for m in dossier.moties:
        if m.agendapunt and m.id not in ordemoties:
            uit.setdefault(m.agendapunt, []).append(m.id)
    return uit


def _uitstel(
    dossier: Dossier, uitgesteld: Mapping[str, tuple[str, ...]], titels: Mapping[str, str]
) -> tuple[Uitstel, ...]:
    """STM09: every postponed proposal, voted on or not, with the order motions that
    postponed it; in dossier order (agenda items, amendments, motions), each once."""
    soorten = (
        ("agendapunt", dossier.agendapunten),
        ("amendement", dossier.amendementen),
        ("motie", dossier.moties),
    )
    uit: dict[str, Uitstel] = {}
    for soort_, stukken in soorten:
        for stuk in stukken:
            if stuk.id in uitgesteld and stuk.id not in uit:
                uit[stuk.id] = Uitstel(
                    voorstel=stuk.id,
                    soort=soort_,
                    titel=titels.get(stuk.id, ""),
                    door=uitgesteld[stuk.id],
                )
    return tuple(uit.values())


def _gewogen_na(dossier: Dossier, s: Stemming) -> str | None:
    """STM07: the first weighted vote after acclamation ``s`` on all of its proposals."""
    if s.wijze is not Wijze.ACCLAMATIE or not s.bezwaar or not s.voorstellen:
        return None
    na = dossier.stemmingen[dossier.stemmingen.index(s) + 1 :]
    for t in na:
        if t.wijze is Wijze.GEWOGEN and set(s.voorstellen) <= set(t.voorstellen):
            return t.id
    return None


def _acclamatie(
    s: Stemming, pad: str, ctx: Context, uit: list[Bevinding], gevolgd: str | None
) -> Resultaat:
    """STM07: acclamation stands only when nobody objected and no ballots were cast.

    An objection means the proposal needs a weighted vote: when the dossier records it
    (``gevolgd``: its id) that is the normal route, no finding; otherwise an error. Ballots
    recorded on an acclamation contradict it (they are not counted). Either way the
    acclamation itself is no decision.
    """
    bezwaar = [(g.naam if (g := ctx.lid(naam)) else naam) for naam in s.bezwaar[:MAX_OPSOMMING]]
    if bezwaar and gevolgd and not s.stemmen:
        return Resultaat(
            stemming=s,
            uitkomst=Uitkomst.GEEN_BESLUIT,
            toelichting=bericht(
                "bezwaar tegen acclamatie ({wie}); gewogen stemming {gevolgd}",
                wie=reeks(bezwaar, totaal=len(s.bezwaar)),
                gevolgd=gevolgd,
            ),
        )
    if bezwaar:
        uit.append(
            bevinding(
                "STM07",
                f"{pad}.bezwaar",
                bericht(
                    "Bezwaar tegen acclamatie ({wie}), maar er volgt geen gewogen stemming "
                    "over hetzelfde voorstel; leg die vast als een volgende stemming met "
                    "'wijze = \"gewogen\"'.",
                    wie=reeks(bezwaar, totaal=len(s.bezwaar)),
                ),
            )
        )
    if s.stemmen:
        uit.append(
            bevinding(
                "STM07",
                f"{pad}.stemmen",
                bericht_n(
                    "Acclamatie met {n} uitgebrachte stem spreekt zichzelf tegen; de stem "
                    "telt niet. Leg een gewogen stemming vast als 'wijze = \"gewogen\"'.",
                    "Acclamatie met {n} uitgebrachte stemmen spreekt zichzelf tegen; de "
                    "stemmen tellen niet. Leg een gewogen stemming vast als "
                    "'wijze = \"gewogen\"'.",
                    len(s.stemmen),
                ),
            )
        )
    if bezwaar or s.stemmen:
        reden = (
            bericht("bezwaar tegen acclamatie") if bezwaar else bericht("acclamatie met stemmen")
        )
        return Resultaat(stemming=s, uitkomst=Uitkomst.GEEN_BESLUIT, toelichting=reden)
    return Resultaat(
        stemming=s, uitkomst=Uitkomst.AANGENOMEN, toelichting=bericht("bij acclamatie")
    )


def _resultaat(
    s: Stemming,
    pad: str,
    *,
    ctx: Context,
    gewichten: Mapping[str, int],
    geldig: set[str],
    afwezig: set[str],
    vacatures: Mapping[str, Vacature],
    uit: list[Bevinding],
    gevolgd: str | None = None,
    raam: tuple[datetime, datetime] | None = None,
) -> Resultaat:
    """STM04-STM08, STM10, STM11 for one stemming; STM14: only ballots inside ``raam``."""
    if s.wijze is Wijze.ACCLAMATIE:
        return _acclamatie(s, pad, ctx, uit, gevolgd)
    meerderheid = ctx.procedure.meerderheid  # STM05: the procedure in force
    if s.meerderheid is not None:
        if (m := breuk(s.meerderheid)) is None:
            uit.append(
                bevinding(
                    "STM05",
                    f"{pad}.meerderheid",
                    bericht(
                        "meerderheid {meerderheid!r} is geen breuk tussen 0 en 1 zoals "
                        '"2/3"; de gewone meerderheid geldt',
                        meerderheid=s.meerderheid,
                    ),
                    ernst=Ernst.FOUT,
                )
            )
        else:
            meerderheid = m
    geordend = s.geordend
    briefjes = list(
        _briefjes(
            s, pad, ctx, geldig=geldig, afwezig=afwezig, uit=uit, geordend=geordend, raam=raam
        )
    )
    opties = s.keuzemogelijkheden
    if s.soort is StemmingSoort.VERKIEZING and not opties and s.vacature:
        vacature = vacatures.get(s.vacature)
        opties = tuple(k.naam for k in vacature.kandidaten) if vacature else ()
    if s.soort in (StemmingSoort.KEUZE, StemmingSoort.VERKIEZING):
        regel = "STM10" if s.soort is StemmingSoort.KEUZE else "STM11"
        if not opties:
            uit.append(
                bevinding(regel, pad, bericht("geen opties of kandidaten"), ernst=Ernst.FOUT)
            )
        if _opties_fout(s, opties, regel, pad, uit):
            return Resultaat(
                stemming=s,
                uitkomst=Uitkomst.GEEN_BESLUIT,
                toelichting=bericht("de opties zijn niet eenduidig"),
            )
        k = tel_keuze(gewichten, briefjes, opties, meerderheid=meerderheid)
        _weigeringen(k.geweigerd, pad, ctx, uit)
        rang = k.rangorde()
        voor = rang[0][1] if rang else 0
        if s.soort is StemmingSoort.VERKIEZING:
            v = verkiezing(k)
            toelichting: str | Bericht = v.toelichting
            uitkomst = v.gekozen or Uitkomst.GEEN_BESLUIT
        else:
            uitkomst = k.winnaar or Uitkomst.GEEN_BESLUIT
            toelichting = "" if k.winnaar else bericht("geen optie heeft een meerderheid")
        return Resultaat(
            meerderheid=meerderheid,
            grondslag=Grondslag.UITGEBRACHT,
            leden=sum(gewichten.values()),
            stemming=s,
            uitkomst=uitkomst,
            percentage=k.percentage(rang[0][0]) if rang else None,
            voor=voor,
            tegen=k.uitgebracht - voor,
            onthouding=k.onthouding,
            opties=k.stemmen,
            toelichting=toelichting,
            stemgedrag=_geteld(briefjes, gewichten, {*opties, Keuze.ONTHOUDING.value}),
        )
    # without any weight there is no basis of all members' votes (nothing can be adopted)
    leden = (sum(gewichten.values()) or None) if s.grondslag is Grondslag.LEDEN else None
    live = LiveTelling(gewichten, meerderheid=meerderheid, leden=leden, stemgerechtigd=geldig)
    for code, keuze in briefjes:  # in the order recorded: when was the outcome decided?
        live.stem(code, keuze)
    u = live.uitslag
    _weigeringen(u.geweigerd, pad, ctx, uit)
    return Resultaat(
        meerderheid=meerderheid,
        grondslag=s.grondslag,
        leden=sum(gewichten.values()),
        briefjes=live.briefjes,
        vast_na=live.vast_sinds if geordend is not None else None,
        stemming=s,
        uitkomst=u.uitkomst,
        percentage=u.percentage,
        voor=u.voor,
        tegen=u.tegen,
        onthouding=u.onthouding,
        stemgedrag=_geteld(briefjes, gewichten, {k.value for k in Keuze}),
    )


def _opties_fout(
    s: Stemming, opties: Sequence[str], regel: str, pad: str, uit: list[Bevinding]
) -> bool:
    """STM10/STM11 (decision, docs/besluiten.md): every option or candidate has a visible
    name of its own, and none is called ``onthouding`` (that word is the abstention). Names
    are compared as persons' names are (:func:`~alvrules.tekens.naam_sleutel`). Without
    that, two options would merge silently or a ballot ``onthouding`` would count as a vote
    for an option. Each is an error, and the stemming gets no decision."""
    veld = "kandidaten" if s.soort is StemmingSoort.VERKIEZING and s.kandidaten else "opties"
    gezien: dict[str, int] = {}
    fout = False
    for i, optie in enumerate(opties):
        sleutel = naam_sleutel(optie) or optie.strip()
        waar = f"{pad}.{veld}[{i}]"
        if not zichtbaar(optie):
            melding = bericht("Optie zonder zichtbare naam ({optie!r}).", optie=optie)
        elif sleutel == Keuze.ONTHOUDING.value:
            melding = bericht(
                "Optie {optie!r} heet als de onthouding; een stem 'onthouding' telt niet als stem.",
                optie=optie,
            )
        elif sleutel in gezien:
            melding = bericht(
                "Optie {optie!r} staat er al eerder, als {veld}[{eerder}].",
                optie=optie,
                veld=veld,
                eerder=gezien[sleutel],
            )
        else:
            gezien[sleutel] = i
            continue
        uit.append(bevinding(regel, waar, melding, ernst=Ernst.FOUT))
        fout = True
    return fout


def _briefjes(
    s: Stemming,
    pad: str,
    ctx: Context,
    *,
    geldig: set[str],
    afwezig: set[str],
    uit: list[Bevinding],
    geordend: Sequence[Stembriefje] | None = None,
    raam: tuple[datetime, datetime] | None = None,
) -> Iterator[tuple[str, str]]:
    """STM04: resolve names to codes; drop (and report) non-members and the unrepresented;
    STM03: a ballot of a member whose representative is absent. In the order cast when
    the dossier records it (``geordend``), else in the order of the dossier."""
    for b in s.stemmen if geordend is None else geordend:
        g = ctx.lid(b.gemeente)
        buiten = buiten_venster(b, raam, pad, g.naam if g else b.gemeente)
        if buiten is not None:  # STM14: cast outside the voting window, not counted
            uit.append(buiten)
        elif g is None:
            uit.append(
                bevinding(
                    "STM04",
                    f"{pad}.stemmen.{sleutel(b.gemeente)}",
                    _geen_lid(b.gemeente, ctx, stem=True),
                )
            )
        elif g.code in afwezig:
            uit.append(
                bevinding(
                    "STM03",
                    f"{pad}.stemmen.{sleutel(b.gemeente)}",
                    bericht(
                        "Stem van {naam} telt niet: de vertegenwoordiger is niet aanwezig op "
                        "deze fysieke ALV, en alleen aanwezigen stemmen.",
                        naam=g.naam,
                    ),
                )
            )
        elif g.code not in geldig:
            uit.append(
                bevinding(
                    "STM04",
                    f"{pad}.stemmen.{sleutel(b.gemeente)}",
                    bericht(
                        "Stem van {naam} telt niet: geen geldige vertegenwoordiger (STM03).",
                        naam=g.naam,
                    ),
                )
            )
        else:
            keuze = b.keuze.strip()
            yield g.code, keuze.casefold() if keuze.casefold() in set(Keuze) else keuze


def _weigeringen(
    weigeringen: Sequence[Weigering], pad: str, ctx: Context, uit: list[Bevinding]
) -> None:
    for w in weigeringen:
        lid = ctx.gemeenten.code(w.gemeente)
        naam = lid.naam if lid else w.gemeente
        uit.append(
            bevinding(
                "STM04",
                f"{pad}.stemmen.{sleutel(naam)}",
                bericht(
                    "Stem van {naam} ({keuze!r}) telt niet: {reden}; de eerste stem geldt.",
                    naam=naam,
                    keuze=w.keuze,
                    reden=bericht(w.reden.value),
                )
                if w.reden is Reden.DUBBEL
                else bericht(
                    "Stem van {naam} ({keuze!r}) telt niet: {reden}.",
                    naam=naam,
                    keuze=w.keuze,
                    reden=bericht(w.reden.value),
                ),
            )
        )


def _geen_lid(naam: str, ctx: Context, *, stem: bool = False) -> Bericht:
    """STM03/STM04: ``naam`` (of a representative, or with ``stem`` of a ballot) is no
    member on the meeting date, with the names it may mean."""
    tips = ", ".join(ctx.suggesties(naam))
    if stem and tips:
        return bericht(
            "Stem van {naam!r} telt niet: geen lid; bedoelt u: {tips}?", naam=naam, tips=tips
        )
    if stem:
        return bericht("Stem van {naam!r} telt niet: geen lid.", naam=naam)
    if tips:
        return bericht("{naam!r} is geen lid; bedoelt u: {tips}?", naam=naam, tips=tips)
    return bericht("{naam!r} is geen lid.", naam=naam)


def _geteld(
    briefjes: list[tuple[str, str]], gewichten: Mapping[str, int], keuzes: Collection[str]
) -> tuple[tuple[str, str], ...]:
    """The counted ballots (the voting record): the first valid one per member."""
    gezien: dict[str, str] = {}
    for code, keuze in briefjes:
        if code in gewichten and keuze in keuzes:
            gezien.setdefault(code, keuze)
    return tuple(gezien.items())


def stm02_pad(ctx: Context) -> str:
    """Where an STM02 error belongs: the dossier's ``[bevolking]`` file when the figures
    come from it, else the meeting date."""
    uit_dossier = ctx.bevolking is not None and ctx.bevolking.oorsprong == "dossier"
    return "bevolking.bestand" if uit_dossier else "vergadering.datum"


def controleer_stemmingen(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """STM03-STM11 and STM13 findings of the dossier (the check of
    :mod:`alvrules.controle`); STM02 also without votes when the dossier or the caller
    supplies figures (figures that cannot be used are an error even before anything is
    counted); the parts of motions and held motions (STM13) also without votes."""
    geleverd = ctx.bevolking is not None
    if not dossier.stemmingen and not dossier.vertegenwoordigers and not geleverd:
        yield from besluiten(dossier, ()).bevindingen  # the parts and held motions (STM13)
        return
    try:
        u = uitslagen(dossier, ctx)
    except InvoerFout as e:
        yield bevinding("STM02", stm02_pad(ctx), e.bericht or Foutmelding(e))
        yield from besluiten(dossier, ()).bevindingen  # nothing counted: parts, held motions
        return
    yield from u.bevindingen
