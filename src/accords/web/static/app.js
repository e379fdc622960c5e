// The page: tabs (keyboard: arrows, Home, End) and each view started on first use.
import { initAsk } from "./ask.js";
import { openConsole } from "./console.js";
import { initExplorer, resizeGraph } from "./explorer.js";
import { initTimeline } from "./timeline.js";

const tabs = [...document.querySelectorAll("[role=tab]")];
const started = new Set();
const starters = { explorer: initExplorer, timeline: initTimeline, ask: initAsk, console: openConsole };

function select(tab, focus = true) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute("aria-selected", on ? "true" : "false");
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
  }
  if (focus) tab.focus();
  const name = tab.id.replace("tab-", "");
  if (!started.has(name)) {
    started.add(name);
    starters[name]();
  }
  if (name === "explorer") resizeGraph();
  history.replaceState(null, "", `#${name}`);
}

tabs.forEach((tab, i) => {
  tab.addEventListener("click", () => select(tab));
  tab.addEventListener("keydown", (e) => {
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length]);
  });
});

const wanted = tabs.find((t) => `#${t.id.replace("tab-", "")}` === location.hash) || tabs[0];
select(wanted, false);
