// The engine under Node: the wasm from wasm/build, the profiles from public/kernels.

import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { createEngine, type Engine } from "../engine";
import { nodeDecompress } from "../decompress/node";
import { projectRoot as root } from "./root";

export { projectRoot } from "./root";

export function createNodeEngine(): Promise<Engine> {
  return createEngine({
    async wasm() {
      const bytes = await readFile(`${root}wasm/build/ksymns.wasm`);
      return WebAssembly.compile(bytes);
    },
    async profile(name) {
      const [symvers, modules, config] = await Promise.all([
        readFile(`${root}public/kernels/${name}.Module.symvers.gz`),
        readFile(`${root}public/kernels/${name}.modules.gz`),
        readFile(`${root}public/kernels/${name}.config.gz`),
      ]);
      return { symvers: new Uint8Array(gunzipSync(symvers)), modules: gunzipSync(modules).toString("utf8"), config: gunzipSync(config).toString("utf8") };
    },
    decompress: nodeDecompress,
  });
}
