"""Tallying one vote: STM04 (one block per member), STM05 (majority), STM06 (percentage),
STM07 (acclamation) and STM10 (choice between options), on exact integers.

The tally functions are pure: a weights mapping (CBS code -> votes, see
:func:`alvrules.gewichten.stemgewichten`) and ballots as ``(code, keuze)`` pairs in the
order received. Names are resolved to codes before (:mod:`alvrules.uitslagen`), so two
aliases of one member are one code.

*Decision* (STM04): the first valid ballot of a member counts; a later ballot of the same
member is rejected and reported. A ballot with an unknown choice or from a code without a
weight is rejected too; it does not take the member's turn. Nothing else is dropped.

STM05: adopted iff ``voor > meerderheid * basis`` (cross-multiplied on integers), where the
basis is the votes cast (voor + tegen) unless a majority is based on all members' votes.
Exactly the majority is rejected; nothing cast is no decision. The percentage (STM06) is
only a rendering: the outcome never comes from the rounded figure.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping
from fractions import Fraction

from attrs import frozen

from alvrules.fouten import GebruiksFout, eis
from alvrules.model import InvoerFout
from alvrules.stemmingen import Keuze, Wijze
from alvrules.teksten import N_, Bericht, bericht
from alvrules.waarden import getypeerd

__all__ = [
    "HELFT",
    "KeuzeUitslag",
    "LiveTelling",
    "Reden",
    "Uitkomst",
    "Uitslag",
    "Weigering",
    "aandeel",
    "meer_dan",
    "percentage",
    "tel",
    "tel_keuze",
    "uitkomst_woord",
    "vaststaand",
]

HELFT = Fraction(1, 2)

#: A ballot's choice as written -> Keuze (a dict lookup: ``Keuze(keuze)`` costs ten times more).
_KEUZES: dict[str, Keuze] = {k.value: k for k in Keuze}
#: a ballot's choice as written -> its place in LiveTelling's running sums
_PLAATS: dict[str, int] = {Keuze.VOOR.value: 0, Keuze.TEGEN.value: 1, Keuze.ONTHOUDING.value: 2}


class Uitkomst(enum.StrEnum):
    """The outcome of a vote: adopted, rejected or no decision."""

    AANGENOMEN = N_("aangenomen")
    VERWORPEN = N_("verworpen")
    GEEN_BESLUIT = N_("geen besluit")


class Reden(enum.StrEnum):
    """Why a ballot was not counted (STM04)."""

    DUBBEL = N_("tweede stem van hetzelfde lid")
    GEEN_LID = N_("geen lid")
    GEEN_VERTEGENWOORDIGER = N_("geen geldige vertegenwoordiger")
    ONGELDIGE_KEUZE = N_("ongeldige keuze")


def uitkomst_woord(uitkomst: str) -> str | Bericht:
    """An outcome as a field of a message: ``aangenomen``, ``verworpen`` and ``geen
    besluit`` in the language asked for; a name (an elected candidate, a chosen option)
    as it is."""
    return bericht(uitkomst) if uitkomst in _UITKOMSTEN else uitkomst


_UITKOMSTEN = frozenset(u.value for u in Uitkomst)


@frozen(field_transformer=getypeerd)
class Weigering:
    """A ballot that was not counted, with the reason."""

    gemeente: str
    keuze: str
    reden: Reden


def percentage(deel: int, geheel: int, komma: str = ",") -> str:
    """STM06: ``100 * deel / geheel`` rounded half-up to two decimals ("98,58")."""
    if geheel <= 0 or deel < 0:
        raise GebruiksFout(
            bericht(
                "Geen percentage van {deel} op {geheel}: het geheel moet groter zijn dan 0 en "
                "het deel niet negatief.",
                deel=deel,
                geheel=geheel,
            )
        )
    honderdsten = (deel * 20000 + geheel) // (2 * geheel)
    return f"{honderdsten // 100}{komma}{honderdsten % 100:02d}"


def aandeel(deel: int, geheel: int, komma: str = ",") -> str:
    """STM06 as the minutes write a share: ``"100"`` when ``deel`` is all of ``geheel``,
    ``"0"`` when it is none of it, else :func:`percentage` (``"98,58"``).

    *Decision*: two decimals mark a rounded figure, so a share that rounds to 100,00 but is
    not all (one vote against among thousands) keeps its decimals: "100%" means everyone.
    """
    if geheel > 0 and deel == geheel:
        return "100"
    if geheel > 0 and deel == 0:
        return "0"
    return percentage(deel, geheel, komma)


def meer_dan(deel: int, meerderheid: Fraction, basis: int) -> bool:
    """``deel > meerderheid * basis``, cross-multiplied on integers."""
    return deel * meerderheid.denominator > meerderheid.numerator * basis


def _controleer_meerderheid(meerderheid: Fraction, leden: int | None = None) -> None:
    """:class:`GebruiksFout` unless the majority is a fraction in (0, 1] and ``leden`` (the
    basis of a majority of all members' votes) is ``None`` or a whole number above 0: a
    majority of 3/2 or -5 members would decide before any ballot."""
    eis(meerderheid, Fraction, "meerderheid")
    if not 0 < meerderheid <= 1:
        raise GebruiksFout(
            bericht(
                "De meerderheid moet tussen 0 en 1 liggen (0 < m ≤ 1), niet {meerderheid}.",
                meerderheid=meerderheid,
            )
        )
    if leden is not None:
        eis(leden, int, "leden")
        if leden <= 0:
            raise GebruiksFout(
                bericht(
                    "Het aantal stemmen van alle leden moet groter zijn dan 0, niet {leden}.",
                    leden=leden,
                )
            )


def _controleer_gewichten(gewichten: Mapping[str, int]) -> None:
    eis(gewichten, Mapping, "gewichten")
    if all(type(stemmen) is int and stemmen >= 0 for stemmen in gewichten.values()):
        return  # the common case, checked without a branch per member
    for code, stemmen in gewichten.items():
        if isinstance(stemmen, bool) or not isinstance(stemmen, int) or stemmen < 0:
            raise InvoerFout(
                bericht(
                    "Het stemgewicht van {code} is geen geheel getal ≥ 0: {stemmen!r}.",
                    code=code,
                    stemmen=stemmen,
                )
            )


@frozen(kw_only=True, field_transformer=getypeerd)
class Uitslag:
    """The result of a vote on a proposal: exact integers; outcome and figure derived."""

    voor: int = 0
    tegen: int = 0
    onthouding: int = 0
    wijze: Wijze = Wijze.GEWOGEN
    meerderheid: Fraction = HELFT
    leden: int | None = None  # basis of a majority of all members' votes (STM05)
    geweigerd: tuple[Weigering, ...] = ()

    @property
    def uitgebracht(self) -> int:
        """The votes cast: voor + tegen (abstentions do not count, STM05)."""
        return self.voor + self.tegen

    @property
    def basis(self) -> int:
        """STM05: the votes the majority is taken of: cast (voor + tegen) or all members'."""
        return self.uitgebracht if self.leden is None else self.leden

    @property
    def drempel(self) -> Fraction:
        """STM05: the threshold in votes, exact: adopted iff ``voor > drempel``."""
        return self.meerderheid * self.basis

    @property
    def uitkomst(self) -> Uitkomst:
        """Adopted or rejected by the majority of :attr:`meerderheid` (STM05-STM07)."""
        if self.wijze is Wijze.ACCLAMATIE:
            return Uitkomst.AANGENOMEN
        return _uitkomst(self.voor, self.tegen, self.meerderheid, self.leden)

    @property
    def percentage(self) -> str | None:
        """STM06 (None for acclamation, STM07, or when nothing was cast)."""
        if self.wijze is Wijze.ACCLAMATIE or self.uitgebracht == 0:
            return None
        return percentage(self.voor, self.uitgebracht)


def _uitkomst(voor: int, tegen: int, meerderheid: Fraction, leden: int | None) -> Uitkomst:
    """STM05 on exact integers: nothing cast is no decision; else ``voor > m * basis``."""
    if voor + tegen == 0:
        return Uitkomst.GEEN_BESLUIT
    basis = voor + tegen if leden is None else leden
    return Uitkomst.AANGENOMEN if meer_dan(voor, meerderheid, basis) else Uitkomst.VERWORPEN


def vaststaand(
    voor: int,
    tegen: int,
    rest: int,
    *,
    meerderheid: Fraction = HELFT,
    leden: int | None = None,
) -> Uitkomst | None:
    """The outcome no completion can change, or None while some completion would.

    ``rest`` is the weight of the members entitled to vote that have not voted yet; each
    of them may still vote voor, tegen, onthouding or not at all. Adoption only gains from
    a voor and only loses from a tegen (abstentions count in no basis), so two completions
    bound all others: everyone left votes tegen (the worst case for adoption) or everyone
    left votes voor (the best). *Decided*:

    - aangenomen iff the worst case still adopts;
    - verworpen iff something was cast (so abstaining cannot leave *no decision*) and the
      best case still does not adopt;
    - geen besluit iff nothing was cast and no weight is left.

    Exact (integers and the majority's fraction) and O(1).
    """
    _controleer_meerderheid(meerderheid, leden)
    if _uitkomst(voor, tegen + rest, meerderheid, leden) is Uitkomst.AANGENOMEN:
        return Uitkomst.AANGENOMEN
    if voor + tegen > 0:
        if _uitkomst(voor + rest, tegen, meerderheid, leden) is not Uitkomst.AANGENOMEN:
            return Uitkomst.VERWORPEN
        return None
    return Uitkomst.GEEN_BESLUIT if rest == 0 else None


def tel(
    gewichten: Mapping[str, int],
    briefjes: Iterable[tuple[str, str]],
    *,
    meerderheid: Fraction = HELFT,
    leden: int | None = None,
) -> Uitslag:
    """STM04-STM06: tally ballots ``(code, keuze)`` on a proposal."""
    _controleer_gewichten(gewichten)
    _controleer_meerderheid(meerderheid, leden)
    gezien: set[str] = set()
    som = dict.fromkeys(Keuze, 0)
    geweigerd: list[Weigering] = []
    for code, keuze in briefjes:
        if code not in gewichten:
            geweigerd.append(Weigering(code, keuze, Reden.GEEN_LID))
        elif (k := _KEUZES.get(keuze)) is None:
            geweigerd.append(Weigering(code, keuze, Reden.ONGELDIGE_KEUZE))
        elif code in gezien:
            geweigerd.append(Weigering(code, keuze, Reden.DUBBEL))
        else:
            gezien.add(code)
            som[k] += gewichten[code]
    return Uitslag(
        voor=som[Keuze.VOOR],
        tegen=som[Keuze.TEGEN],
        onthouding=som[Keuze.ONTHOUDING],
        meerderheid=meerderheid,
        leden=leden,
        geweigerd=tuple(geweigerd),
    )


class LiveTelling:
    """A tally fed one ballot at a time, O(1) per ballot; :attr:`uitslag` equals :func:`tel`
    over the ballots so far at every step (reading it copies only the rejections).

    ``stemgerechtigd``: the members entitled to vote (those with a valid representative,
    STM03); default every member of ``gewichten``. A ballot of another member is rejected
    (:attr:`Reden.GEEN_VERTEGENWOORDIGER`). :attr:`vast` says after each ballot whether the
    outcome is decided, :attr:`vast_sinds` from which ballot on (see :func:`vaststaand`).
    """

    _vast: Uitkomst | None  # set by _beslis, first at the end of __init__

    def __init__(
        self,
        gewichten: Mapping[str, int],
        *,
        meerderheid: Fraction = HELFT,
        leden: int | None = None,
        stemgerechtigd: Collection[str] | None = None,
    ) -> None:
        _controleer_gewichten(gewichten)
        _controleer_meerderheid(meerderheid, leden)
        self._gewichten = dict(gewichten)
        self._meerderheid = meerderheid
        self._teller, self._noemer = meerderheid.numerator, meerderheid.denominator
        self._leden = leden
        self._gerechtigd = (
            None if stemgerechtigd is None else frozenset(stemgerechtigd) & self._gewichten.keys()
        )
        self._gezien: set[str] = set()
        self._som = [0, 0, 0]  # voor, tegen, onthouding (a list: no enum hashing per ballot)
        self._geweigerd: list[Weigering] = []
        self._rest = self._totaal = sum(
            self._gewichten[c]
            for c in (self._gewichten if self._gerechtigd is None else self._gerechtigd)
        )
        self._n_maal_e = self._teller * self._totaal
        self._n_maal_l = self._teller * (leden or 0)
        self._briefjes = 0
        self._vast_sinds: int | None = None
        self._beslis()

    def _beslis(self) -> None:
        """:func:`vaststaand` on the running sums, on integers: with E the entitled weight
        and O the abstentions, "adopted even if all the rest votes tegen" is
        ``voor·d + n·O > n·E`` and "not adopted even if all the rest votes voor" is
        ``(E − O)·(d − n) ≤ tegen·d`` (basis: votes cast, majority n/d); a counted ballot
        costs a few multiplications until the outcome is decided, nothing after."""
        voor, tegen, onthouding = self._som
        n, d, rest = self._teller, self._noemer, self._rest
        if self._leden is None:  # basis: the votes cast
            aangenomen = voor * d + n * onthouding > self._n_maal_e
            kan = (self._totaal - onthouding) * (d - n) > tegen * d
        else:  # basis: all members' votes
            aangenomen = voor * d > self._n_maal_l
            kan = (voor + rest) * d > self._n_maal_l
        if aangenomen:
            self._vast = Uitkomst.AANGENOMEN
        elif voor + tegen > 0:
            self._vast = None if kan else Uitkomst.VERWORPEN
        else:
            self._vast = Uitkomst.GEEN_BESLUIT if rest == 0 else None
        if self._vast is not None:
            self._vast_sinds = self._briefjes

    def stem(self, code: str, keuze: str) -> Weigering | None:
        """Add one ballot; the rejection when it does not count (STM04)."""
        self._briefjes += 1
        k = _PLAATS.get(keuze)
        if code not in self._gewichten:
            reden = Reden.GEEN_LID
        elif k is None:
            reden = Reden.ONGELDIGE_KEUZE
        elif code in self._gezien:
            reden = Reden.DUBBEL
        elif self._gerechtigd is not None and code not in self._gerechtigd:
            reden = Reden.GEEN_VERTEGENWOORDIGER
        else:
            self._gezien.add(code)
            gewicht = self._gewichten[code]
            self._som[k] += gewicht
            self._rest -= gewicht
            if self._vast is None:  # once decided, it stays decided
                self._beslis()
            return None
        w = Weigering(code, keuze, reden)
        self._geweigerd.append(w)
        return w

    @property
    def briefjes(self) -> int:
        """The ballots received so far, counted or not."""
        return self._briefjes

    @property
    def rest(self) -> int:
        """The weight of the entitled members that have not voted yet."""
        return self._rest

    @property
    def vast(self) -> Uitkomst | None:
        """The decided outcome: one that no way of voting by the members left can change
        (voor, tegen, onthouding or not at all); None while it can still change."""
        return self._vast

    @property
    def vast_sinds(self) -> int | None:
        """The number of ballots after which the outcome was decided (0: before the
        first), or None while it is not."""
        return self._vast_sinds

    @property
    def uitslag(self) -> Uitslag:
        """The result of the ballots counted so far."""
        return Uitslag(
            voor=self._som[0],
            tegen=self._som[1],
            onthouding=self._som[2],
            meerderheid=self._meerderheid,
            leden=self._leden,
            geweigerd=tuple(self._geweigerd),
        )


@frozen(kw_only=True, field_transformer=getypeerd)
class KeuzeUitslag:
    """STM10/STM11: votes per option (in the given order), abstentions, rejections."""

    stemmen: tuple[tuple[str, int], ...]
    onthouding: int = 0
    meerderheid: Fraction = HELFT
    geweigerd: tuple[Weigering, ...] = ()

    @property
    def uitgebracht(self) -> int:
        """The number of votes cast on the options."""
        return sum(n for _, n in self.stemmen)

    @property
    def winnaar(self) -> str | None:
        """The option with more than the majority of the votes cast, or None (no decision)."""
        for optie, n in self.stemmen:
            if meer_dan(n, self.meerderheid, self.uitgebracht):
                return optie
        return None

    def percentage(self, optie: str) -> str | None:
        """The share of ``optie`` in the votes cast, as the minutes write it ("98,58")."""
        if self.uitgebracht == 0:
            return None
        return percentage(dict(self.stemmen)[optie], self.uitgebracht)

    def rangorde(self) -> tuple[tuple[str, int], ...]:
        """Options by votes, most first (ties keep the given order; never a decision)."""
        return tuple(sorted(self.stemmen, key=lambda s: -s[1]))


def tel_keuze(
    gewichten: Mapping[str, int],
    briefjes: Iterable[tuple[str, str]],
    opties: Iterable[str],
    *,
    meerderheid: Fraction = HELFT,
) -> KeuzeUitslag:
    """STM10: tally ballots ``(code, optie)``; ``onthouding`` is allowed and not cast."""
    _controleer_gewichten(gewichten)
    _controleer_meerderheid(meerderheid)
    som = dict.fromkeys(opties, 0)
    onthouding = 0
    gezien: set[str] = set()
    geweigerd: list[Weigering] = []
    for code, keuze in briefjes:
        if code not in gewichten:
            geweigerd.append(Weigering(code, keuze, Reden.GEEN_LID))
        elif keuze not in som and keuze != Keuze.ONTHOUDING:
            geweigerd.append(Weigering(code, keuze, Reden.ONGELDIGE_KEUZE))
        elif code in gezien:
            geweigerd.append(Weigering(code, keuze, Reden.DUBBEL))
        else:
            gezien.add(code)
            if keuze in som:
                som[keuze] += gewichten[code]
            else:
                onthouding += gewichten[code]
    return KeuzeUitslag(
        stemmen=tuple(som.items()),
        onthouding=onthouding,
        meerderheid=meerderheid,
        geweigerd=tuple(geweigerd),
    )
