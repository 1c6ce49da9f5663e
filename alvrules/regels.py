"""The rule registry: rules, findings and reports.

One registry (:data:`alvrules.catalogus.REGELS`) drives the checks, the CLI's ``regels``
command and the generated documentation. A check never writes a source reference or a
severity itself: it names a rule id and :func:`bevinding` takes both from the registry,
so a finding, ``alvrules regels`` and the docs always show the same citation.
"""

from __future__ import annotations

import contextlib
import enum
import functools
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from alvrules.bronnen import DOCS_URL, Bron, bron_tekst
from alvrules.teksten import N_
from alvrules.waarden import getypeerd

if TYPE_CHECKING:  # pragma: no cover
    from alvrules.teksten import Bericht

__all__ = [
    "Bevinding",
    "Ernst",
    "Rapport",
    "Regel",
    "bevinding",
    "regel",
    "regels",
]


class Ernst(enum.StrEnum):
    """Severity of a rule or finding."""

    FOUT = "fout"  # blocks acceptance or publication
    WAARSCHUWING = "waarschuwing"  # accepted, but the user must know
    INFO = "info"  # advice

    @property
    def en(self) -> str:
        """The English word for the severity (``error``, ``warning``, ``info``)."""
        return self.in_("en")

    def in_(self, taal: str) -> str:
        """The severity as a word of ``taal`` (``fout`` / ``error``)."""
        from alvrules.teksten import N_, vertaal  # noqa: PLC0415 - start-up time

        woorden = {"fout": N_("fout"), "waarschuwing": N_("waarschuwing"), "info": N_("info")}
        return vertaal(taal, woorden[self.value])


@frozen(field_transformer=getypeerd)
class Regel:
    """One rule of the procedure, with its stable id and its source."""

    id: str
    naam: str  # a message of the catalogue (Dutch), like ``uitleg`` and ``besluit``
    hoofdstuk: str
    ernst: Ernst
    bronnen: tuple[Bron, ...]
    uitleg: str
    besluit: str | None = None  # the decision taken where the sources are silent
    # An info rule that no check reports (it explains, or other code applies it): why.
    geen_bevinding: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.bronnen and not self.besluit:
            from alvrules.fouten import GebruiksFout  # noqa: PLC0415 - start-up time
            from alvrules.teksten import bericht  # noqa: PLC0415 - start-up time

            raise GebruiksFout(
                bericht("Regel {id} heeft geen bron en dus een besluit nodig.", id=self.id)
            )

    def naam_in(self, taal: str = "nl") -> str:
        """The short name in ``taal`` (``nl`` or ``en``), from the message catalogue."""
        from alvrules.teksten import vertaal  # noqa: PLC0415 - start-up time

        return vertaal(taal, self.naam)

    @property
    def naam_en(self) -> str:
        """The short name in English (``naam_in("en")``; kept for ``regels --format json``)."""
        return self.naam_in("en")

    def uitleg_in(self, taal: str = "nl") -> str:
        """The explanation in ``taal`` (``nl`` or ``en``), from the message catalogue."""
        from alvrules.teksten import vertaal  # noqa: PLC0415 - start-up time

        return vertaal(taal, self.uitleg)

    def besluit_in(self, taal: str = "nl") -> str | None:
        """The decision in ``taal`` (``nl`` or ``en``), or None when the rule has none."""
        from alvrules.teksten import vertaal  # noqa: PLC0415 - start-up time

        return vertaal(taal, self.besluit) if self.besluit else None

    def geen_bevinding_in(self, taal: str = "nl") -> str | None:
        """Why no check reports this rule, in ``taal``; None when a check does."""
        from alvrules.teksten import vertaal  # noqa: PLC0415 - start-up time

        return vertaal(taal, self.geen_bevinding) if self.geen_bevinding else None

    @property
    def bron(self) -> str:
        """The sources as one short text, derived from :attr:`bronnen`.

        A rule that rests on a decision only says so instead of citing anything.
        """
        if not self.bronnen:
            return BESLUIT_ALVRULES
        return bron_tekst(self.bronnen)

    @property
    def url(self) -> str:
        """The rule's section in the published documentation."""
        from alvrules.catalogus import PAGINAS  # noqa: PLC0415 - keeps import light

        return f"{DOCS_URL}{PAGINAS[self.hoofdstuk]}#{self.id}"

    def bronnen_json(self) -> list[dict[str, Any]]:
        """The rule's sources as JSON: ``[{document, plaats, url}]``."""
        return [b.to_json() for b in self.bronnen]

    def to_json(self, taal: str = "nl", *, naam_en: bool = True) -> dict[str, Any]:
        """The rule as JSON (``alvrules regels --format json``), its texts in ``taal``;
        ``naam_en=False`` leaves the English name out (the receipt hashes the translations
        as files, so a Dutch run does not read them)."""
        return {
            "regel": self.id,
            "naam": self.naam,
            **({"naam_en": self.naam_en} if naam_en else {}),
            "hoofdstuk": self.hoofdstuk,
            "ernst": self.ernst.value,
            "bron": bron_in(self.bron, taal),
            "bronnen": self.bronnen_json(),
            "url": self.url,
            "uitleg": self.uitleg_in(taal),
            "besluit": self.besluit_in(taal),
        }


#: The ``bron`` of a rule without a source: it rests on a decision of alvrules.
BESLUIT_ALVRULES = N_("Besluit alvrules (geen bron)")


def bron_in(bron: str, taal: str) -> str:
    """A ``bron`` text in ``taal``: the citations are names; alvrules' own words are
    :data:`BESLUIT_ALVRULES` and the word that joins two places in one document
    (``Procedure §4 en §5`` / ``Procedure §4 and §5``)."""
    from alvrules.teksten import vertaal  # noqa: PLC0415 - start-up time

    if bron == BESLUIT_ALVRULES:
        return vertaal(taal, BESLUIT_ALVRULES)
    if taal == "nl":
        return bron
    bronnen = _bronnen_van().get(bron)
    return bron_tekst(bronnen, taal) if bronnen else bron


@functools.cache
def _bronnen_van() -> dict[str, tuple[Bron, ...]]:
    """The ``bron`` text of every rule -> its citations (to write the text in a language)."""
    return {r.bron: r.bronnen for r in regels() if r.bronnen}


def _zelf(waarde: Any) -> Any:
    return waarde


@frozen(field_transformer=getypeerd)
class Bevinding:
    """A finding: one rule that a place in the input does not meet."""

    regel: str
    ernst: Ernst
    melding: str
    pad: str
    bron: str
    melding_en: str | None = None
    bronnen: tuple[Bron, ...] = ()
    url: str | None = None
    #: The message from the catalogue (:mod:`alvrules.teksten`), written in either language;
    #: ``melding`` is its Dutch text.
    bericht: Bericht | None = field(default=None, eq=False, repr=False, converter=_zelf)

    def tekst(self, taal: str = "nl") -> str:
        """The message in ``taal`` (``nl`` or ``en``)."""
        if taal != "nl" and self.bericht is not None:
            return self.bericht.in_(taal)
        if taal == "en" and self.melding_en:
            return self.melding_en
        return self.melding

    def to_json(self, taal: str = "nl") -> dict[str, Any]:
        """The finding as JSON (INTERFACES.md ``controleer``), message in ``taal``."""
        return {
            "regel": self.regel,
            "ernst": self.ernst.value,
            "melding": self.tekst(taal),
            "pad": self.pad,
            "bron": bron_in(self.bron, taal),
            "bronnen": [b.to_json() for b in self.bronnen],
            "url": self.url,
        }


@frozen(field_transformer=getypeerd)
class Rapport:
    """All findings of one check, in the order they were found.

    ``fouten``, ``waarschuwingen`` and ``info`` are the findings of each severity (tuples,
    in order); :attr:`aantallen` counts them. A dossier is :attr:`geldig` when it has no
    ``fout``.

    >>> r = Rapport.van([bevinding("SIG01", "moties[0].ondertekening", "Geen burgemeester.")])
    >>> len(r.fouten), r.aantallen
    (1, {'fout': 1, 'waarschuwing': 0, 'info': 0})
    >>> r.geldig
    False
    """

    bevindingen: tuple[Bevinding, ...] = ()

    @classmethod
    def van(cls, bevindingen: Iterable[Bevinding]) -> Rapport:
        """The report of ``bevindingen`` (any iterable), kept in order."""
        return cls(tuple(bevindingen))

    def __iter__(self) -> Iterator[Bevinding]:
        return iter(self.bevindingen)

    def __len__(self) -> int:
        return len(self.bevindingen)

    def met_ernst(self, ernst: Ernst) -> tuple[Bevinding, ...]:
        """The findings of severity ``ernst``, in order."""
        return tuple(b for b in self.bevindingen if b.ernst is ernst)

    @property
    def fouten(self) -> tuple[Bevinding, ...]:
        """The findings of severity ``fout`` (errors), in order."""
        return self.met_ernst(Ernst.FOUT)

    @property
    def waarschuwingen(self) -> tuple[Bevinding, ...]:
        """The findings of severity ``waarschuwing`` (warnings), in order."""
        return self.met_ernst(Ernst.WAARSCHUWING)

    @property
    def info(self) -> tuple[Bevinding, ...]:
        """The findings of severity ``info`` (advice), in order."""
        return self.met_ernst(Ernst.INFO)

    @property
    def aantallen(self) -> dict[str, int]:
        """The number of findings per severity: ``{"fout": n, "waarschuwing": n, "info": n}``."""
        uit = {e.value: 0 for e in Ernst}
        for b in self.bevindingen:
            uit[b.ernst.value] += 1
        return uit

    @property
    def geldig(self) -> bool:
        """True when no finding is an error (warnings and info are allowed)."""
        return not any(b.ernst is Ernst.FOUT for b in self.bevindingen)

    def regels(self) -> set[str]:
        """The ids of the rules that have a finding."""
        return {b.regel for b in self.bevindingen}

    def to_json(self, taal: str = "nl") -> dict[str, Any]:
        """The report as JSON (INTERFACES.md): validity, counts per severity, findings."""
        n = self.aantallen
        return {
            "geldig": self.geldig,
            "fouten": n["fout"],
            "waarschuwingen": n["waarschuwing"],
            "info": n["info"],
            "bevindingen": [b.to_json(taal) for b in self.bevindingen],
        }


@functools.cache
def _registry() -> Mapping[str, Regel]:
    from alvrules.catalogus import REGELS  # noqa: PLC0415 - keeps import light

    return REGELS


def regel(regel_id: str) -> Regel:
    """The registered rule ``regel_id``; ``KeyError`` for an unknown id (a programming error)."""
    return _registry()[regel_id]


def regels() -> tuple[Regel, ...]:
    """Every registered rule, in catalogue order."""
    return tuple(_registry().values())


#: While :func:`alvrules.controle.begrensd` takes the findings of a check: per rule id the
#: number of findings made so far, and the cap (:func:`tel_per_regel`).
_GETELD: ContextVar[tuple[dict[str, int], int] | None] = ContextVar("_GETELD", default=None)


@contextlib.contextmanager
def tel_per_regel(maximum: int) -> Iterator[None]:
    """Within the block, :func:`bevinding` counts the findings it makes per rule, and past
    ``maximum`` findings of a rule makes them *unworked* (:func:`volledig`): only the rule,
    severity and path are filled in, not the message text, source or url (issue 25: a
    hostile dossier makes millions of findings of which a report keeps 1,000 per rule; the
    text of each cost more than finding it). Whoever takes findings within the block passes
    each one it keeps through :func:`volledig`, so what it keeps does not depend on whether a
    finding was made before or after the cap (a check may yield its findings in another
    order than it made them)."""
    token = _GETELD.set(({}, maximum))
    try:
        yield
    finally:
        _GETELD.reset(token)


_zet = object.__setattr__


class _Onbewerkt(Bevinding):
    """A finding made past its rule's cap within :func:`tel_per_regel`: the arguments of
    :func:`bevinding`, unchecked, without the message text (``melding`` is ``""`` unless it
    was given as text), source or url. Never leaves :func:`alvrules.controle.begrensd`."""

    __slots__ = ()


def volledig(b: Bevinding) -> Bevinding:
    """``b`` itself, or for a finding made past the cap (:func:`tel_per_regel`) the finding
    :func:`bevinding` makes of the same arguments outside that block."""
    if type(b) is not _Onbewerkt:
        return b
    return _maak(
        regel(b.regel), b.pad, b.melding if b.bericht is None else b.bericht, b.melding_en, b.ernst
    )


def bevinding(
    regel_id: str,
    pad: str,
    melding: str | Bericht,
    melding_en: str | None = None,
    *,
    ernst: Ernst | None = None,
) -> Bevinding:
    """A finding of rule ``regel_id`` at ``pad``; severity and source from the registry.

    ``melding`` is a message of the catalogue (:func:`alvrules.teksten.bericht`), written in
    the language the output asks for; a plain text is still accepted (for tools of
    their own; alvrules itself writes every message through the catalogue).
    ``melding_en`` is deprecated since 0.3.0 (a :class:`DeprecationWarning`): a finding's
    English comes from the catalogue, :meth:`Bevinding.tekst`.

    ``ernst`` overrides the rule's default severity where the rule itself grades it
    (TRM02: late is a warning, late and *actueel* with a reason is info).
    """
    if melding_en is not None:
        import warnings  # noqa: PLC0415 - only for the deprecated path

        warnings.warn(
            "the argument melding_en is deprecated: give a message of the catalogue "
            "(alvrules.teksten.bericht); its English comes from the .po",
            DeprecationWarning,
            stacklevel=2,
        )
    r = regel(regel_id)
    teller = _GETELD.get()
    if teller is not None:
        gezien, maximum = teller
        n = gezien.get(r.id, 0)
        gezien[r.id] = n + 1
        if n >= maximum:
            b = object.__new__(_Onbewerkt)
            tekst = isinstance(melding, str)
            _zet(b, "regel", r.id)
            _zet(b, "ernst", ernst or r.ernst)
            _zet(b, "melding", melding if tekst else "")
            _zet(b, "pad", pad)
            _zet(b, "bron", "")
            _zet(b, "melding_en", melding_en)
            _zet(b, "bronnen", ())
            _zet(b, "url", None)
            _zet(b, "bericht", None if tekst else melding)
            return b
    return _maak(r, pad, melding, melding_en, ernst)


def _maak(
    r: Regel, pad: str, melding: str | Bericht, melding_en: str | None, ernst: Ernst | None
) -> Bevinding:
    return Bevinding(
        regel=r.id,
        ernst=ernst or r.ernst,
        melding=str(melding),
        pad=pad,
        bron=r.bron,
        melding_en=melding_en,
        bronnen=r.bronnen,
        url=r.url,
        bericht=None if isinstance(melding, str) else melding,
    )
