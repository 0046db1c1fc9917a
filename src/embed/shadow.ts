// A read-only embed drawn in its element's shadow root, with no frame of its own: the embed's
// view (view.ts) over a store in the host page, run by the page's one engine frame
// (pageengine.ts) and styled by one sheet that every such element adopts. A page of ten such
// embeds builds one extra document, not ten.

import appCss from "../app/app.css?inline";
import embedCss from "./embed.css?inline";
import { connectEngine, createPlaygroundStore, decodeLink, defaultSnapshot, type Snapshot } from "../store";
import { connectTheme } from "../app/theme";
import { parseFlags } from "./flags";
import { lightClient, type ProfileMode } from "./light";
import { mountEmbedView } from "./view";
import { pageEngine } from "./pageengine";
import { serveHost, type HostPort } from "./frame";
import { scopeCss } from "./scopecss";

/** The root's own rules: nothing inherited from the host page, and the container the queries ask. */
const BASE = ".ksymns-root{all:initial;display:block;container:ksymns/inline-size;text-align:start}";

let sheet: CSSStyleSheet | null = null;
/** The one sheet of every shadow-drawn embed in the page, parsed once. */
function embedSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(BASE + scopeCss(appCss) + scopeCss(embedCss));
  }
  return sheet;
}

export interface ShadowEmbed {
  /** The ksymns site (a URL ending in /). */
  playground: string;
  /** The embed URL's query (its flags) and hash (the workspace's share link, "" for the example). */
  search: string;
  hash: string;
  /** Where the host protocol's messages go, as a frame's would. */
  port: HostPort;
}

/** Draws the embed `o` describes into `shadow`. */
export function mountShadowEmbed(shadow: ShadowRoot, o: ShadowEmbed): void {
  const flags = parseFlags(o.search);
  let snapshot: Snapshot = defaultSnapshot();
  let problem: string | undefined;
  if (o.hash) {
    try {
      snapshot = decodeLink(`#${o.hash}`);
    } catch (err) {
      problem = (err as Error).message;
    }
  }
  const store = createPlaygroundStore(snapshot);
  if (flags.file) store.getState().openFile(flags.file);
  if (flags.kernel) store.getState().setKernel(flags.kernel);
  store.setState({ theme: flags.theme === "auto" ? "system" : flags.theme });
  let profileMode: ProfileMode = snapshot.profile ? flags.profile : "off";

  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, embedSheet()];
  const root = document.createElement("div");
  root.className = "ksymns-root";
  root.dataset.dialogHost = "";
  const embed = document.createElement("div");
  embed.className = "embed";
  root.append(embed);
  shadow.append(root);
  connectTheme(store, { setItem() {} }, root);

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    view.started();
    connectEngine(
      store,
      lightClient(pageEngine(o.playground), () => profileMode),
    );
  };
  const view = mountEmbedView(embed, store, { flags, base: new URL(o.playground), problem, run: start });
  serveHost(store, o.port, null, {
    readonly: flags.readonly,
    run: start,
    setProfile(on) {
      profileMode = on ? "on" : "off";
      store.getState().setProfile(on);
    },
  });
  if (flags.run === "load") start();
}
