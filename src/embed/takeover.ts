// The frame's side of an element's upgrade (embed.html?edit=1): the frame loads the editor
// behind the drawn embed, then is handed the reader's files, caret and scroll (an `edit`
// message) and the focus. Keys that reach the frame before the hand-over are held and typed,
// in order, after it.

import type { PlaygroundStore } from "../store";
import { typedKey, type TypedKey } from "./caret";
import type { EditMessage } from "./protocol";

/** Keys held until the hand-over. */
export interface HeldKeys {
  /** Stops holding; returns the keys held, in order. */
  release(): TypedKey[];
}

/** Holds every key typed (and text pasted) into the frame's document from now on. */
export function holdKeys(): HeldKeys {
  const keys: TypedKey[] = [];
  const hold = (e: KeyboardEvent) => {
    const key = typedKey(e);
    if (key === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    keys.push(key);
  };
  const paste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData("text/plain");
    e.preventDefault();
    if (text) keys.push(text);
  };
  addEventListener("keydown", hold, true);
  addEventListener("paste", paste, true);
  return {
    release() {
      removeEventListener("keydown", hold, true);
      removeEventListener("paste", paste, true);
      return keys.splice(0);
    },
  };
}

/** Applies the hand-over `m` to the store and the editor (mounted by then), focuses it and
 *  types the held keys. */
export async function takeOver(store: PlaygroundStore, m: EditMessage, held: HeldKeys): Promise<void> {
  const s = store.getState();
  for (const [name, text] of Object.entries(m.files ?? {})) {
    const f = s.files.find((x) => x.name === name);
    if (!f || f.content !== text) store.getState().setFile(name, text);
  }
  if (m.tab) s.setTab(m.tab);
  // the editor applies the reveal: the file, the caret, the focus
  const from = { line: m.anchorLine ?? m.line, col: m.anchorCol ?? m.col };
  if (m.focus) store.getState().revealRange({ file: m.file, line: from.line, col: from.col, endLine: m.line, endCol: m.col });
  else s.openFile(m.file);
  const { monaco } = await import("../editor/monaco");
  const editor = monaco.editor.getEditors()[0];
  const keys = held.release();
  if (!editor) return;
  editor.setScrollTop(m.top);
  editor.setScrollLeft(m.left);
  if (!m.focus) return;
  editor.focus();
  for (const key of keys) {
    if (key === "back") editor.trigger("keyboard", "deleteLeft", null);
    else editor.trigger("keyboard", "type", { text: key });
  }
}
