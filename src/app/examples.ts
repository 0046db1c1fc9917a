// Opening presets by URL: #examples shows the gallery, #example/<slug> opens that preset with
// its story (setting other work aside, never dropping it). The hash is taken out afterwards,
// as with share links, so a reload shows the saved work.

import { defaultSnapshot, sameFiles, selectSnapshot, setAside, type KeyValueStorage, type PlaygroundStore, type WorkspaceFile } from "../store";
import { findPreset } from "../presets/list";
import { loadPreset } from "../presets/browser";
import { restoreSetAside } from "./commands";

/** Opens the preset `slug` in the store. */
export async function openPreset(store: PlaygroundStore, storage: KeyValueStorage, slug: string): Promise<void> {
  const { meta, files } = await loadPreset(slug);
  const current = selectSnapshot(store.getState());
  const wasPreset = store.getState().preset !== null;
  const own = !wasPreset && !sameFiles(current.files, defaultSnapshot().files) && current.files.length > 0;
  const setAsideOk = own && setAside(storage, current);
  const list: WorkspaceFile[] = Object.entries(files).map(([name, content]) => ({ name, content }));
  const first = list.find((f) => f.name.endsWith(".c"))?.name;
  store.getState().loadSnapshot({ files: list, profile: true, relaxed: meta.relaxed, view: { file: first, tab: "problems" } });
  if (!files[".config"]) store.getState().setKernel(meta.kernel);
  store.getState().setPreset({ slug, meta });
  if (setAsideOk) store.getState().showNotice({ kind: "info", text: `You opened the example “${meta.title}”. Your own work was set aside, not lost.`, action: { label: "Back to my work", run: () => restoreSetAside(store, storage) } });
}

/** Follows #example/<slug> and #examples now and whenever the hash changes. */
export function connectExamples(store: PlaygroundStore, storage: KeyValueStorage): () => void {
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
    openPreset(store, storage, m[1]).catch((err: unknown) => store.getState().showNotice({ kind: "error", text: `The example could not be opened: ${(err as Error).message}` }));
  };
  follow();
  addEventListener("hashchange", follow);
  return () => removeEventListener("hashchange", follow);
}
