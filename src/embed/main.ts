// The embed page (embed.html): the playground's store and panes with minimal chrome, driven
// by URL flags (flags.ts). Light first: highlighted code and the engine's verdict without
// Monaco, which loads on the first click or focus in the code (never when read-only). With
// `edit`, the element's upgrade of a drawn embed: Monaco at once, then `ready` (takeover.ts).
// The editor's Retry opens the page again where the reader was (reopen.ts).

import { startEngine } from "../app/startengine";
import { createPlaygroundStore, decodeLink, defaultSnapshot, isLinkHash, selectSnapshot, type Snapshot } from "../store";
import { editorPane } from "../views/editor";
import { connectTheme } from "../app/theme";
import { registerOffline } from "../app/offline";
import { parseFlags } from "./flags";
import { mountEmbedView } from "./view";
import { lightClient, type ProfileMode } from "./light";
import { connectHost } from "./frame";
import { holdKeys, takeOver } from "./takeover";
import { reopenPage, takeReopened } from "./reopen";
import { envelope, type FrameMessage } from "./protocol";
import { EDITOR_LEAVE } from "../editor/keyboard";
import "../app/app.css";
import "./embed.css";

const flags = parseFlags(location.search);
const base = new URL("./", document.baseURI);

// taking over from a drawn embed: keys held from the start, and the element told at once that
// this page runs (before its load event: a frame that loads silent failed)
const held = flags.edit && !flags.readonly ? holdKeys() : null;
const tellElement = (m: FrameMessage) => {
  if (window.parent !== window) for (const o of flags.origins) window.parent.postMessage(envelope(m), o);
};
if (held) tellElement({ type: "editor", state: "loading" });
const offline = registerOffline(base);

async function opening(): Promise<{ snapshot: Snapshot; problem?: string }> {
  if (isLinkHash(location.hash)) {
    try {
      return { snapshot: decodeLink(location.hash) };
    } catch (err) {
      return { snapshot: defaultSnapshot(), problem: (err as Error).message };
    }
  }
  if (flags.preset) {
    try {
      const { loadPreset } = await import("../presets/browser");
      const { files } = await loadPreset(flags.preset);
      const list = Object.entries(files).map(([name, content]) => ({ name, content }));
      return { snapshot: { files: list, profile: true, relaxed: true, view: { file: list.find((f) => f.name.endsWith(".c"))?.name ?? list[0]?.name } } };
    } catch (err) {
      return { snapshot: defaultSnapshot(), problem: (err as Error).message };
    }
  }
  return { snapshot: defaultSnapshot() };
}

// a page opened again to retry the editor starts where the reader was (reopen.ts)
const reopened = flags.edit ? null : takeReopened();
const { snapshot, problem }: { snapshot: Snapshot; problem?: string } = reopened ?? (await opening());
const store = createPlaygroundStore(snapshot);
if (!reopened && flags.file) store.getState().openFile(flags.file);
if (!reopened && flags.kernel) store.getState().setKernel(flags.kernel);
store.setState({ theme: flags.theme === "auto" ? "system" : flags.theme, editorKind: "monaco" });
connectTheme(store, { setItem() {} });
let profileMode: ProfileMode = flags.profile;
if (!snapshot.profile) profileMode = "off";

const root = document.getElementById("embed")!;
const view = mountEmbedView(root, store, {
  flags,
  base,
  problem,
  run: () => start(),
  editor: editorPane.mount,
  reopen: (place) => reopenPage({ snapshot: selectSnapshot(store.getState()), place, started }),
});

// the engine: on load, or on the first Run
let started = false;
function start(): void {
  if (started) return;
  started = true;
  view.started();
  startEngine(store, base, {
    wrap: (client) => lightClient(client, () => profileMode),
    onReady: () => void offline.cacheLoaded(),
    shared: { onResources: (urls) => void offline.cache(urls) },
  });
}
if (flags.run === "click") {
  document.body.dataset.ready = "idle";
  void offline.cacheLoaded();
}

// taking over from a drawn embed: the engine and the editor first, the host told after (or,
// the editor not loading, the element told why: it keeps the drawn embed)
if (flags.run === "load" || held || reopened?.started) start();
if (reopened) view.code.resume(reopened.place);
const editorUp = held
  ? await view.code.openEditor().then(
      () => true,
      (err: Error) => (tellElement({ type: "editor", state: "failed", reason: err.message }), false),
    )
  : true;

if (editorUp)
  connectHost(store, flags.origins, root, {
    readonly: flags.readonly,
    run: start,
    setProfile(on) {
      profileMode = on ? "on" : "off";
      store.getState().setProfile(on);
    },
    edit: held ? (m) => void takeOver(store, m, held) : undefined,
  });

// Esc, Tab with nothing after the editor in this frame: the element focuses what follows it
addEventListener(EDITOR_LEAVE, (e) => {
  if (window.parent === window || !flags.origins.length) return;
  e.preventDefault();
  tellElement({ type: "leave", forward: (e as CustomEvent<{ forward: boolean }>).detail.forward });
});

// for the browser tests
(window as unknown as { ksymns: unknown }).ksymns = { store, flags };
