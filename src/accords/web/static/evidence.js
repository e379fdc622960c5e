// The evidence panel: a relationship, meeting, claim or actor with every source sentence.
import { claimActors, el, getJSON, local, loadClaims, loadEverything, sparqlRows, words, COLOUR } from "./api.js";

const panel = () => document.getElementById("evidence");
let opener = null;

export function closeEvidence() {
  panel().hidden = true;
  if (opener && document.contains(opener)) opener.focus();
}

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !panel().hidden) closeEvidence();
});
document.getElementById("ev-close").addEventListener("click", closeEvidence);

function show(title, ...content) {
  const body = document.getElementById("ev-body");
  opener = document.activeElement;
  document.getElementById("ev-title").textContent = title;
  body.replaceChildren(...content);
  panel().hidden = false;
  panel().focus();
}

const facts = (pairs) => el("dl", { class: "facts" }, pairs.filter(([, v]) => v).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));

function when(date, precision) {
  if (!date) return null;
  if (precision === "year") return date.slice(0, 4);
  if (precision === "month") return date.slice(0, 7);
  return date;
}

export function intervalText(interval) {
  const start = when(interval.start, interval.start_precision) || "unknown start";
  const end = when(interval.end, interval.end_precision) || "no end reported";
  return `${start} – ${end}`;
}

/** The sentence with the matched span (the trigger word) marked. */
function highlighted(text, trigger) {
  const at = trigger ? text.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
  if (at < 0) return [el("mark", { title: "source sentence" }, text)];
  return [text.slice(0, at), el("mark", { title: "matched words" }, text.slice(at, at + trigger.length)), text.slice(at + trigger.length)];
}

async function triggers(evidence) {
  const iris = evidence.map((e) => e.iri).filter((i) => i.startsWith("http"));
  if (!iris.length) return {};
  try {
    const rows = await sparqlRows(`SELECT ?e ?t WHERE { VALUES ?e { ${iris.map((i) => `<${i}>`).join(" ")} } ?e <https://w3id.org/accords/ontology#trigger> ?t }`);
    return Object.fromEntries(rows.map((r) => [r.e, r.t]));
  } catch (_) {
    return {}; // the sentence is still shown, marked as a whole
  }
}

async function context(ev, button) {
  button.disabled = true;
  button.textContent = "Loading the document…";
  try {
    const doc = await getJSON(`/documents/${ev.document.id}`);
    const at = doc.sentences.findIndex((s) => s.iri === ev.sentence);
    const near = doc.sentences.slice(Math.max(0, at - 2), at + 3);
    button.replaceWith(el("div", { class: "ctx", "aria-label": "The sentence in its document" },
      near.map((s) => el("p", { class: s.iri === ev.sentence ? "here" : "" }, s.text))));
  } catch (err) {
    button.textContent = `Could not load the document: ${err.message}`;
  }
}

function evidenceList(evidence, trig) {
  if (!evidence.length) return el("p", {}, "No source sentence.");
  return el("ul", { class: "ev-list" }, evidence.map((ev) => {
    const doc = ev.document;
    const title = doc.title || doc.id;
    const more = el("button", { class: "btn", type: "button" }, "Show in the document");
    more.addEventListener("click", () => context(ev, more));
    return el("li", { class: "ev-item" },
      el("blockquote", {}, highlighted(ev.sentence_text, trig[ev.iri])),
      el("div", { class: "src" },
        ev.modality ? el("span", { class: `badge ${ev.modality}` }, ev.modality) : null,
        doc.url ? el("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank" }, title) : title,
        doc.published ? ` · ${doc.published}` : "",
        ev.observed_from ? ` · speaks of ${ev.observed_from === ev.observed_until ? ev.observed_from : `${ev.observed_from} – ${ev.observed_until}`}` : ""),
      more);
  }));
}

function claimItem(c) {
  return el("div", { class: `claim ${c.type}` },
    el("span", { class: `badge ${c.type}` }, words(c.type)),
    el("strong", {}, c.claimant?.label || "someone"),
    c.about.length ? ` about ${c.about.map((a) => a.label).join(", ")}` : "",
    c.stated_on ? ` (${c.stated_on})` : " (date unknown)",
    c.content ? el("blockquote", {}, `“${c.content}”`) : null,
    c.disputes ? el("div", { class: "src" }, "disputes another claim") : null,
    evidenceList(c.evidence, {}));
}

async function withTriggers(evidence) {
  return evidenceList(evidence, await triggers(evidence));
}

/** Claims whose claimant and subjects cover at least two of the members (or all of them). */
function claimsAbout(members, claims) {
  const need = Math.min(2, members.length);
  return claims.filter((c) => {
    const who = claimActors(c);
    return members.filter((m) => who.includes(m)).length >= need;
  });
}

export async function showRelationship(rel, basisNote) {
  const members = rel.members.map((m) => m.label || local(m.iri));
  const list = el("p", { class: "status loading" }, "Loading the evidence…");
  const claimBox = el("div", {}, el("p", { class: "status loading" }, "Loading the claims…"));
  show(words(rel.type).replace(/^./, (c) => c.toUpperCase()),
    el("span", { class: "swatch", style: `background:${COLOUR[rel.type] || "#555"}` }),
    facts([["type", rel.type], ["members", members.join(", ")], ["interval", intervalText(rel.interval)],
      ["basis", basisNote || rel.basis], ["sources", `${rel.evidence.length} sentence(s)`]]),
    el("h3", {}, "Supporting sentences"), list,
    el("h3", {}, "Claims about it (denials included)"), claimBox);
  list.replaceWith(await withTriggers(rel.evidence));
  try {
    const claims = await loadClaims();
    const about = claimsAbout(rel.members.map((m) => m.iri), claims);
    claimBox.replaceChildren(...(about.length ? about.map(claimItem) : [el("p", {}, "No claim names these members together.")]));
  } catch (err) {
    claimBox.replaceChildren(el("p", { class: "status error" }, err.message));
  }
}

export async function showMeeting(m) {
  const list = el("p", { class: "status loading" }, "Loading the evidence…");
  show(`${words(m.type)} (${m.status || "status unknown"})`.replace(/^./, (c) => c.toUpperCase()),
    facts([["type", m.type], ["participants", m.participants.map((p) => p.label).join(", ")],
      ["date", m.date ? (m.date_latest && m.date_latest !== m.date ? `${m.date} – ${m.date_latest}` : m.date) : "unknown"],
      ["place", m.place_name || m.place?.label], ["topic", m.topic]]),
    el("h3", {}, "Sources"), list);
  list.replaceWith(await withTriggers(m.evidence));
}

export function showClaim(c) {
  show(`${words(c.type)} by ${c.claimant?.label || "someone"}`.replace(/^./, (x) => x.toUpperCase()), claimItem(c));
}

export async function showActor(iri, label, year, relationships) {
  const [{ meetings }, claims] = await Promise.all([loadEverything(), loadClaims()]);
  const rels = relationships.filter((r) => r.members.some((m) => m.iri === iri));
  const met = meetings.filter((m) => m.participants.some((p) => p.iri === iri));
  const said = claims.filter((c) => claimActors(c).includes(iri));
  const relItem = (r) => el("li", {}, el("button", { class: "btn", type: "button", onclick: () => showRelationship(r) },
    `${words(r.type)} with ${r.members.filter((m) => m.iri !== iri).map((m) => m.label).join(", ")}`));
  show(label,
    facts([["entity", iri], ["relationships", `${rels.length} in ${year}`], ["meetings", `${met.length} (all years)`], ["claims", `${said.length} by or about (all years)`]]),
    el("h3", {}, `Relationships in ${year}`), rels.length ? el("ul", {}, rels.map(relItem)) : el("p", {}, "None."),
    el("h3", {}, "Meetings"), met.length ? el("ul", {}, met.map((m) => el("li", {}, el("button", { class: "btn", type: "button", onclick: () => showMeeting(m) },
      `${words(m.type)} ${m.date || "(date unknown)"} with ${m.participants.filter((p) => p.iri !== iri).map((p) => p.label).join(", ")}`)))) : el("p", {}, "None."),
    el("h3", {}, "Claims by or about"), said.length ? said.map(claimItem) : el("p", {}, "None."));
}
