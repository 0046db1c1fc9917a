// The playground page: header with the page's commands, the kernel bar, the file tabs and
// editor beside the verdict (summary and result tabs), a draggable splitter between them.
// The panes come from the registry; this file is only the chrome around them.

import { PANES, RESULT_TABS, h, icon, markScrollable, type Pane } from "../views";
import type { PlaygroundStore, Theme } from "../store";
import { copyLink, downloadWorkspace, pickFiles, resetWorkspace } from "./commands";
import { openHistory } from "./history";
import { mountNotice } from "./notice";
import { helpDialog } from "./dialogs";
import { embedDialog } from "./embeddialog";
import { pastePatchDialog } from "./patch";
import type { Keeper } from "../store";

const LAYOUT_KEY = "ksymns:layout";
const THEMES: Theme[] = ["system", "light", "dark"];

function mountPane(pane: Pane, container: HTMLElement, store: PlaygroundStore): () => void {
  container.dataset.pane = pane.id;
  return pane.mount(container, store);
}

/** Builds the page in `root`; returns the dispose function. */
export function mountLayout(root: HTMLElement, store: PlaygroundStore, keeper: Keeper): () => void {
  const storage = keeper.storage;
  const button = (label: string, iconName: Parameters<typeof icon>[0], run: () => void, extra: Record<string, string> = {}) =>
    h(
      "button",
      { type: "button", class: "tool", title: label, "aria-label": label, on: { click: run }, ...extra },
      icon(iconName),
      h("span", { class: "tool-label" }, label.split(" (")[0]),
    );

  // Open: files at once from the button; a folder or a pasted patch from its menu
  const openGroup = () => {
    const menu = h("div", { class: "menu", role: "menu", hidden: true });
    const more = h(
      "button",
      {
        type: "button",
        class: "tool tool-more",
        id: "open-more",
        title: "More ways to open",
        "aria-label": "More ways to open",
        "aria-haspopup": "menu",
        "aria-expanded": "false",
      },
      icon("chevron"),
    );
    const close = () => ((menu.hidden = true), more.setAttribute("aria-expanded", "false"));
    const item = (label: string, run: () => void, id: string) =>
      h("button", { type: "button", role: "menuitem", id, on: { click: () => (close(), run()) } }, label);
    menu.append(
      item("Files or a .zip…", () => pickFiles(store, keeper), "open-files"),
      item("A folder…", () => pickFiles(store, keeper, true), "open-folder"),
      item("Paste a patch…", () => pastePatchDialog(store, keeper), "paste-patch"),
    );
    more.addEventListener("click", () => {
      const open = menu.hidden;
      menu.hidden = !open;
      more.setAttribute("aria-expanded", String(open));
      if (open) (menu.querySelector("button") as HTMLElement).focus();
    });
    menu.addEventListener("keydown", (e) => e.key === "Escape" && (close(), more.focus()));
    document.addEventListener("pointerdown", (e) => !group.contains(e.target as Node) && close());
    const group = h(
      "span",
      { class: "tool-group" },
      button("Open files", "open", () => pickFiles(store, keeper), { id: "open" }),
      more,
      menu,
    );
    return group;
  };

  const themeButton = button("Theme", "system", () => {
    const t = store.getState().theme;
    store.getState().setTheme(THEMES[(THEMES.indexOf(t) + 1) % THEMES.length]);
  });
  themeButton.id = "theme";
  const editorToggle = button("Plain editor", "file", () => store.getState().setEditorKind(store.getState().editorKind === "plain" ? "monaco" : "plain"), {
    id: "editor-kind",
  });
  editorToggle.classList.add("narrow-only");

  const header = h(
    "header",
    { class: "topbar" },
    h(
      "div",
      { class: "brand" },
      h("span", { class: "logo", "aria-hidden": "true" }, "ks"),
      h("div", null, h("h1", null, "ksymns"), h("p", { class: "tagline" }, "kernel symbol namespaces · modpost and the module loader, live")),
    ),
    h(
      "nav",
      { class: "tools", "aria-label": "Workspace" },
      button("Copy link (Ctrl+S)", "link", () => void copyLink(store), { id: "copy-link" }),
      button("Embed", "terminal", () => embedDialog(store), { id: "embed" }),
      button("Examples", "file", () => store.getState().setGalleryOpen(true), { id: "examples" }),
      button("Download .zip", "download", () => downloadWorkspace(store), { id: "download" }),
      openGroup(),
      button("History (replaced workspaces)", "history", () => openHistory(store, keeper), { id: "history" }),
      button("Reset", "reset", () => void resetWorkspace(store, keeper), { id: "reset" }),
      editorToggle,
      themeButton,
      button("Keyboard shortcuts (?)", "help", () => store.getState().setHelpOpen(true), { id: "help" }),
    ),
  );
  const kernelBar = h("div", { class: "kernelbar" });
  const noticeSlot = h("div", { class: "notice-slot" });
  const storySlot = h("div", { class: "story-slot" });
  const gallerySlot = h("div", { class: "gallery-slot" });
  const filesSlot = h("div", { class: "files-slot" });
  const editorSlot = h("div", { class: "editor-slot" });
  const summarySlot = h("div", { class: "summary-slot" });
  const tablist = h("div", { class: "result-tabs", role: "tablist", "aria-label": "Verdict" });
  const panels = h("div", { class: "result-panels" });
  const splitter = h("div", {
    class: "splitter",
    role: "separator",
    tabindex: "0",
    "aria-orientation": "vertical",
    "aria-label": "Resize the editor and the verdict",
    title: "Drag to resize",
  });
  const workbench = h(
    "main",
    { class: "workbench" },
    h("section", { class: "editor-col", "aria-label": "Workspace files" }, storySlot, filesSlot, editorSlot),
    splitter,
    h("section", { class: "results-col", "aria-label": "What modpost and the kernel say" }, summarySlot, tablist, panels),
  );
  const dropHint = h("div", { class: "drop-hint", "aria-hidden": "true" }, h("div", null, icon("open"), "Drop files, a folder or a .zip to open them"));
  root.append(header, kernelBar, noticeSlot, workbench, dropHint, gallerySlot);

  const disposers = [
    mountPane(PANES.settings, kernelBar, store),
    mountNotice(noticeSlot, store),
    mountPane(PANES.files, filesSlot, store),
    mountPane(PANES.editor, editorSlot, store),
    mountPane(PANES.summary, summarySlot, store),
    mountPane(PANES.story, storySlot, store),
    mountPane(PANES.gallery, gallerySlot, store),
  ];

  // result tabs: one tab and panel per result pane
  const tabButtons = RESULT_TABS.map((pane) => {
    const panel = h("div", { class: "result-panel", role: "tabpanel", id: `panel-${pane.id}`, "aria-labelledby": `tab-${pane.id}`, tabindex: "0" });
    panels.append(panel);
    disposers.push(mountPane(pane, panel, store));
    const count = h("span", { class: "tab-count" });
    const tab = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${pane.id}`,
        "aria-controls": `panel-${pane.id}`,
        dataset: { tab: pane.id },
        on: { click: () => store.getState().setTab(pane.id) },
      },
      pane.title,
      count,
    );
    tablist.append(tab);
    return { pane, tab, panel, count };
  });
  tablist.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const ids = RESULT_TABS.map((p) => p.id);
    const i = ids.indexOf(store.getState().tab);
    const next = ids[(i + (e.key === "ArrowLeft" ? -1 : 1) + ids.length) % ids.length];
    store.getState().setTab(next);
    tabButtons.find((t) => t.pane.id === next)?.tab.focus();
  });
  const renderTabs = () => {
    const s = store.getState();
    const current = RESULT_TABS.some((p) => p.id === s.tab) ? s.tab : "problems";
    for (const t of tabButtons) {
      const on = t.pane.id === current;
      t.tab.setAttribute("aria-selected", String(on));
      t.tab.tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
      const badge = t.pane.badge?.(s) ?? null;
      t.count.textContent = badge ? String(badge.count) : "";
      t.count.className = `tab-count ${badge?.tone ?? ""}`;
    }
  };
  renderTabs();
  disposers.push(markScrollable(tablist));
  for (const strip of kernelBar.querySelectorAll<HTMLElement>(".switches")) disposers.push(markScrollable(strip));
  disposers.push(store.subscribe((s) => [s.tab, s.result] as const, renderTabs, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] }));

  // theme button label and the narrow editor toggle follow the store
  const renderToggles = () => {
    const s = store.getState();
    const t = s.theme;
    themeButton.replaceChildren(icon(t === "light" ? "sun" : t === "dark" ? "moon" : "system"), h("span", { class: "tool-label" }, `Theme: ${t}`));
    themeButton.title = themeButton.ariaLabel = `Theme: ${t} (click to change)`;
    const plain = s.editorKind === "plain";
    editorToggle.querySelector(".tool-label")!.textContent = plain ? "Rich editor" : "Plain editor";
    editorToggle.ariaLabel = editorToggle.title = plain ? "Use the rich editor (Monaco)" : "Use the plain editor";
  };
  renderToggles();
  disposers.push(store.subscribe((s) => [s.theme, s.editorKind] as const, renderToggles, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] }));

  // help overlay
  let help: HTMLDialogElement | null = null;
  disposers.push(
    store.subscribe(
      (s) => s.helpOpen,
      (open) => {
        if (open && !help) help = helpDialog(() => ((help = null), store.getState().setHelpOpen(false)));
        else if (!open && help) help.close();
      },
    ),
  );

  // the splitter: drag or arrow keys; the width is kept per browser
  const saved = Number(storage.getItem(LAYOUT_KEY));
  const setWidth = (px: number) => {
    const w = Math.max(280, Math.min(px, workbench.clientWidth - 320));
    workbench.style.setProperty("--results-width", `${w}px`);
    splitter.setAttribute("aria-valuenow", String(Math.round(w)));
    return w;
  };
  if (saved > 0) setWidth(saved);
  const persistWidth = () => {
    try {
      storage.setItem(LAYOUT_KEY, String(parseInt(workbench.style.getPropertyValue("--results-width")) || ""));
    } catch {
      // a refused width costs nothing but the width after a reload
    }
  };
  splitter.addEventListener("pointerdown", (e) => {
    splitter.setPointerCapture(e.pointerId);
    root.classList.add("resizing");
    const move = (ev: PointerEvent) => setWidth(workbench.getBoundingClientRect().right - ev.clientX);
    const up = () => {
      splitter.removeEventListener("pointermove", move);
      splitter.removeEventListener("pointerup", up);
      root.classList.remove("resizing");
      persistWidth();
    };
    splitter.addEventListener("pointermove", move);
    splitter.addEventListener("pointerup", up);
  });
  splitter.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const now = parseInt(workbench.style.getPropertyValue("--results-width")) || workbench.querySelector(".results-col")!.clientWidth;
    setWidth(now + (e.key === "ArrowLeft" ? 32 : -32));
    persistWidth();
  });

  return () => {
    for (const d of disposers.reverse()) d();
    root.replaceChildren();
  };
}
