"""Fetching the population per municipality on 1 January from CBS StatLine (STM02).

``alvrules bevolking ophalen JAAR`` asks CBS's open-data API (OData v3, JSON) for table
03759ned "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio": topic
``BevolkingOp1Januari_1``, period ``JAARJJ00``, the totals of ``Geslacht`` (``T001038``),
``Leeftijd`` (``10000``) and ``BurgerlijkeStaat`` (``T001019``), regions ``GM…``. One
GET request with the standard library (*decision*, docs/besluiten.md: a client library
would add a dependency for one filtered request).

Every year the register covers can be fetched (from 2017, :data:`alvrules.gemeenten.BEGIN`);
an earlier year is refused before any request, naming that range. What comes back is
checked before anything is written: exactly one row per municipality
of the registry on 1 January of JAAR, codes ``GM`` + 4 digits, every count a whole number
from 1 to :data:`alvrules.grenzen.MAX_INWONERS`. A municipality CBS lists with a count
that the registry does not know on that date means a merger the registry lacks: refused
too. Problems raise :class:`InvoerFout` with
one line in Dutch (and English), so the CLI exits 2 and writes nothing.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date
from typing import Any

from alvrules.bevolking import BRON, STATLINE_KOLOM, STATLINE_TABEL, Bevolking
from alvrules.gemeenten import Gemeenteregister, register
from alvrules.grenzen import MAX_INWONERS
from alvrules.model import InvoerFout
from alvrules.teksten import Bericht, Getal, bericht

__all__ = ["BASIS_URL", "OMGEVING", "haal_op", "verzoek_url"]

#: CBS's open-data API (OData v3); ``--url`` or :data:`OMGEVING` point elsewhere.
BASIS_URL = "https://opendata.cbs.nl/ODataApi/odata"
OMGEVING = "ALVRULES_CBS_URL"
#: Largest response read, in bytes (the real one is about 40 kB).
MAX_ANTWOORD = 20 * 1024 * 1024
_MAX_PAGINAS = 20
_GM = re.compile(r"^GM\d{4}$")
_TOTAAL = (("Geslacht", "T001038"), ("Leeftijd", "10000"), ("BurgerlijkeStaat", "T001019"))


def verzoek_url(jaar: int, basis: str | None = None) -> str:
    """The URL of the request for 1 January of ``jaar``."""
    basis = (basis or os.environ.get(OMGEVING) or BASIS_URL).rstrip("/")
    filters = [f"startswith({k},'{v}')" for k, v in _TOTAAL]
    filters += [f"Perioden eq '{jaar}JJ00'", "startswith(RegioS,'GM')"]
    query = urllib.parse.urlencode(
        {
            "$filter": " and ".join(filters),
            "$select": f"RegioS,Perioden,{STATLINE_KOLOM}",
            "$format": "json",
        },
        safe="$',()",
        quote_via=urllib.parse.quote,
    )
    return f"{basis}/{STATLINE_TABEL}/TypedDataSet?{query}"


def _fout(reden: Bericht) -> InvoerFout:
    return InvoerFout(bericht("CBS: {reden}; niets geschreven", reden=reden))


class _Doorverwijzing(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http(s) address (urllib also follows ftp)."""

    def redirect_request(  # noqa: PLR0917 - urllib's signature
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if _schema(newurl) not in ("http", "https"):
            raise _fout(
                bericht("doorverwezen naar een adres dat niet met http:// of https:// begint")
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_Doorverwijzing)


def _open(verzoek: urllib.request.Request, timeout: float) -> Any:
    """Open ``verzoek`` (redirects only to http(s)); a seam for tests."""
    return _OPENER.open(verzoek, timeout=timeout)


def _te_laat(timeout: float) -> InvoerFout:
    return _fout(bericht("geen antwoord binnen {seconden} s", seconden=f"{timeout:g}"))


def _lees(antwoord: Any, einde: float, timeout: float) -> bytes:
    """The body of ``antwoord``, at most ``MAX_ANTWOORD + 1`` bytes, before ``einde``
    (:func:`time.monotonic`): each read may wait only for the time left, so a server that
    drips a byte at a time is stopped at the deadline, not after each read's time-out."""
    sok = getattr(getattr(getattr(antwoord, "fp", None), "raw", None), "_sock", None)
    stukken: list[bytes] = []
    gelezen = 0
    while gelezen <= MAX_ANTWOORD:
        rest = einde - time.monotonic()
        if rest <= 0:
            raise _te_laat(timeout)
        if sok is not None:
            sok.settimeout(rest)
        stuk = antwoord.read1(min(1 << 16, MAX_ANTWOORD + 1 - gelezen))
        if not stuk:
            break
        stukken.append(stuk)
        gelezen += len(stuk)
    return b"".join(stukken)


def _pagina(url: str, timeout: float, einde: float | None = None) -> dict[str, Any]:
    einde = time.monotonic() + timeout if einde is None else einde
    verzoek = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "alvrules"}
    )
    try:
        rest = einde - time.monotonic()
        if rest <= 0:
            raise _te_laat(timeout)
        with _open(verzoek, rest) as antwoord:
            soort = antwoord.headers.get_content_type()
            inhoud = _lees(antwoord, einde, timeout)
    except InvoerFout:
        raise
    except urllib.error.HTTPError as e:
        raise _fout(bericht("HTTP {code} {reden}", code=e.code, reden=e.reason)) from None
    except TimeoutError:
        raise _te_laat(timeout) from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, TimeoutError):
            raise _te_laat(timeout) from None
        raise _fout(bericht("niet bereikbaar ({reden}); offline?", reden=e.reason)) from None
    except (OSError, ValueError, http.client.HTTPException) as e:
        # HTTPException: a service that does not speak HTTP, a reply cut off, a bad URL
        raise _fout(bericht("niet bereikbaar ({reden})", reden=e)) from None
    if len(inhoud) > MAX_ANTWOORD:
        raise _fout(bericht("antwoord te groot"))
    try:
        data = json.loads(inhoud.decode("utf-8-sig"))
    except ValueError as e:
        if "digits" in str(e) and not isinstance(e, json.JSONDecodeError | UnicodeDecodeError):
            # an integer beyond Python's digit limit (int_max_str_digits): no count of CBS
            raise _fout(bericht("antwoord bevat een getal met te veel cijfers")) from None
        raise _fout(
            bericht("antwoord is geen JSON maar {soort} (storing of verkeerde --url?)", soort=soort)
        ) from None
    except RecursionError:
        raise _fout(
            bericht("antwoord is geen JSON maar {soort} (storing of verkeerde --url?)", soort=soort)
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("value"), list):
        raise _fout(bericht("antwoord zonder lijst 'value' (geen OData-tabel)"))
    return data


def _schema(url: str) -> str | None:
    """The scheme of ``url``; ``None`` when it cannot be parsed (``http://[::1``)."""
    try:
        return urllib.parse.urlsplit(url).scheme
    except ValueError:
        return None


def _rijen(url: str, timeout: float) -> Iterator[Any]:
    einde = time.monotonic() + timeout  # one deadline for every page together
    for _ in range(_MAX_PAGINAS):
        data = _pagina(url, timeout, einde)
        yield from data["value"]
        volgende = data.get("odata.nextLink")
        if not isinstance(volgende, str) or not volgende:
            return
        if _schema(volgende) not in ("http", "https"):
            raise _fout(bericht("ongeldige vervolgpagina"))
        url = volgende
    raise _fout(bericht("te veel pagina's"))


def haal_op(
    jaar: int,
    basis: str | None = None,
    *,
    timeout: float = 30.0,
    gemeenten: Gemeenteregister | None = None,
) -> Bevolking:
    """The population per member municipality on 1 January of ``jaar``, checked.

    :class:`InvoerFout` when CBS cannot be reached, answers with an error or something
    else than the table, or when the figures fail a check (module doc).
    """
    url = verzoek_url(jaar, basis)
    schema = _schema(url)
    if schema is None:
        raise InvoerFout(bericht("--url is geen geldige URL: {waarde!r}", waarde=url[:80]))
    if schema not in ("http", "https"):
        raise InvoerFout(
            bericht("--url moet met http:// of https:// beginnen: {waarde!r}", waarde=url[:80]),
        )
    peil = date(jaar, 1, 1)
    reg = register() if gemeenten is None else gemeenten
    reg.leden(peil)  # BuitenRegister (nothing fetched) before the register's first date
    inwoners: dict[str, int] = {}
    vreemd: list[str] = []
    for rij in _rijen(url, timeout):
        if not isinstance(rij, dict):
            raise _fout(bericht("rij is geen object"))
        code = str(rij.get("RegioS", "")).strip()
        if not _GM.match(code):
            raise _fout(bericht("regiocode {code!r} is geen GM + 4 cijfers", code=code[:20]))
        waarde = rij.get(STATLINE_KOLOM)
        lid = reg.code(code)
        if waarde is None and (lid is None or not lid.bestaat_op(peil)):
            continue  # a municipality of another year: no figure, as it should be
        if lid is None or not lid.bestaat_op(peil):
            vreemd.append(code)
            continue
        if waarde is None:
            raise _fout(
                bericht(
                    "geen aantal op {peildatum} voor {namen}",
                    peildatum=peil.isoformat(),
                    namen=f"{lid.naam} ({code})",
                )
            )
        if type(waarde) is not int or not 1 <= waarde <= MAX_INWONERS:
            raise _fout(
                bericht(
                    "aantal van {naam} ({code}) is geen geheel getal van 1 tot en met "
                    "{grens}: {waarde!r}",
                    naam=lid.naam,
                    code=code,
                    grens=Getal(MAX_INWONERS),
                    waarde=str(waarde)[:20],
                )
            )
        if code in inwoners:
            raise _fout(bericht("{code} staat er twee keer in", code=code))
        inwoners[code] = waarde
    if vreemd:
        raise _fout(
            bericht(
                "{codes} bestaat niet op {peildatum} volgens het gemeenteregister; voeg eerst "
                "de herindeling toe (data/fusies.csv)",
                codes=", ".join(vreemd[:5]),
                peildatum=peil.isoformat(),
            )
        )
    ontbreekt = [g for g in reg.leden(peil) if g.code not in inwoners]
    if ontbreekt:
        namen: str | Bericht = ", ".join(f"{g.naam} ({g.code})" for g in ontbreekt[:5])
        if len(ontbreekt) > 5:
            namen = bericht("{namen} en nog {n}", namen=namen, n=Getal(len(ontbreekt) - 5))
        raise _fout(
            bericht(
                "geen aantal op {peildatum} voor {namen}", peildatum=peil.isoformat(), namen=namen
            )
        )
    return Bevolking(
        peildatum=peil,
        inwoners=dict(sorted(inwoners.items())),
        bron=BRON,
        oorsprong="cbs",
        tabel=STATLINE_TABEL.upper(),
        product="Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio",
    )
