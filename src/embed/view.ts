// The embed's chrome around the store: a bar (file tabs, Run, Open in ksymns), the code, the
// verdict panes from the registry. The same view is mounted in embed.html and, for an element
// whose files it holds, in the element's shadow root in the host page (shadow.ts).

import { encodeLink, selectSnapshot, type PlaygroundStore } from "../store";
import { h, replaceChildren } from "../views/dom";
import { summaryPane } from "../views/summary";
import { problemsPane } from "../views/problems";
import { kernelPane } from "../views/kernel";
import { buildPane } from "../views/build";
import { modulesPane } from "../views/modules";
import type { EmbedFlags } from "./flags";
import { mountCode, type CodeView } from "./code";
import type { Place } from "./reopen";

/** The verdict's own tabs (the registry's VERDICT_TABS, imported one by one so that embed.js
 *  carries no other pane). */
const EMBED_TABS = [problemsPane, kernelPane, buildPane, modulesPane];

export interface EmbedView {
  /** Hides the "press Run" state once the engine starts. */
  started(): void;
  /** The code column. */
  code: CodeView;
}

/** Mounts the embed in `root` for `flags`; `base` is the ksymns site ("Open in ksymns"),
 *  `problem` a reason the workspace could not be read, `run` what the Run button starts,
 *  `editor` what the first click in the code loads, `onEdit` what it calls instead when the
 *  editor is elsewhere (neither: the code stays light), `reopen` how a Retry of the editor
 *  opens the page again (code.ts). */
export function mountEmbedView(
  root: HTMLElement,
  store: PlaygroundStore,
  o: {
    flags: EmbedFlags;
    base: URL;
    problem?: string;
    run(): void;
    editor?(slot: HTMLElement, store: PlaygroundStore): () => void;
    onEdit?(): void;
    reopen?(place: Place): Promise<void>;
  },
): EmbedView {
  const { flags } = o;
  root.dataset.view = flags.view;
  if (flags.readonly) root.dataset.readonly = "true";
  const tabs = h("div", { class: "embed-tabs", role: "tablist", "aria-label": "Files" });
  const runButton = h("button", { type: "button", class: "btn embed-run", hidden: flags.run !== "click", on: { click: o.run } }, "▶ Run");
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
  if (flags.run === "click") resultCol.classList.add("embed-idle");
  const notice = o.problem ? h("p", { class: "embed-problem", role: "alert" }, o.problem) : null;
  const body = h("div", { class: "embed-body" }, codeCol, resultCol);
  // without the toolbar, "Open in ksymns" sits in a line of its own under the verdict
  if (flags.toolbar) root.append(bar, ...(notice ? [notice] : []), body);
  else root.append(...(notice ? [notice] : []), body, bar);

  // file tabs follow the store (the same buttons while the names stay: a tab just clicked
  // keeps the focus); the code column is light until the first click (code.ts)
  const renderTabs = () => {
    const s = store.getState();
    const names = s.files.map((f) => f.name);
    const shown = [...tabs.children].map((b) => (b as HTMLElement).dataset.file);
    if (names.join("/") !== shown.join("/"))
      replaceChildren(
        tabs,
        ...names.map((name) =>
          h("button", { type: "button", role: "tab", class: "embed-tab", dataset: { file: name }, on: { click: () => store.getState().openFile(name) } }, name),
        ),
      );
    for (const b of tabs.children) b.setAttribute("aria-selected", String((b as HTMLElement).dataset.file === s.activeFile));
  };
  renderTabs();
  store.subscribe((s) => [s.activeFile, s.files] as const, renderTabs, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
  const code = mountCode(codeCol, store, {
    readonly: flags.readonly,
    lines: flags.lines,
    markedFile: flags.file ?? store.getState().activeFile,
    editor: o.editor,
    onEdit: o.onEdit,
    reopen: o.reopen,
  });

  // "Open in ksymns" always carries the current workspace
  let linkTimer: ReturnType<typeof setTimeout> | undefined;
  const renderLink = () => (openLink.href = new URL(`index.html#${encodeLink(selectSnapshot(store.getState()))}`, o.base).href);
  renderLink();
  store.subscribe(
    (s) => s.files,
    () => {
      clearTimeout(linkTimer);
      linkTimer = setTimeout(renderLink, 150);
    },
  );

  // the verdict: summary and result tabs, mounted as in the full page
  summaryPane.mount(summarySlot, store);
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

  return {
    code,
    started() {
      waiting.hidden = true;
      runButton.hidden = true;
      resultCol.classList.remove("embed-idle");
    },
  };
}
