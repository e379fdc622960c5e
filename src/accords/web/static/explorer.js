// Explorer: the network of actors with an edge per relationship valid in the chosen year.
import { ANTAGONISM, COLOUR, TYPES, banner, el, getJSON, loadEverything, status, words, year as yearOf, ALL_TO } from "./api.js";
import { showActor, showRelationship } from "./evidence.js";

const $ = (id) => document.getElementById(id);
const byYear = new Map();
let cy = null;
let current = [];
let request = 0;
let timer = null;

function yearItems(y) {
  if (!byYear.has(y)) {
    const p = Promise.all([
      getJSON(`/alliances?year=${y}&limit=500`),
      ...ANTAGONISM.map((t) => getJSON(`/alliances?year=${y}&type=${t}&limit=500`)),
    ]).then((pages) => pages.flatMap((page) => page.items));
    p.catch(() => byYear.delete(y));
    byYear.set(y, p);
  }
  return byYear.get(y);
}

function range(relationships) {
  const years = [];
  for (const r of relationships) {
    years.push(yearOf(r.interval.start));
    if (r.interval.end && r.interval.end < ALL_TO) years.push(yearOf(r.interval.end));
    for (const e of r.evidence) years.push(yearOf(e.observed_from), yearOf(e.document.published));
  }
  const known = years.filter((y) => y && y > 1000 && y < 9999);
  return known.length ? [Math.min(...known), Math.max(...known)] : [new Date().getFullYear(), new Date().getFullYear()];
}

function checkedTypes() {
  return new Set([...document.querySelectorAll("#type-filter input:checked")].map((i) => i.value));
}

function visible(items) {
  const types = checkedTypes();
  const actor = $("actor-filter").value;
  return items.filter((r) => types.has(r.type) && (!actor || r.members.some((m) => m.iri === actor)));
}

function edgesOf(items, y) {
  const edges = [];
  items.forEach((r, index) => {
    const ms = r.members;
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        edges.push({ group: "edges", data: {
          id: `${r.iri}|${ms[i].iri}|${ms[j].iri}`, source: ms[i].iri, target: ms[j].iri, index,
          type: r.type, colour: COLOUR[r.type] || "#555", basis: r.basis,
          antagonism: ANTAGONISM.includes(r.type) ? "yes" : "no",
          label: `${words(r.type)} (${r.basis}, ${y})`,
        } });
      }
    }
  });
  return edges;
}

function draw(items, y) {
  const shown = visible(items);
  current = shown;
  cy.batch(() => {
    cy.edges().remove();
    cy.add(edgesOf(shown, y));
    cy.nodes().forEach((n) => n.toggleClass("idle", n.connectedEdges().length === 0));
  });
  $("rel-year").textContent = y;
  const list = $("rel-list");
  list.replaceChildren(...shown.map((r, index) => el("li", {},
    el("button", { type: "button", "data-rel": r.iri, style: `border-left-color:${COLOUR[r.type] || "#555"}`,
      onclick: () => showRelationship(r, `${r.basis} in ${y}`) },
      el("strong", {}, words(r.type)), ": ", r.members.map((m) => m.label).join(", "), " ",
      el("span", { class: "basis" }, r.basis === "stated" ? "(stated)" : "(started earlier, no end reported)")))));
  if (!shown.length) list.append(el("li", {}, items.length ? "None with the chosen filters." : `None known in ${y}.`));
  status($("graph-status"), `${shown.length} relationship(s) in ${y}` + (shown.length < items.length ? ` (${items.length - shown.length} filtered out)` : ""));
}

async function showYear(y) {
  const mine = ++request;
  $("year-out").textContent = y;
  status($("graph-status"), `Loading ${y}…`, "busy");
  try {
    const items = await yearItems(y);
    if (mine === request) draw(items, y);
  } catch (err) {
    if (mine === request) status($("graph-status"), err.message, "error");
  }
}

function setYear(y) {
  const slider = $("year");
  const clamped = Math.max(+slider.min, Math.min(+slider.max, y));
  slider.value = clamped;
  showYear(clamped);
}

function stop() {
  clearInterval(timer);
  timer = null;
  $("play").setAttribute("aria-pressed", "false");
  $("play").textContent = "▶ Play";
}

function play() {
  if (timer) return stop();
  const slider = $("year");
  if (+slider.value >= +slider.max) setYear(+slider.min);
  $("play").setAttribute("aria-pressed", "true");
  $("play").textContent = "❚❚ Pause";
  timer = setInterval(() => {
    if (+slider.value >= +slider.max) return stop();
    setYear(+slider.value + 1);
  }, 1400);
}

function makeGraph(actors) {
  cy = cytoscape({
    container: $("graph"),
    elements: [...actors].map(([iri, label]) => ({ group: "nodes", data: { id: iri, label } })),
    style: [
      { selector: "node", style: { label: "data(label)", "background-color": "#14213d", color: "#1a1a1a", "font-size": 13,
        "text-valign": "bottom", "text-margin-y": 4, width: 22, height: 22, "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2 } },
      { selector: "node.idle", style: { "background-color": "#b8bec9", color: "#4a4a4a" } },
      { selector: "edge", style: { width: 4, "line-color": "data(colour)", "curve-style": "bezier", "control-point-step-size": 26 } },
      { selector: "edge[basis = 'open-ended']", style: { "line-style": "dashed", "line-dash-pattern": [9, 6] } },
      { selector: "edge[antagonism = 'yes']", style: { "source-arrow-shape": "tee", "target-arrow-shape": "tee",
        "source-arrow-color": "data(colour)", "target-arrow-color": "data(colour)" } },
      { selector: "edge:selected, node:selected", style: { "overlay-color": "#ff9800", "overlay-opacity": 0.25 } },
    ],
    layout: { name: "circle", padding: 40 },
  });
  window.accords = Object.assign(window.accords || {}, { cy });
  cy.on("tap", "edge", (e) => {
    const r = current[e.target.data("index")];
    if (r) showRelationship(r, `${r.basis} in ${$("year").value}`);
  });
  cy.on("tap", "node", (e) => showActor(e.target.id(), e.target.data("label"), +$("year").value, current));
}

function legendAndFilters(relationships) {
  const present = new Set(relationships.map((r) => r.type));
  const types = TYPES.filter(([t]) => present.has(t));
  const shown = types.length ? types : TYPES;
  $("legend").replaceChildren(...shown.map(([t, c]) => el("li", {}, el("span", { class: "swatch", style: `background:${c}` }),
    words(t), ANTAGONISM.includes(t) ? " (antagonism)" : "")));
  const box = $("type-filter");
  box.querySelectorAll("label").forEach((l) => l.remove());
  for (const [t, c] of shown) {
    box.append(el("label", {}, el("input", { type: "checkbox", value: t, checked: true, onchange: () => setYear(+$("year").value) }),
      el("span", { class: "swatch", style: `background:${c}` }), words(t)));
  }
}

export async function initExplorer() {
  $("play").addEventListener("click", play);
  $("year-prev").addEventListener("click", () => { stop(); setYear(+$("year").value - 1); });
  $("year-next").addEventListener("click", () => { stop(); setYear(+$("year").value + 1); });
  $("year").addEventListener("input", (e) => showYear(+e.target.value));
  $("actor-filter").addEventListener("change", () => setYear(+$("year").value));
  status($("graph-status"), "Loading the graph…", "busy");
  let data;
  try {
    data = await loadEverything();
  } catch (err) {
    status($("graph-status"), err.message, "error");
    banner(`The graph could not be loaded: ${err.message}`);
    return;
  }
  const members = new Map();
  data.relationships.forEach((r) => r.members.forEach((m) => members.set(m.iri, m.label)));
  makeGraph(members);
  legendAndFilters(data.relationships);
  const select = $("actor-filter");
  [...members].sort((a, b) => a[1].localeCompare(b[1])).forEach(([iri, label]) => select.append(el("option", { value: iri }, label)));
  if (!data.relationships.length) {
    banner("The store holds no relationships yet. Build it from news with `accords ingest seeds/` and reload this page.", "info");
    status($("graph-status"), "The store is empty.");
    $("year-out").textContent = "–";
    return;
  }
  const [first, last] = range(data.relationships);
  const slider = $("year");
  slider.min = first;
  slider.max = last;
  slider.disabled = false;
  const starts = data.relationships.map((r) => yearOf(r.interval.start)).filter(Boolean);
  setYear(Math.max(...starts));
}

export function resizeGraph() {
  if (cy) { cy.resize(); cy.fit(undefined, 40); }
}
