// Leaving the editor by keyboard: Tab indents inside Monaco, so Esc then Tab (or Shift+Tab)
// moves focus to the page element after (or before) the editor, as the `?` overlay says.
// Ctrl+M, Monaco's tab-focus toggle, is the other way out (registered in ./monaco). With
// nothing to go to in the document (an embed's frame showing only code), the editor's box says
// so (EDITOR_LEAVE, cancelled by whoever moves the focus out: the frame's host page).

import type * as M from "monaco-editor/editor/editor.api";

/** What the editor's box sends (bubbling, cancelable) when Esc, Tab finds nothing to go to;
 *  `detail.forward` is false for Shift+Tab. */
export const EDITOR_LEAVE = "editorleave";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The focusable element after (or before) `outside` in document order, skipping what is inside it. */
export function focusableBeside(outside: HTMLElement, forward: boolean): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !outside.contains(el) && el.getClientRects().length > 0 && !el.closest("[hidden], [inert]"),
  );
  const after = (el: HTMLElement) => (outside.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return forward ? (all.find(after) ?? null) : ([...all].reverse().find((el) => !after(el)) ?? null);
}

/** Esc, then Tab or Shift+Tab as the next key, leaves `editor` (whose DOM node is `box`). */
export function connectLeaveKeys(editor: M.editor.IStandaloneCodeEditor, box: HTMLElement): M.IDisposable {
  let armed = false;
  return editor.onKeyDown((e) => {
    const k = e.browserEvent;
    if (k.key === "Escape") {
      armed = true;
      return;
    }
    const leave = armed && k.key === "Tab" && !k.ctrlKey && !k.altKey && !k.metaKey;
    if (!/^(Shift|Control|Alt|Meta)$/.test(k.key)) armed = false;
    if (!leave) return;
    const next = focusableBeside(box, !k.shiftKey);
    const taken = next ?? !box.dispatchEvent(new CustomEvent(EDITOR_LEAVE, { bubbles: true, cancelable: true, detail: { forward: !k.shiftKey } }));
    if (!taken) return;
    e.preventDefault();
    e.stopPropagation();
    next?.focus();
  });
}
