// Which workspace the page opens with: a shared link (setting aside different saved work,
// never dropping it), else the saved work, else the example. A broken link opens the saved
// work or the example, with a message saying why.

import { decodeLink, defaultSnapshot, isLinkHash, loadSaved, sameFiles, setAside, type KeyValueStorage, type Snapshot } from "../store";

export interface Start {
  snapshot: Snapshot;
  /** What to tell the user: a link was opened (and other work set aside), or a link was broken. */
  message?: { kind: "opened" | "set-aside" | "broken"; text: string };
  /** The URL hash held a link (consumed now, so a reload shows the saved work). */
  hadLink: boolean;
}

/** Decides the opening workspace from the URL hash and the saved work. */
export function chooseStart(hash: string, storage: KeyValueStorage): Start {
  const saved = loadSaved(storage);
  if (!isLinkHash(hash)) return { snapshot: saved ?? defaultSnapshot(), hadLink: false };
  try {
    const linked = decodeLink(hash);
    const savedIsOwnWork = saved && !sameFiles(saved.files, linked.files) && !sameFiles(saved.files, defaultSnapshot().files);
    if (savedIsOwnWork && setAside(storage, saved)) {
      return { snapshot: linked, hadLink: true, message: { kind: "set-aside", text: "You opened a shared workspace. Your own work was kept in History." } };
    }
    return { snapshot: linked, hadLink: true, message: saved && sameFiles(saved.files, linked.files) ? undefined : { kind: "opened", text: "You opened a shared workspace." } };
  } catch (err) {
    const fallback = saved ? "Showing your saved work instead." : "Showing the example workspace instead.";
    return { snapshot: saved ?? defaultSnapshot(), hadLink: true, message: { kind: "broken", text: `${(err as Error).message} ${fallback}` } };
  }
}
