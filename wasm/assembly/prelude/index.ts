// The built-in prelude: the kernel headers the engine owns (wasm/prelude/include, embedded by
// wasm/prelude/embed.mjs), which the preprocessor searches after the workspace's folders.

import { PRELUDE_BYTES, PRELUDE_ENDS, PRELUDE_PATHS } from "./files";

/** Where the prelude's headers are found (gcc's -I of the kernel's include folder). */
export const PRELUDE_DIR = "/ksymns/include";
/** How diagnostics name that folder: as kbuild's gcc does (`-I./include`). */
export const PRELUDE_SHOWN = "./include";

let byPath: Map<string, i32> | null = null;
/** The headers' texts, decoded on first use. */
const texts = new Map<i32, string>();

/** The text of the prelude header `path` ("linux/module.h"), or null when the prelude has none. */
export function preludeFile(path: string): string | null {
  let map = byPath;
  if (map == null) {
    map = new Map<string, i32>();
    for (let i = 0; i < PRELUDE_PATHS.length; i++) map.set(PRELUDE_PATHS[i], i);
    byPath = map;
  }
  if (!map.has(path)) return null;
  const i = map.get(path);
  if (!texts.has(i)) {
    const start = i > 0 ? PRELUDE_ENDS[i - 1] : 0;
    texts.set(i, String.UTF8.decodeUnsafe(PRELUDE_BYTES + <usize>start, <usize>(PRELUDE_ENDS[i] - start)));
  }
  return texts.get(i);
}

/** Every prelude header's path, sorted. */
export function preludePaths(): string[] {
  return PRELUDE_PATHS.slice(0);
}
