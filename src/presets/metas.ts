// Every preset's preset.json in one chunk, so that the gallery shows each card whole (story and
// the real kernel's verdict) as soon as it opens, without loading any preset's files.

import type { PresetMeta } from "./types";

const metas = import.meta.glob("./*/preset.json", { eager: true, import: "default" }) as Record<string, PresetMeta>;

/** The preset.json of preset `slug`, or undefined. */
export function presetMeta(slug: string): PresetMeta | undefined {
  return metas[`./${slug}/preset.json`];
}
