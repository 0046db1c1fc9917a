// Saves the workspace while the user works (debounced, and at once when the page is hidden),
// and keeps the address bar naming what is open, as the TypeScript and Vue playgrounds do: the
// example's #example/<slug> while it is untouched, else the workspace's share link (none for
// the default workspace, or one too large for an address). What
// storage refuses is said on the page, with the work offered as a download; work another tab
// saved is kept in History before this tab saves over it, and the page says another tab is open.

import {
  SAVED_KEY,
  encodeLink,
  selectSnapshot,
  selectWorkKind,
  selectWorkTitle,
  workspaceSize,
  type Keeper,
  type Notice,
  type PlaygroundStore,
  type SaveOutcome,
  type Snapshot,
  type WorkKind,
} from "../store";
import { currentWork, downloadRescue, openHistory, storageWords } from "./history";

function sizeText(files: Snapshot["files"]): string {
  return `${(workspaceSize(files) / 1024 / 1024).toFixed(1)} MB`;
}

/** The notice for a save that storage refused. */
function unsavedNotice(store: PlaygroundStore, keeper: Keeper, outcome: Extract<SaveOutcome, { ok: false }>): Notice {
  const files = store.getState().files;
  const download = { label: "Download it", run: () => downloadRescue(files, "ksymns-workspace.zip") };
  const history = { label: "Open History", run: () => openHistory(store, keeper) };
  if (outcome.blocked) {
    return {
      kind: "error",
      text: `Your work is not being saved in this browser: the workspace saved before it could not be kept in History first (${storageWords(outcome.problem)}), and it is never overwritten unkept. Delete entries from History, or download this workspace to keep it.`,
      action: download,
      more: history,
    };
  }
  if (outcome.problem === "too-large") {
    return {
      kind: "error",
      text: `This workspace (${sizeText(files)}) is not being saved: ${storageWords("too-large")}. What was saved before stays saved. Download it to keep it.`,
      action: download,
      more: history,
    };
  }
  if (outcome.problem === "full") {
    return {
      kind: "error",
      text: "Your work is not being saved in this browser: its storage is full (your own work in History is never deleted to make room). Download it or copy the link to keep it, or delete entries from History.",
      action: download,
      more: history,
    };
  }
  return {
    kind: "error",
    text: "Your work is not being saved in this browser: its storage is unavailable (disabled, or private browsing). Download it or copy the link to keep it.",
    action: download,
  };
}

/** Workspaces larger than this are not put in the address bar (a link still copies them). */
const ADDRESS_BYTES = 64 * 1024;

/** What the page's own address says of the work (history.state), so that a reload of a
 *  workspace link the page wrote itself reopens it as what it was, not as a stranger's link. */
export interface AddressState {
  ksymns: "address";
  kind: WorkKind;
  title: string;
}

/** Whether `state` is an AddressState the page wrote. */
export function isAddressState(state: unknown): state is AddressState {
  const s = state as Partial<AddressState> | null;
  return !!s && s.ksymns === "address" && (s.kind === "own" || s.kind === "link" || s.kind === "pristine") && typeof s.title === "string";
}

/** The hash naming the open work, "" for the default workspace or one too large for an address. */
export function addressOf(store: PlaygroundStore): string {
  const s = store.getState();
  const kind = selectWorkKind(s);
  if (s.preset && kind === "pristine") return `#example/${s.preset.slug}`;
  if (kind === "pristine" || workspaceSize(s.files) > ADDRESS_BYTES) return "";
  return `#${encodeLink(selectSnapshot(s))}`;
}

/** Puts the open work's hash in the address bar (replacing the entry: Back still leaves the page). */
export function keepAddress(store: PlaygroundStore): void {
  const hash = addressOf(store);
  const s = store.getState();
  const state: AddressState = { ksymns: "address", kind: selectWorkKind(s), title: selectWorkTitle(s) };
  if (location.hash === hash && isAddressState(history.state) && history.state.kind === state.kind) return;
  history.replaceState(state, "", location.pathname + location.search + hash);
}

/** Connects local persistence; returns the dispose function. */
export function connectPersistence(store: PlaygroundStore, keeper: Keeper, delay = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing: string | null = null;
  let toldOtherTab = false;
  // an error on screen may offer the only download of replaced work: add to it, never hide it
  const tell = (notice: Notice) => {
    const shown = store.getState().notice;
    store.getState().showNotice(shown?.kind === "error" && shown.text !== notice.text ? { ...shown, text: `${shown.text} ${notice.text}` } : notice);
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    keepAddress(store);
    const outcome = keeper.save(currentWork(store));
    if (!outcome.ok) {
      // said once per cause, and again when the cause changes
      const cause = `${outcome.problem}:${outcome.blocked}`;
      if (failing !== cause) tell(unsavedNotice(store, keeper, outcome));
      failing = cause;
      return;
    }
    if (failing) tell({ kind: "info", text: "Your work is saved in this browser again." });
    failing = null;
    if (outcome.dropped > 0) {
      const n = outcome.dropped;
      tell({
        kind: "info",
        text: `This browser's storage was full: ${n === 1 ? "a shared workspace" : `${n} shared workspaces`} you had opened without editing ${n === 1 ? "was" : "were"} deleted from History to save your work. Your own work in History is never deleted to make room.`,
      });
    }
    if (outcome.rescued) {
      tell({
        kind: "info",
        text: `Work another tab had saved, “${outcome.rescued.title}”, was kept in History before this tab saved its own.`,
        more: { label: "Open History", run: () => openHistory(store, keeper) },
      });
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };
  const snapshotKey = (s: Snapshot) => [s.files, s.profile, s.relaxed, s.view.file, s.view.tab] as const;
  const unsub = store.subscribe((s) => snapshotKey(selectSnapshot(s)), schedule, { equalityFn: (a, b) => a.every((x, i) => x === b[i]) });
  const onHide = () => {
    if (timer) flush();
  };
  // another tab saved: say so once; its work goes to History when this tab next saves
  const onStorage = (e: StorageEvent) => {
    if (e.key !== SAVED_KEY || toldOtherTab || !keeper.slotChangedElsewhere()) return;
    toldOtherTab = true;
    tell({
      kind: "info",
      text: "ksymns is open in another tab too. Both tabs' work is kept: when one saves, what the other saved goes to History first.",
      more: { label: "Open History", run: () => openHistory(store, keeper) },
    });
  };
  addEventListener("pagehide", onHide);
  addEventListener("storage", onStorage);
  document.addEventListener("visibilitychange", onHide);
  flush();
  return () => {
    unsub();
    removeEventListener("pagehide", onHide);
    removeEventListener("storage", onStorage);
    document.removeEventListener("visibilitychange", onHide);
  };
}
