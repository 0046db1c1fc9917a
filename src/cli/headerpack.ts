// Making a header pack from a kernel tree's headers: comments stripped (line numbers kept),
// each file's #include targets resolved with kbuild's -I order, files grouped into gzip
// chunks by folder, and an index a host reads to load a translation unit's headers in one
// round trip. The format is src/engine/headers.ts's HeaderIndex.

import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { posix } from "node:path";
import { HEADER_PACK_FORMAT, KBUILD_INCLUDE_DIRS } from "../../wasm/shared/headerpack";
import type { HeaderIndex } from "../engine/headers";

/** A chunk's uncompressed size beyond which the next file starts a new chunk. */
const CHUNK_BYTES = 256 * 1024;

/** C text without its comments: each comment becomes one space and the newlines it held, so
 *  every line keeps its number; a comment inside a directive (`#define X 1`, then a comment
 *  over two lines, then `+ 2`) keeps its lines as backslash-newlines, so the directive still
 *  ends where gcc ends it. */
export function stripComments(text: string): string {
  let out = "";
  let from = 0;
  let i = 0;
  const n = text.length;
  let lineStart = true;
  let directive = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      // a line ends the directive unless spliced
      if (!(i > 0 && text.charCodeAt(i - 1) === 92)) directive = false;
      lineStart = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    if (lineStart && c === 35) directive = true;
    lineStart = false;
    if (c === 34 || c === 39) {
      // a string or character literal: to its closing quote, or the line's end
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) {
          i += 2;
          continue;
        }
        if (d === c) {
          i++;
          break;
        }
        if (d === 10) break;
        i++;
      }
      continue;
    }
    if (c === 47 && i + 1 < n && (text.charCodeAt(i + 1) === 42 || text.charCodeAt(i + 1) === 47)) {
      const block = text.charCodeAt(i + 1) === 42;
      let end: number;
      if (block) {
        const close = text.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
      } else {
        // a line comment runs on over backslash-newlines
        end = i + 2;
        while (end < n) {
          const nl = text.indexOf("\n", end);
          if (nl < 0) {
            end = n;
            break;
          }
          let b = nl - 1;
          if (b >= 0 && text.charCodeAt(b) === 13) b--;
          if (b >= i + 2 && text.charCodeAt(b) === 92) {
            end = nl + 1;
            continue;
          }
          end = nl;
          break;
        }
      }
      const body = text.slice(i, end);
      const lines = body.split("\n").length - 1;
      out += text.slice(from, i) + " " + (directive || !block ? "\\\n" : "\n").repeat(lines);
      from = i = end;
      continue;
    }
    i++;
  }
  return out + text.slice(from);
}

/** The #include and #include_next lines of a (comment-free) header. */
export function includesOf(text: string): { spelling: string; angled: boolean; next: boolean }[] {
  const out: { spelling: string; angled: boolean; next: boolean }[] = [];
  const re = /^[ \t]*#[ \t]*include(_next)?[ \t]*([<"])([^>"\n]+)[>"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ spelling: m[3], angled: m[2] === "<", next: !!m[1] });
  return out;
}

/** Which of the pack's files an #include of `from` names, as kbuild's gcc would find it
 *  (null when the pack has no such file: a header the engine makes, or none). */
export function resolveInclude(has: (p: string) => boolean, from: string, inc: { spelling: string; angled: boolean; next: boolean }): string | null {
  const dirs = KBUILD_INCLUDE_DIRS;
  let start = 0;
  if (inc.next) {
    // gcc resumes after the folder the includer was found in (the longest that holds it)
    let found = -1;
    for (let d = 0; d < dirs.length; d++) if (from.startsWith(dirs[d] + "/") && (found < 0 || dirs[d].length > dirs[found].length)) found = d;
    start = found + 1;
  } else if (!inc.angled) {
    const p = posix.normalize(posix.join(posix.dirname(from), inc.spelling));
    if (has(p)) return p;
  }
  for (let d = start; d < dirs.length; d++) {
    const p = posix.normalize(posix.join(dirs[d], inc.spelling));
    if (has(p)) return p;
  }
  return null;
}

/** The chunk a file goes into: its folder, arch/x86/include/<kind>/ and include/<kind>/
 *  kept whole when small. */
function groupOf(path: string): string {
  const parts = path.split("/");
  parts.pop();
  return parts.slice(0, path.startsWith("arch/") ? 5 : 3).join("/");
}

/** A made pack: the index and its chunks (gzip) by file name. */
export interface BuiltPack {
  index: HeaderIndex;
  chunks: Map<string, Uint8Array>;
}

/** Packs `files` (path in the kernel tree → header text, comments already stripped). */
export function buildPack(files: Map<string, string>, meta: { profile: string; release: string; packages: string[] }): BuiltPack {
  const paths = [...files.keys()].sort((a, b) => (groupOf(a) === groupOf(b) ? (a < b ? -1 : 1) : groupOf(a) < groupOf(b) ? -1 : 1));
  const number = new Map(paths.map((p, i) => [p, i]));
  const utf8 = new TextEncoder();
  const index: HeaderIndex = { format: HEADER_PACK_FORMAT, profile: meta.profile, release: meta.release, packages: meta.packages, chunks: [], files: [] };
  const chunks = new Map<string, Uint8Array>();
  let parts: Uint8Array[] = [];
  let size = 0;
  let group = "";
  const flush = (): void => {
    if (parts.length === 0) return;
    const raw = new Uint8Array(size);
    let p = 0;
    for (const b of parts) {
      raw.set(b, p);
      p += b.length;
    }
    const gz = new Uint8Array(gzipSync(raw, { level: 9 }));
    // named by content, so a cache (the site's service worker) may keep a chunk for good
    const name = `c${String(index.chunks.length).padStart(3, "0")}-${createHash("sha256").update(gz).digest("hex").slice(0, 8)}.gz`;
    chunks.set(name, gz);
    index.chunks.push({ file: name, group, bytes: raw.length, gzip: gz.length });
    parts = [];
    size = 0;
  };
  for (const path of paths) {
    const g = groupOf(path);
    if (g !== group || size >= CHUNK_BYTES) {
      flush();
      group = g;
    }
    const text = files.get(path)!;
    const bytes = utf8.encode(text);
    const targets: number[] = [];
    for (const inc of includesOf(text)) {
      const t = resolveInclude((p) => files.has(p), path, inc);
      if (t !== null && !targets.includes(number.get(t)!)) targets.push(number.get(t)!);
    }
    index.files.push([path, index.chunks.length, size, bytes.length, targets]);
    parts.push(bytes);
    size += bytes.length;
  }
  flush();
  return { index, chunks };
}
