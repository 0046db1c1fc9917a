// The embed's code column: the open file highlighted without Monaco (light first), and the
// switch to Monaco on the first click or focus. The click's place becomes the caret and what
// is typed while Monaco loads goes into the file, so the first click loses nothing; the editor
// is as tall as its code (up to MAX_HEIGHT), so no line hides under the frame's edge.

import { selectActiveFile, type PlaygroundStore } from "../store";
import { h, replaceChildren } from "../views/dom";
import { highlightLines } from "./highlight";

/** The tallest the code gets before it scrolls, in CSS pixels. */
const MAX_HEIGHT = 520;

export interface CodeOptions {
  readonly: boolean;
  /** 1-based lines of `markedFile` to highlight. */
  lines: number[];
  markedFile: string | null;
  /** Mounts the editor (Monaco) in a slot; without it the code stays light, as when read-only. */
  editor?(slot: HTMLElement, store: PlaygroundStore): () => void;
}

type Caret = { line: number; col: number };

/** The line and column (1-based) of the light view's text under the point, or null. */
function caretAt(code: HTMLElement, x: number, y: number): Caret | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  const pos = doc.caretPositionFromPoint?.(x, y);
  const range = pos ? null : document.caretRangeFromPoint?.(x, y);
  const node = pos?.offsetNode ?? range?.startContainer;
  const offset = pos?.offset ?? range?.startOffset ?? 0;
  const line = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>(".line");
  if (!node || !line || !code.contains(line)) return null;
  const before = document.createRange();
  before.setStart(line, 0);
  before.setEnd(node, offset);
  return { line: Number(line.dataset.line), col: before.toString().replace(/\n$/, "").length + 1 };
}

/** The end of `text` as a caret. */
function endOf(text: string): Caret {
  const lines = text.replace(/\n$/, "").split("\n");
  return { line: lines.length, col: lines.at(-1)!.length + 1 };
}

/** The string offset of a caret in `text` (clamped to the text). */
function offsetOf(text: string, c: Caret): number {
  let at = 0;
  for (let l = 1; l < c.line; l++) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  const eol = text.indexOf("\n", at);
  return Math.min(at + c.col - 1, eol < 0 ? text.length : eol);
}

/** The caret after `offset` in `text`. */
function caretOf(text: string, offset: number): Caret {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: before.at(-1)!.length + 1 };
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

/** Mounts the code view in `column`; returns the dispose function. */
export function mountCode(column: HTMLElement, store: PlaygroundStore, o: CodeOptions): () => void {
  const code = h("pre", { class: "embed-light", tabindex: "0", "aria-label": o.readonly ? "Code (read-only)" : "Code (click to edit)" });
  const editorSlot = h("div", { class: "embed-editor", hidden: true });
  column.append(code, editorSlot);
  const marked = new Set(o.lines);
  let phase: "light" | "loading" | "monaco" = "light";
  let caret: Caret | null = null;
  let disposeEditor: (() => void) | null = null;

  const render = () => {
    if (phase === "monaco") return;
    const f = selectActiveFile(store.getState());
    if (!f) return replaceChildren(code);
    if (typeof f.content !== "string") return replaceChildren(code, `${f.name}: ${f.content.length} bytes (binary)`);
    const lines = highlightLines(f.name, f.content, f.name === o.markedFile ? marked : new Set());
    if (phase === "loading" && caret) placeCaret(lines[caret.line - 1], caret.col);
    replaceChildren(code, ...lines);
  };

  // the caret goes to Monaco as a reveal request, which the editor applies when it mounts
  const moveCaret = (file: string, c: Caret) => {
    caret = c;
    store.getState().revealRange({ file, line: c.line, col: c.col, endLine: c.line, endCol: c.col });
  };

  const upgrade = (at: Caret | null) => {
    if (phase !== "light" || o.readonly || !o.editor) return;
    phase = "loading";
    const f = selectActiveFile(store.getState());
    if (f && typeof f.content === "string") {
      const first = f.name === o.markedFile ? o.lines[0] : undefined;
      moveCaret(f.name, at ?? (first ? { line: first, col: 1 } : { line: 1, col: 1 }));
    }
    editorSlot.style.minHeight = `${Math.min(Math.max(code.getBoundingClientRect().height, 60), MAX_HEIGHT)}px`;
    editorSlot.classList.add("embed-editor-loading");
    editorSlot.hidden = false;
    render();
    // Monaco is ready when its DOM appears: it has shown the model and taken the caret by then
    const ready = new MutationObserver(() => {
      if (!editorSlot.querySelector(".monaco-editor")) return;
      ready.disconnect();
      phase = "monaco";
      code.hidden = true;
      editorSlot.classList.remove("embed-editor-loading");
    });
    ready.observe(editorSlot, { childList: true, subtree: true });
    disposeEditor = o.editor(editorSlot, store);
  };

  // what is typed before Monaco is there goes into the file at the caret
  const type = (insert: string | null) => {
    const f = selectActiveFile(store.getState());
    if (!f || typeof f.content !== "string" || !caret) return;
    let at = offsetOf(f.content, caret);
    let text = f.content;
    if (insert === null) {
      if (at === 0) return;
      text = text.slice(0, at - 1) + text.slice(at);
      at -= 1;
    } else {
      text = text.slice(0, at) + insert + text.slice(at);
      at += insert.length;
    }
    store.getState().setFile(f.name, text);
    moveCaret(f.name, caretOf(text, at));
    render();
  };

  code.addEventListener("pointerdown", (e) => {
    const f = selectActiveFile(store.getState());
    const at = caretAt(code, e.clientX, e.clientY) ?? (f && typeof f.content === "string" ? endOf(f.content) : null);
    upgrade(at);
  });
  code.addEventListener("focus", () => upgrade(null));
  code.addEventListener("keydown", (e) => {
    if (o.readonly) return e.preventDefault();
    if (phase !== "loading" || e.ctrlKey || e.metaKey || e.altKey) return;
    const insert = e.key === "Enter" ? "\n" : e.key === "Tab" ? "\t" : e.key.length === 1 ? e.key : e.key === "Backspace" ? null : undefined;
    if (insert === undefined) return;
    e.preventDefault();
    type(insert);
  });
  code.addEventListener("paste", (e) => {
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
  return () => {
    unsub();
    disposeEditor?.();
    code.remove();
    editorSlot.remove();
  };
}
