// The built-in prelude: the kernel headers the engine owns (wasm/prelude/include, embedded by
// wasm/prelude/embed.mjs), which the preprocessor searches after the workspace's folders.

import { PRELUDE_PATHS, PRELUDE_TEXTS } from "./files";

/** Where the prelude's headers are found (gcc's -I of the kernel's include folder). */
export const PRELUDE_DIR = "/ksymns/include";
/** How diagnostics name that folder: as kbuild's gcc does (`-I./include`). */
export const PRELUDE_SHOWN = "./include";

let byPath: Map<string, i32> | null = null;

/** The text of the prelude header `path` ("linux/module.h"), or null when the prelude has none. */
export function preludeFile(path: string): string | null {
  let map = byPath;
  if (map == null) {
    map = new Map<string, i32>();
    for (let i = 0; i < PRELUDE_PATHS.length; i++) map.set(PRELUDE_PATHS[i], i);
    byPath = map;
  }
  return map.has(path) ? PRELUDE_TEXTS[map.get(path)] : null;
}

/** Every prelude header's path, sorted. */
export function preludePaths(): string[] {
  return PRELUDE_PATHS.slice(0);
}
