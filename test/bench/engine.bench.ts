// The engine on Debian 6.12's real Module.symvers (26,753 exports) plus a 10-module
// workspace: a cold run (fresh engine: instantiate, load the profile, run) and an
// incremental run after a one-line edit. Targets: cold ≤ 30 ms, incremental ≤ 2 ms.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createEngine, type KernelProfile } from "../../src/engine";
import { projectRoot } from "../../src/engine/hosts/node";
import { median, ms } from "./stats";

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
  const wasm = readFileSync(`${projectRoot}wasm/build/ksymns.wasm`);
  const profile: KernelProfile = {
    symvers: new Uint8Array(gunzipSync(readFileSync(`${projectRoot}public/kernels/debian-6.12.113-amd64.Module.symvers.gz`))),
    modules: gunzipSync(readFileSync(`${projectRoot}public/kernels/debian-6.12.113-amd64.modules.gz`)).toString("utf8"),
    config: gunzipSync(readFileSync(`${projectRoot}public/kernels/debian-6.12.113-amd64.config.gz`)).toString("utf8"),
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
}
