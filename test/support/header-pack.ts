// A header pack written from a small hand-made kernel tree, packed as `ksymns headers` packs
// Debian's: what the engine tests read C files with instead of a real kernel's headers.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildPack, stripComments } from "../../src/cli/headerpack";

/** Writes the pack of `tree` (path → text) for `profile` into `root`/`profile`. */
export function writeHeaderPack(root: string, profile: string, tree: Record<string, string>): void {
  const files = new Map(Object.entries(tree).map(([p, t]) => [p, stripComments(t)]));
  const { index, chunks } = buildPack(files, { profile, release: profile.replace(/^debian-/, ""), packages: [] });
  const dir = join(root, profile);
  mkdirSync(dir);
  for (const [name, bytes] of chunks) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, "index.json"), JSON.stringify(index));
}
