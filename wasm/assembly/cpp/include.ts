// Finding the files `#include` names: an IncludeSource, and SearchPath, gcc's search over
// ordered directories (#include_next resuming after the current file's) on a FileSystem.

/** Where a file comes from, for the result and for which diagnostics apply. */
export enum Origin {
  Main = 0,
  Workspace = 1,
  System = 2,
  Builtin = 3,
}

/** A file the preprocessor reads. `dir` is the index of the search directory it was found
 *  in (-1: next to its includer, or named directly); `name` is what __FILE__ and
 *  diagnostics call it (gcc's spelling: the directory as given, "/", the name as written). */
export class ResolvedFile {
  constructor(
    public path: string,
    public text: string,
    public origin: Origin,
    public dir: i32 = -1,
    public name: string = "",
  ) {
    if (name.length == 0) this.name = path;
  }
}

/** Resolves the names `#include` and `-include` use. Within one run the preprocessor asks
 *  find() once for each name, kind (quoted / angled / next, and the search directory for
 *  next) and includer folder: the answer must not depend on anything else. */
export abstract class IncludeSource {
  /** The file `#include` names (`next`: #include_next) from `includer`, or null. */
  abstract find(spelling: string, angled: bool, includer: ResolvedFile, next: bool): ResolvedFile | null;
  /** A file named directly: the main file, a forced include. */
  abstract open(path: string): ResolvedFile | null;
  /** See FileSystem.layout. */
  abstract layout(): string;
}

/** Files by path, as the host has them (workspace files, a prelude, header packs). */
export abstract class FileSystem {
  /** The text of the file at a normalised path, or null. */
  abstract read(path: string): string | null;
  /** Where the file at `path` comes from. */
  abstract originOf(path: string): Origin;
  /** Which paths exist: equal keys mean every path that existed exists and no other does,
   *  so a search finds what it found before (texts may differ). "" when unknown. */
  abstract layout(): string;
}

/** gcc's include search. `quote` are -iquote directories, `bracket` the -I, -isystem and
 *  -idirafter ones in that order. */
export class SearchPath extends IncludeSource {
  private dirs: string[] = [];
  private bracketStart: i32;

  constructor(
    public fs: FileSystem,
    quote: string[],
    bracket: string[],
  ) {
    super();
    for (let i = 0; i < quote.length; i++) this.dirs.push(trimSlash(quote[i]));
    this.bracketStart = this.dirs.length;
    for (let i = 0; i < bracket.length; i++) this.dirs.push(trimSlash(bracket[i]));
  }

  layout(): string {
    return this.fs.layout();
  }

  open(path: string): ResolvedFile | null {
    const p = normalizePath(path);
    const text = this.fs.read(p);
    return text == null ? null : new ResolvedFile(p, text as string, this.fs.originOf(p), -1, path);
  }

  find(spelling: string, angled: bool, includer: ResolvedFile, next: bool): ResolvedFile | null {
    if (spelling.startsWith("/")) return this.open(spelling);
    let start = angled ? this.bracketStart : 0;
    if (next && includer.origin != Origin.Main) {
      // gcc: continue after the includer's directory; a file found next to its includer
      // continues with the whole quote chain
      start = includer.dir >= 0 ? includer.dir + 1 : 0;
    } else if (!angled) {
      const dir = dirOf(includer.path);
      const p = normalizePath(dir.length > 0 ? dir + "/" + spelling : spelling);
      const text = this.fs.read(p);
      if (text != null) {
        const named = dirOf(includer.name);
        return new ResolvedFile(p, text as string, this.fs.originOf(p), -1, named.length > 0 ? named + "/" + spelling : spelling);
      }
    }
    for (let d = start; d < this.dirs.length; d++) {
      const dir = this.dirs[d];
      const p = normalizePath(dir.length > 0 ? dir + "/" + spelling : spelling);
      const text = this.fs.read(p);
      if (text != null) return new ResolvedFile(p, text as string, this.fs.originOf(p), d, dir.length > 0 ? dir + "/" + spelling : spelling);
    }
    return null;
  }
}

function trimSlash(d: string): string {
  let e = d.length;
  while (e > 1 && d.charCodeAt(e - 1) == 47) e--;
  return d.substring(0, e);
}

/** The directory part of a path ("" for a bare name). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : i == 0 ? "/" : path.substring(0, i);
}

/** A path with "." and "x/.." segments and repeated slashes removed (textually, as a
 *  workspace has no symbolic links). */
export function normalizePath(p: string): string {
  if (p.indexOf("/.") < 0 && p.indexOf("//") < 0 && !p.startsWith("./") && !p.startsWith("../") && p != "." && p != "..") return p;
  const abs = p.startsWith("/");
  const parts = p.split("/");
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i];
    if (s.length == 0 || s == ".") continue;
    if (s == ".." && out.length > 0 && out[out.length - 1] != "..") {
      out.pop();
      continue;
    }
    if (s == ".." && abs) continue;
    out.push(s);
  }
  const j = out.join("/");
  return abs ? "/" + j : j;
}
