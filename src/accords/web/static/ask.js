// Ask: a question box over GET /ask; shows the rows with their evidence and the SPARQL run.
import { el, getJSON, status, words } from "./api.js";

const $ = (id) => document.getElementById(id);

function evidenceCell(fact) {
  return el("td", { class: "ev" }, el("ul", {}, fact.evidence.map((e) => el("li", {},
    el("q", {}, e.text), " — ",
    e.url ? el("a", { href: e.url, rel: "noreferrer noopener", target: "_blank" }, e.title || e.document_id) : (e.title || e.document_id),
    e.published ? `, ${e.published}` : "",
    e.modality ? el("span", { class: `badge ${e.modality}` }, e.modality) : ""))));
}

function render(answer) {
  const box = $("answer");
  if (!answer.understood) {
    box.replaceChildren(el("p", { class: "not-understood", "data-understood": "false" }, el("strong", {}, "Not understood. "), answer.message));
    return;
  }
  const detailHead = answer.intent === "claims" ? "content" : answer.intent === "meetings" ? "place" : answer.intent === "entity" ? "role" : "basis";
  const table = answer.facts.length
    ? el("table", { class: "rows" },
      el("thead", {}, el("tr", {}, ["type", "actors", "date", detailHead, "evidence"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, answer.facts.map((f) => el("tr", {},
        el("td", {}, words(f.type)), el("td", {}, f.actors.join(", ")), el("td", {}, f.date || "–"),
        el("td", {}, f.detail || "–"), evidenceCell(f)))))
    : el("p", {}, "The graph holds nothing that answers this.");
  box.replaceChildren(
    el("p", { class: "message", "data-understood": "true" }, answer.message),
    table,
    el("details", {}, el("summary", {}, `The SPARQL it ran (named query “${answer.query}”)`), el("pre", {}, el("code", {}, answer.sparql))));
}

async function ask(question) {
  const button = $("ask-form").querySelector("button[type=submit]");
  button.disabled = true;
  status($("ask-status"), "Answering…", "busy");
  $("answer").replaceChildren();
  try {
    const answer = await getJSON(`/ask?q=${encodeURIComponent(question)}`);
    render(answer);
    status($("ask-status"), "");
  } catch (err) {
    status($("ask-status"), err.message, "error");
  } finally {
    button.disabled = false;
  }
}

export function initAsk() {
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = $("question").value.trim();
    if (!q) return status($("ask-status"), "Type a question first.", "error");
    ask(q);
  });
  for (const chip of document.querySelectorAll("#ask-form .chip")) {
    chip.addEventListener("click", () => { $("question").value = chip.textContent; ask(chip.textContent); });
  }
}
