// Monaco (3.4 MB of minified script) as layered chunks, one per layer of its source tree, instead
// of one: the browser downloads and parses them side by side on its background threads, which
// took a first visit's Monaco ready ~0.2–0.3 s closer to its first verdict (npm run bench).
// The layers import only downwards (base ← platform ← editor/common ← editor/browser ← the
// rest), so the chunks have no cycles and modules run in their usual order. What only the
// editor's later features (src/editor/features.ts) need is a chunk of its own, fetched after
// the editor is shown: a fifth less script to parse before it.

import type { Plugin } from "vite";

/** A rolldown code-splitting group (output.codeSplitting.groups). */
interface ChunkGroup {
  name: string;
  test: RegExp | ((id: string) => boolean);
  priority: number;
}

const MONACO = String.raw`node_modules[\\/]monaco-editor[\\/]`;
const VS = String.raw`${MONACO}esm[\\/]vs[\\/]`;
const FEATURES = /src[\\/]editor[\\/]features\.ts$/;
const CORE = /src[\\/]editor[\\/]editor\.ts$/;

/** Monaco modules (script and style) only the later features import, found once the module
 *  graph is complete (buildEnd, before chunks are made). */
const late = new Set<string>();

/** Modules `from` imports, transitively, without dynamic imports. */
function staticClosure(from: string, imports: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>([from]);
  const todo = [from];
  while (todo.length) {
    for (const next of imports(todo.pop()!)) {
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(next);
    }
  }
  return seen;
}

/** The plugin that finds which Monaco modules only the later features need. */
export function monacoFeatures(): Plugin {
  return {
    name: "ksymns-monaco-features",
    apply: "build",
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const features = ids.find((id) => FEATURES.test(id));
      const core = ids.find((id) => CORE.test(id));
      // a worker's build, or a graph without the editor: nothing to split
      if (!features || !core) return;
      const imports = (id: string) => this.getModuleInfo(id)?.importedIds ?? [];
      const eager = staticClosure(core, imports);
      late.clear();
      const monaco = new RegExp(MONACO);
      for (const id of staticClosure(features, imports)) if (!eager.has(id) && monaco.test(id)) late.add(id);
    },
  };
}

const layer = (re: RegExp) => (id: string) => re.test(id) && !late.has(id);

/** The groups for vite.config.ts, highest priority first. */
export const monacoChunks: ChunkGroup[] = [
  // a group takes its modules' dependencies too: Vite's preload helper (which Monaco's own
  // dynamic imports use) keeps its chunk, or every page would load a Monaco layer to get it
  { name: "preload-helper", test: /preload-helper/, priority: 10 },
  // one stylesheet for all layers, not five more requests (the features' rules come with them)
  { name: "monaco-css", test: layer(new RegExp(`${MONACO}.*\\.css$`)), priority: 9 },
  // vs/nls.js and the other files at vs/'s root are imported from every layer
  { name: "monaco-base", test: layer(new RegExp(String.raw`${VS}(base[\\/]|[^\\/]+\.js$)`)), priority: 5 },
  { name: "monaco-platform", test: layer(new RegExp(String.raw`${VS}platform[\\/]`)), priority: 4 },
  { name: "monaco-common", test: layer(new RegExp(String.raw`${VS}editor[\\/]common[\\/]`)), priority: 3 },
  { name: "monaco-browser", test: layer(new RegExp(String.raw`${VS}editor[\\/]browser[\\/]`)), priority: 2 },
  // contributions, the standalone editor and editor.api
  { name: "monaco", test: layer(new RegExp(MONACO)), priority: 1 },
  // what only the features need, from every layer, their stylesheets too: last, so that it
  // takes none of the layers' modules with its own
  { name: "monaco-features", test: (id) => late.has(id), priority: 0 },
];
