// The embed's code column: the open file highlighted without Monaco (light first), and the
// switch to Monaco on the first click or focus (drawn in a page: the first click, Enter or
// typed key, the editor then being the element's frame). The click's place becomes the caret
// and what is typed while Monaco loads goes into the file (each file its own caret), so the
// first click loses nothing, nor does an editor that never comes (a line says so, with Retry);
// the editor is as tall as its code (up to MAX_HEIGHT), so no line hides under the frame's edge.

import { selectActiveFile, type PlaygroundState, type PlaygroundStore } from "../store";
import { h, replaceChildren } from "../views/dom";
import { highlightLines } from "./highlight";
import { caretAt, endOf, typeAt, typedKey, type Caret, type TypedKey } from "./caret";
import type { Place } from "./reopen";

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
  /** How a Retry of the editor (mounted here) is made: the page opened again at `place`
   *  (reopen.ts); rejects with the reason when it cannot be. Without it, the import again. */
  reopen?(place: Place): Promise<void>;
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
  /** The caret (in the open file, null before the first edit), the other end of the selection
   *  made by a drag (null: none) and the light code's scroll. */
  place(): Place;
  /** Loads the editor at once at `place` in the open file, the code focused and taking keys
   *  meanwhile (a page reopened to retry the editor). */
  resume(place: Place): void;
  /** The editor elsewhere (onEdit) could not load: a line says so, with a Retry (onEdit
   *  again); the code keeps the typed text, the carets and takes keys as while loading. */
  failEditor(reason: string): void;
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
  // failed: the editor did not load; the light code goes on taking keys as while loading
  let phase: "light" | "loading" | "failed" | "monaco" = "light";
  const takesKeys = () => phase === "loading" || phase === "failed";
  let notice: HTMLElement | null = null;
  /** The caret the reader last put in each file, until the editor takes them over. */
  const carets = new Map<string, Caret>();
  /** The other end of a file's selection (a drag), while it lasts. */
  const anchors = new Map<string, Caret>();
  /** Each file's texts and carets before the keys typed into it, for Ctrl+Z. */
  const history = new Map<string, { text: string; caret: Caret; anchor?: Caret }[]>();
  let disposeEditor: (() => void) | null = null;
  let shown: Promise<void> | null = null;

  const render = () => {
    if (phase === "monaco") return;
    const f = selectActiveFile(store.getState());
    if (!f) return replaceChildren(code);
    if (typeof f.content !== "string") return replaceChildren(code, `${f.name}: ${f.content.length} bytes (binary)`);
    const lines = highlightLines(f.name, f.content, f.name === o.markedFile ? marked : new Set());
    const caret = carets.get(f.name);
    if (takesKeys() && caret) placeCaret(lines[caret.line - 1], caret.col);
    const { scrollTop, scrollLeft } = code;
    replaceChildren(code, ...lines);
    code.scrollTop = scrollTop;
    code.scrollLeft = scrollLeft;
  };

  // the caret goes to Monaco as a reveal request, which the editor applies when it mounts
  let ownReveal = 0;
  const moveCaret = (file: string, c: Caret, anchor?: Caret) => {
    carets.set(file, c);
    if (anchor) anchors.set(file, anchor);
    else anchors.delete(file);
    const from = anchor ?? c;
    store.getState().revealRange({ file, line: from.line, col: from.col, endLine: c.line, endCol: c.col });
    ownReveal = store.getState().reveal?.seq ?? 0;
  };
  // a range shown from elsewhere (a problem's location) scrolls the code to it and, as in the
  // editor, is selected: typing goes there and the editor opens on it
  const onReveal = (r: PlaygroundState["reveal"]) => {
    if (!r || r.seq === ownReveal || phase === "monaco") return;
    carets.set(r.file, { line: r.endLine, col: r.endCol });
    if (r.line !== r.endLine || r.col !== r.endCol) anchors.set(r.file, { line: r.line, col: r.col });
    else anchors.delete(r.file);
    render();
    const line = code.querySelector<HTMLElement>(`.line[data-line="${r.line}"]`);
    if (!line) return;
    const top = line.getBoundingClientRect().top - code.getBoundingClientRect().top;
    if (top < 0 || top + line.offsetHeight > code.clientHeight) code.scrollTop += top - code.clientHeight / 3;
  };
  /** Where typing goes in `file`: the reader's last caret there, else the first marked line
   *  (of the marked file), else the file's start. */
  const caretIn = (file: string): Caret => {
    const first = file === o.markedFile ? o.lines[0] : undefined;
    return carets.get(file) ?? (first ? { line: first, col: 1 } : { line: 1, col: 1 });
  };

  /** Mounts the editor behind the light code, which it replaces once its DOM is there. */
  const mountEditor = (): Promise<void> =>
    (shown ??= new Promise((resolve, reject) => {
      editorSlot.style.minHeight = `${Math.min(Math.max(code.getBoundingClientRect().height, 60), MAX_HEIGHT)}px`;
      editorSlot.classList.add("embed-editor-loading");
      editorSlot.hidden = false;
      // Monaco is ready when its DOM appears: it has shown the model and taken the caret by then
      const failed = (e: Event) => {
        ready.disconnect();
        reject(new Error((e as CustomEvent<string>).detail));
      };
      const ready = new MutationObserver(() => {
        if (!editorSlot.querySelector(".monaco-editor")) return;
        ready.disconnect();
        editorSlot.removeEventListener("editorfailed", failed);
        phase = "monaco";
        code.hidden = true;
        editorSlot.classList.remove("embed-editor-loading");
        resolve();
      });
      ready.observe(editorSlot, { childList: true, subtree: true });
      editorSlot.addEventListener("editorfailed", failed, { once: true });
      disposeEditor = o.editor!(editorSlot, store);
    }));

  /** Starts the editor, the caret at `at` (else where it was); `draw` false leaves the code's
   *  DOM as it is (a press, which may become a drag, draws it when released). */
  const upgrade = (at: Caret | null, draw = true) => {
    if (phase !== "light" || !editable) return;
    phase = "loading";
    const f = selectActiveFile(store.getState());
    if (f && typeof f.content === "string") moveCaret(f.name, at ?? caretIn(f.name), at ? undefined : anchors.get(f.name));
    if (draw) render();
    loadEditor();
  };

  const loadEditor = () => {
    if (o.onEdit) return o.onEdit();
    mountEditor().catch((err: Error) => failEditor(err.message));
  };

  const failEditor = (reason: string) => {
    if (phase !== "loading") return;
    phase = "failed";
    // the editor's pane stays mounted only while it loads
    disposeEditor?.();
    disposeEditor = shown = null;
    editorSlot.hidden = true;
    notice ??= h(
      "p",
      { class: "embed-editor-failed", role: "alert" },
      h("span", null, h("span", { class: "embed-failed-what" }, "The editor could not load"), h("span", { class: "embed-kept" }, "; your edits are kept"), "."),
      h("button", { type: "button", class: "btn", on: { click: retry } }, "Retry"),
    );
    notice.title = reason;
    notice.hidden = false;
    column.insertBefore(notice, code);
    render();
  };

  const retry = () => {
    if (phase !== "failed") return;
    if (o.reopen) return reopen();
    phase = "loading";
    notice!.hidden = true;
    // typing goes on at the caret while the editor loads again
    code.focus();
    render();
    loadEditor();
  };

  // the page opens again; until then (or if it cannot) the code goes on taking keys
  const reopen = () => {
    const button = notice!.querySelector("button")!;
    if (button.disabled) return;
    button.disabled = true;
    o.reopen!(place()).catch((err: Error) => {
      button.disabled = false;
      notice!.title = err.message;
      notice!.querySelector(".embed-failed-what")!.textContent = "The editor still could not load";
    });
  };

  const place = (): Place => {
    const file = store.getState().activeFile;
    return {
      caret: (file ? carets.get(file) : undefined) ?? null,
      anchor: (file ? anchors.get(file) : undefined) ?? null,
      top: code.scrollTop,
      left: code.scrollLeft,
    };
  };

  // what is typed before the editor is there goes into the file at the caret
  const type = (key: TypedKey) => {
    const f = selectActiveFile(store.getState());
    if (!f || typeof f.content !== "string") return;
    const caret = caretIn(f.name);
    const anchor = anchors.get(f.name);
    const next = typeAt(f.content, caret, key, anchor);
    if (next.text !== f.content) {
      history.set(f.name, [...(history.get(f.name) ?? []), { text: f.content, caret, anchor }]);
      store.getState().setFile(f.name, next.text);
    }
    moveCaret(f.name, next.caret);
    render();
  };

  // Ctrl+Z takes back the last key typed into the open file
  const undo = () => {
    const f = selectActiveFile(store.getState());
    const last = f && history.get(f.name)?.pop();
    if (!f || !last) return;
    store.getState().setFile(f.name, last.text);
    moveCaret(f.name, last.caret, last.anchor);
    render();
  };

  // a press puts the caret (starting the editor), a drag from there selects, as in the editor;
  // the code is drawn again only once the button is up, so the browser's selection survives
  let pressed: { file: string; at: Caret } | null = null;
  const release = (e: PointerEvent) => {
    const down = pressed;
    pressed = null;
    if (!down || !takesKeys() || store.getState().activeFile !== down.file) return;
    const up = caretAt(code, e.clientX, e.clientY);
    if (up && (up.line !== down.at.line || up.col !== down.at.col)) moveCaret(down.file, up, down.at);
    else render();
  };

  code.addEventListener("pointerdown", (e) => {
    const f = selectActiveFile(store.getState());
    const text = f && typeof f.content === "string" ? f.content : null;
    const at = text === null ? null : (caretAt(code, e.clientX, e.clientY) ?? endOf(text));
    if (phase === "light") upgrade(at, false);
    else if (takesKeys() && f && at) moveCaret(f.name, at);
    if (!takesKeys() || !f || !at) return;
    for (const mark of code.querySelectorAll(".embed-caret")) mark.remove();
    pressed = { file: f.name, at };
    addEventListener("pointerup", release, { once: true });
  });
  // in a frame focus loads the editor; drawn in a page, where the editor costs a frame, only a
  // key does (Enter, or one that types), so tabbing through the page loads nothing
  code.addEventListener("focus", () => !o.onEdit && upgrade(null));
  code.addEventListener("keydown", (e) => {
    if (o.readonly) return e.preventDefault();
    if (takesKeys() && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z") {
      e.preventDefault();
      return undo();
    }
    const key = typedKey(e);
    if (phase === "light" && o.onEdit && key !== undefined && key !== "\t") {
      e.preventDefault();
      upgrade(null);
      if (key !== "\n") type(key);
      return;
    }
    if (!takesKeys() || key === undefined) return;
    e.preventDefault();
    type(key);
  });
  code.addEventListener("paste", (e) => {
    // drawn in a page, a paste is a first edit too
    if (phase === "light" && o.onEdit && !o.readonly) upgrade(null);
    if (!takesKeys()) return;
    e.preventDefault();
    const text = e.clipboardData?.getData("text/plain");
    if (text) type(text);
  });
  editorSlot.addEventListener("editorcontentsize", (e) => {
    editorSlot.style.minHeight = `${Math.min((e as CustomEvent<number>).detail, MAX_HEIGHT)}px`;
  });

  // another file opened while the editor loads: the editor is to open on it, at its caret
  const onOpen = (file: string | null) => {
    const f = selectActiveFile(store.getState());
    if (!takesKeys() || !file || !f || typeof f.content !== "string") return;
    // opened to show a range: that is the caret (onReveal)
    const r = store.getState().reveal;
    if (r && r.file === file && r.seq !== ownReveal) return;
    moveCaret(file, caretIn(file));
    render();
  };

  render();
  const unsubs = [
    store.subscribe((s) => [s.activeFile, s.files] as const, render, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] }),
    store.subscribe((s) => s.activeFile, onOpen),
    store.subscribe((s) => s.reveal, onReveal),
  ];
  return {
    openEditor() {
      if (phase === "light" && editable && o.editor) phase = "loading";
      return o.editor && editable ? mountEditor() : Promise.resolve();
    },
    failEditor,
    place,
    resume(at) {
      const file = store.getState().activeFile;
      if (!file) return;
      if (at.caret) carets.set(file, at.caret);
      if (at.anchor) anchors.set(file, at.anchor);
      upgrade(null);
      code.scrollTop = at.top;
      code.scrollLeft = at.left;
      code.focus({ preventScroll: true });
    },
    dispose() {
      unsubs.forEach((u) => u());
      disposeEditor?.();
      code.remove();
      editorSlot.remove();
      notice?.remove();
    },
  };
}
