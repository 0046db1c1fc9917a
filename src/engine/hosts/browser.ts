// The engine in a page or a worker: the wasm and the kernel profiles fetched from the site.

import wasmUrl from "../../../wasm/build/ksymns.wasm?url";
import { createEngine, type Engine } from "../engine";
import { browserDecompress } from "../decompress/browser";
import type { HeaderIndex, PackSource } from "../headers";

/** The body of a `.gz` file: some servers (vite preview, sirv) send it with
 *  Content-Encoding: gzip so the browser has already inflated it; others send the raw bytes. */
async function gunzip(res: Response): Promise<Uint8Array> {
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Creates the engine; `base` is the site's root URL (where kernels/ lives). */
export function createBrowserEngine(base: URL = new URL("./", document.baseURI), fetcher: typeof fetch = fetch): Promise<Engine> {
  return createEngine({
    async wasm() {
      return WebAssembly.compileStreaming(fetcher(wasmUrl));
    },
    async profile(name) {
      const [symvers, modules, config] = await Promise.all([
        fetcher(new URL(`kernels/${name}.Module.symvers.gz`, base)).then(gunzip),
        fetcher(new URL(`kernels/${name}.modules.gz`, base)).then(gunzip),
        fetcher(new URL(`kernels/${name}.config.gz`, base)).then(gunzip),
      ]);
      const text = new TextDecoder();
      return { symvers, modules: text.decode(modules), config: text.decode(config) };
    },
    decompress: browserDecompress,
    // a site without headers/<profile>/ (none were made for it) answers 404: the prelude serves
    headers(profile) {
      const dir = new URL(`headers/${encodeURIComponent(profile)}/`, base);
      const source: PackSource = {
        async index() {
          const res = await fetcher(new URL("index.json", dir));
          if (!res.ok || !(res.headers.get("Content-Type") ?? "").includes("json")) return null;
          return (await res.json()) as HeaderIndex;
        },
        async chunk(file) {
          return gunzip(await fetcher(new URL(file, dir)));
        },
      };
      return source;
    },
  });
}
