// Retrying an editor that did not load by opening the page again. A browser keeps a module
// script that failed to load as failed for the rest of the document's life (the HTML module
// map; Chromium does), so importing Monaco again in the same page fails at once, without a
// request. The page keeps the reader's workspace, caret and scroll in sessionStorage, reloads,
// and opens the editor where the reader was.

import { snapshotFromJson, snapshotToJson, type Snapshot } from "../store";
import type { Caret } from "./caret";

/** Where the reader was in the open file. */
export interface Place {
  caret: Caret | null;
  anchor: Caret | null;
  top: number;
  left: number;
}

/** What a reopened page starts from. */
export interface Reopened {
  snapshot: Snapshot;
  place: Place;
  /** The engine had been started (a run=click embed after its Run). */
  started: boolean;
}

const PREFIX = "ksymns-reopen:";

/** The browsing context's name carries the key, so two frames of one page (which share
 *  sessionStorage) each find their own; the name it had comes back on reopening. */
interface NameTag {
  ksymnsReopen: string;
  name: string;
}

/** Saves `state` and reloads the page; rejects, saving nothing, when the page cannot be
 *  reached (a reload would show the browser's error page instead of the reader's code) or the
 *  state cannot be kept. */
export async function reopenPage(state: Reopened): Promise<void> {
  const page = await fetch(location.href, { cache: "no-store" }).catch(() => null);
  if (!page?.ok) throw new Error(page ? `the page answered ${page.status}` : "the page cannot be reached");
  const key = PREFIX + Math.random().toString(36).slice(2);
  const json = { s: snapshotToJson(state.snapshot), place: state.place, started: state.started };
  try {
    sessionStorage.setItem(key, JSON.stringify(json));
  } catch (err) {
    throw new Error(`the workspace cannot be kept while the page reloads (${(err as Error).message})`, { cause: err });
  }
  window.name = JSON.stringify({ ksymnsReopen: key, name: window.name } satisfies NameTag);
  location.reload();
}

/** What the page was reopened with (taken once), or null. */
export function takeReopened(): Reopened | null {
  let tag: NameTag;
  try {
    tag = JSON.parse(window.name) as NameTag;
  } catch {
    return null;
  }
  if (typeof tag?.ksymnsReopen !== "string" || !tag.ksymnsReopen.startsWith(PREFIX)) return null;
  window.name = typeof tag.name === "string" ? tag.name : "";
  try {
    const raw = sessionStorage.getItem(tag.ksymnsReopen);
    sessionStorage.removeItem(tag.ksymnsReopen);
    const json = JSON.parse(raw ?? "null") as { s: unknown; place: Place; started: unknown };
    return { snapshot: snapshotFromJson(json.s), place: placeOf(json.place), started: json.started === true };
  } catch {
    return null;
  }
}

const caretOf = (c: unknown): Caret | null => {
  const x = c as Caret | null;
  return x && Number.isInteger(x.line) && Number.isInteger(x.col) && x.line > 0 && x.col > 0 ? { line: x.line, col: x.col } : null;
};

function placeOf(p: Partial<Place> | null): Place {
  const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0);
  return { caret: caretOf(p?.caret), anchor: caretOf(p?.anchor), top: n(p?.top), left: n(p?.left) };
}
