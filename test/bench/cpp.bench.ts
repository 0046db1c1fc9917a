// The C preprocessor: (a) a generated 20,000-line C file with its own header (macros,
// conditionals, variadics, pasting), offline; (b) real drivers against Debian 6.12's real
// headers (fetched once with apt, cached; skipped where apt or gcc-12 are missing): a cold
// run (fresh engine: lexing every header), warm runs (headers lexed, #defines parsed, in
// the engine's file cache), and runs after an edit in the driver's body (resumed after its
// #include lines), with the throughput over the header bytes read. All times include the
// test interface's packing of the files and its JSON.

import { readFileSync } from "node:fs";
import { createEngine, type Engine, type PreprocessOptions } from "../../src/engine";
import { projectRoot } from "../../src/engine/hosts/node";
import { fetchKernelHeaders, hostCanCompare, translationUnit } from "../corpus/kernel-headers";
import { median, ms } from "./stats";

const wasm = readFileSync(`${projectRoot}wasm/build/ksymns.wasm`);
const fresh = (): Promise<Engine> =>
  createEngine({
    wasm: () => WebAssembly.compile(wasm),
    profile: async () => {
      throw new Error("no profile");
    },
  });

/** A driver-like file of about `lines` lines. */
function generated(lines: number): { files: Record<string, string>; options: PreprocessOptions } {
  const header = `#ifndef TOY_H
#define TOY_H
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define pr_fmt(fmt) "toy: " fmt
#define pr_info(fmt, ...) printk(pr_fmt(fmt), ##__VA_ARGS__)
#define min(a, b) ((a) < (b) ? (a) : (b))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define DECLARE_REG(n) static int __PASTE(reg_, n) = n
#define IS_ENABLED(x) (x + 0)
#define CONFIG_TOY 1
#endif
`;
  const out: string[] = ['#include "toy.h"', ""];
  let i = 0;
  while (out.length < lines) {
    out.push(`/* function ${i} */`, `DECLARE_REG(${i});`, `static int toy_fn_${i}(int a, int b)`, "{", `\tint v[] = { ${i}, ${i + 1}, ${i + 2} };`);
    out.push(
      `#if IS_ENABLED(CONFIG_TOY) && ${i % 3}`,
      `\tpr_info("fn %d: %s\\n", ${i}, __stringify(toy_fn_${i}));`,
      "#else",
      `\tpr_info("skipped\\n");`,
      "#endif",
    );
    out.push(`\treturn min(a, b) + ARRAY_SIZE(v) + __PASTE(reg_, ${i});`, "}", "");
    i++;
  }
  return {
    files: { "toy.c": out.join("\n"), "toy.h": header },
    options: { main: "toy.c", tokens: false, text: false, invocations: false, definitions: false },
  };
}

async function measure(name: string, files: Record<string, string>, options: PreprocessOptions, bytes: number, rounds: number): Promise<void> {
  const cold: number[] = [];
  const warm: number[] = [];
  const edit: number[] = [];
  let resumed = 0;
  let tokens = 0;
  for (let r = 0; r < rounds; r++) {
    const e = await fresh();
    let t = performance.now();
    const first = e.preprocess(files, options);
    cold.push(performance.now() - t);
    tokens = first.tokenCount;
    if (first.errors) throw new Error(`${name}: ${first.diagnostics[0]?.text}`);
    for (let w = 0; w < 5; w++) {
      await new Promise((res) => setTimeout(res, 0)); // let the engine collect, as between keystrokes
      t = performance.now();
      e.preprocess(files, { ...options, resume: false });
      warm.push(performance.now() - t);
    }
    // a keystroke in the body: the run resumes after the leading #include lines
    for (let w = 0; w < 5; w++) {
      await new Promise((res) => setTimeout(res, 0));
      const edited = { ...files, [options.main]: `${files[options.main]}\nint ksymns_bench_edit_${r}_${w};\n` };
      t = performance.now();
      const res = e.preprocess(edited, options);
      edit.push(performance.now() - t);
      if (res.stats.resumed) resumed++;
    }
  }
  const mb = bytes / 1e6;
  console.log(`${name}: ${mb.toFixed(2)} MB in ${Object.keys(files).length} files, ${tokens} tokens out`);
  console.log(`  cold (fresh engine, every file lexed), median of ${cold.length}: ${ms(median(cold))}  (${(mb / (median(cold) / 1000)).toFixed(1)} MB/s)`);
  console.log(`  warm (files cached), median of ${warm.length}: ${ms(median(warm))}  (${(mb / (median(warm) / 1000)).toFixed(1)} MB/s)`);
  console.log(
    `  after an edit below the #include lines, median of ${edit.length}: ${ms(median(edit))}  (${resumed} of ${edit.length} resumed at the checkpoint)`,
  );
}

export default async function bench(): Promise<void> {
  const g = generated(20_000);
  await measure(
    "generated 20,000-line C file",
    g.files,
    g.options,
    Object.values(g.files).reduce((n, t) => n + t.length, 0),
    5,
  );
  const cannot = hostCanCompare();
  if (cannot) {
    console.log(`real drivers: skipped (${cannot})`);
    return;
  }
  const k = fetchKernelHeaders(["drivers/usb/storage", "drivers/scsi"], (s) => console.log(s));
  const engine = await fresh();
  for (const src of ["drivers/usb/storage/usb.c", "drivers/usb/storage/uas.c"]) {
    const tu = translationUnit(engine, k, `${k.source}/${src}`, [`${k.source}/drivers/scsi`]);
    await measure(`${src} with Debian ${k.version}'s headers`, tu.files, tu.options, tu.bytes, 3);
  }
}
