// The playground page: picks the opening workspace (link, saved work or example), builds the
// store, mounts the page, and connects the engine (in the page, or a worker for large inputs),
// local persistence, theme and shortcuts.

import { createKeeper, connectCompare, createPlaygroundStore, isLinkHash } from "./store";
import { startEngine, startWorkerClient } from "./app/startengine";
import { chooseStart } from "./app/start";
import { announceStart, openLink } from "./app/links";
import { mountLayout } from "./app/layout";
import { connectPersistence, isAddressState } from "./app/persistence";
import { connectTheme, savedTheme } from "./app/theme";
import { connectShortcuts } from "./app/shortcuts";
import { connectDrop } from "./app/commands";
import { browserStorage } from "./app/history";
import { registerOffline } from "./app/offline";
import { connectExamples } from "./app/examples";
import { welcome } from "./app/firstproblem";
import { editorShown } from "./views";
import "./app/app.css";
import "./app/teaching.css";

const storage = browserStorage();
const keeper = createKeeper(storage);
// a reload of an address the page wrote itself (persistence.ts) reopens the saved work, which
// is newer than the address when the reload came within the save's delay; the address is used
// only when nothing was saved (storage refused), and then as what it was, not a stranger's link
const ownAddress = isAddressState(history.state) ? { kind: history.state.kind, title: history.state.title } : undefined;
if (ownAddress && keeper.saved()) history.replaceState(null, "", location.pathname + location.search);
const firstVisit = keeper.saved() === null && !location.hash;
const start = chooseStart(location.hash, keeper, ownAddress);
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
// examples first: #example/<slug> is read before persistence writes the address bar
connectExamples(store, keeper);
connectPersistence(store, keeper);
connectShortcuts(store);
connectDrop(store, root, keeper);
if (firstVisit) welcome(store);

const testHooks: { injectFault?: (kind: "trap" | "oom") => void } = {};
const base = new URL("./", document.baseURI);
const offline = registerOffline(base);
// comparisons and the atlas run on other kernels in their own engine, off the page's thread
store.getState().setSideEngine(() => startWorkerClient(base));
connectCompare(store);
startEngine(store, base, {
  coreFirst: true,
  // the table's run and Monaco's start both want this thread: the editor comes first
  tableAfter: () => editorShown(root),
  onEngine: (engine) => (testHooks.injectFault = (kind) => engine.injectFault(kind)),
  // the service worker copies what the page loaded, Monaco's layers included, once they are in use
  onReady: () => void editorShown(root).then(() => offline.cacheLoaded()),
});

// for the browser tests and the typing benchmark (the page's own script, never reachable from a
// workspace, a link or an embedding page)
(window as unknown as { ksymns: unknown }).ksymns = { store, testHooks };
