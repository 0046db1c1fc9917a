// Modal dialogs of the page (native <dialog>: focus trap, Esc and backdrop for free).

import { h } from "../views";

/** Asks a yes/no question; resolves true for the confirming button. */
export function confirmDialog(title: string, text: string, confirm: string): Promise<boolean> {
  return new Promise((resolve) => {
    const yes = h("button", { type: "submit", class: "btn danger", value: "yes" }, confirm);
    const no = h("button", { type: "submit", class: "btn", value: "no" }, "Cancel");
    const form = h("form", { method: "dialog" }, h("h2", null, title), h("p", null, text), h("div", { class: "dialog-buttons" }, no, yes));
    const dialog = h("dialog", { class: "dialog", "aria-label": title }, form);
    document.body.append(dialog);
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "yes");
      dialog.remove();
    });
    dialog.showModal();
    no.focus();
  });
}

const SHORTCUTS: [string, string][] = [
  ["Ctrl/⌘ + S", "Copy a link to this workspace"],
  ["?", "Show this list (outside the editor)"],
  ["Ctrl + Space", "Complete symbols, namespaces, macros, load commands"],
  ["Ctrl/⌘ + .", "Quick fix at the cursor"],
  ["F8 / Shift + F8", "Next / previous problem in the file"],
  ["Alt + 1 … 9", "Open the n-th file"],
  ["F2 / Delete (on a tab)", "Rename / delete the file"],
  ["Ctrl + Shift + ← / →  (on a tab)", "Move the tab"],
  ["Ctrl/⌘ + Z", "Undo — also undoes quick fixes and kernel switches"],
  ["Esc, then Tab / Shift + Tab", "Leave the editor for the verdict (or the file tabs); Tab alone indents"],
  ["Ctrl + M  (⌃ + ⇧ + M on macOS)", "Toggle: Tab moves focus instead of indenting, until pressed again"],
  ["Esc", "Close this list, menus and hovers"],
];

/** The keyboard shortcut overlay. */
export function helpDialog(onClose: () => void): HTMLDialogElement {
  const close = h("button", { type: "submit", class: "btn" }, "Close");
  const dialog = h(
    "dialog",
    { class: "dialog help", "aria-labelledby": "help-title" },
    h(
      "form",
      { method: "dialog" },
      h("h2", { id: "help-title" }, "Keyboard shortcuts"),
      h(
        "table",
        { class: "shortcuts" },
        h("tbody", null, ...SHORTCUTS.map(([k, what]) => h("tr", null, h("th", { scope: "row" }, h("kbd", null, k)), h("td", null, what)))),
      ),
      h(
        "p",
        { class: "muted" },
        "Every edit re-runs modpost and the module loader of the chosen kernel. Hover a symbol or a namespace to see who exports and imports it; the lightbulb offers the fixes make nsdeps would make.",
      ),
      h("div", { class: "dialog-buttons" }, close),
    ),
  );
  dialog.addEventListener("close", () => {
    dialog.remove();
    onClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
