// The History dialog: the workspaces that something replaced, newest first, each with Restore
// and Delete. A deletion can be undone until the dialog closes, so a slip costs nothing.
// Titles come from files and links: they are set as text, never parsed as HTML.

import { HISTORY_LIMIT, type HistoryEntry } from "../store";
import { h } from "../views";

export interface HistoryActions {
  entries(): HistoryEntry[];
  restore(id: string): void;
  remove(id: string): void;
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function timeText(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
function agoText(at: number, now = Date.now()): string {
  const minutes = Math.round((now - at) / 60_000);
  const unit = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"} ago`;
  if (minutes < 1) return "just now";
  if (minutes < 60) return unit(minutes, "minute");
  if (minutes < 48 * 60) return unit(Math.round(minutes / 60), "hour");
  return unit(Math.round(minutes / 1440), "day");
}

/** What an entry was when it was replaced: the user's edits, or a link opened and not edited. */
const KIND_TEXT: Record<HistoryEntry["kind"], string> = { own: "edited by you", link: "a shared link, not edited" };

/** Opens the dialog; returns it (it removes itself when closed). */
export function historyDialog(actions: HistoryActions): HTMLDialogElement {
  const deleted = new Set<string>();
  const list = h("ul", { class: "history-list" });
  const close = h("button", { type: "submit", class: "btn" }, "Close");
  const dialog = h(
    "dialog",
    { class: "dialog history-dialog", "aria-labelledby": "history-title" },
    h(
      "form",
      { method: "dialog" },
      h("h2", { id: "history-title" }, "History"),
      h(
        "p",
        { class: "muted" },
        `Workspaces that a shared link, an example, Reset, opened files or a restore replaced, newest first. They are kept in this browser only, the ${HISTORY_LIMIT} most recent.`,
      ),
      list,
      h("div", { class: "dialog-buttons" }, close),
    ),
  );

  const commitDeletions = () => {
    for (const id of deleted) actions.remove(id);
    deleted.clear();
  };

  function row(entry: HistoryEntry): HTMLLIElement {
    const li = h("li", { class: "history-entry", dataset: { id: entry.id } });
    const render = () => {
      if (deleted.has(entry.id)) {
        const undo = h("button", { type: "button", class: "btn small", on: { click: () => (deleted.delete(entry.id), render()) } }, "Undo");
        return li.replaceChildren(h("span", { class: "history-deleted" }, `Deleted “${entry.title}”.`), undo);
      }
      const files = entry.snapshot.files.length;
      const restore = h(
        "button",
        {
          type: "button",
          class: "btn small",
          "aria-label": `Restore ${entry.title}`,
          on: { click: () => (commitDeletions(), dialog.close(), actions.restore(entry.id)) },
        },
        "Restore",
      );
      const remove = h(
        "button",
        { type: "button", class: "btn small", "aria-label": `Delete ${entry.title}`, on: { click: () => (deleted.add(entry.id), render()) } },
        "Delete",
      );
      li.replaceChildren(
        h(
          "div",
          { class: "history-what" },
          h("span", { class: "history-title", title: entry.title }, entry.title),
          h(
            "span",
            { class: "history-meta muted" },
            h("span", { class: `history-kind kind-${entry.kind}` }, KIND_TEXT[entry.kind]),
            ` · replaced `,
            h("time", { dateTime: new Date(entry.at).toISOString(), title: timeText(entry.at) }, agoText(entry.at)),
            ` · ${files} file${files === 1 ? "" : "s"} · ${sizeText(entry.size)}`,
          ),
        ),
        h("div", { class: "history-buttons" }, restore, remove),
      );
    };
    render();
    return li;
  }

  const entries = actions.entries();
  if (entries.length === 0)
    list.append(h("li", { class: "history-empty muted" }, "Nothing yet. When a link, an example, Reset or opened files replace your work, it is kept here."));
  else list.append(...entries.map(row));

  dialog.addEventListener("close", () => {
    commitDeletions();
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
