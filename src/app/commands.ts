// The page's commands: copy the share link, download, open files, reset. Each is reachable
// from a button and (where it has one) a shortcut.

import { defaultSnapshot, encodeLink, selectSnapshot, type Keeper, type PlaygroundStore } from "../store";
import { h } from "../views";
import { confirmDialog } from "./dialogs";
import { openDrop, openFileList, zipWorkspace, type Opened } from "./archive";
import { announceKept, keepCurrent, restoreFromHistory } from "./history";
import { openPreset } from "./examples";
import { applyPatchToWorkspace } from "./patch";

/** The full URL of the share link for the current workspace. */
export function shareUrl(store: PlaygroundStore): string {
  return `${location.origin}${location.pathname}${location.search}#${encodeLink(selectSnapshot(store.getState()))}`;
}

/** Puts the share link in the address bar and on the clipboard, and shows it. */
export async function copyLink(store: PlaygroundStore): Promise<void> {
  const url = shareUrl(store);
  history.replaceState(null, "", url);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // no clipboard permission (or an insecure context): the link is still shown to copy by hand
  }
  store.getState().showNotice({
    kind: "info",
    text: `${copied ? "Link copied" : "Copy this link"} (${url.length.toLocaleString("en")} characters): it holds the whole workspace, kernel and view.`,
    link: url,
  });
}

/** Saves the workspace as ksymns-workspace.zip. */
export function downloadWorkspace(store: PlaygroundStore): void {
  const bytes = zipWorkspace(store.getState().files);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
  const a = h("a", { href: url, download: "ksymns-workspace.zip" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Adds opened files to the workspace (or replaces it for a folder or archive, keeping the
 *  replaced work in History), with undo. */
export function applyOpened(store: PlaygroundStore, keeper: Keeper, opened: Opened): void {
  const s = store.getState();
  if (opened.files.length === 0 && opened.patches.length > 0) return applyPatchToWorkspace(store, keeper, opened.patches.join("\n"));
  if (opened.files.length === 0) {
    s.showNotice({
      kind: "error",
      text: `Nothing to open: ${opened.skipped.length ? `${opened.skipped.join(", ")} are not workspace files (*.c, *.ko, Kbuild, Module.symvers, .config, load).` : "no files."}`,
    });
    return;
  }
  const before = selectSnapshot(s);
  const beforeOrigin = s.origin;
  const kept = opened.whole ? keepCurrent(store, keeper) : ({ kind: "nothing" } as const);
  if (opened.whole) s.loadSnapshot({ ...before, files: opened.files, view: { file: opened.files[0].name } });
  else s.mergeFiles(opened.files);
  const skipped = opened.skipped.length ? ` Skipped ${opened.skipped.slice(0, 4).join(", ")}${opened.skipped.length > 4 ? ", …" : ""}.` : "";
  const text = `Opened ${opened.files.length} file${opened.files.length === 1 ? "" : "s"}${opened.whole ? " as the workspace" : ""}.${skipped}`;
  // undoing a whole replacement is a restore, so the opened files are kept in turn
  const undo =
    kept.kind === "kept"
      ? () => restoreFromHistory(store, keeper, kept.id)
      : () => (store.getState().loadSnapshot(before, beforeOrigin), store.getState().dismissNotice());
  announceKept(store, keeper, kept, text, { label: "Undo", run: undo });
  // patches that came with the files apply to the workspace they made
  if (opened.patches.length) applyPatchToWorkspace(store, keeper, opened.patches.join("\n"));
}

/** Asks for files (or a folder) with the browser's picker and opens them. */
export function pickFiles(store: PlaygroundStore, keeper: Keeper, folder = false): void {
  const input = h("input", { type: "file", multiple: true, hidden: true });
  if (folder) input.setAttribute("webkitdirectory", "");
  input.addEventListener("change", async () => {
    if (input.files?.length) applyOpened(store, keeper, await openFileList(input.files, folder));
    input.remove();
  });
  document.body.append(input);
  input.click();
}

/** Opens what is dropped anywhere on the page (tab reordering drops are the tabs' own). */
export function connectDrop(store: PlaygroundStore, root: HTMLElement, keeper: Keeper): () => void {
  let depth = 0;
  const isFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;
  const enter = (e: DragEvent) => {
    if (!isFiles(e)) return;
    depth++;
    root.classList.add("dropping");
  };
  const leave = (e: DragEvent) => {
    if (!isFiles(e)) return;
    if (--depth <= 0) root.classList.remove("dropping");
  };
  const over = (e: DragEvent) => {
    if (isFiles(e)) e.preventDefault();
  };
  const drop = async (e: DragEvent) => {
    if (!isFiles(e) || !e.dataTransfer) return;
    e.preventDefault();
    depth = 0;
    root.classList.remove("dropping");
    applyOpened(store, keeper, await openDrop(e.dataTransfer.items));
  };
  addEventListener("dragenter", enter);
  addEventListener("dragleave", leave);
  addEventListener("dragover", over);
  addEventListener("drop", drop);
  return () => {
    removeEventListener("dragenter", enter);
    removeEventListener("dragleave", leave);
    removeEventListener("dragover", over);
    removeEventListener("drop", drop);
  };
}

/** Asks, then puts back what the workspace started from — the open example as shipped (with
 *  its story), else the default workspace — keeping the work in History. */
export async function resetWorkspace(store: PlaygroundStore, keeper: Keeper): Promise<void> {
  const preset = store.getState().preset;
  const what = preset ? `the example “${preset.meta.title}” as shipped` : "the example workspace";
  const ok = await confirmDialog(
    preset ? "Reset the example?" : "Reset the workspace?",
    `This replaces every file with ${what}. Your current work is kept in History, where you can restore it.`,
    "Reset",
  );
  if (!ok) return;
  if (preset) {
    await openPreset(store, keeper, preset.slug, "The example is as shipped again.");
    return;
  }
  const kept = keepCurrent(store, keeper);
  store.getState().loadSnapshot(defaultSnapshot(), { kind: "pristine", title: null });
  if (kept.kind === "nothing") store.getState().dismissNotice();
  else announceKept(store, keeper, kept, "The workspace is the example again.");
}
