// "Controleer uw motie": the form and the results; all checking is done by alvrules itself,
// running in Pyodide (alvrules/browser.py). Everything is loaded from this site; nothing
// entered leaves the browser.

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
  data = await (await fetch(new URL("data.json", ASSETS))).json();
  vulVergaderingen();
  const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", ASSETS).href);
  const py = await loadPyodide({
    indexURL: new URL("pyodide/", ASSETS).href,
    packages: [],
    stdout: () => {},
    stderr: () => {},
  });
  window.alvTijden.runtime = performance.now();
  const sitePackages = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
  const pak = (wielen) =>
    Promise.all(
      wielen.map(async (naam) => {
        const antwoord = await fetch(new URL("wheels/" + naam, ASSETS));
        if (!antwoord.ok) throw new Error(naam + ": " + antwoord.status);
        py.unpackArchive(await antwoord.arrayBuffer(), "wheel", { extractDir: sitePackages });
      }),
    );
  await pak(data.wielen);
  window.alvTijden.wielen = performance.now();
  const browser = py.pyimport("alvrules.browser");
  window.alvTijden.klaar = performance.now();
  // what only other parts of alvrules use (the dossier writer, iCalendar, ...), right after
  const rest = new Promise((klaar) => setTimeout(klaar, 0))
    .then(() => pak(data.later))
    .then(() => (window.alvTijden.alles = performance.now()));
  status.textContent = "Klaar. De controle draait in uw browser; er wordt niets verstuurd.";
  return { py, browser, rest };
}

const motor = laad();
motor.catch((e) => {
  status.textContent = "De controle kon niet worden geladen: " + e.message;
});

async function roep(functie, ...args) {
  const { py, browser, rest } = await motor;
  if (functie === "naar_toml") await rest;
  const pyArgs = args.map((a) => (typeof a === "object" ? py.toPy(a) : a));
  const kw = functie === "naar_toml" ? {} : { nu: nu() };
  const antwoord = browser[functie].callKwargs(...pyArgs, kw);
  try {
    return antwoord.toJs({ dict_converter: Object.fromEntries });
  } finally {
    antwoord.destroy();
    pyArgs.forEach((a) => a && a.destroy && a.destroy());
  }
}

function nu() {
  return new URLSearchParams(location.search).get("nu") || null;
}

// -- meetings, members, lists ---------------------------------------------------------------

function vulVergaderingen() {
  const keuze = $("f-bekend");
  const vandaag = new Date().toISOString().slice(0, 10);
  let volgende = null;
  for (const v of data.vergaderingen) {
    keuze.add(new Option(`${v.naam} (${v.datum})`, v.datum));
    if (!volgende && v.datum >= vandaag) volgende = v.datum;
  }
  keuze.addEventListener("change", () => kiesVergadering(keuze.value));
  $("f-vergadering-datum").addEventListener("change", vulGemeenten);
  if (volgende) {
    keuze.value = volgende;
    kiesVergadering(volgende);
  }
  vulGemeenten();
}

function kiesVergadering(datum) {
  const v = data.vergaderingen.find((x) => x.datum === datum);
  if (!v) return;
  $("f-vergadering-datum").value = v.datum;
  $("f-vergadering-naam").value = v.naam;
  $("f-vergadering-sluitingstijd").value = v.sluitingstijd || "";
  vulGemeenten();
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
  $("f-bekend").value = "";
  $("f-vergadering-datum").value = v.datum || "";
  $("f-vergadering-naam").value = v.naam || "ALV";
  $("f-vergadering-sluitingstijd").value = (v.sluitingstijd || "").slice(0, 5);
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
function veldVan(pad, stukId) {
  const m = /^(moties|amendementen)\[([^\]]*)\]\.?(.*)$/.exec(pad);
  if (!m || m[2] !== stukId) return null;
  let delen = m[3] ? m[3].replace(/\[(\d+)\]/g, ".$1").split(".") : [];
  while (delen.length) {
    const e = $("f-" + delen.join("-"));
    if (e && !e.closest("[hidden]")) return e;
    delen = delen.slice(0, -1);
  }
  return $("f-titel");
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

const DATUM = new Intl.DateTimeFormat("nl-NL", {
  weekday: "short",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

function aftellen(t) {
  if (t.verstreken && t.werkdagen === 0) return "verstreken (vandaag)";
  if (t.verstreken) return `verstreken (${-t.werkdagen} werkdag${t.werkdagen === -1 ? "" : "en"} geleden)`;
  if (t.werkdagen === 0) return "vandaag";
  return `nog ${t.werkdagen} werkdag${t.werkdagen === 1 ? "" : "en"}`;
}

function toon(antwoord, { stukId = null, wat = "dossier" } = {}) {
  wisMarkering();
  uitslag.replaceChildren();
  uitslag.hidden = false;
  if (antwoord.invoerfout) {
    uitslag.className = "alv-uitslag alv-onleesbaar";
    uitslag.append(
      el("h2", { id: "alv-uitslag-kop" }, "Kan niet worden gelezen"),
      el("p", {}, antwoord.invoerfout),
    );
    uitslag.setAttribute("aria-labelledby", "alv-uitslag-kop");
    uitslag.focus();
    klaar();
    return;
  }
  const r = antwoord.rapport;
  const fouten = r.bevindingen.filter((b) => b.ernst === "fout");
  const naam = { motie: "Deze motie", amendement: "Dit amendement", dossier: "Dit dossier" }[wat];
  uitslag.className = "alv-uitslag " + (r.geldig ? "alv-voldoet" : "alv-fouten");
  const kop = r.geldig
    ? `${naam} voldoet`
    : `${naam} voldoet niet: ${fouten.length} ${fouten.length === 1 ? "fout" : "fouten"}`;
  uitslag.append(el("h2", { id: "alv-uitslag-kop" }, kop));
  uitslag.setAttribute("aria-labelledby", "alv-uitslag-kop");
  const overig = r.bevindingen.length - fouten.length;
  uitslag.append(
    el(
      "p",
      {},
      r.bevindingen.length
        ? `${r.bevindingen.length} bevinding${r.bevindingen.length === 1 ? "" : "en"}: ` +
            `${fouten.length} ${fouten.length === 1 ? "fout" : "fouten"}, ${overig} waarschuwing of info.`
        : "Geen bevindingen.",
    ),
  );
  if (r.bevindingen.length) {
    const lijst = el("ol", { className: "alv-bevindingen" });
    r.bevindingen.forEach((b, i) => {
      const veld = stukId !== null ? veldVan(b.pad, stukId) : null;
      const li = el(
        "li",
        { className: `alv-bevinding alv-${b.ernst}` },
        el("span", { className: "alv-ernst" }, ERNST[b.ernst] || b.ernst),
        " ",
        regelLink(b.regel),
        " ",
        el("span", { className: "alv-melding" }, b.melding),
        " ",
        el("span", { className: "alv-pad" }, "(", el("code", {}, b.pad), ")"),
      );
      li.dataset.regel = b.regel;
      if (veld) {
        const doel = focusDoel(veld) || veld;
        const link = el("a", { href: "#" + doel.id, className: "alv-naar-veld" }, "naar het veld");
        link.addEventListener("click", (ev) => {
          ev.preventDefault();
          doel.focus();
        });
        li.append(" ", link);
        if (b.ernst === "fout") markeer(veld, doel, b, i);
      }
      lijst.append(li);
    });
    uitslag.append(el("h3", {}, "Bevindingen"), lijst);
  }
  if (antwoord.termijnen && antwoord.termijnen.length) {
    const tabel = el("table", { className: "alv-termijnen" });
    tabel.append(
      el("caption", {}, `Termijnen van ${antwoord.vergadering.naam} (${antwoord.vergadering.datum})`),
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
        el("td", {}, DATUM.format(new Date(t.tijdstip))),
        el("td", { className: t.verstreken ? "alv-verstreken" : "" }, aftellen(t)),
      );
      rij.dataset.regel = t.regel;
      body.append(rij);
    }
    tabel.append(body);
    uitslag.append(tabel);
  }
  uitslag.focus();
  klaar();
}

function markeer(veld, doel, b, i) {
  veld.classList.add("alv-fout-veld");
  if (doel !== veld) doel.classList.add("alv-fout-veld");
  doel.setAttribute("aria-invalid", "true");
  const melding = el("p", { className: "alv-veldmelding", id: `alv-melding-${i}` }, `${b.regel}: ${b.melding}`);
  if (!doel.getAttribute("aria-errormessage")) doel.setAttribute("aria-errormessage", melding.id);
  (veld.matches("input,select,textarea") ? veld.closest(".alv-veld") || veld : veld).append(melding);
}

function klaar() {
  if (!window.alvTijden.eersteUitslag) window.alvTijden.eersteUitslag = performance.now();
  window.alvTijden.uitslagen = (window.alvTijden.uitslagen || 0) + 1;
}

// -- actions ---------------------------------------------------------------------------------

async function controleerFormulier() {
  status.textContent = "Bezig met controleren…";
  const antwoord = await roep("controleer_formulier", dossier());
  status.textContent = "Gecontroleerd.";
  toon(antwoord, { stukId: $("f-id").value.trim(), wat: soort() });
}

async function leesIn() {
  const bestand = $("f-bestand").files[0];
  const tekst = bestand ? await bestand.text() : $("f-plakken").value;
  const json = bestand ? /\.json$/i.test(bestand.name) : /^\s*[{[]/.test(tekst);
  status.textContent = "Bezig met inlezen en controleren…";
  const antwoord = await roep("controleer_tekst", tekst, json ? "json" : "toml");
  if (antwoord.formulier) vulFormulier(antwoord.formulier);
  status.textContent = "Ingelezen en gecontroleerd.";
  toon(antwoord, { wat: "dossier" });
}

function downloadToml(tekst) {
  const url = URL.createObjectURL(new Blob([tekst], { type: "application/toml" }));
  const a = el("a", { href: url, download: `${$("f-id").value.trim() || "stuk"}.toml` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function download() {
  const antwoord = await roep("naar_toml", dossier());
  if (antwoord.invoerfout) {
    toon(antwoord);
    return;
  }
  downloadToml(antwoord.toml);
  status.textContent = "Het formulier is gedownload als TOML.";
}

function fout(e) {
  status.textContent = "Er ging iets mis: " + e.message;
}

formulier.addEventListener("submit", (ev) => {
  ev.preventDefault();
  controleerFormulier().catch(fout);
});
$("f-inlezen").addEventListener("click", () => leesIn().catch(fout));
$("f-download").addEventListener("click", () => download().catch(fout));
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
