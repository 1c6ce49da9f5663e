"""Signatures of motions and amendments: SIG01-SIG08 (Lbr. 23/040, Procedure §4-§5).

Motions and amendments ("stukken") share the parts these rules read: indieners,
mede-indieners, ondersteuners and the ondertekening; the checks are written once over the
:class:`Stuk` protocol (AMD05: amendments follow the same rules, with the SIG ids).

A signature is *geldig* when its role may sign (SIG02) and it names a member that is an
indiener or mede-indiener of the stuk (SIG03, SIG07). The rules then ask:

- SIG01: every indiener has a geldige burgemeester signature (waarnemend and loco count);
- SIG04: every mede-indiener has a geldige signature on behalf of its college;
- SIG08: the stuk has at least one geldige signature.

Decisions where the rules overlap, so that one defect gives one finding:

- No geldige signature at all gives SIG08 only: SIG01 and SIG04 are then not repeated per
  municipality. MOT01's part "ondertekening" is left to SIG08 (it covers amendments too).
- A signature without a visible name (empty, spaces, only invisible characters) gives
  SIG02: it cannot be anyone's signature, so it never counts for SIG01, SIG04 or SIG08.
- A griffier or an unknown role gives SIG02 wherever it signs, also for a mede-indiener
  (that role signs no motion); a raadslid may co-sign for an indiener or a mede-indiener
  but does not count for SIG01 or SIG04.
- SIG05 never gives a finding: an ondersteuner needs no signature. A person of an
  ondersteuner who signs anyway gets SIG03 (the signature names a municipality that is not
  an indiener or mede-indiener); the message suggests making it a mede-indiener.
- A name that is not a member gives SIG07 once, where it is listed; a signature written
  with the same name is not reported again. A later occurrence of the same member (by
  CBS code, so "Den Haag" repeats "'s-Gravenhage") gives SIG06 and nothing else.
- A stuk without indieners is reported by MOT01 (motions) or AMD05 (amendments); the
  signatures are then not judged (there is nothing to judge them against).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from attrs import frozen

from alvrules.gemeenten import Gemeente, normaliseer
from alvrules.grenzen import reeks
from alvrules.model import Persoon, Rol
from alvrules.paden import element
from alvrules.regels import Bevinding, bevinding
from alvrules.tekens import zichtbaar
from alvrules.teksten import Datum, Opsomming, bericht
from alvrules.waarden import getypeerd

if TYPE_CHECKING:
    from alvrules.controle import Context
    from alvrules.dossier import Dossier

__all__ = ["Handtekening", "Stuk", "controleer", "controleer_stuk", "stuk_pad"]

_LIJSTEN = ("indieners", "mede_indieners", "ondersteuners")


class Stuk(Protocol):
    """What a motion and an amendment have in common for the signature rules."""

    @property
    def id(self) -> str:
        """The id of the motion or amendment."""
        ...

    @property
    def indieners(self) -> tuple[str, ...]:
        """The submitting members, as written."""
        ...

    @property
    def mede_indieners(self) -> tuple[str, ...]:
        """The co-submitting members, as written."""
        ...

    @property
    def ondersteuners(self) -> tuple[str, ...]:
        """The supporting members, as written."""
        ...

    @property
    def ondertekening(self) -> tuple[Persoon, ...]:
        """The signatures, as written."""
        ...


def stuk_pad(soort: str, index: int, stuk_id: str) -> str:
    """``moties[M01]``; a stuk without an id is named by its position (``moties[0]``); an
    id that is not plain is quoted (``moties["M 01"]``, :mod:`alvrules.paden`)."""
    return soort + (element(stuk_id) if stuk_id.strip() else element(index))


@frozen(field_transformer=getypeerd)
class Handtekening:
    """One signature, resolved: its role and member (None when unknown), and its place."""

    persoon: Persoon
    pad: str
    rol: Rol | None
    gemeente: Gemeente | None

    @property
    def rol_mag_tekenen(self) -> bool:
        """SIG02: burgemeester (also waarnemend/loco), wethouder, secretaris or raadslid."""
        return self.rol is not None and self.rol is not Rol.GRIFFIER


@frozen
class _Deelnemers:
    """The members named by a stuk, resolved, first occurrence of each code only."""

    indieners: tuple[Gemeente, ...]
    mede_indieners: tuple[Gemeente, ...]
    onbekend: frozenset[str]  # normalised names that did not resolve (already SIG07)

    @property
    def tekenaars(self) -> frozenset[str]:
        """SIG03: the codes a signature may name."""
        return frozenset(g.code for g in (*self.indieners, *self.mede_indieners))


def controleer(dossier: Dossier, ctx: Context) -> Iterator[Bevinding]:
    """SIG01-SIG08 over every motion and amendment (AMD05) of the dossier."""
    for i, motie in enumerate(dossier.moties):
        yield from controleer_stuk(motie, stuk_pad("moties", i, motie.id), ctx)
    for i, amendement in enumerate(dossier.amendementen):
        yield from controleer_stuk(amendement, stuk_pad("amendementen", i, amendement.id), ctx)


def controleer_stuk(stuk: Stuk, pad: str, ctx: Context) -> Iterator[Bevinding]:
    """Every signature finding of one motion or amendment at ``pad``."""
    deelnemers: list[list[Gemeente]] = [[], [], []]
    gezien: set[str] = set()
    onbekend: set[str] = set()
    for lijst, namen in enumerate((stuk.indieners, stuk.mede_indieners, stuk.ondersteuners)):
        for j, naam in enumerate(namen):
            plek = f"{pad}.{_LIJSTEN[lijst]}[{j}]"
            g = ctx.lid(naam)
            if g is None:
                onbekend.add(normaliseer(naam))
                yield _geen_lid(naam, plek, ctx)
            elif g.code in gezien:
                yield _dubbel(naam, g, plek)
            else:
                gezien.add(g.code)
                deelnemers[lijst].append(g)
    d = _Deelnemers(tuple(deelnemers[0]), tuple(deelnemers[1]), frozenset(onbekend))
    if not stuk.indieners:
        return
    handtekeningen = [
        Handtekening(p, f"{pad}.ondertekening[{k}]", p.rol_enum, ctx.lid(p.gemeente))
        for k, p in enumerate(stuk.ondertekening)
    ]
    geldig: list[Handtekening] = []
    for h in handtekeningen:
        fouten = [
            *_sig02_naam(h),
            *_sig02_rol(h),
            *_sig07_gemeente(h, d, ctx),
            *_sig03_eigen_gemeente(h, d),
        ]
        yield from fouten
        if not fouten:
            geldig.append(h)
    if not geldig:
        yield _sig08_niet_definitief(pad, d.indieners)
        return
    for g in d.indieners:
        yield from _sig01_burgemeester(g, geldig, pad)
    for g in d.mede_indieners:
        yield from _sig04_college(g, geldig, pad)


def _geen_lid(naam: str, plek: str, ctx: Context) -> Bevinding:
    """SIG07: a named municipality is not a member on the meeting date."""
    datum = Datum(ctx.datum, weekdag=False)
    ooit = ctx.gemeenten.zoek(naam)
    opvolgers = ctx.gemeenten.opvolgers(ooit, ctx.datum) if ooit else ()
    if ooit is not None and opvolgers and ooit.tot is not None:
        dag = Datum(ooit.tot + timedelta(days=1), weekdag=False)
        namen = [g.naam for g in opvolgers]
        if ooit.verdeeld_over:
            return bevinding(
                "SIG07",
                plek,
                bericht(
                    "{naam} is op {datum} geen lid: verdeeld over {lijst} sinds {dag}.",
                    naam=naam,
                    datum=datum,
                    lijst=Opsomming(namen),
                    dag=dag,
                ),
            )
        return bevinding(
            "SIG07",
            plek,
            bericht(
                "{naam} is op {datum} geen lid: opgegaan in {waarde} sinds {dag}.",
                naam=naam,
                datum=datum,
                waarde=namen[0],
                dag=dag,
            ),
        )
    if ooit is not None and ooit.van is not None and ctx.datum < ooit.van:
        dag = Datum(ooit.van, weekdag=False)
        return bevinding(
            "SIG07",
            plek,
            bericht(
                "{naam} is op {datum} geen lid: bestaat pas sinds {dag}.",
                naam=ooit.naam,
                datum=datum,
                dag=dag,
            ),
        )
    if ooit is not None:
        return bevinding(
            "SIG07",
            plek,
            bericht("{naam} is op {datum} geen lid.", naam=ooit.naam, datum=datum),
        )
    tips = ", ".join(ctx.suggesties(naam))
    return bevinding(
        "SIG07",
        plek,
        bericht("Onbekende gemeente {naam!r}; bedoelt u: {tips}?", naam=naam, tips=tips)
        if tips
        else bericht(
            "Onbekende gemeente {naam!r}; geen lid met een vergelijkbare naam.", naam=naam
        ),
    )


def _dubbel(naam: str, g: Gemeente, plek: str) -> Bevinding:
    """SIG06: a municipality appears at most once among all three lists."""
    return bevinding(
        "SIG06",
        plek,
        bericht(
            "{naam} ({naam2}, {code}) staat al eerder bij de indieners, "
            "mede-indieners of ondersteuners.",
            naam=naam,
            naam2=g.naam,
            code=g.code,
        ),
    )


def _sig02_naam(h: Handtekening) -> Sequence[Bevinding]:
    """SIG02: a signature names who signs; an empty or invisible name signs nothing."""
    if zichtbaar(h.persoon.naam):
        return ()
    return (
        bevinding(
            "SIG02",
            f"{h.pad}.naam",
            bericht(
                "Handtekening zonder zichtbare naam ({naam!r}): niemand tekent.",
                naam=h.persoon.naam,
            ),
        ),
    )


def _sig02_rol(h: Handtekening) -> Sequence[Bevinding]:
    """SIG02: only burgemeester, wethouder, gemeentesecretaris and raadsleden sign."""
    if h.rol_mag_tekenen:
        return ()
    if h.rol is None:
        tip = Rol.suggestie(h.persoon.rol)
        return (
            bevinding(
                "SIG02",
                f"{h.pad}.rol",
                bericht(
                    "{naam} tekent als {rol!r}: onbekende rol; bedoelt u {tip!r}?",
                    naam=h.persoon.naam,
                    rol=h.persoon.rol,
                    tip=tip,
                )
                if tip
                else bericht(
                    "{naam} tekent als {rol!r}: onbekende rol.",
                    naam=h.persoon.naam,
                    rol=h.persoon.rol,
                ),
            ),
        )
    return (
        bevinding(
            "SIG02",
            f"{h.pad}.rol",
            bericht(
                "{naam} tekent als {rol!r}; die rol ondertekent geen moties of amendementen.",
                naam=h.persoon.naam,
                rol=h.persoon.rol,
            ),
        ),
    )


def _sig07_gemeente(h: Handtekening, d: _Deelnemers, ctx: Context) -> Sequence[Bevinding]:
    """SIG07 for the municipality a signature names (unless its list already reported it)."""
    if h.gemeente is not None:
        return ()
    if normaliseer(h.persoon.gemeente) in d.onbekend:
        return ()  # reported where the list names it
    return (_geen_lid(h.persoon.gemeente, f"{h.pad}.gemeente", ctx),)


def _sig03_eigen_gemeente(h: Handtekening, d: _Deelnemers) -> Sequence[Bevinding]:
    """SIG03: the signature's municipality is an indiener or mede-indiener."""
    if h.gemeente is None or h.gemeente.code in d.tekenaars:
        return ()
    return (
        bevinding(
            "SIG03",
            f"{h.pad}.gemeente",
            bericht(
                "{naam} tekent voor {naam2}, die geen indiener of mede-indiener is "
                "(ondersteuners tekenen niet; maak de gemeente zo nodig "
                "mede-indiener).",
                naam=h.persoon.naam,
                naam2=h.gemeente.naam,
            ),
        ),
    )


def _sig01_burgemeester(
    g: Gemeente, geldig: Sequence[Handtekening], pad: str
) -> Iterator[Bevinding]:
    """SIG01: each indiener is signed for by its burgemeester (waarnemend/loco count)."""
    if not any(h.gemeente == g and h.rol is not None and h.rol.is_burgemeester for h in geldig):
        yield bevinding(
            "SIG01",
            f"{pad}.ondertekening",
            bericht("De burgemeester van indiener {naam} heeft niet getekend.", naam=g.naam),
        )


def _sig04_college(g: Gemeente, geldig: Sequence[Handtekening], pad: str) -> Iterator[Bevinding]:
    """SIG04: each mede-indiener signs on behalf of its college (burgemeester, wethouder,
    gemeentesecretaris)."""
    if not any(h.gemeente == g and h.rol is not None and h.rol.namens_college for h in geldig):
        yield bevinding(
            "SIG04",
            f"{pad}.ondertekening",
            bericht(
                "Mede-indiener {naam} heeft niet getekend namens het college "
                "(burgemeester, wethouder of gemeentesecretaris).",
                naam=g.naam,
            ),
        )


def _sig08_niet_definitief(pad: str, indieners: tuple[Gemeente, ...]) -> Bevinding:
    """SIG08: without any geldige signature the stuk is not definitive."""
    wie = reeks([g.naam for g in indieners]) if indieners else bericht("de indiener")
    return bevinding(
        "SIG08",
        f"{pad}.ondertekening",
        bericht(
            "Geen enkele geldige handtekening: het stuk is niet definitief en wordt niet "
            "gepubliceerd. Laat in elk geval de burgemeester tekenen van: {wie} (SIG01).",
            wie=wie,
        ),
    )
