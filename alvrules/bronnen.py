"""The sources of the procedure: one table of documents, and structured citations.

Every rule of the catalogue cites its sources as :class:`Bron` values: a stable key of
:data:`DOCUMENTEN` (the document), the place in it (a paragraph, article or agenda item)
and, where the document is public, a URL. The free-text ``bron`` of a rule and of a
finding ("Lbr. 23/040, Procedure §4; Gemeentewet art. 160") is derived from these, so it
can never disagree with them.

The seed documents of 2023 are the authority: the members' letter Lbr. 23/040 with its
annexes (the procedure annex with its §1-§5, the working group's advice, the accounting
for motions) and the draft minutes of 14 June 2023. The statutes are known through what
Lbr. 23/040 and the minutes quote of them. Laws are cited by their BWB id with a link to
the article on wetten.overheid.nl.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from attrs import frozen

from alvrules.teksten import N_
from alvrules.waarden import getypeerd

__all__ = ["DOCS_URL", "DOCUMENTEN", "Bron", "Document", "bron", "bron_tekst"]

#: Where the generated documentation is published (``site_url`` in ``mkdocs.yml``).
DOCS_URL = "https://vng-realisatie.github.io/alvrules/"

_LEDENBRIEF = "https://vng.nl/artikelen/agenda-en-stukken-najaars-alv-1-december-2023"
_WETTEN = "https://wetten.overheid.nl/"


@frozen(field_transformer=getypeerd)
class Document:
    """One source document: its short name (as written in a citation), title and link.

    ``bwb`` is the id of a law in the Basiswettenbestand; a citation of an article then
    links to that article (``jci`` link on wetten.overheid.nl).
    """

    sleutel: str
    kort: str
    titel: str
    url: str | None = None
    bwb: str | None = None

    def titel_in(self, taal: str = "nl") -> str:
        """The title in ``taal`` (``nl`` or ``en``), from the message catalogue; a title
        quoted in it is a name and stays as the document has it."""
        from alvrules.teksten import vertaal  # noqa: PLC0415 - start-up time

        return vertaal(taal, self.titel)

    def link(self, plaats: str) -> str | None:
        """The URL of ``plaats`` in this document: the article of a law, else the document."""
        if self.bwb:
            artikel = _artikel(plaats)
            if artikel:
                return f"{_WETTEN}jci1.3:c:{self.bwb}&artikel={artikel}"
            return f"{_WETTEN}{self.bwb}/"
        return self.url


def _artikel(plaats: str) -> str | None:
    """The article number in ``"art. 3 lid 1"`` (``"3"``), or None."""
    woorden = plaats.replace(".", " ").split()
    for i, w in enumerate(woorden[:-1]):
        if w in {"art", "artikel"}:
            return woorden[i + 1]
    return None


_DOCUMENTEN: tuple[Document, ...] = (
    Document(
        "lbr-23-040",
        "Lbr. 23/040",
        N_('Ledenbrief Lbr. 23/040 "Uitnodiging Najaars ALV 1 december 2023" van 3 november 2023'),
        _LEDENBRIEF,
    ),
    Document(
        "procedure",
        "Lbr. 23/040, Procedure",
        N_(
            'Bijlage bij Lbr. 23/040 "Procedure en regels voor indiening en ondertekening '
            'amendementen en moties": §1 amendementen, §2 alternatieven voor een motie, §3 de '
            "procedure voor moties, §4 de regels voor ondertekening, §5 het sjabloon van een motie"
        ),
        _LEDENBRIEF,
    ),
    Document(
        "werkgroep",
        "Werkgroep moties",
        N_(
            'Bijlage bij Lbr. 23/040 "Op een andere manier ruimte geven aan moties en signalen in '
            'de ALV": aanbevelingen van de werkgroep, door het bestuur overgenomen'
        ),
        "https://vng.nl/sites/default/files/2023-11/"
        "00b-ledenbrief-uitnodiging-najaars-alv-2023-bijlage-anders-omgaan-met-moties.pdf",
    ),
    Document(
        "verantwoording",
        "Verantwoording moties",
        N_(
            "Bijlage 09 bij Lbr. 23/040: verantwoording over de uitvoering van de moties van de "
            "ALV van 14 juni 2023"
        ),
        _LEDENBRIEF,
    ),
    Document(
        "notulen-2023-06-14",
        "Notulen 14-06-2023",
        N_("Conceptnotulen van de ALV van 14 juni 2023 (bijlage bij Lbr. 23/040)"),
        _LEDENBRIEF,
    ),
    Document(
        "statuten",
        "Statuten",
        N_("Statuten van de VNG, zoals Lbr. 23/040 en de notulen van 14 juni 2023 ze aanhalen"),
    ),
    Document(
        "tijdpad-vacatures",
        "Tijdpad vacatures",
        N_("Openbare VNG-pagina over het tijdpad bij vacatures in bestuur en commissies"),
    ),
    Document(
        "atw",
        "Atw",
        N_("Algemene termijnenwet"),
        f"{_WETTEN}BWBR0002448/",
        "BWBR0002448",
    ),
    Document(
        "gemeentewet",
        "Gemeentewet",
        N_("Gemeentewet"),
        f"{_WETTEN}BWBR0005416/",
        "BWBR0005416",
    ),
    Document(
        "cbs",
        "CBS",
        N_("Centraal Bureau voor de Statistiek: bevolking op 1 januari en gemeentelijke indeling"),
        "https://www.cbs.nl/",
    ),
)

#: Document key -> document: the sources table.
DOCUMENTEN: dict[str, Document] = {d.sleutel: d for d in _DOCUMENTEN}


@frozen(field_transformer=getypeerd)
class Bron:
    """One citation: a document of :data:`DOCUMENTEN` and the place in it."""

    document: str
    plaats: str = ""

    def __attrs_post_init__(self) -> None:
        if self.document not in DOCUMENTEN:
            raise KeyError(self.document)

    @property
    def url(self) -> str | None:
        """The link to the place in the document (an article of a law), or the document's own."""
        return DOCUMENTEN[self.document].link(self.plaats)

    @property
    def tekst(self) -> str:
        """The citation as a short text: ``"Lbr. 23/040, Procedure §4"``."""
        kort = DOCUMENTEN[self.document].kort
        return f"{kort} {self.plaats}" if self.plaats else kort

    def to_json(self) -> dict[str, Any]:
        """The citation as JSON: ``{document, plaats, url}``."""
        uit: dict[str, Any] = {"document": self.document, "plaats": self.plaats, "url": self.url}
        bwb = DOCUMENTEN[self.document].bwb
        if bwb:
            uit["bwb"] = bwb
        return uit


def bron_tekst(bronnen: Sequence[Bron], taal: str = "nl") -> str:
    """Citations as one short text; places in the same document are joined:
    ``"Lbr. 23/040, Procedure §4 en §5; Gemeentewet art. 77"`` (in English ``§4 and §5``:
    the names of the documents and places are names, the word between them is not)."""
    from alvrules.teksten import vertaal  # noqa: PLC0415 - start-up time

    en = f" {vertaal(taal, 'en')} " if taal != "nl" else " en "
    delen: list[tuple[str, list[str]]] = []
    for b in bronnen:
        if delen and delen[-1][0] == b.document and b.plaats:
            delen[-1][1].append(b.plaats)
        else:
            delen.append((b.document, [b.plaats] if b.plaats else []))
    return "; ".join(
        " ".join([DOCUMENTEN[d].kort, en.join(p)]) if p else DOCUMENTEN[d].kort for d, p in delen
    )


def bron(document: str, plaats: str = "") -> Bron:
    """Shorthand for :class:`Bron` in the catalogue."""
    return Bron(document, plaats)
