// "Controleer uw motie": the form and the results; all checking is done by alvrules itself,
// running in Pyodide (alvrules/browser.py). Everything is loaded from this site; nothing
// entered leaves the browser. "Now" is the browser's clock (Date), for the countdown and
// for the next meeting alike: the page has no switch of its own for it.

const wortel = document.getElementById("alv-controle");
const ASSETS = new URL(wortel.dataset.assets, document.baseURI);
const $ = (id) => document.getElementById(id);
const status = $("alv-status");
const uitslag = $("alv-uitslag");
const formulier = $("alv-formulier");

const ROLLEN = [
  "burgemeester",
  "waarnemend-burgemeester",
  "locoburgemeester",
  "wethouder",
  "gemeentesecretaris",
  "griffier",
  "raadslid",
];
const RIJEN = {
  ondertekening: [
    ["naam", "Naam"],
    ["rol", "Rol", ROLLEN],
    ["gemeente", "Gemeente", "gemeente"],
  ],
  contactpersonen: [
    ["naam", "Naam"],
    ["rol", "Rol", ROLLEN],
    ["gemeente", "Gemeente", "gemeente"],
    ["soort", "Soort", ["ambtelijk", "bestuurlijk"]],
    ["email", "E-mail"],
    ["telefoon", "Telefoon"],
  ],
  wijzigingen: [
    ["schrappen", "Te schrappen tekst", "tekst"],
    ["invoegen", "In te voegen tekst", "tekst"],
    ["na", "In te voegen na (als er niets geschrapt wordt)"],
  ],
};
const ERNST = { fout: "Fout", waarschuwing: "Waarschuwing", info: "Info" };

window.alvTijden = { start: performance.now() };
let data = null; // data.json: wheels, members, rule pages, known meetings
let agenda = null; // the agenda of a read dossier, if any

// -- the runtime ----------------------------------------------------------------------------

async function laad() {
  // the list of meetings and the runtime load side by side
  const lijst = fetch(new URL("data.json", ASSETS)).then((a) => a.json());
  const runtime = import(new URL("pyodide/pyodide.mjs", ASSETS).href);
  data = await lijst;
  vulVergaderingen();
  // the wheels a check imports are fetched while the runtime starts
  const haal = (naam) =>
    fetch(new URL("wheels/" + naam, ASSETS)).then((antwoord) => {
      if (!antwoord.ok) throw new Error(naam + ": " + antwoord.status);
      return antwoord.arrayBuffer();
    });
  const eerst = data.wielen.map(haal);
  eerst.forEach((p) => p.catch(() => {})); // a failure is reported where it is awaited
  const { loadPyodide } = await runtime;
  const py = await loadPyodide({
    indexURL: new URL("pyodide/", ASSETS).href,
    packages: [],
    stdout: () => {},
    stderr: () => {},
  });
  window.alvTijden.runtime = performance.now();
  const sitePackages = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
  const pak = (inhoud) =>
    Promise.all(
      inhoud.map(async (wiel) => {
        py.unpackArchive(await wiel, "wheel", { extractDir: sitePackages });
      }),
    );
  await pak(eerst);
  window.alvTijden.wielen = performance.now();
  const browser = py.pyimport("alvrules.browser");
  window.alvTijden.klaar = performance.now();
  // what only the downloads use (the dossier writer's tomli_w), right after
  const rest = new Promise((klaar) => setTimeout(klaar, 0))
    .then(() => pak(data.later.map(haal)))
    .then(() => (window.alvTijden.alles = performance.now()));
  rest.catch(() => {}); // a failure is reported by the download that waits for it
  status.textContent = "Klaar. De controle draait in uw browser; er wordt niets verstuurd.";
  return { py, browser, rest };
}

// the theme's search dialog has no name of its own (axe-core: aria-dialog-name)
document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach((e) =>
  e.setAttribute("aria-label", "Zoeken"),
);

const motor = laad();
motor.catch((e) => {
  console.error(e);
  status.textContent =
    "De controle kon niet worden geladen. Laad de pagina opnieuw; lukt het dan nog niet, " +
    "gebruik dan de opdrachtregel (alvrules controleer).";
});

// Call alvrules.browser.<functie>. Arguments go as they are (null included: alvrules.browser
// turns an absent value into None at its boundary); objects become Python dicts.
async function roep(functie, args, kwargs = {}) {
  const { py, browser, rest } = await motor;
  if (functie === "naar_toml") await rest;
  const naarPy = (a) => (a !== null && typeof a === "object" ? py.toPy(a) : a);
  const pyArgs = args.map(naarPy);
  const antwoord = browser[functie].callKwargs(...pyArgs, kwargs);
  try {
    return antwoord.toJs({ dict_converter: Object.fromEntries });
  } finally {
    antwoord.destroy();
    pyArgs.forEach((a) => a && a.destroy && a.destroy());
  }
}

// Now, from the browser's clock, as an ISO timestamp (UTC).
function nu() {
  return new Date().toISOString();
}

// Today's date in Dutch time (YYYY-MM-DD), from the browser's clock.
function vandaag() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

// -- meetings, members, lists ---------------------------------------------------------------

const DAG = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

function leesbareDag(iso) {
  return DAG.format(new Date(iso + "T00:00:00Z"));
}

// The known meetings (docs/data/vergaderingen.csv): the coming ones first, the next one
// chosen; then the earlier ones, latest first.
function vulVergaderingen() {
  const keuze = $("f-bekend");
  const dag = vandaag();
  const alle = [...data.vergaderingen].sort((a, b) => a.datum.localeCompare(b.datum));
  const komend = alle.filter((v) => v.datum >= dag);
  const eerder = alle.filter((v) => v.datum < dag).reverse();
  const optie = (v) => new Option(`${v.naam} (${leesbareDag(v.datum)})`, v.datum);
  for (const [label, lijst] of [
    ["Komende vergaderingen", komend],
    ["Eerdere vergaderingen", eerder],
  ]) {
    if (!lijst.length) continue;
    const groep = document.createElement("optgroup");
    groep.label = label;
    lijst.forEach((v) => groep.append(optie(v)));
    keuze.append(groep);
  }
  keuze.addEventListener("change", () => kiesVergadering(keuze.value));
  $("f-vergadering-datum").addEventListener("change", () => {
    const bekend = data.vergaderingen.find((v) => v.datum === $("f-vergadering-datum").value);
    keuze.value = bekend ? bekend.datum : "";
    vulGemeenten();
    sluitingstijdHulp();
  });
  $("f-vergadering-sluitingstijd").addEventListener("change", sluitingstijdHulp);
  if (komend.length) {
    keuze.value = komend[0].datum;
    kiesVergadering(komend[0].datum);
  } else {
    keuze.value = "";
    $("f-bekend-hulp").textContent =
      "De volgende ALV staat nog niet in de lijst. Vul de datum van de vergadering zelf in.";
  }
  vulGemeenten();
  sluitingstijdHulp();
}

function kiesVergadering(datum) {
  const v = data.vergaderingen.find((x) => x.datum === datum);
  if (!v) return;
  $("f-vergadering-datum").value = v.datum;
  $("f-vergadering-naam").value = v.naam;
  $("f-vergadering-sluitingstijd").value = v.sluitingstijd || "";
  vulGemeenten();
  sluitingstijdHulp();
}

// Says whether the closing time is known (from the list, or typed) or assumed (12.00 uur).
function sluitingstijdHulp() {
  const datum = $("f-vergadering-datum").value;
  const tijd = $("f-vergadering-sluitingstijd").value;
  const bekend = data.vergaderingen.find((v) => v.datum === datum);
  const hulp = $("f-sluitingstijd-hulp");
  if (tijd && bekend && bekend.sluitingstijd === tijd) {
    hulp.textContent = `De sluitingstijd van deze vergadering (bron: ${bekend.bron}).`;
  } else if (tijd) {
    hulp.textContent = "De sluitingstijd die u invulde.";
  } else {
    hulp.textContent =
      "Voor deze vergadering is geen sluitingstijd bekend: de controle neemt 12.00 uur aan, " +
      "de standaard. Staat er een andere tijd in de uitnodiging, vul die dan in.";
  }
}

function vulGemeenten() {
  const datum = $("f-vergadering-datum").value;
  const lijst = $("f-gemeenten-lijst");
  lijst.replaceChildren();
  for (const g of data.gemeenten) {
    if (datum && ((g.van && g.van > datum) || (g.tot && g.tot < datum))) continue;
    const optie = document.createElement("option");
    optie.value = g.naam;
    optie.label = [g.code, ...g.aliassen].join(" · ");
    lijst.append(optie);
  }
}

function maakVeld(id, label, soort) {
  const blok = document.createElement("div");
  blok.className = "alv-veld";
  const lab = document.createElement("label");
  lab.htmlFor = id;
  lab.textContent = label;
  let veld;
  if (Array.isArray(soort)) {
    veld = document.createElement("select");
    veld.add(new Option("", ""));
    soort.forEach((k) => veld.add(new Option(k, k)));
  } else if (soort === "tekst") {
    veld = document.createElement("textarea");
    veld.rows = 2;
  } else {
    veld = document.createElement("input");
    veld.type = "text";
    if (soort === "gemeente") {
      veld.setAttribute("list", "f-gemeenten-lijst");
      veld.autocomplete = "off";
    }
  }
  veld.id = id;
  blok.append(lab, veld);
  return blok;
}

function knop(tekst, actie) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "md-button alv-klein";
  b.textContent = tekst;
  b.addEventListener("click", actie);
  return b;
}

// A list of single values (gemeenten, overwegingen, oproep): one field per value.
function tekenLijst(houder, waarden) {
  const naam = houder.dataset.lijst;
  const label = houder.dataset.label;
  const tekst = houder.dataset.tekst ? "tekst" : "gemeente";
  houder.replaceChildren();
  const lijst = waarden.length ? waarden : [""];
  lijst.forEach((w, i) => {
    const rij = document.createElement("div");
    rij.className = "alv-rij";
    const blok = maakVeld(`f-${naam}-${i}`, `${label} ${i + 1}`, tekst);
    blok.querySelector("input,textarea").value = w;
    rij.append(blok);
    if (lijst.length > 1) {
      rij.append(
        knop(`Verwijder ${label.toLowerCase()} ${i + 1}`, () => {
          const nu = leesLijst(houder).filter((_, j) => j !== i);
          tekenLijst(houder, nu);
          $(`f-${naam}-${Math.max(0, i - 1)}`).focus();
        }),
      );
    }
    houder.append(rij);
  });
  houder.append(
    knop(`Nog een ${label.toLowerCase()}`, () => {
      tekenLijst(houder, [...leesLijst(houder), ""]);
      $(`f-${naam}-${lijst.length}`).focus();
    }),
  );
}

function leesLijst(houder) {
  return [...houder.querySelectorAll("input,textarea")].map((v) => v.value);
}

// Rows of records (ondertekening, contactpersonen, wijzigingen).
function tekenRijen(houder, waarden) {
  const naam = houder.dataset.rijen;
  const label = houder.dataset.label;
  const velden = RIJEN[naam];
  const legend = houder.querySelector("legend");
  houder.replaceChildren(legend);
  const lijst = waarden.length ? waarden : [{}];
  lijst.forEach((w, i) => {
    const groep = document.createElement("div");
    groep.className = "alv-groep";
    groep.id = `f-${naam}-${i}`;
    groep.setAttribute("role", "group");
    groep.setAttribute("aria-label", `${label} ${i + 1}`);
    for (const [veld, tekst, soort] of velden) {
      const blok = maakVeld(`f-${naam}-${i}-${veld}`, `${tekst} (${label.toLowerCase()} ${i + 1})`, soort);
      const v = blok.querySelector("input,select,textarea");
      const waarde = w[veld] ?? "";
      if (v.tagName === "SELECT" && waarde && ![...v.options].some((o) => o.value === waarde)) {
        v.add(new Option(waarde, waarde));
      }
      v.value = waarde;
      groep.append(blok);
    }
    if (lijst.length > 1) {
      groep.append(
        knop(`Verwijder ${label.toLowerCase()} ${i + 1}`, () => {
          tekenRijen(houder, leesRijen(houder).filter((_, j) => j !== i));
          houder.querySelector("input,select,textarea").focus();
        }),
      );
    }
    houder.append(groep);
  });
  houder.append(
    knop(`Nog een ${label.toLowerCase()}`, () => {
      tekenRijen(houder, [...leesRijen(houder), {}]);
      $(`f-${naam}-${lijst.length}-${velden[0][0]}`).focus();
    }),
  );
}

function leesRijen(houder) {
  const naam = houder.dataset.rijen;
  return [...houder.querySelectorAll(".alv-groep")].map((groep, i) => {
    const uit = {};
    for (const [veld] of RIJEN[naam]) uit[veld] = $(`f-${naam}-${i}-${veld}`).value;
    return uit;
  });
}

function soort() {
  return $("f-soort-amendement").checked ? "amendement" : "motie";
}

function toonSoort() {
  const amendement = soort() === "amendement";
  document.querySelectorAll(".alv-motie").forEach((e) => (e.hidden = amendement));
  document.querySelectorAll(".alv-amendement").forEach((e) => (e.hidden = !amendement));
}

// -- form <-> dossier -----------------------------------------------------------------------

function zonderLeeg(waarden) {
  return waarden.map((w) => w.trim()).filter((w) => w);
}

function zonderLegeVelden(rij) {
  return Object.fromEntries(Object.entries(rij).filter(([, w]) => w.trim() !== ""));
}

function dossier() {
  const vergadering = { datum: $("f-vergadering-datum").value, naam: $("f-vergadering-naam").value };
  const sluiting = $("f-vergadering-sluitingstijd").value;
  if (sluiting) vergadering.sluitingstijd = sluiting.length === 5 ? sluiting + ":00" : sluiting;
  const stuk = {
    id: $("f-id").value,
    titel: $("f-titel").value,
    agendapunt: $("f-agendapunt").value.trim() || "rondvraag",
    indieners: zonderLeeg(leesLijst($("f-indieners"))),
    mede_indieners: zonderLeeg(leesLijst($("f-mede_indieners"))),
    ondersteuners: zonderLeeg(leesLijst($("f-ondersteuners"))),
    ondertekening: leesRijen($("f-ondertekening"))
      .map(zonderLegeVelden)
      .filter((r) => Object.keys(r).length)
      .map((r) => ({ naam: "", rol: "", gemeente: "", ...r })),
  };
  if ($("f-ingediend").value) stuk.ingediend = $("f-ingediend").value;
  const uit = { vergadering };
  if (agenda) uit.agendapunten = agenda;
  if (soort() === "motie") {
    Object.assign(stuk, {
      actueel: $("f-actueel").checked,
      aanleiding: $("f-aanleiding").value,
      overwegingen: zonderLeeg(leesLijst($("f-overwegingen"))),
      oproep: zonderLeeg(leesLijst($("f-oproep"))),
      slotzin: $("f-slotzin").value,
      contactpersonen: leesRijen($("f-contactpersonen"))
        .map(zonderLegeVelden)
        .filter((r) => Object.keys(r).length)
        .map((r) => ({ naam: "", ...r })),
    });
    if ($("f-reden").value.trim()) stuk.reden = $("f-reden").value;
    uit.moties = [stuk];
  } else {
    stuk.wijzigingen = leesRijen($("f-wijzigingen"))
      .map(zonderLegeVelden)
      .filter((r) => Object.keys(r).length);
    if ($("f-toelichting").value.trim()) stuk.toelichting = $("f-toelichting").value;
    uit.amendementen = [stuk];
  }
  return uit;
}

function vulFormulier(f) {
  const v = f.vergadering || {};
  $("f-bekend").value = data.vergaderingen.some((x) => x.datum === v.datum) ? v.datum : "";
  $("f-vergadering-datum").value = v.datum || "";
  $("f-vergadering-naam").value = v.naam || "ALV";
  $("f-vergadering-sluitingstijd").value = (v.sluitingstijd || "").slice(0, 5);
  sluitingstijdHulp();
  agenda = f.agendapunten && f.agendapunten.length ? f.agendapunten : null;
  const punten = $("f-agendapunten-lijst");
  punten.replaceChildren(new Option("rondvraag", "rondvraag"));
  (agenda || []).forEach((p) => {
    const o = document.createElement("option");
    o.value = p.id;
    o.label = [p.nummer, p.titel].filter((x) => x).join(". ");
    punten.append(o);
  });
  vulGemeenten();
  const s = f.stuk;
  $(f.soort === "amendement" ? "f-soort-amendement" : "f-soort-motie").checked = true;
  toonSoort();
  $("f-id").value = s.id || "";
  $("f-titel").value = s.titel || "";
  $("f-agendapunt").value = s.agendapunt || "rondvraag";
  $("f-ingediend").value = s.ingediend || "";
  $("f-actueel").checked = !!s.actueel;
  $("f-reden").value = s.reden || "";
  for (const naam of ["indieners", "mede_indieners", "ondersteuners", "overwegingen", "oproep"]) {
    tekenLijst($(`f-${naam}`), s[naam] || []);
  }
  for (const naam of Object.keys(RIJEN)) tekenRijen($(`f-${naam}`), s[naam] || []);
  $("f-aanleiding").value = s.aanleiding || "";
  $("f-slotzin").value = s.slotzin || "";
  $("f-toelichting").value = s.toelichting || "";
}

// -- results ---------------------------------------------------------------------------------

// moties[M01].ondertekening[0].rol -> the field f-ondertekening-0-rol (or the nearest
// enclosing one: f-ondertekening-0, f-ondertekening).
// An id that could be misread is a JSON string in the path (moties["M 01"], docs: Het pad).
function veldVan(pad, stukId) {
  const m = /^(moties|amendementen)\[("(?:[^"\\]|\\.)*"|[^\]"]*)\]\.?(.*)$/.exec(pad);
  if (!m) return null;
  const id = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  if (id !== stukId) return null;
  let delen = m[3] ? m[3].replace(/\[(\d+)\]/g, ".$1").split(".") : [];
  while (delen.length) {
    const e = $("f-" + delen.join("-"));
    if (e && !e.closest("[hidden]")) return e;
    delen = delen.slice(0, -1);
  }
  return $("f-titel");
}

// The name of a field as the form shows it: its label, its group's name or its legend.
function veldNaam(veld) {
  if (veld.labels && veld.labels.length) return veld.labels[0].textContent.trim();
  if (veld.getAttribute("aria-label")) return veld.getAttribute("aria-label");
  const legend = veld.querySelector(":scope > legend");
  if (legend) return legend.textContent.trim();
  const label = veld.querySelector("label");
  return label ? label.textContent.trim() : veld.id;
}

const DELEN = { moties: "motie", amendementen: "amendement", agendapunten: "agendapunt" };

// A path outside the form, for people: moties[M02].ondertekening[0] -> motie M02 › ondertekening 1.
function plaatsVoorMensen(pad) {
  return pad
    .replace(/^(\w+)\[([^\]]*)\]/, (_, deel, id) => `${DELEN[deel] || deel} ${id}`)
    .replace(/\[(\d+)\]/g, (_, n) => ` ${Number(n) + 1}`)
    .replace(/\[([^\]]*)\]/g, " $1")
    .replace(/\./g, " › ")
    .replace(/_/g, " ");
}

// "invoer: vergadering.datum: verwacht een datum ..." -> the field as the form names it.
function invoerfoutInHetFormulier(tekst, stukId) {
  const m = /^invoer: ([^:\s]+): (.*)$/.exec(tekst);
  if (!m) return { tekst, veld: null };
  const [, pad, reden] = m;
  const veld = pad.startsWith("vergadering.")
    ? $("f-vergadering-" + pad.slice("vergadering.".length))
    : veldVan(pad, stukId);
  if (!veld) return { tekst: `${plaatsVoorMensen(pad)}: ${reden}`, veld: null };
  const doel = focusDoel(veld) || veld;
  const leeg = doel.value === "";
  return { tekst: `${veldNaam(veld)}: ${leeg ? "vul dit veld in." : reden}`, veld };
}

function focusDoel(e) {
  if (!e) return null;
  return e.matches("input,select,textarea") ? e : e.querySelector("input,select,textarea");
}

function wisMarkering() {
  document.querySelectorAll(".alv-fout-veld").forEach((e) => {
    e.classList.remove("alv-fout-veld");
    e.removeAttribute("aria-invalid");
    e.removeAttribute("aria-errormessage");
  });
  document.querySelectorAll("[data-alv-beschreven]").forEach((e) => {
    const oud = e.dataset.alvBeschreven;
    if (oud) e.setAttribute("aria-describedby", oud);
    else e.removeAttribute("aria-describedby");
    delete e.dataset.alvBeschreven;
  });
  document.querySelectorAll(".alv-veldmelding").forEach((e) => e.remove());
}

function el(tag, eigenschappen = {}, ...kinderen) {
  const e = document.createElement(tag);
  Object.assign(e, eigenschappen);
  e.append(...kinderen);
  return e;
}

function regelLink(id) {
  const r = data.regels[id];
  if (!r) return el("span", { className: "alv-regel" }, id);
  const a = el("a", { className: "alv-regel", href: new URL(r.pagina, ASSETS + "../../").href }, id);
  a.title = r.naam;
  return a;
}

function aftellen(t) {
  if (t.verstreken && t.werkdagen === 0) return "verstreken (vandaag)";
  if (t.verstreken) return `verstreken (${-t.werkdagen} werkdag${t.werkdagen === -1 ? "" : "en"} geleden)`;
  if (t.werkdagen === 0) return "vandaag";
  return `nog ${t.werkdagen} werkdag${t.werkdagen === 1 ? "" : "en"}`;
}

// Focus on the result (or an error) and scroll it to the top, below the sticky header
// (the element's scroll-margin-top, controleer.css), on a phone too.
function toonBoven(e) {
  e.focus({ preventScroll: true });
  e.scrollIntoView({ block: "start" });
}

// What a late item means under the procedure, and what the griffier can still do.
function teLaatUitleg(t, vergadering) {
  const wat = t.soort === "motie" ? "De motie" : "Het amendement";
  const feiten = el(
    "p",
    {},
    `${wat} is verstuurd op ${t.ingediend}; de termijn was ${t.termijn} (`,
    regelLink(t.regel),
    ").",
  );
  let betekent;
  let kan;
  if (t.na_vergadering) {
    betekent = `De vergadering van ${vergadering.leesbaar} kan ${t.soort === "motie" ? "deze motie" : "dit amendement"} niet meer behandelen.`;
    kan = "Dien het stuk in voor de volgende ALV: kies die vergadering hierboven of vul de datum in, en controleer opnieuw.";
  } else if (t.soort === "amendement") {
    betekent =
      "De termijn voor amendementen staat in de statuten: een amendement dat later binnenkomt, " +
      "voldoet niet (AMD02) en kan niet meer worden ingediend voor deze vergadering.";
    kan =
      "U kunt in de vergadering bij het agendapunt het woord voeren en uw punt daar inbrengen " +
      "(meld u vooraf aan bij het VNG-bureau), of het punt voorleggen aan het VNG-bestuur.";
  } else if (t.actueel) {
    betekent =
      "Een motie na de termijn wordt alleen nog toegelaten als ze gaat over een actuele " +
      "ontwikkeling waardoor eerder indienen redelijkerwijs niet mogelijk was (Procedure §3 en §5). " +
      "Het VNG-bureau beoordeelt dat.";
    kan =
      "Zorg dat de reden van de actualiteit zegt waarom eerder indienen niet kon, en stuur de " +
      "ondertekende motie zo snel mogelijk.";
  } else {
    betekent =
      "Het bestuur vraagt moties vóór deze termijn in te dienen. Een latere motie wordt alleen " +
      "nog toegelaten als ze gaat over een actuele ontwikkeling waardoor eerder indienen " +
      "redelijkerwijs niet mogelijk was (Procedure §3 en §5).";
    kan =
      "Kon de motie niet eerder omdat de aanleiding nieuw is? Vink dan “Actuele motie” aan en " +
      "schrijf de reden erbij. U kunt ook in de vergadering het woord voeren (meld u vooraf aan " +
      "bij het VNG-bureau), het VNG-bestuur vragen het onderwerp te bespreken, of de motie " +
      "indienen voor de volgende ALV.";
  }
  return [
    feiten,
    el("p", {}, el("strong", {}, "Wat dat betekent: "), betekent),
    el("p", {}, el("strong", {}, "Wat u nog kunt doen: "), kan),
  ];
}

function meervoud(n, een, meer) {
  return `${n} ${n === 1 ? een : meer}`;
}

function toon(antwoord, { stukId = null, wat = "dossier" } = {}) {
  wisMarkering();
  uitslag.replaceChildren();
  uitslag.hidden = false;
  if (antwoord.invoerfout) {
    uitslag.className = "alv-uitslag alv-onleesbaar";
    const uitleg = wat === "dossier" ? { tekst: antwoord.invoerfout } : invoerfoutInHetFormulier(antwoord.invoerfout, stukId);
    const p = el("p", {}, uitleg.tekst);
    if (uitleg.veld) {
      const doel = focusDoel(uitleg.veld) || uitleg.veld;
      const link = el("a", { href: "#" + doel.id, className: "alv-naar-veld" }, "naar het veld");
      link.addEventListener("click", (ev) => {
        ev.preventDefault();
        doel.focus();
      });
      p.append(" ", link);
      markeer(uitleg.veld, doel, { ernst: "fout" }, uitleg.tekst, "invoer");
    }
    uitslag.append(
      el("h2", { id: "alv-uitslag-kop" }, wat === "dossier" ? "Kan niet worden gelezen" : "Kan nog niet worden gecontroleerd"),
      p,
    );
    // a dossier with several problems: every one, on its line, in the order of the text
    // (the one line above names the first and how many more)
    const problemen = antwoord.problemen || [];
    if (wat === "dossier" && problemen.length > 1) {
      uitslag.append(
        el(
          "ul",
          { className: "alv-problemen" },
          ...problemen.map((q) =>
            el("li", {}, `${q.regelnummer ? `regel ${q.regelnummer}: ` : ""}${q.pad ? `${q.pad}: ` : ""}${q.melding}`),
          ),
        ),
      );
    }
    uitslag.setAttribute("aria-labelledby", "alv-uitslag-kop");
    toonBoven(uitslag);
    klaar();
    return;
  }
  const r = antwoord.rapport;
  const fouten = r.bevindingen.filter((b) => b.ernst === "fout");
  const naam = { motie: "Deze motie", amendement: "Dit amendement", dossier: "Dit dossier" }[wat];
  const teLaat = (antwoord.te_laat || []).filter((t) => wat === "dossier" || t.id === stukId);
  let kop;
  if (teLaat.length && wat !== "dossier") {
    kop = `${naam} is ${teLaat[0].na_vergadering ? "na de vergadering" : "te laat"} verstuurd`;
  } else if (teLaat.length) {
    kop = `${naam} voldoet niet: ${meervoud(teLaat.length, "stuk", "stukken")} te laat verstuurd`;
  } else if (r.geldig) {
    kop = `${naam} voldoet`;
  } else {
    kop = `${naam} voldoet niet: ${meervoud(fouten.length, "fout", "fouten")}`;
  }
  uitslag.className =
    "alv-uitslag " + (teLaat.length ? "alv-te-laat" : r.geldig ? "alv-voldoet" : "alv-fouten");
  uitslag.append(el("h2", { id: "alv-uitslag-kop" }, kop));
  uitslag.setAttribute("aria-labelledby", "alv-uitslag-kop");
  if (teLaat.length && wat !== "dossier") {
    uitslag.append(...teLaatUitleg(teLaat[0], antwoord.vergadering));
  } else if (teLaat.length) {
    const lijst = el("ul");
    teLaat.forEach((t) =>
      lijst.append(el("li", {}, `${t.soort} ${t.id}: verstuurd op ${t.ingediend}, termijn ${t.termijn}`)),
    );
    uitslag.append(lijst);
  }
  const overig = r.bevindingen.length - fouten.length;
  uitslag.append(
    el(
      "p",
      {},
      r.bevindingen.length
        ? `${meervoud(r.bevindingen.length, "bevinding", "bevindingen")}: ` +
            `${meervoud(fouten.length, "fout", "fouten")}, ${overig} waarschuwing of info.`
        : "Geen bevindingen.",
    ),
  );
  if (r.bevindingen.length) {
    const lijst = el("ol", { className: "alv-bevindingen" });
    r.bevindingen.forEach((b, i) => {
      const melding = (antwoord.leesbaar && antwoord.leesbaar[i]) || b.melding;
      const veld = stukId !== null ? veldVan(b.pad, stukId) : null;
      const li = el(
        "li",
        { className: `alv-bevinding alv-${b.ernst}` },
        el("span", { className: "alv-ernst" }, ERNST[b.ernst] || b.ernst),
        " ",
        regelLink(b.regel),
        " ",
        el("span", { className: "alv-melding" }, melding),
        " ",
      );
      li.dataset.regel = b.regel;
      if (veld) {
        const doel = focusDoel(veld) || veld;
        const link = el("a", { href: "#" + doel.id, className: "alv-naar-veld" }, veldNaam(veld));
        link.addEventListener("click", (ev) => {
          ev.preventDefault();
          doel.focus();
        });
        li.append(el("span", { className: "alv-pad" }, "Veld: ", link));
        markeer(veld, doel, b, melding, i);
      } else if (b.pad) {
        li.append(el("span", { className: "alv-pad" }, `Waar: ${plaatsVoorMensen(b.pad)}`));
      }
      lijst.append(li);
    });
    uitslag.append(el("h3", {}, "Bevindingen"), lijst);
  }
  if (antwoord.termijnen && antwoord.termijnen.length) {
    const v = antwoord.vergadering;
    const tabel = el("table", { className: "alv-termijnen" });
    tabel.append(
      el("caption", {}, `Termijnen van ${v.naam} (${v.leesbaar})`),
      el(
        "thead",
        {},
        el("tr", {}, ...["Regel", "Termijn", "Uiterlijk", "Nog"].map((k) => el("th", { scope: "col" }, k))),
      ),
    );
    const body = el("tbody");
    for (const t of antwoord.termijnen) {
      const rij = el(
        "tr",
        {},
        el("td", {}, regelLink(t.regel)),
        el("td", {}, t.naam + (t.bindend ? " (bindend)" : "")),
        el("td", {}, t.leesbaar),
        el("td", { className: t.verstreken ? "alv-verstreken" : "" }, aftellen(t)),
      );
      rij.dataset.regel = t.regel;
      body.append(rij);
    }
    tabel.append(body);
    uitslag.append(tabel);
    if (v.sluitingstijd_aangenomen) {
      uitslag.append(
        el(
          "p",
          { className: "alv-hulp" },
          "De sluitingstijd van deze vergadering is niet bekend; de termijnen gaan uit van " +
            "12.00 uur, de standaard. Staat er een andere tijd in de uitnodiging, vul die dan in.",
        ),
      );
    }
  }
  toonBoven(uitslag);
  klaar();
}

function markeer(veld, doel, b, melding, i) {
  if (b.ernst === "fout") {
    veld.classList.add("alv-fout-veld");
    if (doel !== veld) doel.classList.add("alv-fout-veld");
    doel.setAttribute("aria-invalid", "true");
  }
  const tekst = el(
    "p",
    { className: `alv-veldmelding alv-${b.ernst}`, id: `alv-melding-${i}` },
    `${ERNST[b.ernst]}: ${melding}`,
  );
  (veld.matches("input,select,textarea") ? veld.closest(".alv-veld") || veld : veld).append(tekst);
  // read with the field: its description, and for an error also its error message
  if (!("alvBeschreven" in doel.dataset)) {
    doel.dataset.alvBeschreven = doel.getAttribute("aria-describedby") || "";
  }
  doel.setAttribute("aria-describedby", `${doel.getAttribute("aria-describedby") || ""} ${tekst.id}`.trim());
  if (b.ernst === "fout" && !doel.getAttribute("aria-errormessage")) {
    doel.setAttribute("aria-errormessage", tekst.id);
  }
}

function klaar() {
  if (!window.alvTijden.eersteUitslag) window.alvTijden.eersteUitslag = performance.now();
  window.alvTijden.uitslagen = (window.alvTijden.uitslagen || 0) + 1;
}

// -- actions ---------------------------------------------------------------------------------

async function controleerFormulier() {
  status.textContent = "Bezig met controleren…";
  const stukId = $("f-id").value.trim();
  const antwoord = await roep("controleer_formulier", [dossier()], { nu: nu() });
  status.textContent = "Gecontroleerd.";
  toon(antwoord, { stukId, wat: soort() });
}

async function leesIn() {
  const bestand = $("f-bestand").files[0];
  const tekst = bestand ? await bestand.text() : $("f-plakken").value;
  status.textContent = "Bezig met inlezen en controleren…";
  // TOML or JSON: alvrules decides as the CLI does (a file by its name, pasted text by content)
  const antwoord = await roep("controleer_tekst", [tekst, null], {
    nu: nu(),
    naam: bestand ? bestand.name : null,
  });
  if (antwoord.formulier) vulFormulier(antwoord.formulier);
  status.textContent = "Ingelezen en gecontroleerd.";
  toon(antwoord, { wat: "dossier", stukId: antwoord.formulier ? antwoord.formulier.stuk.id : null });
}

function downloadBestand(tekst, naam) {
  const url = URL.createObjectURL(new Blob([tekst], { type: "application/toml" }));
  const a = el("a", { href: url, download: naam });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function download() {
  const antwoord = await roep("naar_toml", [dossier()]);
  if (antwoord.invoerfout) {
    toon(antwoord);
    return;
  }
  downloadBestand(antwoord.toml, `${$("f-id").value.trim() || "stuk"}.toml`);
  status.textContent = "Het formulier is gedownload als TOML.";
}

async function downloadSjabloon() {
  const datum = $("f-vergadering-datum").value;
  const tijd = $("f-vergadering-sluitingstijd").value;
  const melding = $("f-sjabloon-melding");
  melding.textContent = "";
  const antwoord = await roep("sjabloon_tekst", [datum || null, tijd || null]);
  if (antwoord.invoerfout) {
    melding.textContent = antwoord.invoerfout;
    return;
  }
  downloadBestand(antwoord.toml, `alv-${datum}.toml`);
  melding.textContent = `Het sjabloon voor de vergadering van ${leesbareDag(datum)} is gedownload.`;
}

// Never a traceback for a person: a short message next to the button that was pressed,
// everything typed kept, the technical details folded away for a bug report.
function misgegaan(knop, bezig, e) {
  console.error(e);
  status.textContent = "";
  const plek = knop.closest(".alv-knoppen") || knop;
  const oud = plek.parentElement.querySelector(":scope > .alv-misgegaan");
  if (oud) oud.remove();
  const details = el(
    "details",
    {},
    el("summary", {}, "Technische details (voor een foutmelding)"),
    el("pre", {}, String((e && (e.stack || e.message)) || e)),
  );
  const melding = el(
    "div",
    { className: "alv-misgegaan", tabIndex: -1, role: "alert" },
    el(
      "p",
      {},
      `Er ging iets mis bij het ${bezig}. Wat u hebt ingevuld, staat er nog. Probeer het ` +
        "nog eens of laad de pagina opnieuw; lukt het dan nog niet, meld het dan aan de " +
        "beheerders van deze site, met de technische details hieronder.",
    ),
    details,
  );
  plek.after(melding);
  toonBoven(melding);
}

function actie(knop, bezig, werk) {
  return (ev) => {
    if (ev) ev.preventDefault();
    const oud = document.querySelector(".alv-misgegaan");
    if (oud) oud.remove();
    werk().catch((e) => misgegaan(knop, bezig, e));
  };
}

formulier.addEventListener("submit", actie($("f-controleer"), "controleren", controleerFormulier));
$("f-inlezen").addEventListener("click", actie($("f-inlezen"), "inlezen en controleren", leesIn));
// what was given last is read: pasting after choosing a file lets go of the file
$("f-plakken").addEventListener("input", () => ($("f-bestand").value = ""));
$("f-download").addEventListener("click", actie($("f-download"), "downloaden", download));
$("f-sjabloon").addEventListener("click", actie($("f-sjabloon"), "maken van het sjabloon", downloadSjabloon));
document.querySelectorAll("input[name=soort]").forEach((r) =>
  r.addEventListener("change", () => {
    toonSoort();
    const id = $("f-id");
    if (/^[MA]\d*$/.test(id.value)) id.value = (soort() === "motie" ? "M" : "A") + id.value.slice(1);
  }),
);
document.querySelectorAll("[data-lijst]").forEach((h) => tekenLijst(h, []));
document.querySelectorAll("[data-rijen]").forEach((h) => tekenRijen(h, []));
toonSoort();
