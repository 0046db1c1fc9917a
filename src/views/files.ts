// The file tabs: every workspace file, with its problem count; add, rename (double-click or
// F2), delete (with undo), reorder (drag, or Ctrl+Shift+←/→).

import type { Pane } from "./pane";
import { counted, h, icon, markScrollable, onNextFrame, replaceChildren } from "./dom";
import { selectFileNames, selectFindings, type PlaygroundState, type PlaygroundStore } from "../store";

const KINDS: { name: string; label: string }[] = [
  { name: "Kbuild", label: "Kbuild (which files are modules)" },
  { name: "Module.symvers", label: "Module.symvers (an export table)" },
  { name: ".config", label: ".config (kernel configuration)" },
  { name: "load", label: "load (the commands to run)" },
];

function kindOf(name: string): string {
  if (name.endsWith(".c")) return "c";
  if (name.endsWith(".ko")) return "ko";
  return name.replace(/^\./, "").toLowerCase().replace(/\W/g, "");
}

/** Deletes a file and offers to bring it back. */
export function deleteWithUndo(store: PlaygroundStore, name: string): void {
  const s = store.getState();
  const index = s.files.findIndex((f) => f.name === name);
  const file = s.files[index];
  if (!file) return;
  s.deleteFile(name);
  s.showNotice({
    kind: "info",
    text: `Deleted ${name}.`,
    action: {
      label: "Undo",
      run: () => {
        store.getState().addFile(file.name, file.content);
        store.getState().moveFile(file.name, index);
        store.getState().dismissNotice();
      },
    },
  });
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const list = h("div", { class: "tabs", role: "tablist", "aria-label": "Workspace files" });
  const menu = h("div", { class: "menu", role: "menu", hidden: true });
  const add = h(
    "button",
    { type: "button", class: "tab-add", title: "New file", "aria-label": "New file", "aria-haspopup": "menu", "aria-expanded": "false" },
    icon("plus"),
  );
  const root = h("div", { class: "files-pane" }, list, h("div", { class: "tab-tools" }, add, menu));
  container.append(root);
  let renaming: string | null = null;
  let dragged: string | null = null;

  function closeMenu(): void {
    menu.hidden = true;
    add.setAttribute("aria-expanded", "false");
  }
  function openMenu(): void {
    const names = selectFileNames(store.getState());
    const item = (label: string, run: () => void) => h("button", { type: "button", role: "menuitem", on: { click: () => (closeMenu(), run()) } }, label);
    replaceChildren(
      menu,
      item("New module (.c)", () => store.getState().addModule()),
      ...KINDS.filter((k) => !names.includes(k.name)).map((k) => item(`New ${k.label}`, () => store.getState().addFile(k.name))),
    );
    menu.hidden = false;
    add.setAttribute("aria-expanded", "true");
    (menu.firstElementChild as HTMLElement | null)?.focus();
  }
  add.addEventListener("click", () => (menu.hidden ? openMenu() : closeMenu()));
  const outside = (e: Event) => {
    if (!root.contains(e.target as Node)) closeMenu();
  };
  document.addEventListener("pointerdown", outside);
  menu.addEventListener("keydown", (e) => {
    const items = [...menu.querySelectorAll<HTMLElement>("[role=menuitem]")];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape") {
      closeMenu();
      add.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
  });

  function startRename(name: string): void {
    renaming = name;
    render();
    const input = list.querySelector<HTMLInputElement>("input.rename");
    input?.focus();
    input?.setSelectionRange(0, name.endsWith(".c") ? name.length - 2 : name.length);
  }
  function finishRename(input: HTMLInputElement, commit: boolean): void {
    const from = renaming;
    if (!from) return;
    renaming = null;
    if (commit && input.value !== from) {
      const problem = store.getState().renameFile(from, input.value);
      if (problem) store.getState().showNotice({ kind: "error", text: problem });
    }
    render();
    list.querySelector<HTMLElement>(`[role=tab][aria-selected=true]`)?.focus();
  }

  function render(): void {
    const s = store.getState();
    const counts = new Map<string, { e: number; w: number }>();
    for (const f of selectFindings(s)) {
      const c = counts.get(f.file) ?? { e: 0, w: 0 };
      if (f.severity === "error") c.e++;
      else if (f.severity === "warning") c.w++;
      counts.set(f.file, c);
    }
    replaceChildren(
      list,
      ...s.files.map((f) => {
        const selected = f.name === s.activeFile;
        if (renaming === f.name) {
          const input = h("input", { class: "rename", value: f.name, "aria-label": `New name for ${f.name}`, spellcheck: false });
          input.addEventListener("keydown", (e) => {
            if (e.key === "Enter") finishRename(input, true);
            else if (e.key === "Escape") finishRename(input, false);
          });
          input.addEventListener("blur", () => finishRename(input, true));
          return h("div", { class: "tab renaming", role: "presentation" }, input);
        }
        const c = counts.get(f.name);
        const badge =
          c && (c.e || c.w)
            ? h(
                "span",
                { class: `badge ${c.e ? "badge-error" : "badge-warning"}`, title: `${counted(c.e, "error")}, ${counted(c.w, "warning")}` },
                String(c.e || c.w),
              )
            : null;
        const close = h("span", { class: "tab-close", role: "button", title: `Delete ${f.name}`, "aria-label": `Delete ${f.name}` }, icon("close"));
        close.addEventListener("click", (e) => {
          e.stopPropagation();
          deleteWithUndo(store, f.name);
        });
        const tab = h(
          "div",
          {
            class: `tab kind-${kindOf(f.name)}${typeof f.content === "string" ? "" : " binary"}`,
            role: "tab",
            "aria-selected": String(selected),
            tabindex: selected ? "0" : "-1",
            draggable: "true",
            title: `${f.name} — double-click or F2 to rename`,
            dataset: { file: f.name },
          },
          h("span", { class: "tab-dot", "aria-hidden": "true" }),
          h("span", { class: "tab-name" }, f.name),
          badge,
          close,
        );
        tab.addEventListener("click", () => store.getState().openFile(f.name));
        tab.addEventListener("dblclick", () => startRename(f.name));
        tab.addEventListener("dragstart", (e) => {
          dragged = f.name;
          e.dataTransfer?.setData("text/x-ksymns-tab", f.name);
          tab.classList.add("dragging");
        });
        tab.addEventListener("dragend", () => ((dragged = null), tab.classList.remove("dragging")));
        tab.addEventListener("dragover", (e) => {
          if (!dragged) return;
          e.preventDefault();
          e.stopPropagation();
        });
        tab.addEventListener("drop", (e) => {
          if (!dragged) return;
          e.preventDefault();
          e.stopPropagation();
          const to = store.getState().files.findIndex((x) => x.name === f.name);
          store.getState().moveFile(dragged, to);
          dragged = null;
        });
        return tab;
      }),
    );
  }

  list.addEventListener("keydown", (e) => {
    const tab = (e.target as HTMLElement).closest<HTMLElement>("[role=tab]");
    if (!tab) return;
    const name = tab.dataset.file!;
    const names = selectFileNames(store.getState());
    const i = names.indexOf(name);
    const focus = (n: string) => list.querySelector<HTMLElement>(`[role=tab][data-file="${CSS.escape(n)}"]`)?.focus();
    if ((e.ctrlKey || e.metaKey) && e.shiftKey && (e.key === "ArrowLeft" || e.key === "ArrowRight")) {
      e.preventDefault();
      store.getState().moveFile(name, i + (e.key === "ArrowLeft" ? -1 : 1));
      focus(name);
    } else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      e.preventDefault();
      const next = names[(i + (e.key === "ArrowLeft" ? -1 : 1) + names.length) % names.length];
      store.getState().openFile(next);
      focus(next);
    } else if (e.key === "F2") {
      e.preventDefault();
      startRename(name);
    } else if (e.key === "Delete") {
      e.preventDefault();
      deleteWithUndo(store, name);
    }
  });

  render();
  // typing changes contents, not tabs: re-render on names, kinds, the open file and the verdict
  const tabsKey = (s: PlaygroundState) => s.files.map((f) => (typeof f.content === "string" ? f.name : f.name + "\0")).join("\n");
  const later = onNextFrame(() => renaming === null && render());
  const unsub = store.subscribe((s) => [tabsKey(s), s.activeFile, s.result] as const, later, { equalityFn: (a, b) => a.every((x, i) => x === b[i]) });
  const unmark = markScrollable(list);
  return () => {
    unmark();
    unsub();
    document.removeEventListener("pointerdown", outside);
    root.remove();
  };
}

export const filesPane: Pane = { id: "files", title: "Files", mount };
