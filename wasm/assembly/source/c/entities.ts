// File-scope functions and objects (and, in a toy file, names used without any declaration):
// one entity per name, merged over all its declarations as C's linkage rules do (a name
// first declared static stays static), with where its body or initializer is, for the walks.

import { copyMap } from "../../util/maps";
import { IntVec } from "./intvec";
import { VK } from "./values";

export enum EntKind {
  Function = 0,
  Object = 1,
  Undeclared = 2,
}

/** Attribute and specifier facts that decide whether gcc emits or references a name. */
export namespace EF {
  export const STATIC: i32 = 1;
  export const EXTERN: i32 = 2;
  export const INLINE: i32 = 4;
  export const ALWAYS_INLINE: i32 = 8;
  export const GNU_INLINE: i32 = 16;
  export const USED: i32 = 32;
  /** error/warning attribute: a call that survives fails (or warns) the build. */
  export const DIAGNOSE: i32 = 64;
  export const NOTRACE: i32 = 128;
  export const WEAK: i32 = 256;
  export const EXIT_SECTION: i32 = 512;
  export const NORETURN: i32 = 1024;
  export const CONST: i32 = 2048;
  export const TYPEDEF: i32 = 4096;
  /** Placed in .modinfo (a MODULE_* string). */
  export const MODINFO: i32 = 8192;
  export const ARRAY: i32 = 16384;
  export const THREAD: i32 = 32768;
  /** Defined by a label of a file-scope asm statement (BTF_ID_LIST's `name:`). */
  export const ASM_DEFINED: i32 = 65536;
  export const NOINLINE: i32 = 131072;
}

export class Entity {
  flags: i32 = 0;
  /** A definition was seen (function body, initializer, or a tentative definition). */
  defined: bool = false;
  /** The name token of the first declaration and of the definition. */
  declTok: i32 = -1;
  defTok: i32 = -1;
  /** First token of the defining declaration (for its signature and asm order). */
  defStart: i32 = -1;
  bodyOpen: i32 = -1;
  bodyClose: i32 = -1;
  paramOpen: i32 = -1;
  paramClose: i32 = -1;
  /** Initializer tokens [initStart, initEnd). */
  initStart: i32 = -1;
  initEnd: i32 = -1;
  /** alias("target") and asm("label") names (atoms, -1: none). */
  aliasTarget: i32 = -1;
  asmName: i32 = -1;
  /** How its file-scope declaration wrote its type (DeclSpec.alias: a typedef name's atom,
   *  or not); -2 (SPELLED_UNKNOWN) where none did (an `extern` inside a body). */
  alias: i32 = -2;
  /** A static const scalar's folded value. */
  vk: VK = VK.NotConst;
  value: i64 = 0;
  unsigned: bool = false;
  /** Walk bookkeeping: the generic walk's node (-1: not walked), inline specializations made. */
  node: i32 = -1;
  specializations: i32 = 0;
  /** Its type (types.ts; T.UNKNOWN = 0 when not known). */
  type: i32 = 0;
  /** The section name from section("..."), "" when none. */
  section: string = "";
  /** alloc_size's parameters (Attrs.allocSize; 0: none). */
  allocSize: i32 = 0;
  constructor(
    public atom: i32,
    public kind: EntKind,
    public id: i32,
  ) {}

  /** A copy that shares nothing with this one. */
  copy(): Entity {
    const c = new Entity(this.atom, this.kind, this.id);
    c.flags = this.flags;
    c.defined = this.defined;
    c.declTok = this.declTok;
    c.defTok = this.defTok;
    c.defStart = this.defStart;
    c.bodyOpen = this.bodyOpen;
    c.bodyClose = this.bodyClose;
    c.paramOpen = this.paramOpen;
    c.paramClose = this.paramClose;
    c.initStart = this.initStart;
    c.initEnd = this.initEnd;
    c.aliasTarget = this.aliasTarget;
    c.asmName = this.asmName;
    c.alias = this.alias;
    c.vk = this.vk;
    c.value = this.value;
    c.unsigned = this.unsigned;
    c.node = this.node;
    c.specializations = this.specializations;
    c.type = this.type;
    c.section = this.section;
    c.allocSize = this.allocSize;
    return c;
  }

  @inline has(f: i32): bool {
    return (this.flags & f) != 0;
  }
  @inline isStatic(): bool {
    return (this.flags & EF.STATIC) != 0;
  }
  /** A function whose calls gcc expands in place (its own symbol may still be emitted). */
  @inline isInline(): bool {
    return this.kind == EntKind.Function && (this.flags & (EF.INLINE | EF.ALWAYS_INLINE)) != 0 && this.bodyOpen >= 0;
  }
}

/** The entity table, indexed by id and by atom. */
export class Entities {
  private list: Entity[] = [];
  /** Whether an entity is this table's own (0: shared with a copy, see copy()). */
  private owned: IntVec = new IntVec(256);
  private byAtom: Map<i32, i32> = new Map();

  /** A copy that shares nothing with this one. */
  copy(): Entities {
    const c = new Entities();
    c.list = this.list.slice(0);
    // the entities are shared now: either side copies one when it first reaches it (a run
    // resumed after a driver's headers reaches a few hundred of their ten thousand)
    this.owned.data.fill(0, 0, this.list.length);
    c.owned = this.owned.copy();
    c.byAtom = copyMap(this.byAtom);
    return c;
  }

  /** How many entities there are (ids 0 to count - 1). */
  get count(): i32 {
    return this.list.length;
  }

  /** Entity `id` to read, never to change. */
  @inline peek(id: i32): Entity {
    return unchecked(this.list[id]);
  }

  /** The entity of a name, or null. */
  find(atom: i32): Entity | null {
    return this.byAtom.has(atom) ? this.at(this.byAtom.get(atom)) : null;
  }

  /** The entity of a name, made on first sight. A later declaration of a name that was only
   *  used so far (toy) turns it into a real one. */
  get(atom: i32, kind: EntKind): Entity {
    if (this.byAtom.has(atom)) {
      const e = this.at(this.byAtom.get(atom));
      if (e.kind == EntKind.Undeclared && kind != EntKind.Undeclared) e.kind = kind;
      return e;
    }
    const e = new Entity(atom, kind, this.list.length);
    this.byAtom.set(atom, e.id);
    this.list.push(e);
    this.owned.push(1);
    return e;
  }

  /** Entity `id`, to read or change. */
  @inline at(id: i32): Entity {
    if (this.owned.get(id) == 0) this.own(id);
    return unchecked(this.list[id]);
  }

  private own(id: i32): void {
    unchecked((this.list[id] = unchecked(this.list[id]).copy()));
    this.owned.set(id, 1);
  }
}
