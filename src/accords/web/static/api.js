// Talking to the accords server (same origin only) and shared page helpers.

export const ACC = "https://w3id.org/accords/ontology#";
export const ENTITY = "https://w3id.org/accords/id/entity/";
export const ALL_FROM = "0001-01-01";
export const ALL_TO = "9999-12-31";
export const ANTAGONISM = ["Rivalry", "Hostility", "Sanctions"];
export const TYPES = [
  ["Alliance", "#2e7d32"], ["StrategicPartnership", "#558b2f"], ["MilitaryCooperation", "#00695c"],
  ["SecurityCooperation", "#283593"], ["IntelligenceSharing", "#1565c0"], ["Backing", "#6a1b9a"],
  ["DiplomaticCoordination", "#00838f"],
  ["Rivalry", "#c62828"], ["Hostility", "#8e0000"], ["Sanctions", "#d84315"],
];
export const COLOUR = Object.fromEntries(TYPES);

export class RequestFailed extends Error {}

/** GET a JSON resource of this server; throws RequestFailed with the server's reason. */
export async function getJSON(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" } });
  } catch (err) {
    throw new RequestFailed(`The server did not answer (${path}): ${err.message}`);
  }
  if (!response.ok) {
    let reason = response.statusText;
    try {
      const body = await response.json();
      reason = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? body);
    } catch (_) { /* not JSON */ }
    throw new RequestFailed(`${path} failed (${response.status}): ${reason}`);
  }
  return response.json();
}

/** Rows of a SELECT on /sparql as {variable: value}. */
export async function sparqlRows(query) {
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
    body: query,
  });
  if (!response.ok) throw new RequestFailed(`/sparql failed (${response.status}): ${await response.text()}`);
  const data = await response.json();
  return data.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}

export const local = (iri) => (iri || "").split(/[#/]/).pop();
export const key = (iri) => (iri || "").startsWith(ENTITY) ? iri.slice(ENTITY.length) : iri;
export const year = (date) => (date ? parseInt(date.slice(0, 4), 10) : null);
/** "DiplomaticCoordination" -> "diplomatic coordination" */
export const words = (type) => (type || "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** Create an element: el("p", {class: "x"}, "text", child, ...). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A status line: busy (with a spinner), error, or plain text. */
export function status(node, text, kind = "") {
  node.textContent = text;
  node.className = "status" + (kind === "busy" ? " loading" : kind === "error" ? " error" : "");
  node.closest("section")?.setAttribute("aria-busy", kind === "busy" ? "true" : "false");
}

export function banner(text, kind = "error") {
  const node = document.getElementById("banner");
  node.textContent = text;
  node.className = "banner" + (kind === "info" ? " info" : "");
  node.hidden = !text;
}

/** Everything the views share, loaded once: all relationships and meetings. */
let everything = null;
export function loadEverything() {
  if (!everything) {
    everything = (async () => {
      const span = `from=${ALL_FROM}&to=${ALL_TO}&limit=500`;
      const [meetings, ...pages] = await Promise.all([
        getJSON(`/meetings?limit=500`),
        getJSON(`/alliances?${span}`),
        ...ANTAGONISM.map((t) => getJSON(`/alliances?${span}&type=${t}`)),
      ]);
      const relationships = pages.flatMap((p) => p.items);
      return { relationships, meetings: meetings.items, actors: actorsOf(relationships, meetings.items, []) };
    })();
    everything.catch(() => { everything = null; });
  }
  return everything;
}

/** All claims (a slower query, loaded once and only when a view needs them). */
let allClaims = null;
export function loadClaims() {
  if (!allClaims) {
    allClaims = getJSON(`/claims?limit=500`).then((page) => page.items);
    allClaims.catch(() => { allClaims = null; });
  }
  return allClaims;
}

function actorsOf(relationships, meetings, claims) {
  const actors = new Map();
  const add = (a) => { if (a && !actors.has(a.iri)) actors.set(a.iri, a.label || local(a.iri)); };
  relationships.forEach((r) => r.members.forEach(add));
  meetings.forEach((m) => m.participants.forEach(add));
  claims.forEach((c) => { add(c.claimant); c.about.forEach(add); });
  return actors;
}

/** The actors a claim involves (claimant and subjects), as IRIs. */
export const claimActors = (c) => [c.claimant?.iri, ...c.about.map((a) => a.iri)].filter(Boolean);
