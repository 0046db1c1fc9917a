// The engine under Node: the wasm from wasm/build, the profiles from public/kernels.

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createEngine, type Engine } from "../engine";
import type { HeaderIndex, PackSource } from "../headers";
import { nodeDecompress } from "../decompress/node";
import { projectRoot as root } from "./root";

export { projectRoot } from "./root";

/** A pack folder (ksymns headers' output) as a PackSource. */
export function folderPack(dir: string): PackSource {
  return {
    async index() {
      return JSON.parse(await readFile(join(dir, "index.json"), "utf8")) as HeaderIndex;
    },
    async chunk(file) {
      return new Uint8Array(gunzipSync(await readFile(join(dir, file))));
    },
  };
}

/** The engine under Node; `headers`: a folder of header packs (one <profile>/ folder each, as
 *  ksymns headers makes them) to read C files with the real headers of those profiles. */
export function createNodeEngine(options: { headers?: string } = {}): Promise<Engine> {
  const packs = options.headers;
  return createEngine({
    headers: packs ? (profile) => (existsSync(join(packs, profile, "index.json")) ? folderPack(join(packs, profile)) : null) : undefined,
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
