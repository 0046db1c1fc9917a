// An embed drawn in its element's shadow root, with no frame of its own: the embed's view
// (view.ts) over a store in the host page, run by the page's one engine frame (pageengine.ts)
// and styled by one sheet that every such element adopts. A page of ten such embeds builds one
// extra document, not ten. An editable one becomes a frame (the editor) on the first edit:
// it says so (onEdit), takes keys at its caret meanwhile, and hands over its state (state()).

import appCss from "../app/app.css?inline";
import embedCss from "./embed.css?inline";
import { connectEngine, createPlaygroundStore, decodeLink, defaultSnapshot, encodeLink, selectSnapshot, type Snapshot } from "../store";
import { connectTheme } from "../app/theme";
import { parseFlags } from "./flags";
import { lightClient, type ProfileMode } from "./light";
import { mountEmbedView } from "./view";
import { pageEngine } from "./pageengine";
import { serveHost, type HostPort } from "./frame";
import { scopeCss } from "./scopecss";
import type { Caret } from "./caret";

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
  /** The first interaction that edits (editable embeds only): the editor is to be loaded. */
  onEdit?(): void;
}

/** What a drawn embed hands to the frame that replaces it. */
export interface DrawnState {
  /** The share link of the workspace now (files, profile, relaxed, open file, result tab). */
  hash: string;
  /** The text files now, by name. */
  files: Record<string, string>;
  file: string | null;
  tab: string;
  theme: "light" | "dark" | "auto";
  profile: ProfileMode;
  /** The caret in the open file (null before the first edit), the other end of its selection
   *  (null: none), and the code's scroll. */
  caret: Caret | null;
  anchor: Caret | null;
  top: number;
  left: number;
}

/** An embed drawn in a shadow root. */
export interface DrawnEmbed {
  /** Its box (what a frame taking its place is sized to). */
  root: HTMLElement;
  state(): DrawnState;
  /** The editor frame could not load (`reason`): the embed stays, says so and offers a retry. */
  editorFailed(reason: string): void;
  /** Removes it and stops its runs and its protocol. */
  dispose(): void;
}

/** Draws the embed `o` describes into `shadow`. */
export function mountShadowEmbed(shadow: ShadowRoot, o: ShadowEmbed): DrawnEmbed {
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
  const stopTheme = connectTheme(store, { setItem() {} }, root);

  let stopEngine: (() => void) | null = null;
  const start = () => {
    if (stopEngine) return;
    view.started();
    stopEngine = connectEngine(
      store,
      lightClient(pageEngine(o.playground), () => profileMode),
    );
  };
  const view = mountEmbedView(embed, store, { flags, base: new URL(o.playground), problem, run: start, onEdit: o.onEdit });
  const stopHost = serveHost(store, o.port, null, {
    readonly: flags.readonly,
    run: start,
    setProfile(on) {
      profileMode = on ? "on" : "off";
      store.getState().setProfile(on);
    },
  });
  if (flags.run === "load") start();

  return {
    root,
    state() {
      const s = store.getState();
      const files: Record<string, string> = {};
      for (const f of s.files) if (typeof f.content === "string") files[f.name] = f.content;
      const place = view.code.place();
      return {
        hash: encodeLink(selectSnapshot(s)),
        files,
        file: s.activeFile,
        tab: s.tab,
        theme: s.theme === "system" ? "auto" : s.theme,
        profile: profileMode,
        ...place,
      };
    },
    editorFailed: (reason) => view.code.failEditor(reason),
    dispose() {
      stopHost();
      stopEngine?.();
      stopTheme();
      view.code.dispose();
      root.remove();
    },
  };
}
