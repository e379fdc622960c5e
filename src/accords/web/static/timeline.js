// Timeline: one actor or a pair; relationships as bars over the years, meetings and claims as marks.
import { COLOUR, claimActors, el, loadClaims, loadEverything, status, words, year as yearOf } from "./api.js";
import { showClaim, showMeeting, showRelationship, intervalText } from "./evidence.js";

const $ = (id) => document.getElementById(id);
const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** A focusable, clickable group: Enter or Space opens it like a click. */
function hit(label, open, ...shapes) {
  const g = svg("g", { class: "tl-hit", tabindex: "0", role: "button", "aria-label": label }, svg("title", {}, label), ...shapes);
  g.addEventListener("click", open);
  g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
  return g;
}

const dayOf = (date) => {
  const [y, m, d] = date.split("-").map(Number);
  return y + ((m || 1) - 1) / 12 + ((d || 1) - 1) / 365;
};

function draw(actorIris, data) {
  const involves = (iris) => actorIris.every((a) => iris.includes(a));
  const rels = data.relationships.filter((r) => involves(r.members.map((m) => m.iri)));
  const meetings = data.meetings.filter((m) => involves(m.participants.map((p) => p.iri)));
  const claims = data.claims.filter((c) => involves(claimActors(c)));
  const datedMeetings = meetings.filter((m) => m.date);
  const datedClaims = claims.filter((c) => c.stated_on);
  const years = [
    ...rels.flatMap((r) => [yearOf(r.interval.start || r.evidence[0]?.observed_from), r.interval.end && yearOf(r.interval.end) < 9999 ? yearOf(r.interval.end) : null]),
    ...datedMeetings.map((m) => yearOf(m.date)), ...datedClaims.map((c) => yearOf(c.stated_on)),
  ].filter(Boolean);
  const box = $("timeline");
  if (!years.length && !meetings.length && !claims.length) {
    box.replaceChildren(el("p", {}, "Nothing is known about them together."));
    return;
  }
  const now = new Date().getFullYear();
  const first = years.length ? Math.min(...years) : now;
  const last = (years.length ? Math.max(...years) : now) + 1;
  const lo = Math.min(first, last - 2);
  const W = 1000, left = 210, right = 30, rowH = 30, top = 34;
  const x = (v) => left + ((v - lo) / (last + 1 - lo)) * (W - left - right);
  const rows = rels.length + 2;
  const H = top + rows * rowH + 20;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": "Timeline" });
  for (let y = lo; y <= last + 1; y++) {
    root.append(svg("line", { x1: x(y), x2: x(y), y1: top - 8, y2: H - 10, stroke: "#d5d8dd" }));
    if (y <= last) root.append(svg("text", { x: x(y) + 3, y: top - 14, "font-size": 12, fill: "#4a4a4a" }, y));
  }
  rels.forEach((r, i) => {
    const y0 = top + i * rowH;
    const start = r.interval.start || r.evidence[0]?.observed_from;
    const open = !r.interval.end || yearOf(r.interval.end) >= 9999;
    const x0 = start ? x(dayOf(start)) : left;
    const x1 = open ? W - right : Math.max(x(dayOf(r.interval.end)), x0 + 6);
    const colour = COLOUR[r.type] || "#555";
    const others = r.members.filter((m) => !actorIris.includes(m.iri)).map((m) => m.label).join(", ");
    const name = `${words(r.type)}${others ? ` with ${others}` : ""}`;
    root.append(svg("text", { x: 6, y: y0 + 18, "font-size": 12.5, fill: "#1a1a1a" }, name.length > 30 ? name.slice(0, 29) + "…" : name));
    const shapes = [svg("rect", { class: "tl-shape", x: x0, y: y0 + 6, width: x1 - x0, height: 16, rx: 3, fill: colour, "fill-opacity": open ? 0.55 : 0.9, stroke: colour })];
    if (open) {
      shapes.push(svg("path", { d: `M${x1 - 14},${y0 + 2} L${x1},${y0 + 14} L${x1 - 14},${y0 + 26}`, fill: "none", stroke: colour, "stroke-width": 3 }));
      shapes.push(svg("rect", { x: x1 - 40, y: y0 + 6, width: 26, height: 16, fill: "#fff", "fill-opacity": 0.6 }));
    }
    root.append(hit(`${name}: ${intervalText(r.interval)}${open ? " (open end)" : ""}`, () => showRelationship(r), ...shapes));
  });
  const my = top + rels.length * rowH;
  root.append(svg("text", { x: 6, y: my + 18, "font-size": 12.5, fill: "#1a1a1a" }, `meetings (${datedMeetings.length})`));
  for (const m of datedMeetings) {
    root.append(hit(`${words(m.type)} ${m.date}: ${m.participants.map((p) => p.label).join(", ")}`, () => showMeeting(m),
      svg("circle", { class: "tl-shape", cx: x(dayOf(m.date)), cy: my + 14, r: 7, fill: "#14213d", stroke: "#fff", "stroke-width": 1.5 })));
  }
  const cyy = my + rowH;
  root.append(svg("text", { x: 6, y: cyy + 18, "font-size": 12.5, fill: "#1a1a1a" }, `claims (${datedClaims.length})`));
  for (const c of datedClaims) {
    const cx = x(dayOf(c.stated_on));
    const denial = c.type === "Denial";
    root.append(hit(`${words(c.type)} by ${c.claimant?.label || "someone"} ${c.stated_on}`, () => showClaim(c),
      svg("path", { class: "tl-shape", d: `M${cx},${cyy + 5} L${cx + 8},${cyy + 14} L${cx},${cyy + 23} L${cx - 8},${cyy + 14} Z`,
        fill: denial ? "#b3261e" : "#a66300", stroke: "#fff", "stroke-width": 1.5 })));
  }
  const undated = [...meetings.filter((m) => !m.date), ...claims.filter((c) => !c.stated_on)];
  box.replaceChildren(root,
    el("p", { class: "hint" }, "Bars: relationships (an arrow and a lighter bar: no end reported). Circles: meetings. Diamonds: claims (red: denials). Select a mark, or Tab to it and press Enter, for its evidence."),
    undated.length ? el("div", { class: "undated" }, el("h3", {}, `Undated (${undated.length})`),
      el("ul", {}, undated.map((f) => el("li", {}, el("button", { class: "btn", type: "button", onclick: () => (f.participants ? showMeeting(f) : showClaim(f)) },
        f.participants ? `${words(f.type)}: ${f.participants.map((p) => p.label).join(", ")}` : `${words(f.type)} by ${f.claimant?.label || "someone"}: ${(f.content || "").slice(0, 80)}`))))) : "");
}

export async function initTimeline() {
  const form = $("timeline-form");
  status($("timeline-status"), "Loading the actors…", "busy");
  let data;
  try {
    const [base, claims] = await Promise.all([loadEverything(), loadClaims()]);
    data = { ...base, claims };
    claims.forEach((c) => [c.claimant, ...c.about].forEach((a) => { if (a && !data.actors.has(a.iri)) data.actors.set(a.iri, a.label || a.iri); }));
  } catch (err) {
    status($("timeline-status"), err.message, "error");
    return;
  }
  const actors = [...data.actors].sort((a, b) => a[1].localeCompare(b[1]));
  for (const id of ["tl-a", "tl-b"]) actors.forEach(([iri, label]) => $(id).append(el("option", { value: iri }, label)));
  status($("timeline-status"), actors.length ? "Choose an actor (and optionally a second one)." : "The store is empty: no actors to show.");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const chosen = [$("tl-a").value, $("tl-b").value].filter(Boolean);
    if (!chosen.length) return status($("timeline-status"), "Choose an actor first.", "error");
    status($("timeline-status"), `Timeline of ${chosen.map((c) => data.actors.get(c)).join(" and ")}`);
    draw([...new Set(chosen)], data);
  });
}

export function showTimelineOf(iri) {
  $("tl-a").value = iri;
  $("timeline-form").requestSubmit();
}
