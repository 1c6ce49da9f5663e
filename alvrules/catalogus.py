"""The catalogue of the ALV procedure: every rule with its id, severity and source.

Ids are the public contract (``PROCEDURE.md`` §4): they stay stable; a new rule gets a new
id. Explanations paraphrase the sources; the sources themselves are cited by reference.
"""

from __future__ import annotations

from alvrules.bronnen import bron
from alvrules.regels import Ernst, Regel
from alvrules.teksten import N_

__all__ = ["HOOFDSTUKKEN", "PAGINAS", "REGELS", "VERSIE"]

#: The catalogue's human version: ``JAAR.N``, the year of the documents it encodes and the
#: edition. Raise it when a rule is added or removed or changes its severity (a test keeps
#: the ids and severities of every version, ``tests/data/catalogusversies.json``); the
#: exact identity of the catalogue is its hash (:func:`alvrules.herkomst.catalogus`).
VERSIE = "2023.3"

FOUT, WAARSCHUWING, INFO = Ernst.FOUT, Ernst.WAARSCHUWING, Ernst.INFO

#: Chapter key -> chapter title, in the order of the procedure.
HOOFDSTUKKEN: dict[str, str] = {
    "werkdagen": N_("Werkdagen"),
    "termijnen": N_("Termijnen van een vergadering"),
    "ondertekening": N_("Ondertekening"),
    "moties": N_("Moties"),
    "amendementen": N_("Amendementen"),
    "stemmingen": N_("Stemmingen en meerderheden"),
    "verkiezingen": N_("Kandidaten en verkiezingen"),
    "verantwoording": N_("Preadvies en afdoening"),
    "notulen": N_("Notulen en agenda"),
}

#: Chapter key -> the page of the documentation site that shows its rules (the docs hook
#: checks that the pages agree), for the ``url`` of a rule and of its findings.
PAGINAS: dict[str, str] = {
    "werkdagen": "procedure/termijnen/",
    "termijnen": "procedure/termijnen/",
    "ondertekening": "procedure/ondertekening/",
    "moties": "procedure/moties/",
    "amendementen": "procedure/amendementen/",
    "stemmingen": "procedure/stemmingen/",
    "verkiezingen": "procedure/verkiezingen/",
    "verantwoording": "procedure/verantwoording/",
    "notulen": "procedure/notulen/",
}

_REGELS: tuple[Regel, ...] = (
    # --- CAL: working days -------------------------------------------------------------
    Regel(
        "CAL01",
        N_("werkdag"),
        "werkdagen",
        INFO,
        (bron("atw", "art. 3"),),
        N_(
            "Een werkdag is maandag tot en met vrijdag, behalve de algemeen erkende feestdagen "
            "van de Algemene termijnenwet: Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag, "
            "Koningsdag (Koninginnedag tot en met 2013), 5 mei, Hemelvaartsdag, tweede "
            "Pinksterdag en beide Kerstdagen, en de dagen die een koninklijk besluit daarmee "
            "gelijkstelt (Atw art. 3 lid 3, zoals de vrijdag na Hemelvaartsdag)."
        ),
        N_(
            "De statuten zeggen niet wat een werkdag is; de Atw is de Nederlandse wettelijke "
            "standaard en dus de standaard, en dan heel art. 3: ook de dagen die een koninklijk "
            "besluit op grond van Atw art. 3 lid 3 met een feestdag gelijkstelt, tellen niet als "
            "werkdag. "
            "Die besluiten verschijnen jaren vooruit, en dat de VNG niet aan de Atw gebonden is "
            "geldt evengoed voor lid 1 en 2. De dagen staan met hun besluit en bron in de tabel "
            "`atw-gelijkgesteld.csv`; een jaar dat geen bekend besluit dekt, staat in de uitleg "
            "van de termijn. Een procedure kan extra vrije dagen toevoegen, of lid 3 uitzetten "
            "(`Procedure.atw_gelijkgestelde_dagen`); de kalender staat in de uitleg van elke "
            "termijn."
        ),
    ),
    Regel(
        "CAL02",
        N_("terugrekenen"),
        "werkdagen",
        INFO,
        (bron("procedure", "§1"), bron("atw", "art. 1 lid 2")),
        N_(
            "'N werkdagen voor de ALV' telt N werkdagen terug vanaf de vergaderdatum, zonder de "
            "vergaderdag zelf mee te tellen; de termijn valt op de N-de getelde werkdag."
        ),
        N_("Er is geen verlenging naar voren: de Atw sluit terugwaarts gerekende termijnen uit."),
        geen_bevinding=N_(
            "Een rekenregel: de termijnen (TRM01, TRM02, TRM08, TRM09) rekenen ermee; een "
            "te late indiening meldt de regel van die termijn."
        ),
    ),
    # --- TRM: deadlines ----------------------------------------------------------------
    Regel(
        "TRM01",
        N_("amendementen"),
        "termijnen",
        FOUT,
        (
            bron("statuten", "(amendementen)"),
            bron("procedure", "§1"),
            bron("lbr-23-040", "(besluitvormingsprocedure)"),
        ),
        N_(
            "Amendementen komen binnen uiterlijk 9 werkdagen voor de ALV, op de sluitingstijd "
            "van de vergadering. Wat op of voor dat moment binnen is, is op tijd."
        ),
        N_(
            "De sluitingstijd is een parameter per vergadering (13:00 in 2023), standaard "
            "12:00; 'uiterlijk' is inclusief. Het moment van ontvangst van de ondertekende "
            "tekst telt. Een tijdstip zonder tijdzone is een fout."
        ),
        geen_bevinding=N_(
            "Het moment van TRM01 staat in elke termijnenlijst; een te laat amendement meldt AMD02."
        ),
    ),
    Regel(
        "TRM02",
        N_("moties"),
        "termijnen",
        WAARSCHUWING,
        (bron("procedure", "§3"), bron("procedure", "§5"), bron("werkgroep", "(aanbevelingen)")),
        N_(
            "Het bestuur vraagt moties op hetzelfde moment als amendementen in te dienen. Een "
            "latere motie is een waarschuwing; een latere motie die als actueel is gemarkeerd "
            "met een reden is informatie."
        ),
        N_("Het verzoek is niet statutair, dus te laat is geen fout."),
    ),
    Regel(
        "TRM03",
        N_("preadvies"),
        "termijnen",
        INFO,
        (bron("procedure", "§3"),),
        N_(
            "Het bestuur stelt de preadviezen vast op de eerste werkdag na de indientermijn; "
            "moties die dan definitief zijn krijgen voor de ALV een preadvies."
        ),
        N_(
            "De bijlage noemt alleen een datum (dinsdag 21 november 2023, de eerste "
            "werkdag na de indientermijn); `alvrules` leest daarin de regel 'de eerste werkdag na "
            "TRM01' (`Procedure.werkdagen_preadvies`)."
        ),
        geen_bevinding=N_(
            "Een planning van het bestuur: er is niets in te dienen dat te laat kan zijn."
        ),
    ),
    Regel(
        "TRM04",
        N_("vergaderstukken"),
        "termijnen",
        WAARSCHUWING,
        (bron("werkgroep", "(aanbevelingen)"),),
        N_(
            "Reguliere voorstellen gaan minstens 28 kalenderdagen voor de ALV naar de leden. "
            "Later verzonden stukken zijn een nazending."
        ),
    ),
    Regel(
        "TRM05",
        N_("kandidaten"),
        "termijnen",
        INFO,
        (bron("tijdpad-vacatures"), bron("lbr-23-040", "(agendapunt 10)")),
        N_("De voorgedragen kandidaten worden 35 dagen (5 weken) voor de ALV bekendgemaakt."),
        geen_bevinding=N_("Een planning van het bureau: de datum staat in de termijnenlijst."),
    ),
    Regel(
        "TRM06",
        N_("tegenkandidaten"),
        "termijnen",
        FOUT,
        (bron("tijdpad-vacatures"),),
        N_("Tegenkandidaten worden uiterlijk 21 dagen (3 weken) voor de ALV gesteld."),
        geen_bevinding=N_(
            "Het moment staat in de termijnenlijst; een te late tegenkandidaat meldt KND02."
        ),
    ),
    Regel(
        "TRM07",
        N_("kandidatenoverzicht"),
        "termijnen",
        INFO,
        (bron("tijdpad-vacatures"), bron("lbr-23-040", "(agendapunt 10)")),
        N_("Het overzicht van alle kandidaten gaat 14 dagen (2 weken) voor de ALV naar de leden."),
        geen_bevinding=N_("Een planning van het bureau: de datum staat in de termijnenlijst."),
    ),
    Regel(
        "TRM08",
        N_("ondersteuners"),
        "termijnen",
        WAARSCHUWING,
        (bron("procedure", "§4"),),
        N_(
            "De definitieve lijst van ondersteunende gemeenten is binnen op de laatste werkdag "
            "voor de ALV om 10:00; later wordt de lijst niet gepubliceerd."
        ),
        N_(
            "De bijlage zegt 'uiterlijk 1 dag voor de ALV' en noemt donderdag 30 "
            "november 2023 vóór 10.00 uur; `alvrules` leest dat als 'de laatste werkdag voor de "
            "ALV, 10:00' en telt een lijst die precies om 10:00 binnen is als op tijd, zoals bij "
            "TRM01. Het moment staat in het dossier als `ondersteuners_ontvangen`."
        ),
    ),
    Regel(
        "TRM09",
        N_("insprekers"),
        "termijnen",
        INFO,
        (bron("procedure", "§4"), bron("lbr-23-040", "(inspreken)")),
        N_(
            "Wie wil inspreken meldt zich bij voorkeur uiterlijk 2 werkdagen voor de ALV om "
            "12:00; spontaan het woord vragen blijft mogelijk."
        ),
        N_(
            "De bijlage noemt alleen 'liefst woensdag 29 november vóór 12 uur'; "
            "`alvrules` leest dat als '2 werkdagen voor de ALV, 12:00' "
            "(`Procedure.werkdagen_insprekers`)."
        ),
        geen_bevinding=N_("Aanmelden is een voorkeur; spontaan het woord vragen blijft mogelijk."),
    ),
    # --- SIG: signatures ---------------------------------------------------------------
    Regel(
        "SIG01",
        N_("burgemeester tekent"),
        "ondertekening",
        FOUT,
        (
            bron("procedure", "§4"),
            bron("procedure", "§5"),
            bron("gemeentewet", "art. 77"),
            bron("gemeentewet", "art. 78"),
        ),
        N_(
            "Voor elke indiener tekent de burgemeester. Een waarnemend burgemeester en een "
            "locoburgemeester die de burgemeester vervangt tellen als burgemeester."
        ),
    ),
    Regel(
        "SIG02",
        N_("medeondertekenaars"),
        "ondertekening",
        FOUT,
        (bron("procedure", "§4"), bron("procedure", "§5")),
        N_(
            "Naast de burgemeester mogen wethouders, de gemeentesecretaris en raadsleden van de "
            "indiener meetekenen. Een griffier of een andere rol tekent geen motie."
        ),
        N_("Het model (§5) is de ruimste vorm en omvat de combinaties uit de vragen van §4."),
    ),
    Regel(
        "SIG03",
        N_("eigen gemeente"),
        "ondertekening",
        FOUT,
        (bron("procedure", "§4"),),
        N_(
            "Een handtekening telt alleen voor de gemeente van de ondertekenaar, en die gemeente "
            "is indiener of mede-indiener van de motie."
        ),
    ),
    Regel(
        "SIG04",
        N_("mede-indiener tekent"),
        "ondertekening",
        FOUT,
        (bron("procedure", "§4"), bron("gemeentewet", "art. 160")),
        N_(
            "Elke mede-indiener tekent namens het college: burgemeester (ook waarnemend of "
            "loco), wethouder of gemeentesecretaris. Alleen raadsleden of een griffier is niet "
            "genoeg."
        ),
    ),
    Regel(
        "SIG05",
        N_("ondersteuners"),
        "ondertekening",
        INFO,
        (bron("procedure", "§4"),),
        N_("Ondersteunende gemeenten hoeven niet te tekenen; ze worden alleen genoemd."),
        geen_bevinding=N_("Ondersteuners hoeven niets; tekent er toch een, dan meldt SIG03 dat."),
    ),
    Regel(
        "SIG06",
        N_("gemeente eenmaal"),
        "ondertekening",
        FOUT,
        (bron("procedure", "§4"),),
        N_(
            "Een gemeente staat hooguit één keer onder de indieners, mede-indieners en "
            "ondersteuners van één motie of amendement."
        ),
        N_(
            "§4 houdt indieners, mede-indieners en ondersteuners uit elkaar, maar "
            "verbiedt niet met zoveel woorden dat een gemeente twee keer staat; `alvrules` leest "
            "de drie lijsten als elkaar uitsluitend, zodat een gemeente één rol heeft."
        ),
    ),
    Regel(
        "SIG07",
        N_("lid op vergaderdatum"),
        "ondertekening",
        FOUT,
        (bron("statuten", "art. 10 lid 2"), bron("cbs", "(gemeentelijke indeling)")),
        N_(
            "Elke genoemde gemeente is lid op de vergaderdatum. Een onbekende of opgeheven "
            "gemeente is een fout; de melding noemt de dichtstbijzijnde geldige namen."
        ),
        N_(
            "De stukken van 2023 citeren het lidmaatschapsartikel van de statuten niet (art. 10 "
            "lid 2 spreekt alleen van 'elke gemeente die lid is'); `alvrules` neemt aan dat elke "
            "gemeente van de CBS-indeling op de vergaderdatum lid is (in 2023: 342). Het "
            "gemeenteregister is gedateerd vanaf 1 januari 2017: een oude naam na haar einde "
            "krijgt 'opgegaan in' of 'verdeeld over', een vergadering vóór 2017 één fout die het "
            "bereik noemt."
        ),
    ),
    Regel(
        "SIG08",
        N_("definitief na ondertekening"),
        "ondertekening",
        FOUT,
        (bron("procedure", "§4"),),
        N_(
            "Een motie of amendement zonder enige geldige handtekening is niet definitief en "
            "wordt niet gepubliceerd."
        ),
    ),
    # --- MOT: motions ------------------------------------------------------------------
    Regel(
        "MOT01",
        N_("verplichte onderdelen"),
        "moties",
        FOUT,
        (bron("procedure", "§5"),),
        N_(
            "Een motie heeft een of meer indieners, een titel, datum van indiening, "
            "aanleiding, minstens één overweging of constatering, minstens één punt in de "
            "oproep aan het VNG-bestuur, de slotzin en de ondertekening."
        ),
        N_(
            "§5 is een sjabloon, geen voorschrift; dat een ontbrekend onderdeel een fout "
            "is (en niet een waarschuwing), besluit `alvrules`, omdat een motie zonder oproep of "
            "indiener niet in stemming kan."
        ),
    ),
    Regel(
        "MOT02",
        N_("slotzin"),
        "moties",
        WAARSCHUWING,
        (bron("procedure", "§5"),),
        N_(
            "De slotzin is 'En gaat over tot de orde van de dag.' (vergeleken na het "
            "normaliseren van witruimte)."
        ),
    ),
    Regel(
        "MOT03",
        N_("contactpersonen"),
        "moties",
        WAARSCHUWING,
        (bron("procedure", "§4"),),
        N_(
            "Een motie noemt een ambtelijke contactpersoon en een verantwoordelijke bestuurder "
            "(burgemeester, wethouder, raadslid, secretaris of griffier)."
        ),
    ),
    Regel(
        "MOT04",
        N_("agendapunt"),
        "moties",
        FOUT,
        (bron("lbr-23-040", "(indienen amendementen en moties)"),),
        N_(
            "Een motie hoort bij een agendapunt of bij de rondvraag; een verwijzing naar een "
            "agendapunt dat niet bestaat is een fout."
        ),
    ),
    Regel(
        "MOT05",
        N_("inspanning, geen resultaat"),
        "moties",
        INFO,
        (bron("werkgroep", "(aanbevelingen)"), bron("procedure", "§5")),
        N_(
            "De oproep vraagt een inspanning, geen resultaat, en vermijdt bedragen, precieze "
            "data en gedetailleerde technische tekst."
        ),
        N_(
            "De bronnen noemen geen lengte: dat een punt van de oproep boven de 600 tekens "
            "'gedetailleerd' is, besluit `alvrules` (`Procedure.maximum_tekens_oproeppunt`)."
        ),
    ),
    Regel(
        "MOT06",
        N_("eigen id"),
        "moties",
        FOUT,
        (bron("notulen-2023-06-14", "punt 7b"), bron("verantwoording")),
        N_(
            "Titels zijn niet uniek (in 2023 deelden twee moties een titel); elke motie heeft "
            "een eigen id."
        ),
    ),
    # --- AMD: amendments ---------------------------------------------------------------
    Regel(
        "AMD01",
        N_("amendeerbaar"),
        "amendementen",
        FOUT,
        (bron("procedure", "§1"), bron("notulen-2023-06-14", "punt 7b")),
        N_(
            "Alleen voorstellen ter besluitvorming zijn amendeerbaar; punten ter kennisname en "
            "afspraken met andere partijen niet."
        ),
        N_(
            "Een amendement richt zich op een agendapunt. Een amendement op een amendement of op "
            "een motie kennen de bronnen niet; `alvrules` weigert het (het noemt geen "
            "amendeerbaar agendapunt)."
        ),
    ),
    Regel(
        "AMD02",
        N_("termijn"),
        "amendementen",
        FOUT,
        (bron("statuten", "(amendementen)"), bron("procedure", "§1")),
        N_("Voor amendementen geldt de statutaire termijn TRM01; te laat is een fout."),
    ),
    Regel(
        "AMD03",
        N_("schrappen en invoegen"),
        "amendementen",
        FOUT,
        (bron("procedure", "§1"),),
        N_(
            "Elke wijziging zegt wat vervalt en wat ervoor in de plaats komt; een zuivere "
            "invoeging noemt de tekst waarna ze komt."
        ),
    ),
    Regel(
        "AMD04",
        N_("tekst eenmaal"),
        "amendementen",
        FOUT,
        (bron("procedure", "§1"),),
        N_(
            "Is de voorsteltekst bekend, dan komt de te schrappen tekst (of het anker) er precies "
            "één keer in voor. Twee amendementen die dezelfde tekst raken krijgen een "
            "waarschuwing."
        ),
    ),
    Regel(
        "AMD05",
        N_("ondertekening en preadvies"),
        "amendementen",
        FOUT,
        (
            bron("procedure", "§1"),
            bron("procedure", "§4"),
            bron("lbr-23-040", "(besluitvormingsprocedure)"),
        ),
        N_(
            "Voor amendementen gelden dezelfde ondertekeningsregels als voor moties (SIG01-SIG08); "
            "ook een amendement krijgt een preadvies."
        ),
    ),
    # --- STM: votes --------------------------------------------------------------------
    Regel(
        "STM01",
        N_("stemgewicht"),
        "stemmingen",
        FOUT,
        (bron("statuten", "art. 10 lid 2"),),
        N_("Een lid brengt één stem uit per volle 1.000 inwoners, minstens 1 en hoogstens 75."),
        geen_bevinding=N_(
            "Het gewicht wordt berekend, nooit ingevoerd; ontbrekende cijfers meldt STM02."
        ),
    ),
    Regel(
        "STM02",
        N_("peildatum"),
        "stemmingen",
        FOUT,
        (bron("statuten", "art. 10 lid 3"),),
        N_(
            "Het aantal inwoners is het CBS-cijfer op 1 januari van het jaar voor het jaar van "
            "de vergadering."
        ),
        N_(
            "Een gemeente die na de peildatum is ontstaan of gegroeid telt de som van haar "
            "voorgangers op die datum. Een gemeente die na de peildatum over meer gemeenten is "
            "verdeeld, is van niemand de voorganger: haar inwoners tellen bij geen lid mee tot de "
            "opvolgers eigen cijfers hebben, en de uitvoer noemt haar. Zonder cijfers voor de "
            "peildatum geen gewicht, nooit een schatting."
        ),
    ),
    Regel(
        "STM03",
        N_("vertegenwoordiger"),
        "stemmingen",
        FOUT,
        (bron("statuten", "art. 10 lid 1"), bron("lbr-23-040", "(stemprocedure)")),
        N_(
            "Elk lid heeft één vertegenwoordiger: burgemeester, wethouder, gemeentesecretaris, "
            "griffier of raadslid van dat lid. De stemkaart gaat alleen binnen de gemeente over. "
            "Bij een fysieke ALV stemmen alleen aanwezigen."
        ),
        N_(
            "Een vertegenwoordiger die afwezig is en niet stemt, is geen bevinding: de "
            "presentielijst mag eerlijk zijn. Alleen een stem van een afwezige is een fout, en "
            "die telt niet."
        ),
    ),
    Regel(
        "STM04",
        N_("stemmen"),
        "stemmingen",
        FOUT,
        (bron("statuten", "art. 10 lid 1 en 2"), bron("lbr-23-040", "(stemprocedure)")),
        N_(
            "Een lid brengt al zijn stemmen als één blok uit: voor, tegen of onthouding. Een "
            "tweede stem, een stem zonder vertegenwoordiger of van een niet-lid telt niet mee."
        ),
    ),
    Regel(
        "STM05",
        N_("meerderheid"),
        "stemmingen",
        INFO,
        (bron("lbr-23-040", "(stemprocedure)"),),
        N_(
            "Een voorstel is aangenomen als 'voor' meer dan de helft is van de uitgebrachte "
            "stemmen (voor + tegen); precies de helft is verworpen; niets uitgebracht is geen "
            "besluit."
        ),
        N_(
            "Onthoudingen tellen niet als uitgebracht. Een andere meerderheid is een breuk met "
            "haar grondslag, alleen waar de statuten die voorschrijven."
        ),
    ),
    Regel(
        "STM06",
        N_("uitslag"),
        "stemmingen",
        INFO,
        (bron("notulen-2023-06-14"),),
        N_(
            "De uitslag is voor / (voor + tegen) als percentage, half naar boven afgerond op "
            "twee decimalen met een decimale komma, en elk percentage zegt waarvan het een "
            "aandeel is: 'verworpen: 21,49% voor, 78,51% tegen'. De uitkomst volgt uit de exacte "
            "getallen."
        ),
        N_(
            "De notulen geven percentages met twee decimalen maar zeggen niet hoe is "
            "afgerond; `alvrules` rondt half naar boven af. Het besluit hangt nooit van de "
            "afronding af. 'Verworpen met X% van de stemmen' is dubbelzinnig (de VNG gebruikte "
            "het voor het aandeel voor en voor het aandeel tegen); daarom noemt `alvrules` altijd "
            "beide aandelen. Alles of niets schrijft het als 100% en 0%, zonder decimalen, zoals "
            "de notulen; een afgerond 100,00% houdt zijn decimalen."
        ),
        geen_bevinding=N_("De weergave van een uitslag (`alvrules uitslag`), geen controle."),
    ),
    Regel(
        "STM07",
        N_("acclamatie"),
        "stemmingen",
        FOUT,
        (bron("notulen-2023-06-14", "punten 2, 8, 9 en 10"),),
        N_(
            "Vraagt niemand om een gewogen stemming, dan kan een voorstel bij acclamatie worden "
            "aangenomen, zonder percentage. Maakt een lid bezwaar (`bezwaar`), dan volgt een "
            "gewogen stemming over hetzelfde voorstel: dat is de gewone gang. Acclamatie met "
            "bezwaar zonder volgende gewogen stemming is een fout, en acclamatie met uitgebrachte "
            "stemmen spreekt zichzelf tegen."
        ),
        N_(
            "De notulen tonen de gewone gang: de voorzitter vraagt wie bezwaar heeft tegen "
            "acclamatie (punt 8), en de motie Ede gaat in stemming nadat Wageningen aankondigt "
            "tegen te stemmen. Dat bezwaar zonder volgende stemming een fout is (de notulen "
            "zeggen niet wat dan gebeurt) en dat ook stemmen bij een acclamatie een fout zijn (en "
            "niet worden geteld), besluit `alvrules`."
        ),
    ),
    Regel(
        "STM08",
        N_("gebundeld"),
        "stemmingen",
        INFO,
        (bron("notulen-2023-06-14", "punt 6b/6c"),),
        N_(
            "Verwante voorstellen kunnen in één stemming worden gebundeld; de uitslag geldt "
            "voor elk van hen."
        ),
        geen_bevinding=N_("Een gebundelde stemming is geldig; de uitslag geldt voor elk voorstel."),
    ),
    Regel(
        "STM09",
        N_("volgorde"),
        "stemmingen",
        FOUT,
        (bron("notulen-2023-06-14", "punt 7b"),),
        N_(
            "Ordemoties gaan voor: over de ordemoties van een agendapunt wordt gestemd voor de "
            "andere moties en het voorstel van dat punt; is er een aangenomen, dan valt over het "
            "voorstel, de amendementen daarop en de andere moties van dat punt geen besluit in "
            "deze vergadering, en elk uitgesteld stuk noemt de ordemotie die het uitstelde. Een "
            "stemming over een uitgesteld stuk is een fout en telt niet. Amendementen gaan voor "
            "het voorstel, dat daarna als geamendeerd in stemming komt."
        ),
        N_(
            "De notulen (punt 7b) tonen de ordemoties: de voorzitter gaat pas verder met de "
            "andere moties en het voorstel omdat de ordemoties verworpen zijn; dat ook de "
            "amendementen op het voorstel en de andere moties uitgesteld zijn, leidt `alvrules` "
            "daaruit af (besluit), evenals dat een stemming over een uitgesteld stuk een fout is. "
            "Dat amendementen voor het voorstel gaan "
            "staat niet in de stukken van 2023 (de notulen kennen geen stemming over een "
            "amendement) en is een besluit van "
            "`alvrules`, naar het gebruik in vergaderreglementen."
        ),
    ),
    Regel(
        "STM10",
        N_("keuze"),
        "stemmingen",
        INFO,
        (bron("notulen-2023-06-14", "punt 9"),),
        N_(
            "Bij een keuze tussen opties wint een optie met meer dan de helft van de uitgebrachte "
            "stemmen; anders valt er geen besluit."
        ),
        N_("De bibliotheek meldt dit en kiest nooit zelf een winnaar."),
    ),
    Regel(
        "STM11",
        N_("verkiezing"),
        "verkiezingen",
        INFO,
        (bron("statuten", "(voordracht)"), bron("notulen-2023-06-14", "punt 9")),
        N_(
            "Onbetwiste vacatures worden samen beslist, in één stemming of bij acclamatie. Bij "
            "een betwiste vacature wint wie meer dan de helft van de uitgebrachte stemmen "
            "krijgt; bij drie of meer kandidaten zonder meerderheid gaan de twee hoogsten naar "
            "een tweede ronde; staken de stemmen, dan is de uitslag onbeslist."
        ),
        N_(
            "De notulen tonen alleen een verkiezing met twee kandidaten. De tweede ronde bij drie "
            "of meer kandidaten is een besluit van `alvrules`, net als de regel dat er geen "
            "loting is: een staking wordt gemeld."
        ),
    ),
    Regel(
        "STM12",
        N_("voorstel bestaat"),
        "stemmingen",
        FOUT,
        (),
        N_(
            "Elke stemming heeft een eigen id en betreft voorstellen die in het dossier staan: een "
            "motie, amendement, agendapunt, vacature of de verantwoording moties. Een stemming "
            "over een voorstel dat er niet is, telt voor geen enkel voorstel."
        ),
        N_(
            "Toegevoegd door alvrules (geen regel uit de bronnen, maar hun stilzwijgende "
            "voorwaarde): zonder deze controle zou een tikfout in een id een uitslag publiceren "
            "voor een voorstel dat niet bestaat."
        ),
    ),
    # --- STM13: one decision per proposal (issue 28) ------------------------------------
    Regel(
        "STM13",
        N_("één besluit per voorstel"),
        "stemmingen",
        FOUT,
        (),
        N_(
            "Over elk voorstel valt op een vergadering één besluit: over een motie, over elk "
            "deel van een motie die in delen wordt gestemd, over een amendement of een "
            "agendapunt. Het besluit is aangenomen, verworpen of aangehouden (door de indieners, "
            "of doordat de leden een preadvies tot aanhouden volgen). Wordt over hetzelfde "
            "voorstel nog eens besloten, dan is dat een fout, tenzij het dossier bij de latere "
            "stemming een herstemming met haar reden vastlegt; het laatste besluit telt. Een "
            "stemming over een hele motie in delen besluit over elk deel, en elk punt van de "
            "oproep hoort bij één deel."
        ),
        N_(
            "Toegevoegd door alvrules (besluit; de bronnen kennen geen herstemming, geen "
            "stemming in delen en geen tweede besluit over hetzelfde voorstel): zonder deze "
            "controle geeft een dossier twee tegenstrijdige uitslagen voor één voorstel zonder "
            "enige melding. Dat het laatste besluit telt en dat een herstemming een reden "
            "vastlegt, is een besluit van `alvrules`."
        ),
    ),
    Regel(
        "STM14",
        N_("ledenraadpleging"),
        "stemmingen",
        FOUT,
        (bron("statuten", "art. 10 lid 1"), bron("lbr-23-040", "(stemmen in de ALV)")),
        N_(
            "Een ledenraadpleging besluit buiten een vergadering: de leden stemmen schriftelijk "
            "binnen een stemvenster (`opent` tot en met `sluit`, tijdstippen met tijdzone). Een "
            "stem buiten het venster telt niet; de uitslag meldt hoeveel leden een stem "
            "uitbrachten. De termijnen van een ALV gelden niet: alleen de eigen indientermijn "
            "van de raadpleging, als het dossier die geeft. Een latere ALV bekrachtigt de "
            "besluiten; dat verandert de telling van de raadpleging niet."
        ),
        N_(
            "De statuten (art. 10 lid 1) laten de stemmen uitbrengen in de algemene vergadering "
            "en Lbr. 23/040 beschrijft alleen stemmen in de zaal; over schriftelijk of "
            "elektronisch stemmen buiten een vergadering zeggen de stukken niets. Alles aan deze "
            "regel is daarom een besluit van `alvrules` (zie de besluiten bij issue 28): het "
            "venster met beide grenzen inbegrepen, een stem zonder tijdstip als waarschuwing "
            "(hij telt mee), geen acclamatie, geen quorum, de deelname als leden met een getelde "
            "stem (onthouding inbegrepen), de termijnen per termijn, en de bekrachtiging door "
            "een latere ALV omdat de statuten besluiten in de vergadering vragen."
        ),
    ),
    # --- KND: candidates ---------------------------------------------------------------
    Regel(
        "KND01",
        N_("voordracht"),
        "verkiezingen",
        FOUT,
        (bron("statuten", "(voordracht)"), bron("notulen-2023-06-14", "punt 9")),
        N_("De voordrachtscommissie draagt per vacature één kandidaat voor."),
    ),
    Regel(
        "KND02",
        N_("tegenkandidaat"),
        "verkiezingen",
        FOUT,
        (bron("tijdpad-vacatures"),),
        N_(
            "Een tegenkandidaat wordt voorgedragen door de gemeente waar hij bestuurder, "
            "secretaris of griffier is, en gesteund door minstens tien andere leden, binnen "
            "termijn TRM06."
        ),
    ),
    # --- PRE / AFD: preadvies and accounting -------------------------------------------
    Regel(
        "PRE01",
        N_("preadvies"),
        "verantwoording",
        INFO,
        (bron("procedure", "§3"), bron("notulen-2023-06-14", "punt 8")),
        N_(
            "Het preadvies is overnemen, aanhouden of ontraden, eventueel met de uitleg van het "
            "bestuur hoe het de motie leest."
        ),
    ),
    Regel(
        "AFD01",
        N_("categorie"),
        "verantwoording",
        INFO,
        (bron("werkgroep", "(aanbevelingen)"),),
        N_(
            "Een aangenomen motie is direct afgedaan, of wordt op de volgende ALV verantwoord en "
            "dan afgedaan, of wordt verantwoord en aangehouden."
        ),
    ),
    Regel(
        "AFD02",
        N_("verantwoording"),
        "verantwoording",
        WAARSCHUWING,
        (bron("werkgroep", "(aanbevelingen)"), bron("verantwoording")),
        N_(
            "De volgende ALV krijgt voor elke open aangenomen motie een voorstel: afdoen "
            "(standaard) of aanhouden, eventueel tot een gebeurtenis. Aanhouden zonder reden is "
            "een waarschuwing. Afgedaan betekent: opgenomen in het VNG-beleid."
        ),
    ),
    Regel(
        "AFD03",
        N_("terugkeer"),
        "verantwoording",
        FOUT,
        (bron("werkgroep", "(aanbevelingen)"), bron("verantwoording")),
        N_("Aangehouden moties komen op elke volgende ALV terug tot ze zijn afgedaan."),
    ),
    Regel(
        "AFD04",
        N_("besluit over verantwoording"),
        "verantwoording",
        INFO,
        (bron("verantwoording"), bron("lbr-23-040", "(agendapunt 9)")),
        N_("De leden besluiten over de verantwoording als één voorstel ter besluitvorming."),
        geen_bevinding=N_("Het besluit over de verantwoording is een gewone stemming (STM05)."),
    ),
    Regel(
        "AFD05",
        N_("status"),
        "verantwoording",
        FOUT,
        (bron("procedure", "§4"), bron("notulen-2023-06-14", "punten 7d en 8")),
        N_(
            "Een motie gaat van ingediend naar definitief (ondertekend) naar aangenomen, "
            "verworpen, ingetrokken of aangehouden; andere overgangen worden geweigerd."
        ),
        N_(
            "De bronnen noemen de toestanden (§4: pas definitief na ondertekening; de notulen: "
            "aangenomen, verworpen, ingetrokken); de tabel van toegestane overgangen is een "
            "besluit van `alvrules`."
        ),
    ),
    # --- NOT / AGD: minutes and agenda -------------------------------------------------
    Regel(
        "NOT01",
        N_("notulencommissie"),
        "notulen",
        FOUT,
        (bron("statuten", "(notulencommissie)"), bron("notulen-2023-06-14", "punt 2")),
        N_("De notulencommissie bestaat uit minstens drie personen."),
    ),
    Regel(
        "AGD01",
        N_("agendapunt"),
        "notulen",
        FOUT,
        (bron("lbr-23-040", "(agenda en toelichting)"),),
        N_(
            "Agendapunten hebben een vaste id, los van hun volgnummer (de stukken van 2023 "
            "nummeren dezelfde punten verschillend), en een soort per voorstel; een punt kan "
            "kennisname en besluitvorming combineren."
        ),
    ),
    # --- AGD02: a dossier that is still empty (issue 24, `alvrules nieuw`) -------------
    Regel(
        "AGD02",
        N_("leeg dossier"),
        "notulen",
        INFO,
        (bron("lbr-23-040", "(agenda en toelichting)"),),
        N_(
            "Een dossier beschrijft een vergadering met haar agenda en wat daarbij is "
            "ingediend of gestemd. Staat er alleen de vergadering in (geen agendapunten, "
            "moties, amendementen, vertegenwoordigers, stemmingen, vacatures, eerdere moties, "
            "verantwoording of notulencommissie), dan is er nog niets te controleren: het "
            "dossier is nog leeg, zoals een net gemaakt sjabloon van `alvrules nieuw`."
        ),
        N_(
            "De bronnen zeggen niets over een leeg dossier. `alvrules` meldt het als advies "
            '(info), zodat "geldig" nooit betekent dat er niets gecontroleerd is; het is '
            "geen fout, want een dossier in wording is niet in strijd met de procedure. De "
            "melding staat alleen bij een dossier zonder enige inhoud naast de vergadering en "
            "een eigen `[bevolking]`: zodra er iets in staat, vervalt zij."
        ),
    ),
)

#: The registry: rule id -> rule, in catalogue order.
REGELS: dict[str, Regel] = {r.id: r for r in _REGELS}
