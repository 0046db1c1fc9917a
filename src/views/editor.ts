// The editor pane: Monaco (loaded on demand), or the plain textarea on narrow screens, or a
// read-only summary for binary files (.ko). Whichever shows, it only writes files to the store.
// Monaco (~870 KB gzip) is fetched only once the first verdict is on screen; until then the
// open file shows as the light embed shows it, highlighted and read-only, its problem lines marked.
// The page holds back its run with the kernel's table until an editor is shown (editorShown).

import type { Pane } from "./pane";
import { h, replaceChildren } from "./dom";
import { selectActiveFile, type PlaygroundStore } from "../store";
import { mountPlainEditor } from "../editor/plain";
import { markEdit, markKeyDown, markMarkersApplied } from "../editor/perf";
import { resolveTheme } from "./theme";
import { highlightLines } from "../embed/highlight";

/** A short description of a binary file: size, and what its ELF header says. */
export function describeBinary(bytes: Uint8Array): string[] {
  const out = [`${bytes.length.toLocaleString("en")} bytes`];
  if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) {
    out.push(
      `ELF ${bytes[4] === 2 ? "64-bit" : bytes[4] === 1 ? "32-bit" : "?-bit"} ${bytes[5] === 1 ? "little-endian" : bytes[5] === 2 ? "big-endian" : ""}`.trim(),
    );
  } else if (bytes[0] === 0xfd && bytes[1] === 0x37) out.push("xz-compressed");
  else if (bytes[0] === 0x28 && bytes[1] === 0xb5) out.push("zstd-compressed");
  else if (bytes[0] === 0x1f && bytes[1] === 0x8b) out.push("gzip-compressed");
  return out;
}

function hexDump(bytes: Uint8Array, rows = 8): string {
  const lines: string[] = [];
  for (let r = 0; r < rows && r * 16 < bytes.length; r++) {
    const row = bytes.subarray(r * 16, r * 16 + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, "0")).join(" ");
    const ascii = [...row].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : ".")).join("");
    lines.push(`${(r * 16).toString(16).padStart(8, "0")}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join("\n");
}

const EDITOR_SHOWN = "editorshown";
/** What the pane's root sends (bubbling) when Monaco could not load; `detail` says why. */
const EDITOR_FAILED = "editorfailed";

/** Resolves once the editor pane under `root` shows an editor (Monaco or the plain textarea),
 *  or after `limit` ms (Monaco slow to arrive, or failed). */
export function editorShown(root: HTMLElement, limit = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (root.querySelector(".editor-pane[data-editor]")) return resolve();
    root.addEventListener(EDITOR_SHOWN, () => resolve(), { once: true });
    setTimeout(resolve, limit);
  });
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const monacoBox = h("div", { class: "monaco-box" });
  const plainBox = h("div", { class: "plain-box", hidden: true });
  const binaryBox = h("div", { class: "binary-box", hidden: true });
  const empty = h("div", { class: "editor-empty", hidden: true }, "No file is open. Add one with + above.");
  const loading = h("div", { class: "editor-loading light-view", "aria-busy": "true", "aria-label": "The open file (read-only while the editor loads)" });
  const root = h("div", { class: "editor-pane" }, monacoBox, plainBox, binaryBox, empty, loading);
  container.append(root);
  let disposeEditor: (() => void) | null = null;
  let kind: string | null = null;
  let generation = 0;

  monacoBox.addEventListener("keydown", markKeyDown, true);
  monacoBox.addEventListener("paste", markKeyDown, true);

  async function useKind(): Promise<void> {
    const want = store.getState().editorKind;
    if (want === kind) return;
    kind = want;
    const gen = ++generation;
    disposeEditor?.();
    disposeEditor = null;
    if (want === "plain") {
      loading.hidden = true;
      disposeEditor = mountPlainEditor(plainBox, store);
    } else {
      loading.hidden = false;
      await firstVerdict();
      if (gen !== generation) return;
      try {
        const { mountMonacoEditor } = await import("../editor/editor");
        if (gen !== generation) return;
        loading.hidden = true;
        disposeEditor = mountMonacoEditor(monacoBox, store, {
          onUserEdit: markEdit,
          onMarkersApplied: () => markMarkersApplied(store.getState().resultFiles === store.getState().files),
          isDark: () => resolveTheme(store.getState().theme) === "dark",
        });
      } catch (err) {
        // a chunk that did not arrive (offline, network error): the light view stays
        if (gen !== generation) return;
        loading.hidden = false;
        kind = null;
        console.warn("ksymns: the editor could not load:", err);
        root.dispatchEvent(new CustomEvent(EDITOR_FAILED, { bubbles: true, detail: err instanceof Error ? err.message : String(err) }));
        return;
      }
      root.dataset.editor = "monaco";
    }
    root.dataset.editor = want;
    root.dispatchEvent(new Event(EDITOR_SHOWN, { bubbles: true }));
    showActive();
  }

  /** Resolves once the first verdict (or the engine's failure) is in the store. */
  function firstVerdict(): Promise<void> {
    return new Promise((resolve) => {
      const ready = () => store.getState().result !== null || store.getState().engine === "failed";
      if (ready()) return resolve();
      const unsub = store.subscribe(
        (s) => [s.result, s.engine] as const,
        () => ready() && (unsub(), resolve()),
        { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
      );
    });
  }

  /** The open file as the light embed shows it, while Monaco loads. */
  function showLight(): void {
    if (loading.hidden) return;
    const s = store.getState();
    const f = selectActiveFile(s);
    if (!f || typeof f.content !== "string") return replaceChildren(loading);
    const marked = new Set((s.result?.findings ?? []).filter((x) => x.file === f.name && x.severity === "error").map((x) => x.line));
    replaceChildren(loading, h("pre", { class: "light-code" }, ...highlightLines(f.name, f.content, marked)));
  }

  function showActive(): void {
    const f = selectActiveFile(store.getState());
    const binary = f && typeof f.content !== "string";
    binaryBox.hidden = !binary;
    empty.hidden = !!f;
    monacoBox.hidden = kind !== "monaco" || !f || !!binary;
    plainBox.hidden = kind !== "plain" || !f || !!binary;
    if (binary && f) {
      const bytes = f.content as Uint8Array;
      replaceChildren(
        binaryBox,
        h("h3", null, f.name),
        h("p", { class: "binary-facts" }, describeBinary(bytes).join(" · ")),
        h("p", { class: "muted" }, "A binary file: the engine reads it as it is; it cannot be edited here. Download the workspace to keep it."),
        h("pre", { class: "hex" }, hexDump(bytes)),
      );
    }
  }

  const unsubs = [
    store.subscribe(
      (s) => s.editorKind,
      () => void useKind(),
    ),
    store.subscribe((s) => [s.activeFile, s.files, s.result] as const, showLight, { equalityFn: (a, b) => a.every((x, i) => x === b[i]) }),
    store.subscribe((s) => [s.activeFile, s.files.length, selectActiveFile(s)?.content instanceof Uint8Array] as const, showActive, {
      equalityFn: (a, b) => a.every((x, i) => x === b[i]),
    }),
  ];
  void useKind();
  showLight();
  return () => {
    unsubs.forEach((u) => u());
    disposeEditor?.();
    root.remove();
  };
}

export const editorPane: Pane = { id: "editor", title: "Editor", mount };
