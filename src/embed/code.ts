// The embed's code column: the open file highlighted without Monaco (light first), and the
// switch to Monaco on the first click or focus (drawn in a page: the first click, Enter or
// typed key, the editor then being the element's frame). The click's place becomes the caret
// and what is typed while Monaco loads goes into the file, so the first click loses nothing;
// the editor is as tall as its code (up to MAX_HEIGHT), so no line hides under the frame's edge.

import { selectActiveFile, type PlaygroundStore } from "../store";
import { h, replaceChildren } from "../views/dom";
import { highlightLines } from "./highlight";
import { caretAt, endOf, typeAt, typedKey, type Caret, type TypedKey } from "./caret";

/** The tallest the code gets before it scrolls, in CSS pixels. */
const MAX_HEIGHT = 520;

export interface CodeOptions {
  readonly: boolean;
  /** 1-based lines of `markedFile` to highlight. */
  lines: number[];
  markedFile: string | null;
  /** Mounts the editor (Monaco) in a slot; without it (nor onEdit) the code stays light, as
   *  when read-only. */
  editor?(slot: HTMLElement, store: PlaygroundStore): () => void;
  /** Where the editor is elsewhere (a drawn element's frame): called on the first interaction
   *  that edits; the code stays light and takes keys at its caret until it is disposed. */
  onEdit?(): void;
}

/** Puts a caret mark into a highlighted line, `col - 1` characters in. */
function placeCaret(line: HTMLElement | undefined, col: number): void {
  if (!line) return;
  let left = col - 1;
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left <= n.data.length) {
      const rest = n.splitText(left);
      rest.parentNode!.insertBefore(h("span", { class: "embed-caret" }), rest);
      return;
    }
    left -= n.data.length;
  }
  line.append(h("span", { class: "embed-caret" }));
}

/** The mounted code column. */
export interface CodeView {
  /** Loads the editor now, with no caret and no focus (a frame opened for an element's
   *  upgrade); resolves once it shows. */
  openEditor(): Promise<void>;
  /** The caret (in the open file, null before the first edit) and the light code's scroll. */
  place(): { caret: Caret | null; top: number; left: number };
  dispose(): void;
}

/** Mounts the code view in `column`. */
export function mountCode(column: HTMLElement, store: PlaygroundStore, o: CodeOptions): CodeView {
  const editable = !o.readonly && !!(o.editor || o.onEdit);
  const code = h("pre", {
    class: "embed-light",
    tabindex: "0",
    "aria-label": !editable ? "Code (read-only)" : o.onEdit ? "Code (click, or press Enter, to edit)" : "Code (click to edit)",
  });
  const editorSlot = h("div", { class: "embed-editor", hidden: true });
  column.append(code, editorSlot);
  const marked = new Set(o.lines);
  let phase: "light" | "loading" | "monaco" = "light";
  let caret: Caret | null = null;
  let disposeEditor: (() => void) | null = null;
  let shown: Promise<void> | null = null;

  const render = () => {
    if (phase === "monaco") return;
    const f = selectActiveFile(store.getState());
    if (!f) return replaceChildren(code);
    if (typeof f.content !== "string") return replaceChildren(code, `${f.name}: ${f.content.length} bytes (binary)`);
    const lines = highlightLines(f.name, f.content, f.name === o.markedFile ? marked : new Set());
    if (phase === "loading" && caret) placeCaret(lines[caret.line - 1], caret.col);
    const { scrollTop, scrollLeft } = code;
    replaceChildren(code, ...lines);
    code.scrollTop = scrollTop;
    code.scrollLeft = scrollLeft;
  };

  // the caret goes to Monaco as a reveal request, which the editor applies when it mounts
  const moveCaret = (file: string, c: Caret) => {
    caret = c;
    store.getState().revealRange({ file, line: c.line, col: c.col, endLine: c.line, endCol: c.col });
  };

  /** Mounts the editor behind the light code, which it replaces once its DOM is there. */
  const mountEditor = (): Promise<void> =>
    (shown ??= new Promise((resolve) => {
      editorSlot.style.minHeight = `${Math.min(Math.max(code.getBoundingClientRect().height, 60), MAX_HEIGHT)}px`;
      editorSlot.classList.add("embed-editor-loading");
      editorSlot.hidden = false;
      // Monaco is ready when its DOM appears: it has shown the model and taken the caret by then
      const ready = new MutationObserver(() => {
        if (!editorSlot.querySelector(".monaco-editor")) return;
        ready.disconnect();
        phase = "monaco";
        code.hidden = true;
        editorSlot.classList.remove("embed-editor-loading");
        resolve();
      });
      ready.observe(editorSlot, { childList: true, subtree: true });
      disposeEditor = o.editor!(editorSlot, store);
    }));

  const upgrade = (at: Caret | null) => {
    if (phase !== "light" || !editable) return;
    phase = "loading";
    const f = selectActiveFile(store.getState());
    if (f && typeof f.content === "string") {
      const first = f.name === o.markedFile ? o.lines[0] : undefined;
      moveCaret(f.name, at ?? (first ? { line: first, col: 1 } : { line: 1, col: 1 }));
    }
    render();
    if (o.onEdit) o.onEdit();
    else void mountEditor();
  };

  // what is typed before the editor is there goes into the file at the caret
  const type = (key: TypedKey) => {
    const f = selectActiveFile(store.getState());
    if (!f || typeof f.content !== "string" || !caret) return;
    const next = typeAt(f.content, caret, key);
    if (next.text !== f.content) store.getState().setFile(f.name, next.text);
    moveCaret(f.name, next.caret);
    render();
  };

  code.addEventListener("pointerdown", (e) => {
    const f = selectActiveFile(store.getState());
    const at = caretAt(code, e.clientX, e.clientY) ?? (f && typeof f.content === "string" ? endOf(f.content) : null);
    upgrade(at);
  });
  // in a frame focus loads the editor; drawn in a page, where the editor costs a frame, only a
  // key does (Enter, or one that types), so tabbing through the page loads nothing
  code.addEventListener("focus", () => !o.onEdit && upgrade(null));
  code.addEventListener("keydown", (e) => {
    if (o.readonly) return e.preventDefault();
    const key = typedKey(e);
    if (phase === "light" && o.onEdit && key !== undefined && key !== "\t") {
      e.preventDefault();
      upgrade(null);
      if (key !== "\n") type(key);
      return;
    }
    if (phase !== "loading" || key === undefined) return;
    e.preventDefault();
    type(key);
  });
  code.addEventListener("paste", (e) => {
    // drawn in a page, a paste is a first edit too
    if (phase === "light" && o.onEdit && !o.readonly) upgrade(null);
    if (phase !== "loading") return;
    e.preventDefault();
    const text = e.clipboardData?.getData("text/plain");
    if (text) type(text);
  });
  editorSlot.addEventListener("editorcontentsize", (e) => {
    editorSlot.style.minHeight = `${Math.min((e as CustomEvent<number>).detail, MAX_HEIGHT)}px`;
  });

  render();
  const unsub = store.subscribe((s) => [s.activeFile, s.files] as const, render, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
  return {
    openEditor() {
      if (phase === "light" && editable && o.editor) phase = "loading";
      return o.editor && editable ? mountEditor() : Promise.resolve();
    },
    place: () => ({ caret, top: code.scrollTop, left: code.scrollLeft }),
    dispose() {
      unsub();
      disposeEditor?.();
      code.remove();
      editorSlot.remove();
    },
  };
}
