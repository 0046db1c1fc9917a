// A header pack written from a small hand-made kernel tree, packed as `ksymns headers` packs
// Debian's: what the engine tests read C files with instead of a real kernel's headers.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildPack, stripComments } from "../../src/cli/headerpack";

/** The headers kbuild passes with -include (compiler-version.h, kconfig.h, compiler_types.h),
 *  as small as a hand-made tree needs them. */
export const FORCED_HEADERS: Record<string, string> = {
  "include/linux/compiler-version.h": "\n",
  "include/linux/kconfig.h": "#ifndef __LINUX_KCONFIG_H\n#define __LINUX_KCONFIG_H\n#include <generated/autoconf.h>\n#endif\n",
  "include/linux/compiler_types.h": "#ifndef __LINUX_COMPILER_TYPES_H\n#define __LINUX_COMPILER_TYPES_H\n#define __used __attribute__((__used__))\n#endif\n",
};

/** Writes the pack of `tree` (path → text) for `profile` into `root`/`profile`. */
export function writeHeaderPack(root: string, profile: string, tree: Record<string, string>): void {
  const files = new Map(Object.entries(tree).map(([p, t]) => [p, stripComments(t)]));
  const { index, chunks } = buildPack(files, { profile, release: profile.replace(/^debian-/, ""), packages: [] });
  const dir = join(root, profile);
  mkdirSync(dir);
  for (const [name, bytes] of chunks) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, "index.json"), JSON.stringify(index));
}
