// Where a newcomer's eyes should land: a workspace that opens with a problem (the default
// example on a first visit, an example from the gallery) shows the file the problem is in,
// and a first visit says in one line what to try.

import type { Finding } from "../engine";
import type { PlaygroundStore } from "../store";
import { EXAMPLE_HINT } from "../example";

/** The first error in a workspace file, or undefined (warnings, such as the taints every
 *  out-of-tree module causes, are no reason to leave the file a workspace opens on). */
function firstProblem(store: PlaygroundStore): Finding | undefined {
  const s = store.getState();
  const names = new Set(s.files.map((f) => f.name));
  return (s.result?.findings ?? []).find((f) => f.severity === "error" && f.file && names.has(f.file));
}

/** Once the verdict on the files open now arrives, opens the file its first problem is in,
 *  unless the user has opened another file meanwhile; resolves with that problem. */
export function openOnFirstProblem(store: PlaygroundStore): Promise<Finding | undefined> {
  const files = store.getState().files;
  const asked = store.getState().activeFile;
  return new Promise((resolve) => {
    const check = () => {
      const s = store.getState();
      if (s.files !== files) return done(undefined);
      if (!s.result || s.resultFiles !== files) return;
      const f = firstProblem(store);
      if (f && s.activeFile === asked) s.openFile(f.file);
      done(f);
    };
    const unsub = store.subscribe((s) => [s.result, s.files] as const, check, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
    const done = (f: Finding | undefined) => (unsub(), resolve(f));
    check();
  });
}

/** A first visit: the example opens on its problem, and a line says what to try. */
export function welcome(store: PlaygroundStore): void {
  void openOnFirstProblem(store).then((f) => {
    if (!f || store.getState().notice) return;
    store.getState().showNotice({
      kind: "info",
      text: `New here? ${EXAMPLE_HINT}`,
      action: { label: "Show the problem", run: () => (store.getState().revealRange(f), store.getState().dismissNotice()) },
    });
  });
}
