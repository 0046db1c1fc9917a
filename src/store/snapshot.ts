// A workspace with its kernel choices and view, as plain JSON: the one serialized form that
// both the share link and local persistence carry. Binary files (real .ko) travel as base64.

import type { WorkspaceFiles } from "../engine";
import { expectationFromJson, expectationToJson, type Expectation, type ExpectationJson } from "./expect";

/** One workspace file; text as a string, binaries (.ko) as bytes. */
export interface WorkspaceFile {
  name: string;
  content: string | Uint8Array;
}

/** Everything a link or a reload restores. The kernel release and CONFIG_ switches live in `.config`. */
export interface Snapshot {
  files: WorkspaceFile[];
  /** Build against the base kernel profile (a real Debian export table). */
  profile: boolean;
  /** Build anyway when make refuses (KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1). */
  relaxed: boolean;
  /** The open file and result tab. */
  view: { file?: string; tab?: string };
  /** What the author expects of given kernels (shown as passed or failed). */
  expect?: Expectation[];
}

/** The JSON shape; short keys because every byte lands in a URL. */
interface SnapshotJson {
  f: [string, string | { b: string }][];
  p: 0 | 1;
  r: 0 | 1;
  a?: string;
  t?: string;
  e?: ExpectationJson[];
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The snapshot as JSON-ready data. */
export function snapshotToJson(s: Snapshot): SnapshotJson {
  const json: SnapshotJson = {
    f: s.files.map((f) => [f.name, typeof f.content === "string" ? f.content : { b: bytesToBase64(f.content) }]),
    p: s.profile ? 1 : 0,
    r: s.relaxed ? 1 : 0,
  };
  if (s.view.file) json.a = s.view.file;
  if (s.view.tab) json.t = s.view.tab;
  if (s.expect?.length) json.e = s.expect.map(expectationToJson);
  return json;
}

/** Reads JSON data back into a snapshot; throws a readable Error when the shape is wrong. */
export function snapshotFromJson(data: unknown): Snapshot {
  const j = data as Partial<SnapshotJson> | null;
  if (!j || typeof j !== "object" || !Array.isArray(j.f)) throw new Error("it holds no workspace files");
  const seen = new Set<string>();
  const files = j.f.map((entry): WorkspaceFile => {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || entry[0] === "") throw new Error("a file entry is malformed");
    const [name, content] = entry;
    if (seen.has(name)) throw new Error(`the file ${name} appears twice`);
    seen.add(name);
    if (typeof content === "string") return { name, content };
    if (content && typeof content === "object" && typeof content.b === "string") return { name, content: base64ToBytes(content.b) };
    throw new Error(`the file ${name} has no contents`);
  });
  const snap: Snapshot = {
    files,
    profile: j.p !== 0,
    relaxed: j.r !== 0,
    view: { file: typeof j.a === "string" ? j.a : undefined, tab: typeof j.t === "string" ? j.t : undefined },
  };
  if (j.e !== undefined) {
    if (!Array.isArray(j.e)) throw new Error("its expectations are malformed");
    snap.expect = j.e.map(expectationFromJson);
  }
  return snap;
}

/** An empty map keyed by file name: no prototype, so a file called `__proto__` or `toString`
 *  is a file like any other (never a prototype to set, nor an inherited member to find). */
export function fileMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The engine's input: file name → contents. */
export function toWorkspaceFiles(files: readonly WorkspaceFile[]): WorkspaceFiles {
  const out: WorkspaceFiles = fileMap();
  for (const f of files) out[f.name] = f.content;
  return out;
}

/** Whether two file lists hold the same names, order and contents. */
export function sameFiles(a: readonly WorkspaceFile[], b: readonly WorkspaceFile[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((f, i) => f.name === b[i].name && sameContent(f.content, b[i].content));
}

function sameContent(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
