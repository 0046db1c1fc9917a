// Opening presets by URL: #examples shows the gallery, #example/<slug> opens that preset with
// its story (keeping other work in History, never dropping it). The hash is taken out afterwards,
// as with share links, so a reload shows the saved work.

import type { Keeper, PlaygroundStore, WorkspaceFile } from "../store";
import { findPreset } from "../presets/list";
import { loadPreset } from "../presets/browser";
import { announceKept, keepCurrent } from "./history";
import { openOnFirstProblem } from "./firstproblem";

/** Opens the preset `slug` in the store. */
export async function openPreset(store: PlaygroundStore, keeper: Keeper, slug: string, done?: string): Promise<void> {
  const { meta, files } = await loadPreset(slug);
  const kept = keepCurrent(store, keeper);
  const list: WorkspaceFile[] = Object.entries(files).map(([name, content]) => ({ name, content }));
  const first = list.find((f) => f.name.endsWith(".c"))?.name;
  store.getState().loadSnapshot({ files: list, profile: true, relaxed: meta.relaxed, view: { file: first, tab: "problems" } });
  if (!files[".config"]) store.getState().setKernel(meta.kernel);
  store.getState().setPreset({ slug, meta });
  void openOnFirstProblem(store);
  // exactly as shipped: the gallery keeps it, so History need not until it is edited
  store.getState().markOrigin("pristine", null);
  if (done && kept.kind === "nothing") store.getState().dismissNotice();
  announceKept(store, keeper, kept, done ?? `You opened the example “${meta.title}”.`);
}

/** Follows #example/<slug> and #examples now and whenever the hash changes. */
export function connectExamples(store: PlaygroundStore, keeper: Keeper): () => void {
  const follow = () => {
    const m = /^#example(?:s|\/([\w.-]+))$/.exec(location.hash);
    if (!m) return;
    history.replaceState(null, "", location.pathname + location.search);
    if (!m[1]) return store.getState().setGalleryOpen(true);
    if (!findPreset(m[1])) {
      store.getState().showNotice({ kind: "error", text: `There is no example called “${m[1]}”.` });
      return store.getState().setGalleryOpen(true);
    }
    store.getState().setGalleryOpen(false);
    openPreset(store, keeper, m[1]).catch((err: unknown) =>
      store.getState().showNotice({ kind: "error", text: `The example could not be opened: ${(err as Error).message}` }),
    );
  };
  follow();
  addEventListener("hashchange", follow);
  return () => removeEventListener("hashchange", follow);
}
