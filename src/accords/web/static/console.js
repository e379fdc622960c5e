// Query console: YASGUI (loaded on first use) against this server's /sparql, with the
// named queries as example tabs. Nothing leaves the server: the remote autocompleters
// (Linked Open Vocabularies) are switched off and the prefix list is the bundled one.
import { getJSON, status } from "./api.js";

const $ = (id) => document.getElementById(id);
let started = null;

function load(tag, attrs) {
  return new Promise((resolve, reject) => {
    const node = Object.assign(document.createElement(tag), attrs);
    node.onload = resolve;
    node.onerror = () => reject(new Error(`could not load ${attrs.src || attrs.href}`));
    document.head.append(node);
  });
}

async function start() {
  status($("console-status"), "Loading the query console…", "busy");
  await Promise.all([
    load("link", { rel: "stylesheet", href: "/static/vendor/yasgui.min.css" }),
    load("script", { src: "/static/vendor/yasgui.min.js" }),
  ]);
  const examples = await getJSON("/web/examples");
  const Yasgui = window.Yasgui;
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  const endpoint = `${location.origin}/sparql`;
  const yasgui = new Yasgui($("yasgui"), {
    requestConfig: { endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
    persistenceId: null,
    populateFromUrl: false,
    autoAddOnInit: false,
    yasqe: { autocompleters: ["prefixes", "variables"] },
  });
  examples.forEach((q, i) => {
    yasgui.addTab(i === 0, { name: q.name, yasqe: { value: q.sparql }, requestConfig: { endpoint, method: "POST" } });
  });
  window.accords = Object.assign(window.accords || {}, { yasgui });
  status($("console-status"), `${examples.length} named queries loaded as examples. Run one with the ▶ button or Ctrl+Enter.`);
}

export function openConsole() {
  if (!started) {
    started = start().catch((err) => {
      started = null;
      status($("console-status"), `The console could not start: ${err.message}`, "error");
    });
  }
  return started;
}
