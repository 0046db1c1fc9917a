// Open → Paste a patch (and .patch, .diff, .mbox files opened or dropped): the patch is applied
// to the workspace as one step — the work before it goes to History first, Undo brings it
// back — and the notice says what changed and which hunks did not apply, and why.

import { applyPatchText, selectSnapshot, type Keeper, type PlaygroundStore } from "../store";
import { h } from "../views";
import { announceKept, keepCurrent, restoreFromHistory } from "./history";

function list(names: string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

/** Applies `text` (a diff, a format-patch mail or an mbox) to the open workspace. */
export function applyPatchToWorkspace(store: PlaygroundStore, keeper: Keeper, text: string): void {
  const s = store.getState();
  const out = applyPatchText(s.files, text);
  const applied = out.added.length + out.changed.length + out.deleted.length;
  const failures = out.failed.map((f) => `${f.file}${f.hunk ? ` ${f.hunk}` : ""}: ${f.reason}`);
  if (out.empty || applied === 0) {
    s.showNotice({
      kind: "error",
      text: out.empty
        ? "Nothing to apply: the text holds no file change (a unified diff or a git format-patch mail)."
        : `The patch did not apply, and the workspace is unchanged. ${failures.join("; ")}.`,
    });
    return;
  }
  const before = selectSnapshot(s);
  const beforeOrigin = s.origin;
  const kept = keepCurrent(store, keeper);
  const title = out.story?.subject ? `Patch: ${out.story.subject}` : "Patched workspace";
  s.loadSnapshot(
    { ...before, files: out.files, view: { file: out.changed[0] ?? out.added[0] ?? before.view.file, tab: before.view.tab } },
    { kind: "own", title },
  );
  if (out.story) store.getState().setStory(out.story);
  const what = [
    out.changed.length ? `changed ${list(out.changed)}` : "",
    out.added.length ? `added ${list(out.added)}` : "",
    out.deleted.length ? `deleted ${list(out.deleted)}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const notApplied = failures.length ? ` ${failures.length} ${failures.length === 1 ? "part did" : "parts did"} not apply: ${failures.join("; ")}.` : "";
  const done = `Applied ${out.story?.subject ? `“${out.story.subject}”` : "the patch"}: ${what}.${notApplied}`;
  // one step back: the work before the patch, restored from History (or as it was, when History kept nothing)
  const undo =
    kept.kind === "kept"
      ? () => restoreFromHistory(store, keeper, kept.id)
      : () => (store.getState().loadSnapshot(before, beforeOrigin), store.getState().dismissNotice());
  announceKept(store, keeper, kept, done, { label: "Undo", run: undo });
}

/** The Paste a patch dialog. */
export function pastePatchDialog(store: PlaygroundStore, keeper: Keeper): HTMLDialogElement {
  const area = h("textarea", {
    class: "patch-text",
    spellcheck: false,
    rows: 14,
    placeholder: "From 1a2b… Mon Sep 17 00:00:00 2001\nFrom: …\nSubject: [PATCH] …\n\ndiff --git a/drivers/… b/drivers/…",
    "aria-label": "The patch",
  });
  const apply = h("button", { type: "submit", class: "btn danger", value: "apply" }, "Apply");
  const cancel = h("button", { type: "submit", class: "btn", value: "cancel" }, "Cancel");
  const dialog = h(
    "dialog",
    { class: "dialog patch-dialog", "aria-labelledby": "patch-title" },
    h(
      "form",
      { method: "dialog" },
      h("h2", { id: "patch-title" }, "Paste a patch"),
      h(
        "p",
        { class: "muted" },
        "A unified diff, or a mail from git format-patch or a mailing list archive (one message, or an mbox of a series). Its subject, author and Message-ID become the workspace's story; the workspace before it is kept in History.",
      ),
      area,
      h("div", { class: "dialog-buttons" }, cancel, apply),
    ),
  );
  dialog.addEventListener("close", () => {
    if (dialog.returnValue === "apply" && area.value.trim()) applyPatchToWorkspace(store, keeper, area.value);
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  area.focus();
  return dialog;
}
