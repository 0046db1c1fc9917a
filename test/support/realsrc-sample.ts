// The committed sample of the real-kbuild ground truth (test/realsrc/<release>/<id>.json): the
// data set that test/support/ground-truth.ts writes into the cache, without what is bulky and
// derivable (nm -u order is the symbol-table order sorted bytewise; full .modinfo; CRCs), so
// `npm test` keeps real golden data offline.
//
//   npx tsx test/support/realsrc-sample.ts [DATASET_DIR] [OUT_DIR]

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCorpusDir } from "../../src/cli/corpus";
import type { BuiltModule, TargetResult } from "./ground-truth";
import { repaired } from "./realsrc-dataset";

/** One module of the sample. */
export interface SampleModule {
  ko: string;
  name: string;
  license: string[];
  import_ns: string[];
  depends: string[];
  /** Undefined symbols of the .ko in symbol-table order (readelf -s); nm -u prints them sorted. */
  undefined: string[];
  weak: string[];
  /** [symbol, namespace, gpl] from the M= build's Module.symvers. */
  exports: [string, string, boolean][];
  /** Linked objects (the .mod list; a composite module's prelinked .o last). `undefined` is
   *  left out for a single-object module and where it is the module's set (the data set keeps
   *  every object's own list). */
  objects: { path: string; source?: string; undefined?: string[]; defines?: string[] }[];
  // an object's `defines` lists only the -D flags that `flags.defines` does not (KBUILD_BASENAME, KBUILD_MODNAME, ...)
}

export interface Sample {
  id: string;
  kind: "tree" | "driver";
  kernel: TargetResult["kernel"];
  source: TargetResult["source"];
  setup: string[];
  passes: TargetResult["passes"];
  /** The full compile command of one object, and its preprocessor flags (issue 13). */
  flags: { object: string; argv: string[]; defines: string[]; undefines: string[]; includeDirs: string[]; systemDirs: string[]; includeFiles: string[] } | null;
  modules: SampleModule[];
  /** Every line of the make log except kbuild's progress lines (CC, LD, BTF, MODPOST, make's directory lines). */
  messages: string[];
}

const PROGRESS = /^( {2}(CC|LD|BTF|MODPOST|AR|AS|CHK|UPD|GEN|SYNC|CPP|HOSTCC)\b|make(\[\d+\])?: (Entering|Leaving) directory|=== )/;

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function sampleModule(m: BuiltModule, common: Set<string>): SampleModule {
  const single = m.objects.filter((o) => o.source).length <= 1;
  return {
    ko: m.ko,
    name: m.name,
    license: m.license,
    import_ns: m.import_ns,
    depends: m.depends,
    undefined: m.undefined.symtab,
    weak: m.undefined.weak,
    exports: m.exports.map((e) => [e.symbol, e.namespace, e.gpl]),
    // a single-object module, or an object whose undefined symbols are the module's, keeps only the module's list
    objects: m.objects.map((o) => ({
      path: o.path,
      ...(o.source ? { source: o.source } : {}),
      ...(single || sameSet(o.undefined.symtab, m.undefined.symtab) ? {} : { undefined: o.undefined.symtab }),
      ...(o.flags ? { defines: o.flags.defines.filter((d) => !common.has(d)) } : {}),
    })),
  };
}

/** The sample of one target result. */
export function sampleOf(r: TargetResult): Sample {
  const withFlags = r.modules.flatMap((m) => m.objects).find((o) => o.flags);
  return {
    id: r.id,
    kind: r.kind,
    kernel: r.kernel,
    source: r.source,
    setup: r.setup,
    passes: r.passes,
    flags: withFlags?.flags ? { object: withFlags.path, ...withFlags.flags } : null,
    modules: r.modules.map((m) =>
      sampleModule(m, new Set(withFlags?.flags?.defines.filter((d) => !/^(KBUILD_BASENAME|KBUILD_MODNAME|__KBUILD_MODNAME)=/.test(d)))),
    ),
    messages: r.log.split("\n").filter((l) => l && !PROGRESS.test(l)),
  };
}

function main(): void {
  const [dataset = join(defaultCorpusDir(), "ground-truth"), out = new URL("../realsrc/", import.meta.url).pathname] = process.argv.slice(2);
  for (const release of readdirSync(dataset).filter((d) => existsSync(join(dataset, d, "index.json")))) {
    mkdirSync(join(out, release), { recursive: true });
    for (const f of readdirSync(join(dataset, release)).filter((f) => f.endsWith(".json") && f !== "index.json")) {
      const r = repaired(JSON.parse(readFileSync(join(dataset, release, f), "utf8")) as TargetResult);
      writeFileSync(join(out, release, f), JSON.stringify(sampleOf(r)) + "\n");
    }
  }
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) main();
