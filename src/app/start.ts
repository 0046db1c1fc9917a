// Which workspace the page opens with: a shared link (keeping different saved work in History
// first, never dropping it), else the saved work, else the example. A broken link opens the
// saved work or the example, with a message saying why.

import { decodeLink, defaultSnapshot, isLinkHash, sameFiles, type Keeper, type Snapshot, type StorageProblem, type Work, type WorkKind } from "../store";

export interface Start {
  snapshot: Snapshot;
  /** What the opening workspace is, for History (a link until edited, the saved work's own rank). */
  origin: { kind: WorkKind; title: string | null };
  /** What to tell the user: a link was opened (and other work kept), or a link was broken. */
  message?: { kind: "opened" | "kept" | "broken"; text: string };
  /** The saved work a link replaced that History refused: it stays in the saved slot (this tab
   *  will not overwrite it until History takes it), and the page offers it as a download. */
  refused?: { problem: StorageProblem; work: Work };
  /** The History entry that now holds the saved work the link replaced. */
  keptId?: string;
  /** The URL hash held a link (consumed now, so a reload shows the saved work). */
  hadLink: boolean;
}

const LINK_ORIGIN = { kind: "link", title: "Shared link" } as const;

/** Decides the opening workspace from the URL hash and the saved work. `address` is what the
 *  page itself wrote with a hash it put in the address bar (a reload): that work reopens as
 *  what it was, not as a stranger's link. */
export function chooseStart(hash: string, keeper: Keeper, address?: { kind: WorkKind; title: string }): Start {
  const saved = keeper.saved();
  const savedOrigin = saved ? { kind: saved.kind, title: saved.title } : ({ kind: "pristine", title: null } as const);
  if (!isLinkHash(hash)) {
    keeper.adopt();
    return { snapshot: saved?.snapshot ?? defaultSnapshot(), origin: savedOrigin, hadLink: false };
  }
  let linked: Snapshot;
  try {
    linked = decodeLink(hash);
  } catch (err) {
    keeper.adopt();
    const fallback = saved ? "Showing your saved work instead." : "Showing the example workspace instead.";
    return {
      snapshot: saved?.snapshot ?? defaultSnapshot(),
      origin: savedOrigin,
      hadLink: true,
      message: { kind: "broken", text: `${(err as Error).message} ${fallback}` },
    };
  }
  if (saved && sameFiles(saved.snapshot.files, linked.files)) {
    keeper.adopt();
    return { snapshot: linked, origin: savedOrigin, hadLink: true };
  }
  const origin = address ?? LINK_ORIGIN;
  const opened = address ? undefined : ({ kind: "opened", text: "You opened a shared workspace." } as const);
  if (!saved || saved.kind === "pristine" || sameFiles(saved.snapshot.files, defaultSnapshot().files)) {
    keeper.adopt();
    return { snapshot: linked, origin, hadLink: true, message: opened };
  }
  const kept = keeper.keep(saved);
  if (!kept.ok) return { snapshot: linked, origin, hadLink: true, message: opened, refused: { problem: kept.problem, work: saved } };
  keeper.adopt();
  const what = saved.kind === "own" ? "Your own work was kept in History." : "The shared workspace you had open was kept in History.";
  const text = address ? `The work another tab saved in this browser was kept in History.` : `You opened a shared workspace. ${what}`;
  return { snapshot: linked, origin, hadLink: true, keptId: kept.id, message: { kind: "kept", text } };
}
