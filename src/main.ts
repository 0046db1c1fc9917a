// The playground page: picks the opening workspace (link, saved work or example), builds the
// store, mounts the page, and connects the engine (in the page, or a worker for large inputs),
// local persistence, theme and shortcuts.

import { connectCompare, createPlaygroundStore, isLinkHash, saveCurrent, selectSnapshot } from "./store";
import { startEngine, startWorkerClient } from "./app/startengine";
import { chooseStart, type Start } from "./app/start";
import { mountLayout } from "./app/layout";
import { connectPersistence } from "./app/persistence";
import { connectTheme, savedTheme } from "./app/theme";
import { connectShortcuts } from "./app/shortcuts";
import { connectDrop, restoreLatest } from "./app/commands";
import { openHistory } from "./app/history";
import { registerOffline } from "./app/offline";
import { connectExamples } from "./app/examples";
import "./app/app.css";
import "./app/teaching.css";

const storage = localStorage;
const start = chooseStart(location.hash, storage);
const store = createPlaygroundStore(start.snapshot);
store.setState({ theme: savedTheme(storage), editorKind: matchMedia("(max-width: 700px)").matches ? "plain" : "monaco" });

/** Shows what the opening decision has to say, and takes a consumed link out of the address bar. */
function announce(s: Start): void {
  if (s.hadLink) history.replaceState(null, "", location.pathname + location.search);
  if (!s.message) return;
  const { kind, text } = s.message;
  store.getState().showNotice(
    kind === "set-aside"
      ? { kind: "info", text, action: { label: "Back to my work", run: () => restoreLatest(store, storage) }, more: { label: "Open History", run: () => openHistory(store, storage) } }
      : { kind: kind === "broken" ? "error" : "info", text },
  );
}
announce(start);

// a link pasted into the address bar of an open page changes only the hash
addEventListener("hashchange", () => {
  if (!isLinkHash(location.hash)) return;
  saveCurrent(storage, selectSnapshot(store.getState()));
  const next = chooseStart(location.hash, storage);
  store.getState().loadSnapshot(next.snapshot);
  announce(next);
});

const root = document.getElementById("app")!;
connectTheme(store, storage);
mountLayout(root, store, storage);
connectPersistence(store, storage);
connectShortcuts(store);
connectDrop(store, root);
connectExamples(store, storage);

const testHooks: { injectFault?: (kind: "trap" | "oom") => void } = {};
const base = new URL("./", document.baseURI);
const offline = registerOffline(base);
// comparisons and the atlas run on other kernels in their own engine, off the page's thread
store.getState().setSideEngine(() => startWorkerClient(base));
connectCompare(store);
startEngine(store, base, {
  onEngine: (engine) => (testHooks.injectFault = (kind) => engine.injectFault(kind)),
  onReady: () => void offline.cacheLoaded(),
});

// for the browser tests and the typing benchmark (the page's own script, never reachable from a
// workspace, a link or an embedding page)
(window as unknown as { ksymns: unknown }).ksymns = { store, testHooks };
