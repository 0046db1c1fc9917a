// The walker: reads function bodies and initializers as gcc -O2 would compile them, on an
// explicit stack of frames (frames.ts). It owns the shared state — tokens, scopes, entities,
// emitted references (ropes), walks (nodes), the constant tables — and the main loop that
// steps the top frame; statements.ts and expressions.ts say what each frame does.

import { MemoryFacts } from "./memfacts";
import { MissingMember, UndeclaredUse } from "./module";
import { Declarations, SPELLED_UNKNOWN } from "./declarations";
import { EF, Entities, Entity } from "./entities";
import { eitherSizeOf, Expressions } from "./expressions";
import { Frames, FT, STOP } from "./frames";
import { IntVec, LongVec } from "./intvec";
import { IpaParameters } from "./ipaconstants";
import { K } from "./names";
import { NF, Nodes } from "./nodes";
import { Ropes } from "./ropes";
import { Scope } from "./scope";
import { ScopedFacts, SE } from "./scoped";
import { Statements } from "./statements";
import { CK, CTokens } from "./tokens";
import { T, TY, Types } from "./types";
import { VK } from "./values";

/** Local slot flags. */
export namespace LF {
  export const UNSIGNED: i32 = 1;
  export const ARRAY: i32 = 2;
  /** Automatic storage: its address on the stack is what -fstack-protector-strong guards. */
  export const AUTO: i32 = 4;
  /** Its value is followed through straight-line code: a live change makes it unknown. */
  export const TRACKED: i32 = 8;
  /** It holds the address of a local with automatic storage (a pointer set to &x, or an
   *  inline function's parameter given one): reading it reads that address. */
  export const ADDR: i32 = 16;
  /** An inline function's parameter given a string literal: its value indexes Walker.strings. */
  export const STRING: i32 = 32;
  /** A run-time object size never changed after it was given (expressions.ts OF.SIZE): its
   *  value is the size's id. */
  export const SIZE: i32 = 64;
  /** Declared without a value and given one by a single plain assignment (statements.ts
   *  assignedOnce): from that assignment on, where it runs whenever the declaration does, it
   *  points to what the value points to (gcc's one SSA name; reads before it are undefined). */
  export const ONCE: i32 = 128;
  /** Its address is never taken (nor is it named in asm): only the assignments the walk
   *  reads change it. */
  export const DIRECT: i32 = 256;
  /** Declared without a value and not yet given one: a conditional assignment bounds it alone
   *  (gcc's value range ignores an undefined value where branches join). */
  export const UNSET: i32 = 512;
  /** Its bound (localMax) comes from a branch that tested it and left (statements.ts
   *  boundAfterExit): gcc-14's array bounds checks, placed before value ranges, and the mem*
   *  expander see only the value's own bound (localOwn). */
  export const TESTED: i32 = 1024;
  /** Its bound was computed from one a test gave (expressions.ts OF.DERIVED); its own, for
   *  gcc-14's sanitizer checks, is localOwn. */
  export const DERIVED: i32 = 2048;
  /** Followed (TRACKED) though a goto jumps to a label in its block: never changed inside a
   *  loop, its address never taken, so what it holds is known up to the next label, where
   *  other values join (Walker.forgetAtLabel). */
  export const LABEL_JOINED: i32 = 4096;
  /** A pointer given its value once and otherwise only moved (`p++`, `p += n`): it points
   *  into that object still, at an offset known at run time once it moved (gcc's object
   *  size of the PHI a loop makes: fortify checks a memcmp(p, ...) in a parser's loop). */
  export const ADVANCES: i32 = 8192;
  /** An integer followed (TRACKED) though a loop changes it: what it holds is forgotten where
   *  such a loop is entered (statements.ts forgetLoopChanged) and stays unknown inside it;
   *  straight code before and after the loop knows it (gcc's SSA names outside the loop's
   *  PHI: `rc = stub(); if (rc) dev_dbg(...)` after a loop that sets rc folds). */
  export const LOOPED: i32 = 16384;
  /** Declared with a cleanup function, which reads it where it goes out of scope. */
  export const CLEANED: i32 = 32768;
  /** A const object (`const struct foo x`): gcc's messages spell its type `const ...`. */
  export const CONST: i32 = 65536;
}

/** A problem the walker met, at a token. */
export class WalkIssue {
  constructor(
    public tok: i32,
    public message: string,
  ) {}
}

/** Nesting of inline expansions the walker follows before it treats a call as out of line. */
export const MAX_INLINE_DEPTH = 64;
/** Re-entries for enum values and similar constants evaluated inside a declaration. */
const MAX_CONST_DEPTH = 32;
/** Inline expansions per function before constant arguments are forgotten. */
export const MAX_SPECIALIZATIONS = 24;

/** The steps a walker of `t` may take. */
export function budgetFor(t: CTokens): i64 {
  return <i64>t.length * 32 + 4000000;
}

let valueIds: i32 = 0;

export class Walker {
  scope: Scope = new Scope();
  ents: Entities = new Entities();
  ropes: Ropes = new Ropes();
  nodes: Nodes = new Nodes();
  f: Frames = new Frames();
  types: Types = new Types();
  decls!: Declarations;
  stmts!: Statements;
  exprs!: Expressions;
  /** No preprocessor ran: kernel macros may stand unexpanded. */
  toy: bool;
  /** The cursor, and the end of the range being walked (tokens from lim on read as End). */
  i: i32 = 0;
  lim: i32;

  constKind: IntVec = new IntVec(256);
  constValue: LongVec = new LongVec(256);
  constUnsigned: IntVec = new IntVec(256);
  localFlags: IntVec = new IntVec(256);
  localKind: IntVec = new IntVec(256);
  localValue: LongVec = new LongVec(256);
  localType: IntVec = new IntVec(256);
  /** What __builtin_object_size knows of the object a pointer local points to (an inline
   *  function's parameter, or a local never changed after its initializer): its whole
   *  object's size (type 0) and its subobject's (type 1), -1 where it is unknown. */
  localSz0: IntVec = new IntVec(256);
  localSz1: IntVec = new IntVec(256);
  /** The largest value an integer local can hold where gcc knows it (an inline function's
   *  parameter, or a local never changed after its initializer), -1 where it does not. */
  localMax: LongVec = new LongVec(256);
  /** Where localMax is a tested bound or one computed from it (LF.TESTED, LF.DERIVED): the
   *  value's own, -1 where it has none. */
  localOwn: LongVec = new LongVec(256);
  /** A signed integer local bounded above but not below (`if (len > E) return;`): the
   *  bound, which gcc's mem* expander takes as the probable size once the value is converted
   *  to size_t (determine_block_size's guess from the anti-range); -1 for any other. */
  localHi: LongVec = new LongVec(256);
  /** The least value of an integer local given a value of known range in straight code
   *  (`v = clamp(v, 1, 16)`), valid while localMax is still localLeastOf (else -1). */
  localLeast: LongVec = new LongVec(256);
  localLeastOf: LongVec = new LongVec(256);
  /** The function a pointer parameter of an inline function was given (an entity id), or -1. */
  localFn: IntVec = new IntVec(256);
  /** For a local never changed after it is given its value: that value's id (newValueId),
   *  shared by the locals and parameters it was copied into (gcc's one SSA name), so that a
   *  run-time object size allocated by it is known equal to it; -1 for any other local. */
  localOrigin: IntVec = new IntVec(256);
  /** How its declaration wrote its type (DeclSpec.alias: a typedef name's atom, or not). */
  localAlias: IntVec = new IntVec(256);
  /** Which integer register argument a parameter of an emitted function's own walk came
   *  in (0: the first), or -1. */
  localParam: IntVec = new IntVec(256);
  /** For a local whose value holds references (an Arg entry: an inline expansion's parameter
   *  given an argument with references of its own, a local given loads or an inline call's
   *  value): the node of the walk that holds them, its reads marked by Use entries of
   *  localArgKey's value (ropes.ts); -1 for any other local. */
  localArg: IntVec = new IntVec(256);
  localArgKey: IntVec = new IntVec(256);
  /** How many conditionally run statements enclosed the local's declaration. */
  localDepth: IntVec = new IntVec(256);
  /** How many conditionally run statements (a branch of an undecided if, a loop body)
   *  enclose the statement being read. */
  condDepth: i32 = 0;
  /** Locals given a value or a bound inside conditionally run code (at condDepth there). */
  scoped: ScopedFacts = new ScopedFacts();
  /** What the last leaveCond forgot: per slot, its sizes and bound. */
  private forgotSlot: IntVec = new IntVec(16);
  private forgotSz0: IntVec = new IntVec(16);
  private forgotSz1: IntVec = new IntVec(16);
  private forgotMax: LongVec = new LongVec(16);
  /** What the then-branches of the if statements being read (by frame) forgot, waiting for
   *  their else-branch: slot, sizes, bound. */
  private thenFrame: IntVec = new IntVec(16);
  private thenSlot: IntVec = new IntVec(16);
  private thenSz0: IntVec = new IntVec(16);
  private thenSz1: IntVec = new IntVec(16);
  private thenMax: LongVec = new LongVec(16);

  /** The walk in progress (-1: none) and its Func frame. */
  curNode: i32 = -1;
  funcFrame: i32 = -1;
  private walks: i32 = 0;
  /** Saved context of each Func frame: cursor, limit, walk id, node, func frame, scope depth,
   *  the caller's operand waiting for the return value, the arguments' base in env*. */
  ctxCursor: IntVec = new IntVec(64);
  ctxLim: IntVec = new IntVec(64);
  ctxWalk: IntVec = new IntVec(64);
  ctxNode: IntVec = new IntVec(64);
  ctxFunc: IntVec = new IntVec(64);
  ctxScope: IntVec = new IntVec(64);
  ctxOperand: IntVec = new IntVec(64);
  ctxEnv: IntVec = new IntVec(64);
  /** MemoryFacts.version when each function walk began. */
  ctxMem: IntVec = new IntVec(64);
  ctxArgs: IntVec = new IntVec(64);
  /** The first local slot of each Func frame's walk (a label there joins only its own). */
  ctxSlots: IntVec = new IntVec(64);
  envKind: IntVec = new IntVec(256);
  envValue: LongVec = new LongVec(256);
  envUnsigned: IntVec = new IntVec(256);
  envSz0: IntVec = new IntVec(256);
  envSz1: IntVec = new IntVec(256);
  envMax: LongVec = new LongVec(256);
  /** The argument's bound by gcc's ranges (expressions.ts oRange), -1: no more than envMax. */
  envRange: LongVec = new LongVec(256);
  envOwn: LongVec = new LongVec(256);
  envHi: LongVec = new LongVec(256);
  envFn: IntVec = new IntVec(256);
  envType: IntVec = new IntVec(256);
  envOrigin: IntVec = new IntVec(256);
  /** The string literals read, their escapes undone: a value with OF.STRING / LF.STRING is
   *  an index here. */
  strings: string[] = [];
  /** Parameter slots of the function being set up. */
  paramSlots: IntVec = new IntVec(16);
  /** Their names' tokens. */
  paramNames: IntVec = new IntVec(16);
  /** Entities of the Func frames open now (to see recursion). */
  inlineStack: IntVec = new IntVec(64);
  /** Static functions gcc inlines as called once (calledonce.ts), set before the walks. */
  calledOnce: Set<i32> = new Set();
  /** The name tokens of functions and objects declared extern inside a body (`extern int
   *  counter;`): declared names as file-scope ones are (reach.ts tells the module). */
  blockDeclared: IntVec = new IntVec(8);
  /** What stores left in memory (memfacts.ts). */
  mem: MemoryFacts = new MemoryFacts();
  /** The constants (and their ranges) gcc propagates into functions' parameters (ipaconstants.ts). */
  ipaConstants: IpaParameters = new IpaParameters();
  /** Whether the unit was read with the kernel's real headers, all found: a name nothing
   *  declares is then gcc's error (undeclared.ts), noted in `undeclared` at its tokens, and
   *  so is a member its record lacks (nomember.ts). */
  reportUndeclared: bool = false;
  undeclared: Map<i32, UndeclaredUse | null> = new Map();
  /** Members records lack (nomember.ts), at the member's token; reported with `undeclared`. */
  missingMembers: Map<i32, MissingMember> = new Map();

  /** Result registers: what the last finished expression (or walk) produced. */
  rVK: VK = VK.NotConst;
  rVal: i64 = 0;
  rUns: bool = false;
  rHead: i32 = -1;
  rTail: i32 = -1;
  rType: i32 = T.UNKNOWN;
  /** How the last statement ends: 0 normally, 1 by break or continue, 2 never (return,
   *  goto, a noreturn call); and whether the last expression ends in a noreturn call. */
  rFlow: i32 = 0;
  rNoReturn: bool = false;
  /** Whether the last statement is a call gcc can make a tail call (`f(x);`, its whole
   *  expression a call): -1 no, -2 a call, >= 0 the node of the inline expansion it calls. */
  tailStmt: i32 = -1;
  /** The local the last expression is, when it is just one (-1: none). */
  rLocal: i32 = -1;
  /** The last expression (begun with STOP.INTO_LOCAL) is the address of a local. */
  rLocalAddr: bool = false;
  /** The string literal (Walker.strings index) the last expression is, or -1. */
  rString: i32 = -1;
  /** The object sizes the last expression's pointer value carries (see localSz0). */
  rSz0: i32 = -1;
  rSz1: i32 = -1;
  /** The function the last expression designates or points to (entity id), or -1. */
  rFn: i32 = -1;
  /** The largest value the last expression can have where gcc knows it, or -1. */
  rMax: i64 = -1;
  /** The value's bound is one only a tested branch gives (expressions.ts OF.TESTED), and its
   *  own bound then (-1: none). */
  rTested: bool = false;
  rOwn: i64 = -1;
  /** The value's upper bound where it may be negative (localHi), else -1. */
  rHi: i64 = -1;
  /** The least value of the last expression where gcc knows it (expressions.ts oMin), else -1. */
  rMin: i64 = -1;
  /** The last expression's bound by gcc's ranges (expressions.ts oRange), else -1. */
  rRange: i64 = -1;
  /** The Use entry ending the last expression's list where its value is an inline call's
   *  (USES_RESULT), else -1. */
  rResult: i32 = -1;
  /** The value's bound rests on a tested one through arithmetic (OF.DERIVED); rOwn its own. */
  rDerived: bool = false;
  /** The run-time object size the last expression is (its id, see isDynamicSize), or -1. */
  rSize: i32 = -1;
  /** The value id (localOrigin) of the last expression, or -1. */
  rOrigin: i32 = -1;
  /** A switch whose value is known, about to read its body (statements.ts). */
  pendingSwitch: bool = false;
  pendingSwitchValue: i64 = 0;

  issues: WalkIssue[] = [];
  /** Constant evaluations (evalConst) under way. */
  constDepth: i32 = 0;
  /** Steps left before the walker gives up (a bound that no real input reaches). */
  budget: i64;
  gaveUp: bool = false;

  constructor(public t: CTokens) {
    this.toy = !t.expanded;
    this.lim = t.length;
    this.budget = budgetFor(t);
    this.decls = new Declarations(this);
    this.stmts = new Statements(this);
    this.exprs = new Expressions(this);
  }

  /** Takes the state `o` had between two file-scope declarations (the reader's checkpoint,
   *  checkpoint.ts): its tables copied; the stacks of a walk in progress, empty there, and
   *  the cursor's range and budget (set by the constructor for this walker's tokens) not. */
  copyFileScope(o: Walker): void {
    this.scope = o.scope.copy();
    this.ents = o.ents.copy();
    this.ropes = o.ropes.copy();
    this.nodes = o.nodes.copy();
    this.types = o.types.copy();
    this.stmts.copyMemo(o.stmts);
    this.i = o.i;
    this.constKind = o.constKind.copy();
    this.constValue = o.constValue.copy();
    this.constUnsigned = o.constUnsigned.copy();
    this.localFlags = o.localFlags.copy();
    this.localKind = o.localKind.copy();
    this.localValue = o.localValue.copy();
    this.localType = o.localType.copy();
    this.localSz0 = o.localSz0.copy();
    this.localSz1 = o.localSz1.copy();
    this.localMax = o.localMax.copy();
    this.localOwn = o.localOwn.copy();
    this.localHi = o.localHi.copy();
    this.localLeast = o.localLeast.copy();
    this.localLeastOf = o.localLeastOf.copy();
    this.localFn = o.localFn.copy();
    this.localOrigin = o.localOrigin.copy();
    this.localAlias = o.localAlias.copy();
    this.blockDeclared = o.blockDeclared.copy();
    this.mem = o.mem.copy();
    this.localParam = o.localParam.copy();
    this.localArg = o.localArg.copy();
    this.localArgKey = o.localArgKey.copy();
    this.localDepth = o.localDepth.copy();
    this.condDepth = o.condDepth;
    this.scoped = o.scoped.copy();
    this.forgotSlot = o.forgotSlot.copy();
    this.forgotSz0 = o.forgotSz0.copy();
    this.forgotSz1 = o.forgotSz1.copy();
    this.forgotMax = o.forgotMax.copy();
    this.thenFrame = o.thenFrame.copy();
    this.thenSlot = o.thenSlot.copy();
    this.thenSz0 = o.thenSz0.copy();
    this.thenSz1 = o.thenSz1.copy();
    this.thenMax = o.thenMax.copy();
    this.curNode = o.curNode;
    this.funcFrame = o.funcFrame;
    this.walks = o.walks;
    this.envKind = o.envKind.copy();
    this.envValue = o.envValue.copy();
    this.envUnsigned = o.envUnsigned.copy();
    this.envSz0 = o.envSz0.copy();
    this.envSz1 = o.envSz1.copy();
    this.envMax = o.envMax.copy();
    this.envRange = o.envRange.copy();
    this.envOwn = o.envOwn.copy();
    this.envHi = o.envHi.copy();
    this.envFn = o.envFn.copy();
    this.envType = o.envType.copy();
    this.envOrigin = o.envOrigin.copy();
    this.strings = o.strings.slice(0);
    this.rVK = o.rVK;
    this.rVal = o.rVal;
    this.rUns = o.rUns;
    this.rHead = o.rHead;
    this.rTail = o.rTail;
    this.rType = o.rType;
    this.rFlow = o.rFlow;
    this.rNoReturn = o.rNoReturn;
    this.tailStmt = o.tailStmt;
    this.rLocal = o.rLocal;
    this.rLocalAddr = o.rLocalAddr;
    this.rString = o.rString;
    this.rSz0 = o.rSz0;
    this.rSz1 = o.rSz1;
    this.rFn = o.rFn;
    this.rSize = o.rSize;
    this.rOrigin = o.rOrigin;
    this.rMax = o.rMax;
    this.pendingSwitch = o.pendingSwitch;
    this.pendingSwitchValue = o.pendingSwitchValue;
    this.issues = o.issues.slice(0);
    this.gaveUp = o.gaveUp;
  }

  /** Whether a walk is in progress (no checkpoint can be taken then). */
  get walking(): bool {
    return this.f.length > 0 || this.ctxCursor.length > 0 || this.constDepth > 0 || this.inlineStack.length > 0;
  }

  /** The kind and atom of token i within the current range. */
  @inline kd(i: i32): CK {
    return i < this.lim ? this.t.kindAt(i) : CK.End;
  }
  @inline at(i: i32): i32 {
    return i < this.lim ? this.t.atomAt(i) : 0;
  }
  /** Whether token i is the punctuator p. */
  @inline isP(i: i32, p: i32): bool {
    return i < this.lim && this.t.kindAt(i) == CK.Punct && this.t.atomAt(i) == p;
  }
  /** Whether token i is the keyword (or identifier atom) a. */
  @inline isK(i: i32, a: i32): bool {
    return i < this.lim && this.t.kindAt(i) == CK.Ident && this.t.atomAt(i) == a;
  }

  issue(tok: i32, message: string): void {
    if (this.issues.length < 64) this.issues.push(new WalkIssue(tok, message));
  }

  addConstant(k: VK, v: i64, uns: bool): i32 {
    this.constKind.push(<i32>k);
    this.constValue.push(v);
    return this.constUnsigned.push(uns ? 1 : 0);
  }

  /** A local of type `type` (automatic storage; the caller drops AUTO for a static one). */
  addLocal(type: i32): i32 {
    const ty = this.types;
    this.localFlags.push((ty.isUnsigned(type) ? LF.UNSIGNED : 0) | (ty.kindOf(type) == TY.Array ? LF.ARRAY : 0) | LF.AUTO);
    this.localKind.push(<i32>VK.NotConst);
    this.localValue.push(0);
    this.localDepth.push(this.condDepth);
    this.localSz0.push(-1);
    this.localSz1.push(-1);
    this.localMax.push(-1);
    this.localOwn.push(-1);
    this.localHi.push(-1);
    this.localLeast.push(-1);
    this.localLeastOf.push(-1);
    this.localFn.push(-1);
    this.localOrigin.push(-1);
    this.localAlias.push(SPELLED_UNKNOWN);
    this.localParam.push(-1);
    this.localArg.push(-1);
    this.localArgKey.push(-1);
    const slot = this.localType.push(type);
    this.exprs.boundRange(slot, -1); // a slot used again starts unbounded
    return slot;
  }

  /** A value id of its own (localOrigin); never given twice, even across copies. */
  newValueId(): i32 {
    valueIds = valueIds < 0x3fffffff ? valueIds + 1 : 1;
    return valueIds;
  }

  /** Runs frames until only `base` remain. */
  run(base: i32): void {
    const f = this.f;
    while (f.length > base) {
      if (--this.budget < 0) {
        this.giveUp(base);
        return;
      }
      const top = f.top();
      const type = f.typeOf(top);
      if (type == FT.Expr) this.exprs.step(top);
      else this.stmts.step(top, type);
    }
  }

  /** Unwinds every frame above `base` after the budget ran out. */
  private giveUp(base: i32): void {
    if (!this.gaveUp) this.issue(this.i < this.t.length ? this.i : this.t.length - 1, "the C reader stopped here: the input is too complex to follow");
    this.gaveUp = true;
    while (this.f.length > base) {
      const top = this.f.top();
      if (this.f.typeOf(top) == FT.Func) {
        this.nodes.mark(this.f.b.get(top), NF.RETURNS);
        this.stmts.leaveFunction(top);
      }
      this.f.pop();
    }
    this.exprs.resetTo(0, 0);
    this.condDepth = 0;
    this.scoped.truncate(0);
    this.thenFrame.truncate(0);
    this.thenSlot.truncate(0);
    this.thenSz0.truncate(0);
    this.thenSz1.truncate(0);
    this.thenMax.truncate(0);
    this.rVK = VK.NotConst;
    this.rHead = -1;
    this.rTail = -1;
  }

  /** Evaluates tokens [a, b) as a constant expression; the value is left in rVK/rVal/rUns. */
  evalConst(a: i32, b: i32): void {
    if (this.constDepth >= MAX_CONST_DEPTH || this.gaveUp || b <= a) {
      this.rVK = VK.Const;
      this.rVal = 0;
      this.rUns = false;
      this.rType = T.UNKNOWN;
      return;
    }
    this.constDepth++;
    const si = this.i;
    const sl = this.lim;
    this.i = a;
    this.lim = b < sl ? b : sl;
    const base = this.f.length;
    this.exprs.begin(true, STOP.COMMA);
    this.run(base);
    this.i = si;
    this.lim = sl;
    this.constDepth--;
    this.rHead = -1;
    this.rTail = -1;
  }

  /** The type of the expression [a, b), never evaluated; left in rType. */
  evalType(a: i32, b: i32): void {
    this.evalConst(a, b);
  }

  /** Walks a function's body as an emitted function (its own node). */
  walkFunction(e: Entity, node: i32): void {
    this.mem.forgetAll();
    const base = this.f.length;
    this.enterFunction(e, node, -1, 0, 0);
    this.run(base);
  }

  /** Walks an object's initializer (its own node). */
  walkData(e: Entity, node: i32): void {
    if (e.initStart < 0) {
      this.nodes.mark(node, NF.DONE);
      return;
    }
    const base = this.f.length;
    const si = this.i;
    const sl = this.lim;
    const sn = this.curNode;
    this.i = e.initStart;
    this.lim = e.initEnd;
    this.curNode = node;
    const fr = this.f.push(FT.Data, false, this.i);
    this.f.a.set(fr, e.id);
    this.run(base);
    this.nodes.mark(node, NF.DONE);
    this.i = si;
    this.lim = sl;
    this.curNode = sn;
  }

  /** Opens a Func frame for `e`'s body: as node `node`; `operand` (>= 0) is the caller's
   *  operand that takes the return value; the call's arguments are env[envBase, +count). */
  enterFunction(e: Entity, node: i32, operand: i32, envBase: i32, count: i32): void {
    const fr = this.f.push(FT.Func, false, e.bodyOpen);
    this.f.a.set(fr, e.id);
    this.f.b.set(fr, node);
    this.ctxCursor.push(this.i);
    this.ctxLim.push(this.lim);
    this.ctxWalk.push(this.scope.walkId);
    this.ctxNode.push(this.curNode);
    this.ctxFunc.push(this.funcFrame);
    this.ctxScope.push(this.scope.depth);
    this.ctxOperand.push(operand);
    this.ctxEnv.push(envBase);
    this.ctxMem.push(this.mem.version);
    this.ctxArgs.push(count);
    this.ctxSlots.push(this.localFlags.length);
    this.inlineStack.push(e.id);
    this.curNode = node;
    this.funcFrame = fr;
    this.scope.walkId = ++this.walks;
    this.i = e.bodyOpen;
    this.lim = e.bodyClose + 1;
  }

  /** Whether gcc expands the calls of function `e` in place (the walk does too, unless
   *  cannotInline). */
  expands(e: Entity): bool {
    return (e.isInline() && (e.isStatic() || e.has(EF.EXTERN))) || this.calledOnce.has(e.id);
  }

  /** Whether calling `e` inline now would recurse or nest too deep. */
  cannotInline(e: Entity): bool {
    if (this.inlineStack.length >= MAX_INLINE_DEPTH) return true;
    for (let k = 0; k < this.inlineStack.length; k++) if (this.inlineStack.get(k) == e.id) return true;
    return false;
  }

  /** Marks the walk in progress (when the frame is live). */
  markNode(flag: i32, frame: i32): void {
    if (this.curNode >= 0 && !this.f.isDead(frame)) this.nodes.mark(this.curNode, flag);
  }

  /** A live call through a pointer held in register `reg`; `viaParameter`: a parameter's
   *  own register, which holds only in the function's out-of-line copy. */
  markIndirectCall(reg: i32, viaParameter: bool, frame: i32): void {
    if (this.curNode < 0 || this.f.isDead(frame)) return;
    const n = this.curNode;
    this.nodes.mark(n, NF.INDIRECT_CALL);
    const masks = viaParameter ? this.nodes.paramThunks : this.nodes.thunks;
    masks.set(n, masks.get(n) | (1 << reg));
  }

  /** Whether the statement being read is inside a loop of the function being walked. */
  inLoop(): bool {
    for (let fr = this.f.length - 1; fr > this.funcFrame; fr--) {
      const type = this.f.typeOf(fr);
      if (type == FT.Loop || type == FT.For || type == FT.Do) return true;
    }
    return false;
  }

  /** A live assignment of (vk, v) to local `slot` (frame fr): a followed local takes the
   *  value when the assignment runs whenever its declaration does, else it is unknown. */
  assignLocal(slot: i32, frame: i32, vk: VK, v: i64, max: i64 = -1, least: i64 = -1): void {
    if (slot < 0 || this.f.isDead(frame)) return;
    const before = this.boundOf(slot);
    this.forgetValue(slot);
    if ((this.localFlags.get(slot) & LF.TRACKED) == 0) return;
    if (this.condDepth == this.localDepth.get(slot) && vk != VK.NotConst) {
      this.localKind.set(slot, <i32>vk);
      this.localValue.set(slot, v);
      return;
    }
    this.localKind.set(slot, <i32>VK.NotConst);
    const bound = vk == VK.Known ? (v >= 0 ? v : -1) : max;
    if (bound < 0 || bound > this.largestOf(this.localType.get(slot))) return;
    // given a bounded value in straight code it has that bound; under a condition it holds
    // that value or the one before, so a bound of both bounds it (`if (a) len = 4; else
    // len = 16;` is at most 16)
    if (this.condDepth == this.localDepth.get(slot)) {
      this.localMax.set(slot, bound);
      if (least >= 0 && least <= bound) {
        this.localLeast.set(slot, least);
        this.localLeastOf.set(slot, bound);
      }
    } else if (before >= 0) this.localMax.set(slot, before > bound ? before : bound);
  }

  /** The largest value an integer type holds (-1: not an integer type). */
  private largestOf(type: i32): i64 {
    const size = this.types.sizeOf(type);
    if (this.types.kindOf(type) != TY.Int || size <= 0) return -1;
    if (size >= 8) return i64.MAX_VALUE;
    return ((<i64>1) << (<i64>size * 8 - (this.types.isUnsigned(type) ? 0 : 1))) - 1;
  }

  /** The upper bound of local `slot`'s non-negative value so far (0 when it has none yet), -1
   *  when unbounded. */
  private boundOf(slot: i32): i64 {
    return (this.localFlags.get(slot) & LF.UNSET) != 0 ? 0 : this.knownBound(slot);
  }

  /** The upper bound of local `slot`'s non-negative value: the value where it is known, else
   *  localMax; -1 when unbounded. */
  knownBound(slot: i32): i64 {
    if (<VK>this.localKind.get(slot) == VK.Known) return this.localValue.get(slot) >= 0 ? this.localValue.get(slot) : -1;
    return this.localMax.get(slot);
  }

  /** knownBound, else local `slot`'s bound by gcc's ranges (expressions.ts ranges); -1: none. */
  rangedBound(slot: i32): i64 {
    const known = this.knownBound(slot);
    return known >= 0 ? known : this.exprs.rangeOf(slot);
  }

  /** Local `slot`'s value, just assigned inside conditionally run code, is known to point
   *  to an object of sz0/sz1 bytes and to be at most `max` (a signed one `hi`, localHi,
   *  where it is not -1) until that code is left. */
  scopeAssignment(slot: i32, sz0: i32, sz1: i32, max: i64, tested: bool = false, hi: i64 = -1): void {
    const flags = this.localFlags.get(slot);
    const maker = tested ? SE.TESTED : SE.ASSIGNED;
    this.scoped.push(slot, this.condDepth, maker, this.localMax.get(slot), flags & (LF.TESTED | LF.DERIVED), this.localOwn.get(slot), this.localHi.get(slot));
    if (hi >= 0) this.localHi.set(slot, hi);
    if (tested) {
      // a bound the condition of the code gives: its own stays what it was
      if ((flags & LF.TESTED) == 0) this.localOwn.set(slot, this.localMax.get(slot));
      this.localFlags.set(slot, flags | LF.TESTED);
    }
    this.localSz0.set(slot, sz0);
    this.localSz1.set(slot, sz1);
    this.localMax.set(slot, max);
  }

  /** Leaves conditionally run code: the values assigned in it no longer tell anything
   *  (what they told is kept in forgot* for the if statement that may join it). */
  leaveCond(): void {
    this.condDepth--;
    this.mem.leave(this.condDepth);
    this.forgotSlot.truncate(0);
    this.forgotSz0.truncate(0);
    this.forgotSz1.truncate(0);
    this.forgotMax.truncate(0);
    this.forgetScoped(this.condDepth);
  }

  /** The then-branch of if statement `frame` ended (`flow` 0: normally) and an else follows:
   *  what its assignments told waits for the else-branch's. */
  keepThenBranch(frame: i32, flow: i32): void {
    if (flow != 0) return;
    for (let k = 0; k < this.forgotSlot.length; k++) {
      this.thenFrame.push(frame);
      this.thenSlot.push(this.forgotSlot.get(k));
      this.thenSz0.push(this.forgotSz0.get(k));
      this.thenSz1.push(this.forgotSz1.get(k));
      this.thenMax.push(this.forgotMax.get(k));
    }
  }

  /** The else-branch of if statement `frame` ended (flows 0: normally): a local both
   *  branches assigned points to either's object and is at most the larger bound after the
   *  if (gcc's PHI of the two SSA names); one only the branch that goes on assigned keeps
   *  what it told. */
  joinBranches(frame: i32, thenFlow: i32, elseFlow: i32): void {
    const n = this.thenFrame.length;
    let first = n;
    while (first > 0 && this.thenFrame.get(first - 1) == frame) first--;
    if (elseFlow == 0) {
      for (let k = 0; k < this.forgotSlot.length; k++) {
        const slot = this.forgotSlot.get(k);
        let sz0 = this.forgotSz0.get(k),
          sz1 = this.forgotSz1.get(k),
          max = this.forgotMax.get(k);
        if (thenFlow == 0) {
          let j = first;
          while (j < n && this.thenSlot.get(j) != slot) j++;
          if (j == n) continue;
          const same = sz1 == sz0 && this.thenSz1.get(j) == this.thenSz0.get(j);
          sz0 = eitherSizeOf(sz0, this.thenSz0.get(j));
          sz1 = same ? sz0 : eitherSizeOf(sz1, this.thenSz1.get(j));
          max = max >= 0 && this.thenMax.get(j) >= 0 ? (max > this.thenMax.get(j) ? max : this.thenMax.get(j)) : -1;
        }
        this.holdAfterBranches(slot, sz0, sz1, max);
      }
    } else if (thenFlow == 0) {
      for (let j = first; j < n; j++) this.holdAfterBranches(this.thenSlot.get(j), this.thenSz0.get(j), this.thenSz1.get(j), this.thenMax.get(j));
    }
    this.thenFrame.truncate(first);
    this.thenSlot.truncate(first);
    this.thenSz0.truncate(first);
    this.thenSz1.truncate(first);
    this.thenMax.truncate(first);
  }

  /** What a local is known to hold after an if statement's branches: for the code around
   *  it where that is conditional too, or for good where nothing later can merge other
   *  values into it (LF.TRACKED). */
  private holdAfterBranches(slot: i32, sz0: i32, sz1: i32, max: i64): void {
    if (slot >= this.localSz0.length || (sz0 == -1 && sz1 == -1 && max < 0)) return;
    if (this.condDepth > this.localDepth.get(slot)) this.scopeAssignment(slot, sz0, sz1, max);
    else if (this.condDepth == this.localDepth.get(slot) && (this.localFlags.get(slot) & LF.TRACKED) != 0) {
      this.localSz0.set(slot, sz0);
      this.localSz1.set(slot, sz1);
      this.localMax.set(slot, max);
    }
  }

  /** Forgets what assignments inside code deeper than `depth` told (a label: all of them). */
  forgetScoped(depth: i32): void {
    let n = this.scoped.count;
    while (n > 0 && this.scoped.depth(n - 1) > depth) {
      const slot = this.scoped.slot(n - 1);
      if (slot < this.localSz0.length && this.scoped.maker(n - 1) == SE.ASSIGNED) {
        this.forgotSlot.push(slot);
        this.forgotSz0.push(this.localSz0.get(slot));
        this.forgotSz1.push(this.localSz1.get(slot));
        this.forgotMax.push(this.localMax.get(slot));
        this.localSz0.set(slot, -1);
        this.localSz1.set(slot, -1);
      }
      if (slot < this.localSz0.length) this.restoreScoped(n - 1);
      n--;
    }
    this.scoped.truncate(n);
  }

  /** A label: other values join the locals of its function a goto may jump past their
   *  changes to (LF.LABEL_JOINED) here; what they held is no longer known. One given its
   *  value by a single assignment (LF.ONCE) holds it wherever it has one (gcc's one SSA name). */
  forgetAtLabel(): void {
    const first = this.ctxSlots.length > 0 ? this.ctxSlots.top() : 0;
    for (let slot = first; slot < this.localFlags.length; slot++) {
      const flags = this.localFlags.get(slot);
      if ((flags & LF.LABEL_JOINED) == 0 || (flags & LF.ONCE) != 0) continue;
      this.forgetLocal(slot);
    }
  }

  /** Local `slot` holds a value nothing here knows (a loop that changes it is entered). */
  forgetLocal(slot: i32): void {
    this.localKind.set(slot, <i32>VK.NotConst);
    this.forgetValue(slot);
  }

  /** Forgets what was known of local `slot`'s value: its object's sizes, bounds, function and
   *  the flags that came with them (an assignment, a label that joins other values). */
  private forgetValue(slot: i32): void {
    this.exprs.boundRange(slot, -1);
    this.localSz0.set(slot, -1);
    this.localSz1.set(slot, -1);
    this.localMax.set(slot, -1);
    this.localHi.set(slot, -1);
    this.localLeastOf.set(slot, -1);
    this.localFn.set(slot, -1);
    this.localFlags.set(slot, this.localFlags.get(slot) & ~(LF.SIZE | LF.UNSET | LF.TESTED | LF.DERIVED));
  }

  /** Gives scoped entry k's local back the bound it had outside that code. */
  private restoreScoped(k: i32): void {
    const e = this.scoped;
    const slot = e.slot(k);
    this.localMax.set(slot, e.maxBefore(k));
    this.localFlags.set(slot, (this.localFlags.get(slot) & ~(LF.TESTED | LF.DERIVED)) | e.flagsBefore(k));
    this.localOwn.set(slot, e.ownBefore(k));
    this.localHi.set(slot, e.hiBefore(k));
    // a value assigned inside that code is gone (a tested one is the same value)
    if (e.maker(k) == SE.ASSIGNED) this.localLeastOf.set(slot, -1);
  }

  /** Forgets what code around a loop told of the locals `slots` (the ones the loop changes:
   *  its body runs again after their first pass); what it told of the others stays. */
  forgetScopedSlots(slots: Set<i32>): void {
    // restore newest first, so a local scoped twice gets its oldest value back
    for (let k = this.scoped.count - 1; k >= 0; k--) {
      const slot = this.scoped.slot(k);
      if (!slots.has(slot) || slot >= this.localSz0.length) continue;
      this.localSz0.set(slot, -1);
      this.localSz1.set(slot, -1);
      this.restoreScoped(k);
    }
    this.scoped.dropSlots(slots);
  }

  /** An increment or address-of of local `slot`: its value is no longer known. */
  changeLocal(slot: i32, frame: i32): void {
    this.assignLocal(slot, frame, VK.NotConst, 0);
  }

  /** Whether token i is `__builtin_…` or another compiler builtin spelled without a declaration. */
  isBuiltinName(a: i32): bool {
    const s = this.t.names.text(a);
    return s.startsWith("__builtin_") || s.startsWith("__atomic_") || s.startsWith("__sync_");
  }

  /** True for `K.X` punctuator atoms that close a group. */
  static isCloser(a: i32): bool {
    return a == K.RParen || a == K.RBracket || a == K.RBrace;
  }
}
