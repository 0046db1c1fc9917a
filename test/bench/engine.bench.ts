// The engine on Debian 6.12's real Module.symvers (26,753 exports) plus a 10-module
// workspace: a cold run (fresh engine: instantiate, load the profile, run) and an
// incremental run after a one-line edit. Targets: cold ≤ 30 ms, incremental ≤ 2 ms.
// Then a real driver: Debian 6.12's whole drivers/usb/storage (about 19,500 lines of C in 24
// modules, with its headers and its real Makefile), from linux-source-6.12 (fetched with apt
// and cached, as `npm run test:corpus` does; skipped where apt is missing).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createEngine, type KernelProfile } from "../../src/engine";
import { projectRoot } from "../../src/engine/hosts/node";
import { median, ms } from "./stats";
import { fetchKernelSource } from "../support/kernel-source";

function workspace(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) {
    files[`mod${i}.c`] = [
      "#include <linux/module.h>",
      `int toy_f${i}(void) { return ${i}; }`,
      `EXPORT_SYMBOL_NS_GPL(toy_f${i}, TOY_NS${i});`,
      i > 0 ? `int toy_f${i - 1}(void);\nMODULE_IMPORT_NS(TOY_NS${i - 1});` : "",
      `static int __init mod${i}_init(void) { ${i > 0 ? `toy_f${i - 1}();` : ""} return usb_stor_suspend ? 0 : 1; }`,
      `module_init(mod${i}_init);`,
      'MODULE_LICENSE("GPL");',
      'MODULE_DESCRIPTION("bench");',
      "",
    ].join("\n");
  }
  files.load = Array.from({ length: 10 }, (_, i) => `insmod mod${i}.ko`).join("\n") + "\n";
  return files;
}

export default async function bench(): Promise<void> {
  const wasm = new Uint8Array(readFileSync(`${projectRoot}wasm/build/ksymns.wasm`));
  const profile: KernelProfile = {
    symvers: new Uint8Array(gunzipSync(readFileSync(`${projectRoot}public/kernels/debian-6.12.118+deb12-amd64.Module.symvers.gz`))),
    modules: gunzipSync(readFileSync(`${projectRoot}public/kernels/debian-6.12.118+deb12-amd64.modules.gz`)).toString("utf8"),
    config: gunzipSync(readFileSync(`${projectRoot}public/kernels/debian-6.12.118+deb12-amd64.config.gz`)).toString("utf8"),
  };
  const cold: number[] = [];
  const incremental: number[] = [];
  for (let round = 0; round < 15; round++) {
    const files = workspace();
    const t0 = performance.now();
    const engine = await createEngine({ wasm: () => WebAssembly.compile(wasm), profile: async () => profile });
    await engine.useProfileFor("6.12");
    engine.runLoaded(files, { kernel: "6.12" });
    cold.push(performance.now() - t0);
    for (let edit = 0; edit < 20; edit++) {
      files["mod3.c"] = files["mod3.c"].replace(/return \d+;/, `return ${edit + 100};`);
      const t1 = performance.now();
      engine.runLoaded(files, { kernel: "6.12" });
      incremental.push(performance.now() - t1);
      await new Promise((r) => setTimeout(r, 0)); // let the engine collect between edits, as an editor would
    }
  }
  console.log(`workspace: 10 modules on Debian 6.12's Module.symvers (${profile.symvers.length} bytes)`);
  console.log(`cold run (instantiate + profile + run), median of ${cold.length}: ${ms(median(cold))}   target ≤ 30 ms`);
  console.log(`incremental run after a one-line edit, median of ${incremental.length}: ${ms(median(incremental))}   target ≤ 2 ms`);
  await realDriver(wasm, profile);
}

/** drivers/usb/storage of Debian 6.12 as a workspace: a cold run and runs after an edit. */
async function realDriver(wasm: Uint8Array<ArrayBuffer>, profile: KernelProfile): Promise<void> {
  let root: string;
  try {
    root = join(fetchKernelSource("6.12").root, "drivers/usb/storage");
  } catch (err) {
    console.log(`real driver: skipped (${err instanceof Error ? err.message : String(err)})`);
    return;
  }
  const files: Record<string, string> = {};
  let lines = 0;
  for (const f of readdirSync(root)) {
    if (!/\.[ch]$/.test(f) && f !== "Makefile") continue;
    files[f === "Makefile" ? "Kbuild" : f] = readFileSync(join(root, f), "utf8");
    if (f.endsWith(".c")) lines += files[f].split("\n").length;
  }
  const cold: number[] = [];
  const edited: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    const engine = await createEngine({ wasm: () => WebAssembly.compile(wasm), profile: async () => profile });
    await engine.useProfileFor("6.12");
    const res = engine.runLoaded(files, { kernel: "6.12" });
    cold.push(performance.now() - t0);
    if (round === 0) console.log(`real driver: drivers/usb/storage, ${lines} lines of C, ${res.build.modules.length} modules built`);
    for (let edit = 0; edit < 10; edit++) {
      files["usb.c"] = files["usb.c"].replace(/\n\/\* ksymns bench \d+ \*\/|$/, `\n/* ksymns bench ${edit} */`);
      const t1 = performance.now();
      engine.runLoaded(files, { kernel: "6.12" });
      edited.push(performance.now() - t1);
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  console.log(`real driver cold run (instantiate + profile + run), median of ${cold.length}: ${ms(median(cold))}`);
  console.log(`real driver run after an edit of usb.c, median of ${edited.length}: ${ms(median(edited))}`);
}
