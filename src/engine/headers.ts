// Header packs on the host's side: the index a pack is read by, and a loader that fetches the
// chunks a translation unit needs (the files the engine asked for and everything they
// include, from the index's include graph), each chunk once, for any host (page, worker,
// Node): the bytes come through an injected fetcher.

import { HEADER_PACK_FORMAT } from "../../wasm/shared/headerpack";

/** index.json of a pack (built by src/cli/headerpack.ts). */
export interface HeaderIndex {
  format: number;
  /** The profile it belongs to (e.g. debian-6.12.118+deb12-amd64). */
  profile: string;
  /** `uname -r`. */
  release: string;
  /** The Debian packages it was made from ("name version"). */
  packages: string[];
  /** Each chunk: its file (gzip), the folder group it holds, its sizes uncompressed and gzipped. */
  chunks: { file: string; group: string; bytes: number; gzip: number }[];
  /** Each file: path in the kernel tree, chunk, offset and length in the uncompressed chunk,
   *  and the files its #include lines name (indices into this list, resolved with kbuild's -I). */
  files: [string, number, number, number, number[]][];
}

/** Where a pack's bytes come from: its index.json, and a chunk's file, gunzipped. */
export interface PackSource {
  index(): Promise<HeaderIndex | null>;
  chunk(file: string): Promise<Uint8Array>;
}

/** One profile's pack, loading files on demand. */
export class HeaderPack {
  private byPath = new Map<string, number>();
  private chunks = new Map<number, Promise<Uint8Array>>();
  private decoder = new TextDecoder();

  constructor(
    readonly index: HeaderIndex,
    private source: PackSource,
  ) {
    index.files.forEach((f, i) => this.byPath.set(f[0], i));
  }

  /** The pack's file list, one path a line (what the engine is told the pack holds). */
  paths(): string {
    return this.index.files.map((f) => f[0]).join("\n");
  }

  /** Whether the pack holds `path`. */
  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** `paths` and every file they include, transitively (by the index's include graph). */
  closure(paths: string[]): string[] {
    const seen = new Set<number>();
    const todo = paths.map((p) => this.byPath.get(p)).filter((i): i is number => i !== undefined);
    while (todo.length > 0) {
      const i = todo.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      for (const t of this.index.files[i][4]) if (!seen.has(t)) todo.push(t);
    }
    return [...seen].map((i) => this.index.files[i][0]);
  }

  /** The uncompressed bytes a set of files would fetch (chunks not yet loaded). */
  bytesToLoad(paths: string[]): number {
    const want = new Set(paths.map((p) => this.index.files[this.byPath.get(p)!]?.[1]).filter((c) => c !== undefined && !this.chunks.has(c)));
    return [...want].reduce((n, c) => n + this.index.chunks[c].gzip, 0);
  }

  /** The texts of `paths` (those the pack holds), their chunks fetched once each. */
  async load(paths: string[]): Promise<Map<string, string>> {
    const want = paths.map((p) => this.byPath.get(p)).filter((i): i is number => i !== undefined);
    const chunkIds = [...new Set(want.map((i) => this.index.files[i][1]))];
    const bytes = new Map<number, Uint8Array>();
    await Promise.all(
      chunkIds.map(async (c) => {
        let p = this.chunks.get(c);
        if (!p) {
          p = this.source.chunk(this.index.chunks[c].file);
          this.chunks.set(c, p);
          // a failed fetch is tried again next time
          p.catch(() => this.chunks.delete(c));
        }
        bytes.set(c, await p);
      }),
    );
    const out = new Map<string, string>();
    for (const i of want) {
      const [path, c, offset, length] = this.index.files[i];
      out.set(path, this.decoder.decode(bytes.get(c)!.subarray(offset, offset + length)));
    }
    return out;
  }
}

/** The pack of a source, or null when there is none or it is of another format. */
export async function openHeaderPack(source: PackSource): Promise<HeaderPack | null> {
  const index = await source.index();
  if (!index || index.format !== HEADER_PACK_FORMAT) return null;
  return new HeaderPack(index, source);
}
