// The real-source data set the corpus tests compare with (test/support/ground-truth.ts): each
// target's modules as Debian's real kbuild built them, cached under $KSYMNS_CORPUS/ground-truth
// (else ~/.cache/ksymns/corpus/ground-truth), and where each target's sources are.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCorpusDir } from "../../src/cli/corpus";
import { DRIVER_TARGETS, fetchDriver, gccSource, type TargetResult } from "./ground-truth";
import { fetchKernelSource } from "./kernel-source";

const DATASET = join(defaultCorpusDir(), "ground-truth");

export interface RealsrcIndex {
  series: string;
  release: string;
  version: string;
  targets: { id: string }[];
}

/** The data set of a series and its targets' results, made by the ground-truth script when
 *  missing and we are root. */
export function realsrcDataset(series: string): { dir: string; index: RealsrcIndex; results: TargetResult[] } {
  const find = (): { dir: string; index: RealsrcIndex } | null => {
    if (!existsSync(DATASET)) return null;
    for (const d of readdirSync(DATASET)) {
      const f = join(DATASET, d, "index.json");
      if (!existsSync(f)) continue;
      const index = JSON.parse(readFileSync(f, "utf8")) as RealsrcIndex;
      if (index.series === series) return { dir: join(DATASET, d), index };
    }
    return null;
  };
  let found = find();
  if (!found) {
    const how = `npx tsx test/support/ground-truth.ts --kernel ${series}`;
    if (process.getuid?.() !== 0) throw new Error(`no real-kbuild data set for ${series} under ${DATASET}: as root, run ${how}`);
    execFileSync("npx", ["tsx", "test/support/ground-truth.ts", "--kernel", series], { stdio: ["ignore", "inherit", "inherit"] });
    found = find();
    if (!found) throw new Error(`${how} made no data set for ${series}`);
  }
  const { dir, index } = found;
  const results = index.targets.map((t) => repaired(JSON.parse(readFileSync(join(dir, `${t.id}.json`), "utf8")) as TargetResult));
  return { dir, index, results };
}

/** A data set made before ground-truth.ts took an object's source from the compiler's words:
 *  the object of a one-object module then named itself (the last word of its saved command is
 *  objtool's), and the corpus found no source for it. */
export function repaired(r: TargetResult): TargetResult {
  for (const m of r.modules)
    for (const o of m.objects) {
      if (!o.source?.endsWith(".o") || !o.flags) continue;
      const s = gccSource(o.flags.argv);
      const named = o.flags.argv.at(-1) ?? "";
      if (!s) continue;
      // a relative name was placed in the M= folder as the object's was
      if (s.startsWith("<T>") || s.startsWith("/")) o.source = s;
      else if (o.source.endsWith(named)) o.source = o.source.slice(0, o.source.length - named.length) + s;
    }
  return r;
}

/** Where a target's source files are in the cache: linux-source or the driver's package. */
export function sourceRoot(r: TargetResult, series: string, version: string): string {
  if (r.kind === "tree") return fetchKernelSource(series, version).root;
  const d = DRIVER_TARGETS.find((t) => t.id === r.id)!;
  return join(fetchDriver(defaultCorpusDir(), d), d.tree);
}
