// The playground page: picks the opening workspace (link, saved work or example), builds the
// store, mounts the page, and connects the engine (in the page, or a worker for large inputs),
// local persistence, theme and shortcuts.

import { createBrowserEngine } from "./engine/hosts/browser";
import { localClient, switchingClient } from "./engine/worker";
import { workerClient } from "./engine/worker";
import EngineWorker from "./engine/worker/worker?worker";
import { connectEngine, createKeeper, createPlaygroundStore, isLinkHash } from "./store";
import { chooseStart } from "./app/start";
import { announceStart, openLink } from "./app/links";
import { mountLayout } from "./app/layout";
import { connectPersistence } from "./app/persistence";
import { connectTheme, savedTheme } from "./app/theme";
import { connectShortcuts } from "./app/shortcuts";
import { connectDrop } from "./app/commands";
import { browserStorage } from "./app/history";
import { registerOffline } from "./app/offline";
import { connectExamples } from "./app/examples";
import "./app/app.css";
import "./app/teaching.css";

const storage = browserStorage();
const keeper = createKeeper(storage);
const start = chooseStart(location.hash, keeper);
const store = createPlaygroundStore(start.snapshot, start.origin);
store.setState({ theme: savedTheme(storage), editorKind: matchMedia("(max-width: 700px)").matches ? "plain" : "monaco" });
announceStart(store, keeper, start);

// a link pasted into the address bar of an open page (or sent by a page that opened this one)
// changes only the hash
addEventListener("hashchange", () => {
  if (isLinkHash(location.hash)) openLink(store, keeper, location.hash);
});

const root = document.getElementById("app")!;
connectTheme(store, storage);
mountLayout(root, store, keeper);
connectPersistence(store, keeper);
connectShortcuts(store);
connectDrop(store, root, keeper);
connectExamples(store, keeper);

const testHooks: { injectFault?: (kind: "trap" | "oom") => void } = {};
const base = new URL("./", document.baseURI);
const offline = registerOffline(base);
createBrowserEngine(base).then(
  (engine) => {
    testHooks.injectFault = (kind) => engine.injectFault(kind);
    const client = switchingClient(localClient(engine), () => workerClient(new EngineWorker(), base));
    // comparisons and the atlas run on other kernels in their own engine, off the page's thread
    store.getState().setSideEngine(() => workerClient(new EngineWorker(), base));
    let first = true;
    connectEngine(store, client, {
      onApplied() {
        if (first) {
          document.body.dataset.ready = "true";
          void offline.cacheLoaded();
        }
        first = false;
      },
    });
  },
  (err: unknown) => {
    store.getState().setEngineFailed(err instanceof Error ? err.message : String(err));
    document.body.dataset.ready = "error";
  },
);

// for the browser tests and the typing benchmark (the page's own script, never reachable from a
// workspace, a link or an embedding page)
(window as unknown as { ksymns: unknown }).ksymns = { store, testHooks };
