// The embed page (embed.html): the playground's store and panes with minimal chrome, driven
// by URL flags (flags.ts). Light first: highlighted code and the engine's verdict without
// Monaco, which loads on the first click or focus in the code (never when read-only).

import { startEngine } from "../app/startengine";
import { createPlaygroundStore, decodeLink, defaultSnapshot, encodeLink, isLinkHash, selectSnapshot, type Snapshot } from "../store";
import { PANES, VERDICT_TABS, h, replaceChildren } from "../views";
import { connectTheme } from "../app/theme";
import { registerOffline } from "../app/offline";
import { parseFlags } from "./flags";
import { mountCode } from "./code";
import { lightClient, type ProfileMode } from "./light";
import { connectHost } from "./frame";
import "../app/app.css";
import "./embed.css";

const flags = parseFlags(location.search);
const base = new URL("./", document.baseURI);
const offline = registerOffline(base);

async function opening(): Promise<{ snapshot: Snapshot; problem?: string }> {
  if (isLinkHash(location.hash)) {
    try {
      return { snapshot: decodeLink(location.hash) };
    } catch (err) {
      return { snapshot: defaultSnapshot(), problem: (err as Error).message };
    }
  }
  if (flags.preset) {
    try {
      const { loadPreset } = await import("../presets/browser");
      const { files } = await loadPreset(flags.preset);
      const list = Object.entries(files).map(([name, content]) => ({ name, content }));
      return { snapshot: { files: list, profile: true, relaxed: true, view: { file: list.find((f) => f.name.endsWith(".c"))?.name ?? list[0]?.name } } };
    } catch (err) {
      return { snapshot: defaultSnapshot(), problem: (err as Error).message };
    }
  }
  return { snapshot: defaultSnapshot() };
}

const { snapshot, problem } = await opening();
const store = createPlaygroundStore(snapshot);
if (flags.file) store.getState().openFile(flags.file);
if (flags.kernel) store.getState().setKernel(flags.kernel);
store.setState({ theme: flags.theme === "auto" ? "system" : flags.theme, editorKind: "monaco" });
connectTheme(store, { setItem() {} });
let profileMode: ProfileMode = flags.profile;
if (!snapshot.profile) profileMode = "off";

// the chrome: a bar (file tabs, Run, Open in ksymns), the code, the verdict
const root = document.getElementById("embed")!;
root.dataset.view = flags.view;
if (flags.readonly) root.dataset.readonly = "true";
const tabs = h("div", { class: "embed-tabs", role: "tablist", "aria-label": "Files" });
const runButton = h("button", { type: "button", class: "btn embed-run", hidden: flags.run !== "click" }, "▶ Run");
const openLink = h("a", { class: "embed-open", target: "_blank", rel: "noopener", title: "Open this workspace in the full playground" }, "Open in ksymns ↗");
const kernelNote = h("span", { class: "embed-kernel", title: "The release the verdict is for, and whether a real Debian kernel's export table was loaded" });
const bar = h("div", { class: "embed-bar" }, tabs, h("span", { class: "embed-spacer" }), kernelNote, runButton, openLink);
if (flags.view === "result") tabs.hidden = true;
if (!flags.toolbar) {
  bar.classList.add("embed-bar-min");
  tabs.hidden = true;
}
const codeCol = h("section", { class: "embed-code", hidden: flags.view === "result" });
const summarySlot = h("div", { class: "summary-slot" });
const tablist = h("div", { class: "result-tabs", role: "tablist", "aria-label": "Verdict" });
const panels = h("div", { class: "result-panels" });
const waiting = h("p", { class: "embed-waiting", hidden: flags.run !== "click" }, "Press Run to see what modpost and the loader say.");
const resultCol = h("section", { class: "embed-result", hidden: flags.view === "code" }, waiting, summarySlot, tablist, panels);
const notice = problem ? h("p", { class: "embed-problem", role: "alert" }, problem) : null;
const body = h("div", { class: "embed-body" }, codeCol, resultCol);
// without the toolbar, "Open in ksymns" sits in a line of its own under the verdict
if (flags.toolbar) root.append(bar, ...(notice ? [notice] : []), body);
else root.append(...(notice ? [notice] : []), body, bar);

// file tabs follow the store; the code column is light until the first click (code.ts)
const renderTabs = () => {
  const s = store.getState();
  replaceChildren(
    tabs,
    ...s.files.map((f) =>
      h(
        "button",
        {
          type: "button",
          role: "tab",
          class: "embed-tab",
          "aria-selected": String(f.name === s.activeFile),
          dataset: { file: f.name },
          on: { click: () => store.getState().openFile(f.name) },
        },
        f.name,
      ),
    ),
  );
};
renderTabs();
store.subscribe((s) => [s.activeFile, s.files] as const, renderTabs, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
mountCode(codeCol, store, { readonly: flags.readonly, lines: flags.lines, markedFile: flags.file ?? store.getState().activeFile });

// "Open in ksymns" always carries the current workspace
let linkTimer: ReturnType<typeof setTimeout> | undefined;
const renderLink = () => (openLink.href = new URL(`index.html#${encodeLink(selectSnapshot(store.getState()))}`, base).href);
renderLink();
store.subscribe(
  (s) => s.files,
  () => {
    clearTimeout(linkTimer);
    linkTimer = setTimeout(renderLink, 150);
  },
);

// the verdict: summary and result tabs, mounted from the registry as in the full page
PANES.summary.mount(summarySlot, store);
// the verdict's own tabs only: the full page's other panes (comparisons, graphs) stay there
const EMBED_TABS = VERDICT_TABS;
const tabButtons = EMBED_TABS.map((pane) => {
  const panel = h("div", { class: "result-panel", role: "tabpanel", dataset: { pane: pane.id } });
  panels.append(panel);
  pane.mount(panel, store);
  const tab = h("button", { type: "button", role: "tab", dataset: { tab: pane.id }, on: { click: () => store.getState().setTab(pane.id) } }, pane.title);
  tablist.append(tab);
  return { pane, tab, panel };
});
const renderResultTabs = () => {
  const current = EMBED_TABS.some((p) => p.id === store.getState().tab) ? store.getState().tab : "problems";
  for (const t of tabButtons) {
    t.tab.setAttribute("aria-selected", String(t.pane.id === current));
    t.panel.hidden = t.pane.id !== current;
  }
};
renderResultTabs();
store.subscribe((s) => s.tab, renderResultTabs);
store.subscribe(
  (s) => s.result,
  (r) => (kernelNote.textContent = r && r.kernel.version ? `Linux ${r.kernel.version}${r.kernel.profile ? "" : " · workspace only"}` : ""),
);

// the engine: on load, or on the first Run
let started = false;
function start(): void {
  if (started) return;
  started = true;
  waiting.hidden = true;
  runButton.hidden = true;
  resultCol.classList.remove("embed-idle");
  startEngine(store, base, {
    wrap: (client) => lightClient(client, () => profileMode),
    onReady: () => void offline.cacheLoaded(),
    shared: { onResources: (urls) => void offline.cache(urls) },
  });
}
if (flags.run === "click") {
  resultCol.classList.add("embed-idle");
  runButton.addEventListener("click", start);
  document.body.dataset.ready = "idle";
  void offline.cacheLoaded();
}

connectHost(store, flags.origins, root, {
  readonly: flags.readonly,
  run: start,
  setProfile(on) {
    profileMode = on ? "on" : "off";
    store.getState().setProfile(on);
  },
});
if (flags.run === "load") start();

// for the browser tests
(window as unknown as { ksymns: unknown }).ksymns = { store, flags };
