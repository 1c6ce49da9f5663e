"""``alvrules uitslag --format html``: the results as one accessible, self-contained page.

What the page guarantees (WCAG 2.1 AA basics, checked by ``tests/test_uitslag_html.py``):

- ``lang`` of the page (``nl``, or ``en`` with ``--lang en``), a viewport, a ``<main>``
  landmark and one ``<h1>``, a ``<h2>`` per stemming;
- every table has a ``<caption>``, a ``<thead>`` and ``<th scope>`` headers;
- a coloured bar never carries meaning alone: it sits in a table row whose header names
  the choice and whose next cell gives the votes in text; without CSS (or printed in black
  and white) the bars vanish or turn to outlines and the numbers remain;
- colours meet contrast ratios (text 4.5:1; bars 3:1 against white, see :data:`KLEUREN`);
- no JavaScript, no external resources; everything from the input is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alvrules import herkomst, tekens
from alvrules._cli._uitvoer import moment
from alvrules.besluiten import deel_naam
from alvrules.bevolking import BRON
from alvrules.gemeenten import tooi
from alvrules.gewichten import peildatum
from alvrules.model import Vergadering
from alvrules.raadpleging import deelname_zin
from alvrules.stemmingen import Wijze
from alvrules.teksten import N_, Getal, vertaal
from alvrules.telling import HELFT, aandeel, percentage
from alvrules.uitslagen import BASIS, Resultaat, Uitslagen, meerderheid_tekst

__all__ = ["KLEUREN", "pagina"]

#: text and bar colours (contrast on white: text #1a1a1a 17.4:1, muted #4d4d4d 8.5:1,
#: voor #1b6e3c 6.5:1, tegen #b01c1c 6.6:1, onthouding #5c5c5c 6.7:1)
KLEUREN = {
    "tekst": "#1a1a1a",
    "gedempt": "#4d4d4d",
    "voor": "#1b6e3c",
    "tegen": "#b01c1c",
    "onthouding": "#5c5c5c",
    "achtergrond": "#ffffff",
}

_CSS = (
    f"body{{font-family:system-ui,sans-serif;line-height:1.5;max-width:60em;margin:0 auto;"
    f"padding:1em;color:{KLEUREN['tekst']};background:{KLEUREN['achtergrond']}}}"
    "h1{font-size:1.6em}h2{font-size:1.2em;margin:2em 0 .3em}"
    "table{border-collapse:collapse;margin:.5em 0}caption{text-align:left;font-weight:bold}"
    "th,td{padding:.2em .6em;text-align:left;border-bottom:1px solid #767676}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".spoor{display:inline-block;width:12em;vertical-align:middle}"
    "td.balken{white-space:nowrap}"
    ".balk{display:block;height:1em;min-width:1px;box-sizing:border-box;"
    "border:1px solid #1a1a1a;print-color-adjust:exact;-webkit-print-color-adjust:exact}"
    f".for{{background:{KLEUREN['voor']}}}.against{{background:{KLEUREN['tegen']}}}"
    f".abstention{{background:{KLEUREN['onthouding']}}}"
    ".breed{overflow-x:auto}"
    f"footer{{margin-top:2em;font-size:.9em;color:{KLEUREN['gedempt']}}}"
    f"a{{color:{KLEUREN['tekst']}}}"
    "@media (max-width:30em){.spoor{width:5em}th,td{padding:.2em .3em}}"
    "@media print{body{max-width:none;padding:0}h2{break-after:avoid}tr{break-inside:avoid}}"
)

#: The page's own words: messages of the catalogue (``{…}`` filled in where used).
_WOORDEN = {
    "kop": N_("Uitslagen"),
    "moties": N_("Moties in delen, aangehouden of volgens het preadvies"),
    "motie": N_("motie"),
    "gedrag": N_("Stemgedrag per gemeente"),
    "gemeente": N_("gemeente"),
    "code": N_("CBS-code"),
    "stemmen": N_("stemmen"),
    "keuze": N_("keuze"),
    "balk": N_("aandeel van alle stemmen"),
    "telling": N_("Telling"),
    "bundel": N_("geldt voor elk voorstel, STM08"),
    "niet": N_("niet gestemd"),
    "uitleg": N_(
        "Per stemming de stemmen voor, tegen en onthouding; de balk toont het aandeel "
        "van alle stemmen en staat altijd naast het getal."
    ),
}


def _woorden(taal: str) -> dict[str, str]:
    """:data:`_WOORDEN` in ``taal``."""
    return {k: vertaal(taal, v) for k, v in _WOORDEN.items()}


#: The choices of a ballot as the count's rows name them (an option's name stays as it is).
_KEUZEN = {"voor": N_("voor"), "tegen": N_("tegen"), "onthouding": N_("onthouding")}


def _getal(n: int, taal: str) -> str:
    return Getal(n).in_(taal)


def _drempel(r: Resultaat, taal: str) -> str:
    d = r.drempel
    if d is None:
        return ""
    if d.denominator == 1:
        return _getal(d.numerator, taal)
    return f"{d.numerator}/{d.denominator}"


def _regel_tekst(r: Resultaat, taal: str) -> str:
    """The rule applied, in a sentence (nothing for acclamation or a postponed vote)."""
    if r.meerderheid is None or r.grondslag is None:
        return ""
    m = meerderheid_tekst(r.meerderheid, taal)
    if r.meerderheid != HELFT:
        m = vertaal(taal, "meer dan {breuk}", breuk=m)
    return vertaal(
        taal,
        "Regel: {m} van de {b}; aangenomen bij meer dan {d} stemmen.",
        m=m,
        b=vertaal(taal, BASIS[r.grondslag]),
        d=_drempel(r, taal),
    )


def _telling(r: Resultaat, taal: str, e: Any) -> str:
    """The count as a table: choice (row header), votes in text, bar beside the number."""
    w = _woorden(taal)
    if r.opties:
        rijen = [(o, n, "for" if i == 0 else "against") for i, (o, n) in enumerate(r.opties)]
        rijen.append(("onthouding", r.onthouding, "abstention"))
    else:
        rijen = [("voor", r.voor, "for"), ("tegen", r.tegen, "against")]
        rijen.append(("onthouding", r.onthouding, "abstention"))
    totaal = sum(n for _, n, _ in rijen)
    if totaal == 0:
        return ""
    cellen = []
    for naam, n, klasse in rijen:
        breedte = percentage(n, totaal, ".")
        cellen.append(
            f'<tr><th scope="row">{e(_keuze(naam, "", taal))}</th>'
            f'<td class="n">{_getal(n, taal)}</td>'
            f'<td class="balken"><span class="spoor"><span class="balk {klasse}" '
            f'style="width:{breedte}%"></span></span> '
            f"{aandeel(n, totaal, ',' if taal == 'nl' else '.')}%</td></tr>"
        )
    return (
        f'<div class="breed"><table><caption>{w["telling"]} {e(r.stemming.id)}</caption>'
        f'<thead><tr><th scope="col">{w["keuze"]}</th><th scope="col">{w["stemmen"]}</th>'
        f'<th scope="col">{w["balk"]}</th></tr></thead><tbody>{"".join(cellen)}</tbody>'
        "</table></div>"
    )


def _stemgedrag(u: Uitslagen, taal: str, e: Any) -> str:
    """One table: a row per member with a counted ballot, a column per counted stemming
    (text, never colour). Members that cast no counted ballot in any stemming have no
    row: a row per member and vote made the page grow with votes times members."""
    w = _woorden(taal)
    gewogen = [r for r in u.resultaten if r.stemming.wijze is Wijze.GEWOGEN and r.stemgedrag]
    if not gewogen:
        return ""
    gedrag: list[Mapping[str, str]] = [dict(r.stemgedrag) for r in gewogen]
    kop = "".join(
        f'<th scope="col"><abbr title="{e(r.stemming.titel or ", ".join(r.stemming.voorstellen))}">'
        f"{e(r.stemming.id)}</abbr></th>"
        for r in gewogen
    )
    rijen = "".join(
        f'<tr><th scope="row">{e(u.namen[c])}</th><td><a href="{tooi(c)}">{e(c)}</a></td>'
        f'<td class="n">{u.gewichten[c]}</td>'
        + "".join(f"<td>{e(_keuze(g.get(c), w['niet'], taal))}</td>" for g in gedrag)
        + "</tr>"
        for c in sorted(
            {c for g in gedrag for c in g if c in u.gewichten}, key=lambda c: (u.namen[c], c)
        )
    )
    return (
        f'<section aria-labelledby="stemgedrag"><h2 id="stemgedrag">{w["gedrag"]}</h2>'
        f'<div class="breed"><table><caption>{w["gedrag"]}</caption><thead><tr>'
        f'<th scope="col">{w["gemeente"]}</th><th scope="col">{w["code"]}</th>'
        f'<th scope="col">{w["stemmen"]}</th>{kop}</tr></thead><tbody>{rijen}</tbody>'
        "</table></div></section>"
    )


def _keuze(keuze: str | None, niet: str, taal: str) -> str:
    """A member's choice in a cell of the voting record (``niet``: no ballot)."""
    if keuze is None:
        return niet
    return vertaal(taal, _KEUZEN[keuze]) if keuze in _KEUZEN else keuze


def _bron(h: dict[str, Any], taal: str) -> str:
    """Where the weights' figures come from: CBS only for the shipped figures or a checked
    download; otherwise supplied by the user, with the file and its sha256."""
    b = h.get("bevolking") or {}
    if not b or (b.get("bron") == BRON and b.get("oorsprong") in ("pakket", "cbs")):
        return BRON  # the attribution CBS asks for, in Dutch in both languages
    wat = f"{b.get('bestand') or ''} sha256 {str(b.get('sha256', ''))[:12]}".strip()
    return vertaal(taal, "cijfers aangeleverd door de gebruiker ({wat})", wat=wat)


def pagina(
    u: Uitslagen,
    vergadering: Vergadering,
    taal: str,
    h: dict[str, Any],
    zin: Any,
) -> str:
    """The whole page; ``zin(r, taal)`` is the outcome in the minutes' wording."""
    e = tekens.html
    w = _woorden(taal)
    titel = f"{w['kop']} {vergadering.naam} ({moment(vergadering.datum, taal)})"
    delen = [
        f'<!DOCTYPE html><html lang="{taal}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(titel)}</title><style>{_CSS}</style></head><body><main>"
        f"<h1>{e(titel)}</h1><p>{w['uitleg']}</p>"
    ]
    if u.deelname is not None:  # STM14: a written consultation, its window and turnout
        venster = f"{moment(u.opent, taal)} – {moment(u.sluit, taal)}"
        delen.append(f"<p>{e(venster)}: {e(deelname_zin(u.deelname, taal))}</p>")
    for i, r in enumerate(u.resultaten):
        kop, s = f"s{i}", r.stemming
        wat = r.titel or ", ".join(s.voorstellen) or s.soort.value
        if s.deel is not None:
            wat += f" ({deel_naam(s.deel, taal)})"
        bundel = len(s.voorstellen) > 1
        delen.append(
            f'<section aria-labelledby="{kop}"><h2 id="{kop}">{e(s.id)} {e(wat)}</h2>'
            f"<p><strong>{e(zin(r, taal))}</strong>"
            + (f" ({w['bundel']})" if bundel else "")
            + f"</p>{_telling(r, taal, e)}"
        )
        if uitleg := _regel_tekst(r, taal):
            delen.append(f"<p>{e(uitleg)}</p>")
        if r.vast_na is not None and r.vast_na < r.briefjes:
            vast = vertaal(
                taal,
                "De uitslag stond vast na {n} van de {t} stembriefjes.",
                n=Getal(r.vast_na),
                t=Getal(r.briefjes),
            )
            delen.append(f"<p>{vast}</p>")
        if r.deelname is not None:
            delen.append(f"<p>{e(deelname_zin(r.deelname, taal))}</p>")
        delen.append("</section>")
    if u.bekrachtigingen:  # STM14: ratified consultations, their own results unchanged
        kop_b = vertaal(taal, "Bekrachtigingen")
        delen.append(f'<section aria-labelledby="bekrachtigd"><h2 id="bekrachtigd">{kop_b}</h2>')
        for b in u.bekrachtigingen:
            besluiten = "".join(
                f"<li>{e(x.stemming.id)} {e(x.titel)}: {e(zin(x, taal))}</li>" for x in b.besluiten
            )
            delen.append(
                f"<p>{e(b.zin(taal))}</p>" + (f"<ul>{besluiten}</ul>" if besluiten else "")
            )
        delen.append("</section>")
    if u.uitgesteld:  # STM09: what adopted order motions postponed, voted on or not
        kop = vertaal(taal, "Uitgesteld")
        regels = "".join(f"<li>{e(x.zin(taal))}</li>" for x in u.uitgesteld)
        delen.append(f'<section aria-labelledby="uitgesteld"><h2 id="uitgesteld">{kop}</h2>')
        delen.append(f"<ul>{regels}</ul></section>")
    if apart := [m for m in u.moties if m.apart]:
        delen.append(
            f'<section aria-labelledby="motions"><h2 id="motions">{w["moties"]}</h2><ul>'
            + "".join(
                f"<li>{w['motie']} {e(m.motie.id)} {e(m.motie.titel)}: "
                f"<strong>{e(m.zin(taal))}</strong></li>"
                for m in apart
            )
            + "</ul></section>"
        )
    delen.append(_stemgedrag(u, taal, e))
    peil = moment(u.peildatum or peildatum(vergadering.datum), taal)
    delen.append(
        "</main><footer><p>"
        + vertaal(
            taal,
            "Stemgewichten volgens Statuten art. 10 (STM01, STM02), peildatum {p}; {bron}. "
            "Percentages: voor / (voor + tegen), half naar boven afgerond (STM06).",
            p=peil,
            bron=e(_bron(h, taal)),
        )
        + "</p>"
        f"<p>{e(herkomst.samenvatting(h, taal))}</p></footer></body></html>"
    )
    return "".join(delen)
