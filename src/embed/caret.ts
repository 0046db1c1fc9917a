// The light code's caret: where a point of the drawn code falls (line and column), and the
// keys typed there before the editor is ready, applied to the file's text in order, as the
// editor would apply them.

/** A place in a file, 1-based. */
export interface Caret {
  line: number;
  col: number;
}

/** What a key typed into the light code does: text to insert, "back" (Backspace), or nothing. */
export type TypedKey = string | "back";

/** The line and column of the light view's text under the point, or null (lines are
 *  `.line[data-line]` elements inside `code`). */
export function caretAt(code: HTMLElement, x: number, y: number): Caret | null {
  const doc = code.ownerDocument as Document & { caretPositionFromPoint?(x: number, y: number, o?: unknown): { offsetNode: Node; offset: number } | null };
  const root = code.getRootNode();
  // in a shadow root the point's node is found only if the root is named
  const pos = doc.caretPositionFromPoint?.(x, y, root instanceof ShadowRoot ? { shadowRoots: [root] } : undefined);
  const range = pos ? null : doc.caretRangeFromPoint?.(x, y);
  const node = pos?.offsetNode ?? range?.startContainer;
  const offset = pos?.offset ?? range?.startOffset ?? 0;
  const line = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>(".line");
  if (!node || !line || !code.contains(line)) return null;
  const before = doc.createRange();
  before.setStart(line, 0);
  before.setEnd(node, offset);
  return { line: Number(line.dataset.line), col: before.toString().replace(/\n$/, "").length + 1 };
}

/** The end of `text` as a caret. */
export function endOf(text: string): Caret {
  const lines = text.replace(/\n$/, "").split("\n");
  return { line: lines.length, col: lines.at(-1)!.length + 1 };
}

/** The string offset of a caret in `text` (clamped to its line and to the text). */
export function offsetOf(text: string, c: Caret): number {
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
export function caretOf(text: string, offset: number): Caret {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

/** What a keydown types, or undefined for a key that types nothing (arrows, shortcuts). */
export function typedKey(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">): TypedKey | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === "Enter") return "\n";
  if (e.key === "Tab") return "\t";
  if (e.key === "Backspace") return "back";
  return e.key.length === 1 ? e.key : undefined;
}

/** `key` typed at `caret` in `text`, replacing the selection from `anchor` if any: the new
 *  text and caret. */
export function typeAt(text: string, caret: Caret, key: TypedKey, anchor?: Caret): { text: string; caret: Caret } {
  let at = offsetOf(text, caret);
  if (anchor) {
    const other = offsetOf(text, anchor);
    const [from, to] = [Math.min(at, other), Math.max(at, other)];
    if (from !== to) {
      text = text.slice(0, from) + (key === "back" ? "" : key) + text.slice(to);
      return { text, caret: caretOf(text, from + (key === "back" ? 0 : key.length)) };
    }
  }
  if (key === "back") {
    if (at === 0) return { text, caret };
    text = text.slice(0, at - 1) + text.slice(at);
    at -= 1;
  } else {
    text = text.slice(0, at) + key + text.slice(at);
    at += key.length;
  }
  return { text, caret: caretOf(text, at) };
}
