// The walker's explicit stack: one frame per construct being read (a block, an if, an
// expression, an initializer list, an inline function expansion...). Nesting in the input
// becomes frames in these columns, never native recursion, so a 100,000-deep nesting costs
// memory and time in proportion and nothing else.

import { IntVec, LongVec } from "./intvec";

/** Frame types. */
export enum FT {
  /** A statement about to start: becomes the statement's own frame. */
  Stmt = 0,
  Block,
  If,
  /** while (...) and switch (...). */
  Loop,
  For,
  Do,
  Expr,
  /** A declaration in a block (specifiers read, declarators in turn). */
  Decl,
  /** A braced initializer list. */
  Init,
  /** ({ ... }) inside an expression. */
  StmtExpr,
  Asm,
  /** A function body walk (emitted function or inline expansion). */
  Func,
  /** An initializer walk of a file-scope object. */
  Data,
  /** A file-scope statement whose arguments are walked as expressions (toy macros). */
  Args,
}

/** Stop conditions of an expression frame (bits). */
export namespace STOP {
  export const COMMA: i32 = 1;
  export const COLON: i32 = 2;
  export const RBRACE: i32 = 4;
  /** The value goes into a local pointer: a local's address in it is handed over (in
   *  Walker.rLocalAddr), not taken as escaping. */
  export const INTO_LOCAL: i32 = 8;
}

export class Frames {
  type: IntVec = new IntVec(64);
  state: IntVec = new IntVec(64);
  dead: IntVec = new IntVec(64);
  head: IntVec = new IntVec(64);
  tail: IntVec = new IntVec(64);
  a: IntVec = new IntVec(64);
  b: IntVec = new IntVec(64);
  c: IntVec = new IntVec(64);
  d: IntVec = new IntVec(64);
  e: IntVec = new IntVec(64);
  v: LongVec = new LongVec(64);
  /** Where the frame started (for progress checks and findings). */
  start: IntVec = new IntVec(64);

  get length(): i32 {
    return this.type.length;
  }

  push(type: FT, dead: bool, start: i32): i32 {
    this.type.push(<i32>type);
    this.state.push(0);
    this.dead.push(dead ? 1 : 0);
    this.head.push(-1);
    this.tail.push(-1);
    this.a.push(0);
    this.b.push(0);
    this.c.push(0);
    this.d.push(0);
    this.e.push(-1);
    this.v.push(0);
    return this.start.push(start);
  }

  pop(): void {
    const n = this.type.length - 1;
    this.type.truncate(n);
    this.state.truncate(n);
    this.dead.truncate(n);
    this.head.truncate(n);
    this.tail.truncate(n);
    this.a.truncate(n);
    this.b.truncate(n);
    this.c.truncate(n);
    this.d.truncate(n);
    this.e.truncate(n);
    this.v.truncate(n);
    this.start.truncate(n);
  }

  @inline top(): i32 {
    return this.type.length - 1;
  }
  @inline typeOf(f: i32): FT {
    return <FT>this.type.get(f);
  }
  @inline isDead(f: i32): bool {
    return this.dead.get(f) != 0;
  }
}
