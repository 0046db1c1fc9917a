// Lexed files kept between runs: each file is lexed, and each of its #define lines parsed,
// once for as long as its text stays the same (compared whole: cheaper than hashing it).

import { Atoms } from "./atoms";
import { LexedFile, lexFile } from "./lex";
import { MAX_ATOMS, MAX_CACHED_BYTES } from "./limits";
import { MacroDef } from "./macros";
import { Origin } from "./include";
import { Checkpoint } from "./checkpoint";
import { DefineTable, defineTableOf } from "./definetable";

/** A file as one run sees it: its tokens (shared between runs), the definitions parsed
 *  from it (by the ordinal of the directive's `#`), and this run's index of it. */
export class SourceFile {
  defs: Array<MacroDef | null>;
  /** Index of this file in the current run's file table (valid when runId is the run's). */
  index: i32 = -1;
  runId: i32 = -1;
  /** Where the file comes from in the current run. */
  origin: Origin = Origin.Workspace;
  constructor(
    public path: string,
    public lexed: LexedFile,
    /** Its lines by name when it holds #define lines only (cpp/definetable.ts): then its
     *  tokens are those of the lines looked up so far, and defs go by table line. */
    public table: DefineTable | null = null,
  ) {
    this.defs = new Array<MacroDef | null>(table != null ? table.count : lexed.hashes.length);
  }
}

/** A file's SourceFile: a define-only file's lines are found, not lexed. */
function sourceFileOf(path: string, text: string, atoms: Atoms): SourceFile {
  const table = defineTableOf(text);
  if (table == null) return new SourceFile(path, lexFile(text, atoms));
  const lx = new LexedFile(text, 64);
  lx.lines = table.lines;
  return new SourceFile(path, lx, table);
}

/** The cache. One per engine instance; the atoms it holds are those every run uses. */
/** How many main files keep a checkpoint (each holds its result up to there). */
const MAX_CHECKPOINTS = 8;

export class FileCache {
  atoms: Atoms = new Atoms();
  private files: Map<string, SourceFile> = new Map();
  /** The version of each file before its last change: a file whose text alternates between
   *  two (autoconf.h in runs with and without the base kernel's .config) is lexed once a text. */
  private previous: Map<string, SourceFile> = new Map();
  private order: string[] = [];
  private weight: i64 = 0;
  /** The current run (increments per run). */
  run: i32 = 0;
  /** Statistics of the current run. */
  hits: i32 = 0;
  misses: i32 = 0;
  /** The last run's output tokens and expansion records: the next run starts with room
   *  for as many (a keystroke's run is mostly the last one again). */
  lastTokens: i32 = 0;
  lastExpansions: i32 = 0;
  /** Where the last runs of each main file can be resumed (a workspace compiles several). */
  private checkpoints: Map<string, Checkpoint> = new Map();

  /** The checkpoint of the last run of `main`, if any. */
  checkpointOf(main: string): Checkpoint | null {
    return this.checkpoints.has(main) ? this.checkpoints.get(main) : null;
  }

  /** Keeps (or, with null, drops) the checkpoint of `main`; the oldest goes past MAX_CHECKPOINTS. */
  keepCheckpoint(main: string, cp: Checkpoint | null): void {
    this.checkpoints.delete(main);
    if (cp == null) return;
    if (this.checkpoints.size >= MAX_CHECKPOINTS) this.checkpoints.delete(this.checkpoints.keys()[0]);
    this.checkpoints.set(main, cp);
  }

  /** Forgets the checkpoint `id` (of a run whose includes may find more another time: a
   *  header pack still loading). */
  dropCheckpoint(id: i32): void {
    const mains = this.checkpoints.keys();
    for (let i = 0; i < mains.length; i++) if (this.checkpoints.get(mains[i]).id == id) this.checkpoints.delete(mains[i]);
    const keys = this.shared.keys();
    for (let i = 0; i < keys.length; i++) if (this.shared.get(keys[i]).id == id) this.shared.delete(keys[i]);
  }

  /** The last checkpoint that other units may start from, by PPOptions.sharedKey. */
  private shared: Map<string, Checkpoint> = new Map();

  sharedOf(key: string): Checkpoint | null {
    return this.shared.has(key) ? this.shared.get(key) : null;
  }

  keepShared(cp: Checkpoint): void {
    this.shared.delete(cp.sharedKey);
    if (this.shared.size >= MAX_CHECKPOINTS) this.shared.delete(this.shared.keys()[0]);
    this.shared.set(cp.sharedKey, cp);
  }

  /** Starts a run: a fresh cache when the atom table has grown past its limit. */
  beginRun(): void {
    if (this.atoms.count > MAX_ATOMS) {
      this.atoms = new Atoms();
      this.files = new Map();
      this.previous = new Map();
      this.order = [];
      this.weight = 0;
      this.checkpoints.clear();
      this.shared.clear();
    }
    this.run++;
    this.hits = 0;
    this.misses = 0;
  }

  /** The lexed form of the file at `path` with this text; `asTable`: a define-only file
   *  may come as its table (cpp/definetable.ts), for an #include. */
  get(path: string, text: string, asTable: bool = false): SourceFile {
    if (this.files.has(path)) {
      const f = this.files.get(path);
      if (sameText(f.lexed.text, text) && (asTable || f.table == null)) {
        // keep the caller's string: the next lookup of the same text is then an identity
        f.lexed.text = text;
        this.hits++;
        return f;
      }
      if (this.previous.has(path)) {
        const p = this.previous.get(path);
        if (sameText(p.lexed.text, text) && (asTable || p.table == null)) {
          p.lexed.text = text;
          p.runId = -1;
          this.previous.set(path, f);
          this.files.set(path, p);
          this.hits++;
          return p;
        }
        this.weight -= p.lexed.weight;
      }
      this.previous.set(path, f);
    } else {
      this.order.push(path);
    }
    this.misses++;
    const f = asTable ? sourceFileOf(path, text, this.atoms) : new SourceFile(path, lexFile(text, this.atoms));
    this.files.set(path, f);
    this.weight += f.lexed.weight;
    f.runId = -1;
    if (this.weight > <i64>MAX_CACHED_BYTES) this.evict();
    return f;
  }

  /** Drops files not used in this run, oldest first, until the cache fits. */
  private evict(): void {
    const older = this.previous.values();
    for (let i = 0; i < older.length; i++) this.weight -= older[i].lexed.weight;
    this.previous.clear();
    const keep: string[] = [];
    for (let i = 0; i < this.order.length; i++) {
      const p = this.order[i];
      if (!this.files.has(p)) continue;
      const f = this.files.get(p);
      if (this.weight > <i64>MAX_CACHED_BYTES && f.runId != this.run && f.lexed.text.length > 0) {
        this.weight -= f.lexed.weight;
        this.files.delete(p);
      } else keep.push(p);
    }
    this.order = keep;
  }

  /** Marks a file used in this run. */
  touch(f: SourceFile): void {
    if (f.runId == this.run) return;
    f.runId = this.run;
    f.index = -1;
  }
}

/** Whether two texts are the same (compared whole: cheaper than hashing them). */
function sameText(a: string, b: string): bool {
  return a === b || (a.length == b.length && memory.compare(changetype<usize>(a), changetype<usize>(b), (<usize>b.length) << 1) == 0);
}
