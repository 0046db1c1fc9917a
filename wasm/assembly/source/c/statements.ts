// Statements (C11 6.8), declarations in blocks, initializer lists, asm statements and the
// walks of function bodies and initializers, as frames. A branch gcc removes because its
// condition folds to a constant (`if (0)`, `while (0)`, the else of `if (1)`) is read in a
// dead frame: scopes stay right, and what it references is dropped.

import { unescapeString } from "../lexer";
import { matchClose, matchOpen, stringsIn } from "./attributes";
import { copyMap } from "../../util/maps";
import { DeclSpec, Declarator, initializedLength, isReserved, SPELLED_UNKNOWN } from "./declarations";
import { EF, EntKind } from "./entities";
import { Expressions } from "./expressions";
import { FT, STOP } from "./frames";
import { IntVec, LongVec } from "./intvec";
import { isAssignOp, K } from "./names";
import { NF } from "./nodes";
import { EK, USES_LOCAL, USES_RESULT } from "./ropes";
import { holdValue } from "./heldvalues";
import { Bind } from "./scope";
import { CK } from "./tokens";
import { isIntegerClass } from "./thunks";
import { T, TY } from "./types";
import { reversedComparison, truncated, VK } from "./values";
import { LF, Walker } from "./walker";
import { counterBoundName, counterByOne, counterFirst, counterMax, counterSlot, findLoopCounter, resetLoopCounter } from "./loopcounter";
import { NOT_FIXED } from "./ipaconstants";
import { noteExcessElements, noteMissingMember } from "./nomember";

// states of a Stmt frame after it has dispatched
const S_EXPR = 12;
const S_RETURN = 10;
const S_CASE = 11;
/** How far changes() looks for a change of a local before it assumes one. */
const NEVER_MODIFIED_SCAN = 100000;
/** How a statement ends (Walker.rFlow). */
const FLOW_BREAK = 1;
const FLOW_NEVER = 2;
/** No way out joined yet (joinEndings). */
const NO_ENDING = -3;

/** Two ways out of a statement joined, as w.tailStmt tells them: a tail call (-2) and a
 *  tail call, or the same inline body twice, stay so; anything else returns (-1). */
function joinEndings(a: i32, b: i32): i32 {
  if (a == NO_ENDING) return b;
  if (b == NO_ENDING) return a;
  return a == b ? a : -1;
}
// how a name is changed at a token (changeAt)
const NO_CHANGE = 0;
const ASSIGNED = 1;
const OTHER_CHANGE = 2;
const ADDRESS_TAKEN = 3;
const UNCHANGED = 0;
const CHANGED_STRAIGHT = 1;
const CHANGED = 2;

export class Statements {
  private spec: DeclSpec = new DeclSpec();
  private decl: Declarator = new Declarator();
  /** How each open declaration frame's specifiers wrote its type (DeclSpec.alias). */
  private specAlias: Map<i32, i32> = new Map();
  /** The operands of the asm statements being read, in order: the asm frame, the operand's
   *  [name] atom (-1: none), whether its value is known, the value. */
  private asmOpFrame: IntVec = new IntVec(16);
  private asmOpName: IntVec = new IntVec(16);
  private asmOpKnown: IntVec = new IntVec(16);
  private asmOpValue: LongVec = new LongVec(16);

  constructor(public w: Walker) {}

  step(fr: i32, type: FT): void {
    switch (type) {
      case FT.Stmt:
        this.statement(fr);
        break;
      case FT.Block:
        this.block(fr);
        break;
      case FT.StmtExpr:
        this.stmtExpr(fr);
        break;
      case FT.If:
        this.ifStmt(fr);
        break;
      case FT.Loop:
        this.loop(fr);
        break;
      case FT.For:
        this.forStmt(fr);
        break;
      case FT.Do:
        this.doStmt(fr);
        break;
      case FT.Decl:
        this.declaration(fr);
        break;
      case FT.Init:
        this.initializer(fr);
        break;
      case FT.Asm:
        this.asmStmt(fr);
        break;
      case FT.Func:
        this.func(fr);
        break;
      case FT.Data:
        this.data(fr);
        break;
      case FT.Args:
        this.args(fr);
        break;
      default:
        this.w.f.pop();
        break;
    }
  }

  /** Pushes a statement frame at the cursor. */
  pushStatement(dead: bool): void {
    this.w.f.push(FT.Stmt, dead, this.w.i);
  }

  /** Ends frame fr: its references (none when dead) and a value go to the registers. */
  private complete(fr: i32, vk: VK, val: i64, uns: bool, type: i32 = T.UNKNOWN, flow: i32 = 0): void {
    const w = this.w;
    const f = w.f;
    if (f.isDead(fr)) {
      w.rHead = -1;
      w.rTail = -1;
    } else {
      w.rHead = f.head.get(fr);
      w.rTail = f.tail.get(fr);
    }
    w.rVK = vk;
    w.rVal = val;
    w.rUns = uns;
    w.rType = type;
    w.rFlow = flow;
    w.rMax = -1;
    w.rHi = -1;
    w.rMin = -1;
    // a block ends as its last statement does; anything else is no tail call
    if (f.typeOf(fr) != FT.Block) w.tailStmt = -1;
    f.pop();
  }

  /** Where each declaration frame's initializer being read starts. */
  private initAt: Map<i32, i32> = new Map();

  /** holdValue() of the last expression, tokens [from, the cursor). */
  private holdLast(node: i32, value: i32, from: i32): bool {
    const w = this.w;
    if (!holdValue(w, node, value, from, w.i, w.rHead, w.rTail, w.rResult)) return false;
    w.rHead = w.ropes.head;
    w.rTail = w.ropes.tail;
    return true;
  }

  /** Appends the registers' references (a finished child) to frame fr's. */
  private absorb(fr: i32): void {
    const w = this.w;
    const f = w.f;
    w.ropes.concat(f.head.get(fr), f.tail.get(fr), w.rHead, w.rTail);
    f.head.set(fr, w.ropes.head);
    f.tail.set(fr, w.ropes.tail);
    w.rHead = -1;
    w.rTail = -1;
  }

  private skipP(p: i32): void {
    if (this.w.isP(this.w.i, p)) this.w.i++;
  }

  private become(fr: i32, type: FT, state: i32): void {
    this.w.f.type.set(fr, <i32>type);
    this.w.f.state.set(fr, state);
  }

  private statement(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const st = f.state.get(fr);
    if (st == S_EXPR) {
      const flow = w.rNoReturn && !f.isDead(fr) ? FLOW_NEVER : 0;
      const tail = f.isDead(fr) ? -1 : f.e.get(fr);
      // an inline call's value nobody uses (not a statement expression's value, `...; })`)
      if (w.rResult >= 0 && w.rResult == w.rTail && !(w.isP(w.i + 1, K.RBrace) && w.isP(w.i + 2, K.RParen))) {
        w.ropes.dropLast(w.rHead, w.rTail);
        w.rHead = w.ropes.head;
        w.rTail = w.ropes.tail;
      }
      this.absorb(fr);
      const vk = w.rVK,
        val = w.rVal,
        uns = w.rUns,
        type = w.rType,
        max = w.rMax,
        hi = w.rHi,
        min = w.rMin;
      if (w.isP(w.i, K.Semi)) w.i++;
      else if (w.i == f.start.get(fr) && w.kd(w.i) != CK.End && !w.isP(w.i, K.RBrace)) {
        w.issue(w.i, "unexpected '" + w.t.text(w.i) + "'");
        w.i++;
      }
      this.complete(fr, vk, val, uns, type, flow);
      w.rMax = max; // an expression statement's value keeps its bound (a statement expression's)
      w.rHi = hi;
      w.rMin = min;
      w.tailStmt = tail;
      return;
    }
    if (st == S_RETURN) {
      // what an expansion returns counts where its caller uses it
      if (!f.isDead(fr) && w.curNode >= 0 && w.nodes.has(w.curNode, NF.INLINE)) this.holdLast(w.curNode, USES_RESULT, f.start.get(fr) + 1);
      this.absorb(fr);
      if (w.funcFrame >= 0 && w.curNode >= 0 && !f.isDead(fr)) {
        w.nodes.addReturn(w.curNode, w.rVK, w.rVal, w.rUns, w.rMax, w.rTested ? w.rOwn : w.rMax, w.rSz0 == w.rSz1 ? w.rSz0 : -1);
        const tail = f.e.get(fr);
        w.nodes.addExit(w.curNode, tail != -1 && this.returnsAsIs(w.rType) ? tail : -1);
      }
      this.skipP(K.Semi);
      this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, FLOW_NEVER);
      return;
    }
    if (st == S_CASE) {
      w.rHead = -1; // a case label is a constant
      this.skipP(K.Colon);
      this.complete(fr, VK.NotConst, 0, false);
      return;
    }
    const i = w.i;
    const k = w.kd(i);
    const a = w.at(i);
    const dead = f.isDead(fr);
    const before = w.tailStmt; // the statement before this one
    w.tailStmt = -1;
    if (k == CK.End) {
      this.complete(fr, VK.NotConst, 0, false);
      return;
    }
    if (k == CK.Directive) {
      w.i++;
      return;
    }
    if (k == CK.Punct) {
      if (a == K.LBrace) {
        w.i++;
        w.tailStmt = before; // a block ends as its last statement does, an empty one as before
        w.scope.open();
        this.become(fr, FT.Block, 0);
        f.a.set(fr, 0);
        if (w.pendingSwitch) {
          // the body of a switch whose value is known: only the matching case is compiled
          w.pendingSwitch = false;
          f.c.set(fr, 1);
          f.v.set(fr, w.pendingSwitchValue);
          f.b.set(fr, this.anyCaseMatches(i, w.pendingSwitchValue) ? 1 : 0);
          f.a.set(fr, FLOW_BREAK);
        }
        return;
      }
      if (a == K.Semi) {
        w.i++;
        this.complete(fr, VK.NotConst, 0, false);
        w.tailStmt = before; // an empty statement (a macro that expands to nothing) compiles to nothing
        return;
      }
      if (a == K.RBrace) {
        this.complete(fr, VK.NotConst, 0, false);
        return;
      }
    }
    w.pendingSwitch = false;
    if (k == CK.Ident) {
      switch (a) {
        case K.If:
          w.i++;
          this.become(fr, FT.If, 0);
          f.e.set(fr, before);
          return;
        case K.While:
          w.i++;
          this.become(fr, FT.Loop, 0);
          f.c.set(fr, 1);
          return;
        case K.Switch:
          w.i++;
          this.become(fr, FT.Loop, 0);
          f.c.set(fr, 2);
          f.e.set(fr, NO_ENDING); // how the breaks out of it end, joined (joinEndings)
          return;
        case K.For:
          w.i++;
          this.become(fr, FT.For, 0);
          return;
        case K.Do:
          w.i++;
          this.become(fr, FT.Do, 0);
          return;
        case K.Asm:
          this.become(fr, FT.Asm, 0);
          return;
        case K.Extension:
          w.i++;
          return;
        case K.Return: {
          w.i++;
          if (w.isP(w.i, K.Semi)) {
            w.i++;
            if (w.funcFrame >= 0 && w.curNode >= 0 && !dead) w.nodes.addExit(w.curNode, before);
            this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, FLOW_NEVER);
            return;
          }
          f.state.set(fr, S_RETURN);
          w.exprs.begin(dead, 0);
          return;
        }
        case K.Goto: {
          w.i++;
          if (w.isP(w.i, K.Star)) {
            f.state.set(fr, S_EXPR);
            w.exprs.begin(dead, 0);
            return;
          }
          if (w.kd(w.i) == CK.Ident) w.i++;
          this.skipP(K.Semi);
          this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, FLOW_NEVER);
          return;
        }
        case K.Break:
        case K.Continue: {
          const out = a == K.Break && !dead ? this.enclosingBreakable(fr) : -1;
          if (out >= 0 && f.typeOf(out) == FT.Loop && f.c.get(out) == 2) f.e.set(out, joinEndings(f.e.get(out), before));
          w.i++;
          this.skipP(K.Semi);
          this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, FLOW_BREAK);
          return;
        }
        case K.Case:
          w.i++;
          f.state.set(fr, S_CASE);
          w.exprs.begin(true, STOP.COLON);
          return;
        case K.Default:
          w.i++;
          this.skipP(K.Colon);
          this.complete(fr, VK.NotConst, 0, false);
          return;
        case K.StaticAssert: {
          w.i++;
          if (w.isP(w.i, K.LParen)) w.i = matchClose(w.t, w.i, w.lim) + 1;
          this.skipP(K.Semi);
          this.complete(fr, VK.NotConst, 0, false);
          return;
        }
        case K.Label: {
          while (w.kd(w.i) != CK.End && !w.isP(w.i, K.Semi) && !w.isP(w.i, K.RBrace)) w.i++;
          this.skipP(K.Semi);
          this.complete(fr, VK.NotConst, 0, false);
          return;
        }
        default:
          break;
      }
      // a label: `name:` (not `::`), unless name is a typedef
      if (w.isP(i + 1, K.Colon) && !w.isP(i + 2, K.Colon) && w.scope.kindOf(w.scope.lookup(a)) != Bind.Typedef) {
        w.i += 2;
        this.complete(fr, VK.NotConst, 0, false);
        return;
      }
      if (w.decls.startsDeclaration(i)) {
        this.become(fr, FT.Decl, 0);
        return;
      }
    }
    f.state.set(fr, S_EXPR);
    w.exprs.begin(dead, 0);
  }

  /** A statement of a block finished: after one that never completes, what follows is
   *  not compiled until a label (frame a: how the block's flow ends so far). */
  private afterStatement(fr: i32): void {
    const w = this.w;
    const f = w.f;
    if (f.a.get(fr) == 0 && w.rFlow != 0) f.a.set(fr, w.rFlow);
  }

  /** Before the next statement of a block: a label makes code reachable again (in the
   *  body of a switch on a known value, only its matching case or default). */
  private beforeStatement(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const i = w.i;
    if (w.kd(i) != CK.Ident) return;
    const a = w.at(i);
    // a label is reached from elsewhere too: what assignments before it told is a merge now
    if (a == K.Case || (a == K.Default && w.isP(i + 1, K.Colon)) || (w.isP(i + 1, K.Colon) && !w.isP(i + 2, K.Colon))) {
      w.forgetScoped(-1);
      w.mem.forgetAll();
      // a goto's label (a switch's jumps to case labels join only values followed there)
      if (a != K.Case && a != K.Default) w.forgetAtLabel();
    }
    const switchBody = f.c.get(fr) == 1;
    if (a == K.Case) {
      if (!switchBody) {
        f.a.set(fr, 0);
        return;
      }
      if (f.a.get(fr) != 0 && this.caseMatches(i, f.v.get(fr)) != 0) f.a.set(fr, 0);
      return;
    }
    if (a == K.Default && w.isP(i + 1, K.Colon)) {
      if (!switchBody || f.b.get(fr) == 0) f.a.set(fr, 0);
      return;
    }
    if (w.isP(i + 1, K.Colon) && !w.isP(i + 2, K.Colon) && w.scope.kindOf(w.scope.lookup(a)) != Bind.Typedef) f.a.set(fr, 0);
  }

  /** Whether the `case` label at i matches v: 1, 0, or -1 when its value is not known. */
  private caseMatches(i: i32, v: i64): i32 {
    const w = this.w;
    const colon = w.decls.endOfCase(i + 1);
    let dots = -1;
    for (let j = i + 1; j < colon; j++)
      if (w.isP(j, K.Ellipsis)) {
        dots = j;
        break;
      }
    w.evalConst(i + 1, dots >= 0 ? dots : colon);
    if (w.rVK != VK.Known) return -1;
    const lo = w.rVal;
    if (dots < 0) return lo == v ? 1 : 0;
    w.evalConst(dots + 1, colon);
    if (w.rVK != VK.Known) return -1;
    return v >= lo && v <= w.rVal ? 1 : 0;
  }

  /** Whether any `case` of the switch body at `open` matches v (or cannot be told). */
  private anyCaseMatches(open: i32, v: i64): bool {
    const w = this.w;
    const close = matchClose(w.t, open, w.lim);
    let depth = 0;
    for (let j = open; j < close; j++) {
      if (w.isP(j, K.LBrace)) {
        depth++;
        continue;
      }
      if (w.isP(j, K.RBrace)) {
        depth--;
        continue;
      }
      if (depth == 1 && w.isK(j, K.Case) && this.caseMatches(j, v) != 0) return true;
    }
    return false;
  }

  private block(fr: i32): void {
    const w = this.w;
    const f = w.f;
    if (f.state.get(fr) == 1) {
      this.absorb(fr);
      this.afterStatement(fr);
    }
    f.state.set(fr, 1);
    if (w.isP(w.i, K.RBrace)) {
      w.i++;
      w.scope.close();
      this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, f.c.get(fr) == 1 ? 0 : f.a.get(fr));
      return;
    }
    if (w.kd(w.i) == CK.End) {
      w.issue(f.start.get(fr), "this '{' is never closed");
      w.scope.close();
      this.complete(fr, VK.NotConst, 0, false);
      return;
    }
    this.beforeStatement(fr);
    this.pushStatement(f.isDead(fr) || f.a.get(fr) != 0);
  }

  /** `({ ... })`: a block whose last expression statement is the value. */
  private stmtExpr(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const st = f.state.get(fr);
    if (st == 0) {
      this.skipP(K.LParen);
      this.skipP(K.LBrace);
      w.scope.open();
      f.state.set(fr, 1);
    } else if (st == 2) {
      // a statement finished: remember its value (b: its kind, unsigned, and the flow so far)
      f.v.set(fr, w.rVal);
      f.b.set(fr, (<i32>w.rVK) | (w.rUns ? 4 : 0) | (f.b.get(fr) & ~7));
      if (w.rFlow != 0 && f.b.get(fr) >> 3 == 0) f.b.set(fr, (f.b.get(fr) & 7) | (w.rFlow << 3));
      f.e.set(fr, w.rType);
      this.absorb(fr);
    }
    f.state.set(fr, 2);
    if (w.isP(w.i, K.RBrace) || w.kd(w.i) == CK.End) {
      if (w.kd(w.i) == CK.End) w.issue(f.start.get(fr), "this '({' is never closed");
      else w.i++;
      this.skipP(K.RParen);
      w.scope.close();
      const b = f.b.get(fr);
      const max = w.rMax, // the last statement's, as its value
        hi = w.rHi,
        min = w.rMin;
      const tail = w.tailStmt; // and how it ends, for a statement that is just this (expressions.ts)
      this.complete(fr, <VK>(b & 3), f.v.get(fr), (b & 4) != 0, f.e.get(fr) < 0 ? T.UNKNOWN : f.e.get(fr), b >> 3);
      w.rMax = max;
      w.rHi = hi;
      w.rMin = min;
      w.tailStmt = tail;
      return;
    }
    // after a statement that never completes, only a label is reached again
    if (w.kd(w.i) == CK.Ident && (w.isK(w.i, K.Case) || w.isK(w.i, K.Default) || (w.isP(w.i + 1, K.Colon) && !w.isP(w.i + 2, K.Colon))))
      f.b.set(fr, f.b.get(fr) & 7);
    this.pushStatement(f.isDead(fr) || f.b.get(fr) >> 3 != 0);
  }

  private ifStmt(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const dead = f.isDead(fr);
    switch (f.state.get(fr)) {
      case 0:
        this.skipP(K.LParen);
        f.state.set(fr, 1);
        w.exprs.begin(dead, 0);
        return;
      case 1: {
        // a condition gcc's ranges know is never 0 holds (kaweth's `(b | 0x40) >> 5`)
        const nonZero = w.rVK != VK.Known && w.rMin >= 1;
        const vk = nonZero ? VK.Known : w.rVK;
        const val = nonZero ? 1 : w.rVal;
        this.absorb(fr);
        f.a.set(fr, <i32>vk);
        f.v.set(fr, val);
        this.skipP(K.RParen);
        f.state.set(fr, 2);
        if (vk != VK.Known) {
          w.condDepth++;
          f.d.set(fr, 1);
          if (!dead) this.boundInBranch(f.start.get(fr));
        }
        w.tailStmt = vk == VK.Known ? f.e.get(fr) : -1; // a branch gcc keeps alone follows the code before the if
        this.pushStatement(dead || (vk == VK.Known && val == 0));
        return;
      }
      case 2: {
        const joins = f.d.get(fr) != 0;
        if (joins) {
          w.leaveCond();
          f.d.set(fr, 0);
        }
        const thenLive = !dead && !(<VK>f.a.get(fr) == VK.Known && f.v.get(fr) == 0);
        f.b.set(fr, thenLive ? w.rFlow : -1);
        if (thenLive) f.e.set(fr, w.tailStmt); // e: how the code compiled so far ends
        this.absorb(fr);
        if (w.isK(w.i, K.Else)) {
          if (joins) w.keepThenBranch(fr, f.b.get(fr));
          w.i++;
          f.state.set(fr, 3);
          if (<VK>f.a.get(fr) != VK.Known) {
            w.condDepth++;
            f.d.set(fr, 1);
          }
          if (!thenLive) w.tailStmt = f.e.get(fr);
          this.pushStatement(dead || (<VK>f.a.get(fr) == VK.Known && f.v.get(fr) != 0));
          return;
        }
        f.c.set(fr, 0);
        const flow = this.ifFlow(fr, false);
        if (thenLive) this.clamp(f.start.get(fr));
        if (thenLive && f.b.get(fr) > 0 && <VK>f.a.get(fr) != VK.Known) this.boundAfterExit(f.start.get(fr));
        const known = <VK>f.a.get(fr) == VK.Known;
        const tail = f.e.get(fr);
        this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, flow);
        if (known) w.tailStmt = tail; // only one side is compiled: it ends as that does
        return;
      }
      default: {
        const joins = f.d.get(fr) != 0;
        if (joins) {
          w.leaveCond();
          f.d.set(fr, 0);
        }
        const elseLive = !dead && !(<VK>f.a.get(fr) == VK.Known && f.v.get(fr) != 0);
        f.c.set(fr, elseLive ? w.rFlow : -1);
        const elseTail = w.tailStmt;
        this.absorb(fr);
        if (joins) {
          // (after absorb: the tests read below reset the registers)
          const elseTok = this.elseOf(f.start.get(fr));
          const thenFlow = elseTok < 0 ? f.b.get(fr) : this.flowPastExitTest(f.b.get(fr), elseTok);
          const elseFlow = elseTok < 0 ? f.c.get(fr) : this.flowPastExitTest(f.c.get(fr), w.i);
          w.joinBranches(fr, thenFlow, elseFlow);
        }
        const known = <VK>f.a.get(fr) == VK.Known;
        const tail = known ? (elseLive ? elseTail : f.e.get(fr)) : this.joinedEnding(f.b.get(fr), f.e.get(fr), f.c.get(fr), elseTail);
        this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, this.ifFlow(fr, true));
        w.tailStmt = tail;
      }
    }
  }

  /** `if (x > E) x = F;` (or `>=`; in braces, the block's last statement) of an unsigned local x and
   *  constants E and F, just read from token `start`, where no loop changes x after it: x is
   *  at most the larger of E (E - 1 for `>=`) and F from here (the range gcc gives the PHI of
   *  the two values, which decides how it expands mem* and folds comparisons); a signed x has
   *  it as its upper bound only (localHi). In code run conditionally (a loop's body) that x
   *  may be declared outside, until that code is left. */
  private clamp(start: i32): void {
    const w = this.w;
    if (!w.isK(start, K.If) || !w.isP(start + 1, K.LParen) || w.kd(start + 2) != CK.Ident) return;
    const strict = w.isP(start + 3, K.Gt);
    if (!strict && !w.isP(start + 3, K.Ge)) return;
    const name = w.at(start + 2);
    const close = matchClose(w.t, start + 1, w.lim);
    const braced = w.isP(close + 1, K.LBrace);
    const j = braced ? this.lastStatementOf(close + 1, w.i - 1) : close + 1;
    if (w.kd(j) != CK.Ident || w.at(j) != name || !w.isP(j + 1, K.Assign)) return;
    let end = j + 2;
    while (end < w.i && !w.isP(end, K.Semi)) end++;
    if (end == j + 2 || !w.isP(end, K.Semi) || end + (braced ? 2 : 1) != w.i || (braced && !w.isP(end + 1, K.RBrace))) return;
    const b = w.scope.lookup(name);
    if (w.scope.kindOf(b) != Bind.Local) return;
    const slot = w.scope.dataOf(b);
    const type = w.localType.get(slot);
    if (w.types.kindOf(type) != TY.Int || w.localDepth.get(slot) > w.condDepth) return;
    // a change after it is the local's new value (assignLocal), unless a loop or a label
    // brings the code back here
    if (this.changes(name, w.i) == CHANGED) return;
    // `if (x > y) x = y;` of a bounded local y (keyspan's maxDataLen, 63 or 64): at most y's bound
    let bound = this.sameBoundedLocal(start + 4, close, j + 2, end);
    if (bound < 0) {
      w.evalConst(start + 4, close);
      const least: i64 = strict ? 0 : 1;
      if (w.rVK != VK.Known || w.rVal < least) return;
      const kept = strict ? w.rVal : w.rVal - 1;
      w.evalConst(j + 2, end);
      if (w.rVK != VK.Known || w.rVal < 0) return;
      bound = kept > w.rVal ? kept : w.rVal;
    }
    const unsigned = w.types.isUnsigned(type);
    // inside conditionally run code (a loop's body: usb_wwan's `todo = left; if (todo >
    // OUT_BUFLEN) todo = OUT_BUFLEN;`) until it is left
    if (w.condDepth > w.localDepth.get(slot))
      w.scopeAssignment(slot, w.localSz0.get(slot), w.localSz1.get(slot), unsigned ? bound : w.localMax.get(slot), false, unsigned ? -1 : bound);
    else if (unsigned) w.localMax.set(slot, bound);
    else w.localHi.set(slot, bound);
  }

  /** The first token of the last statement of the block from `{` at `open` to `}` at
   *  `close` (every way through the block that reaches its end runs it). */
  private lastStatementOf(open: i32, close: i32): i32 {
    const w = this.w;
    let last = open + 1,
      next = open + 1;
    let depth = 0;
    for (let j = open + 1; j < close; j++) {
      if (w.kd(j) != CK.Punct) continue;
      const a = w.at(j);
      if (a == K.LParen || a == K.LBracket || a == K.LBrace) depth++;
      else if (a == K.RParen || a == K.RBracket) depth--;
      if ((a == K.RBrace && --depth == 0) || (a == K.Semi && depth == 0)) {
        last = next;
        next = j + 1;
      }
    }
    return last;
  }

  /** The bound of the local that tokens [a, b) and [c, d) both are alone (its value where
   *  known), or -1. */
  private sameBoundedLocal(a: i32, b: i32, c: i32, d: i32): i64 {
    const w = this.w;
    if (b != a + 1 || d != c + 1 || w.kd(a) != CK.Ident || w.kd(c) != CK.Ident || w.at(a) != w.at(c)) return -1;
    const bind = w.scope.lookup(w.at(a));
    return w.scope.kindOf(bind) == Bind.Local ? w.knownBound(w.scope.dataOf(bind)) : -1;
  }

  /** `if (x > E) return ...;` (the then-branch never ends normally, no else): after it an
   *  unsigned local x is at most E, as in gcc's value range (the idiom before a
   *  copy_from_user() into a buffer: `if (len > sizeof(buf) - 1) return -EINVAL;`). Each
   *  `x > E` or `x >= E` (or `E < x`, `E <= x`) of a condition that is an || of them counts,
   *  inside unlikely() too; a signed x where the || also leaves on `x < 0` (sr9700's
   *  `if (len > ETH_FRAME_LEN || len < 0 || ...)`). */
  private boundAfterExit(start: i32): void {
    const w = this.w;
    const open = this.conditionOf(start);
    if (open < 0) return;
    const close = this.conditionClose;
    const names = this.termName,
      ops = this.termOp,
      values = this.termValue,
      toks = this.termTok;
    names.truncate(0);
    ops.truncate(0);
    values.truncate(0);
    toks.truncate(0);
    let from = open + 1;
    let depth = 0;
    let and = -1;
    for (let j = open + 1; j <= close; j++) {
      if (w.kd(j) != CK.Punct) continue;
      const a = w.at(j);
      if (a == K.LParen || a == K.LBracket) depth++;
      else if ((a == K.RParen || a == K.RBracket) && j < close) depth--;
      else if (a == K.Question)
        return; // not an || of comparisons
      else if (a == K.AndAnd && depth == 0 && and >= 0) break;
      else if (a == K.AndAnd && depth == 0) and = j;
      if (depth == 0 && (j == close || a == K.OrOr)) {
        if (and >= 0) {
          // `x >= E && x != E` alone, or a term of the || the terms before still leave by
          if (a == K.OrOr || from != open + 1) break;
          this.boundFromConjunction(from, and, j);
          return;
        }
        const c = this.comparisonAt(from, j) || this.equalityAtBound(from, j);
        if (c != null) {
          names.push(c.name);
          ops.push(c.op);
          values.push(c.value);
          toks.push(c.nameTok);
        } else {
          // any other test of a name (`len == 0`), as no comparison (-1)
          for (let q = from; q < j; q++) {
            if (w.kd(q) != CK.Ident) continue;
            names.push(w.at(q));
            ops.push(-1);
            values.push(0);
            toks.push(q);
          }
        }
        from = j + 1;
      }
    }
    for (let k = 0; k < names.length; k++) {
      const op = ops.get(k);
      if (op == K.Gt || op == K.Ge) this.bound(names.get(k), op, values.get(k), toks.get(k), this.leavesNegative(names.get(k)), this.testedAbove(names.get(k)));
    }
  }

  /** Whether one of the comparisons read leaves when `name` is negative: `name < E` (or
   *  `name <= E`) of an E that is not negative (-1 for <=). */
  private leavesNegative(name: i32): bool {
    for (let k = 0; k < this.termName.length; k++) {
      if (this.termName.get(k) != name) continue;
      const op = this.termOp.get(k),
        value = this.termValue.get(k);
      if ((op == K.Lt && value >= 0) || (op == K.Le && value >= -1)) return true;
    }
    return false;
  }

  /** Whether the comparisons read of `name` are all `name > E` or `name >= E`: the value
   *  left is every one up to a bound, which a conversion to size_t makes an anti-range
   *  (`len == 0 || len > 32` leaves two ranges, of which gcc guesses nothing). */
  private testedAbove(name: i32): bool {
    for (let k = 0; k < this.termName.length; k++) {
      if (this.termName.get(k) != name) continue;
      const op = this.termOp.get(k);
      if (op != K.Gt && op != K.Ge) return false;
    }
    return true;
  }

  /** `if (x < E && ...)`: inside the then-branch a local x the condition compares with a
   *  constant E is below it, as gcc's ranger knows it there (a tested bound, LF.TESTED); a
   *  signed x only where the condition also says x >= 0 (strscpy_pad()'s `if (__wrote >= 0
   *  && __wrote < __count) memset(__dst + __wrote + 1, 0, __count - __wrote - 1);`). */
  private boundInBranch(start: i32): void {
    const w = this.w;
    const open = this.conditionOf(start);
    if (open < 0) return;
    const close = this.conditionClose;
    const names = this.termName,
      ops = this.termOp,
      values = this.termValue;
    names.truncate(0);
    ops.truncate(0);
    values.truncate(0);
    let from = open + 1;
    let depth = 0;
    for (let j = open + 1; j <= close; j++) {
      if (w.kd(j) != CK.Punct) continue;
      const a = w.at(j);
      if (a == K.LParen || a == K.LBracket) depth++;
      else if ((a == K.RParen || a == K.RBracket) && j < close) depth--;
      else if (depth == 0 && (a == K.OrOr || a == K.Question)) return; // not an && of terms
      if (depth == 0 && (j == close || a == K.AndAnd)) {
        const c = this.comparisonAt(from, j);
        if (c != null) {
          names.push(c.name);
          ops.push(c.op);
          values.push(c.value);
        }
        from = j + 1;
      }
    }
    for (let k = 0; k < names.length; k++) {
      const name = names.get(k),
        op = ops.get(k),
        value = values.get(k);
      if ((op != K.Lt && op != K.Le) || value < (op == K.Lt ? 1 : 0)) continue;
      const bind = w.scope.lookup(name);
      if (w.scope.kindOf(bind) != Bind.Local) continue;
      const slot = w.scope.dataOf(bind);
      const type = w.localType.get(slot);
      if (w.types.kindOf(type) != TY.Int) continue;
      if (!w.types.isUnsigned(type) && !this.saysNonNegative(name)) continue;
      const bound = op == K.Lt ? value - 1 : value;
      const max = w.localMax.get(slot);
      if (max >= 0 && max <= bound) continue;
      w.scopeAssignment(slot, w.localSz0.get(slot), w.localSz1.get(slot), bound, true);
    }
  }

  // the comparisons of the condition boundInBranch reads: name, operator, constant
  private termName: IntVec = new IntVec(8);
  private termOp: IntVec = new IntVec(8);
  private termValue: LongVec = new LongVec(8);
  private termTok: IntVec = new IntVec(8);

  /** Whether one of those comparisons is `name >= 0` (or `name > -1`). */
  private saysNonNegative(name: i32): bool {
    for (let k = 0; k < this.termName.length; k++) {
      if (this.termName.get(k) != name) continue;
      const op = this.termOp.get(k),
        value = this.termValue.get(k);
      if ((op == K.Ge && value == 0) || (op == K.Gt && value == -1)) return true;
    }
    return false;
  }

  // the condition conditionOf found ends at this `)`
  private conditionClose: i32 = -1;

  /** The `(` of the condition of the if statement at token `start`, inside unlikely() or
   *  likely() (`__builtin_expect(!!(c), k)`) or WARN_ON() (see testedBy), its `)` in
   *  conditionClose; -1: none. */
  private conditionOf(start: i32): i32 {
    const w = this.w;
    if (!w.isK(start, K.If) || !w.isP(start + 1, K.LParen)) return -1;
    let open = start + 1;
    let close = matchClose(w.t, open, w.lim);
    const expected = this.expectedOf(open + 1);
    if (expected >= 0) {
      open = expected;
      close = matchClose(w.t, open, w.lim);
    }
    // `if (WARN_ON(c))`: `({ int __ret_warn_on = !!(c); ...; unlikely(__ret_warn_on); })`
    const tested = w.isP(open + 1, K.LParen) && w.isP(open + 2, K.LBrace) && matchClose(w.t, open + 1, w.lim) + 1 == close ? this.testedBy(open + 2) : -1;
    if (tested >= 0) {
      open = tested;
      close = matchClose(w.t, open, w.lim);
    }
    this.conditionClose = close;
    return open;
  }

  /** At token j, `__builtin_expect(!!(c), k)`: the `(` before c; else -1. */
  private expectedOf(j: i32): i32 {
    const w = this.w;
    const wraps =
      w.kd(j) == CK.Ident &&
      w.t.text(j) == "__builtin_expect" &&
      w.isP(j + 1, K.LParen) &&
      w.isP(j + 2, K.Bang) &&
      w.isP(j + 3, K.Bang) &&
      w.isP(j + 4, K.LParen);
    return wraps ? j + 4 : -1;
  }

  /** The block of a statement expression at `brace` that is `{ T v = !!(c); ...; v; }` (its
   *  value the value of local v, also as unlikely(v), v never assigned again): the `(` before
   *  c, the condition its value tests (WARN_ON's and WARN_ON_ONCE's); else -1. */
  private testedBy(brace: i32): i32 {
    const w = this.w;
    const end = matchClose(w.t, brace, w.lim);
    // the first statement declares v with !!(c)
    let j = brace + 1;
    while (j < end && w.kd(j) == CK.Ident && !w.isP(j + 1, K.Assign)) j++;
    if (w.kd(j) != CK.Ident || !w.isP(j + 1, K.Assign) || !w.isP(j + 2, K.Bang) || !w.isP(j + 3, K.Bang) || !w.isP(j + 4, K.LParen)) return -1;
    const v = w.at(j);
    const cond = j + 4;
    if (!w.isP(matchClose(w.t, cond, end) + 1, K.Semi)) return -1;
    // the last statement is v, or unlikely(v)
    if (!w.isP(end - 1, K.Semi)) return -1;
    let last = end - 2;
    if (w.isP(last, K.RParen)) {
      const wrap = matchOpen(w.t, last);
      const inner = wrap > 0 ? this.expectedOf(wrap - 1) : -1;
      if (inner < 0 || !w.isP(inner + 2, K.RParen)) return -1;
      last = inner + 1;
    }
    if (w.kd(last) != CK.Ident || w.at(last) != v) return -1;
    for (let k = cond; k < end; k++) if (w.kd(k) == CK.Ident && w.at(k) == v && this.changeAt(k) != NO_CHANGE) return -1;
    return cond;
  }

  /** Tokens [a, m) and (m, b) are `x >= E` and `x != E` (either way round, in either
   *  order): together `x > E`, as fortify's strnlen() tests `p_size <= ret && maxlen != ret`. */
  private boundFromConjunction(a: i32, m: i32, b: i32): void {
    let ge = this.comparisonAt(a, m),
      ne = this.comparisonAt(m + 1, b);
    if (ge == null || ne == null) return;
    if (ge.op == K.Ne) {
      const t = ge;
      ge = ne;
      ne = t;
    }
    if (ge.op == K.Ge && ne.op == K.Ne && ge.name == ne.name && ge.value == ne.value) this.bound(ge.name, K.Gt, ge.value, ge.nameTok);
  }

  /** Tokens [a, b) as `x == E` (or `E == x`) of a local x known to be at most E: as `x >= E`
   *  (that leaves, so x is below E after it), or null. */
  private equalityAtBound(a: i32, b: i32): Comparison | null {
    const w = this.w;
    let name = -1,
      from = a,
      to = b;
    if (w.kd(a) == CK.Ident && w.isP(a + 1, K.EqEq) && b > a + 2) {
      name = a;
      from = a + 2;
    } else if (b - 2 > a && w.kd(b - 1) == CK.Ident && w.isP(b - 2, K.EqEq)) {
      name = b - 1;
      to = b - 2;
    }
    if (name < 0) return null;
    const bind = w.scope.lookup(w.at(name));
    if (w.scope.kindOf(bind) != Bind.Local) return null;
    w.evalConst(from, to);
    if (w.rVK != VK.Known || w.rVal < 1 || w.rangedBound(w.scope.dataOf(bind)) != w.rVal) return null;
    return new Comparison(w.at(name), K.Ge, w.rVal, name);
  }

  /** Tokens [a, b) as `x op E` or `E op x` of a name x, a constant E and a comparison other
   *  than == (reversed to read `x op E`), or null. */
  private comparisonAt(a: i32, b: i32): Comparison | null {
    const w = this.w;
    if (w.kd(a) == CK.Ident && isInequality(w, a + 1) && b > a + 2) {
      w.evalConst(a + 2, b);
      if (w.rVK == VK.Known) return new Comparison(w.at(a), w.at(a + 1), w.rVal, a);
    }
    if (b - 2 > a && w.kd(b - 1) == CK.Ident && isInequality(w, b - 2)) {
      w.evalConst(a, b - 2);
      if (w.rVK == VK.Known) return new Comparison(w.at(b - 1), reversedComparison(w.at(b - 2)), w.rVal, b - 1);
    }
    return null;
  }

  /** After `if (x op E) leave;` (op > or >=, E's value `value`): the bound it gives an
   *  unsigned local x nothing changes in a loop later, or a signed one known `nonNegative`;
   *  a signed one that may be negative has it as its upper bound only (localHi), where the
   *  test says nothing else of it (`aboveOnly`). */
  private bound(name: i32, op: i32, value: i64, nameTok: i32, nonNegative: bool = false, aboveOnly: bool = true): void {
    const w = this.w;
    const bind = w.scope.lookup(name);
    if (w.scope.kindOf(bind) != Bind.Local) return;
    const slot = w.scope.dataOf(bind);
    const type = w.localType.get(slot);
    if (w.types.kindOf(type) != TY.Int || w.localDepth.get(slot) > w.condDepth) return;
    if (this.changes(name, w.i, nameTok) == CHANGED) return;
    if (value < (op == K.Gt ? 0 : 1)) return;
    // inside conditionally run code (a loop's body) until it is left
    const scoped = w.condDepth > w.localDepth.get(slot);
    const bound = op == K.Gt ? value : value - 1;
    // (a local with a bound is not negative)
    if (!w.types.isUnsigned(type) && !nonNegative && w.rangedBound(slot) < 0) {
      // a signed one may still be negative: an upper bound only
      if (!aboveOnly) return;
      if (w.localHi.get(slot) >= 0 && w.localHi.get(slot) <= bound) return;
      if (scoped) w.scopeAssignment(slot, w.localSz0.get(slot), w.localSz1.get(slot), w.localMax.get(slot), false, bound);
      else w.localHi.set(slot, bound);
      return;
    }
    // the test's bound where it is tighter; the value's own (its type's, a mask's) stays its
    // own, which the sanitizer and the mem* expander read
    const max = w.localMax.get(slot);
    if (max >= 0 && max <= bound) return;
    if (scoped) {
      w.scopeAssignment(slot, w.localSz0.get(slot), w.localSz1.get(slot), bound, true);
      return;
    }
    if ((w.localFlags.get(slot) & LF.TESTED) == 0) w.localOwn.set(slot, max);
    w.localMax.set(slot, bound);
    w.localFlags.set(slot, w.localFlags.get(slot) | LF.TESTED);
  }

  /** How an if statement ends: normally when a branch that runs ends normally. */
  /** The `else` of the if statement at `start` whose branches were read, or -1. */
  private elseOf(start: i32): i32 {
    const w = this.w;
    if (!w.isP(start + 1, K.LParen)) return -1;
    let j = matchClose(w.t, start + 1, w.lim) + 1;
    if (w.isP(j, K.LBrace)) j = matchClose(w.t, j, w.lim) + 1;
    else {
      let depth = 0;
      while (j < w.lim && !(depth == 0 && w.isP(j, K.Semi))) {
        if (w.isP(j, K.LParen) || w.isP(j, K.LBracket)) depth++;
        else if (w.isP(j, K.RParen) || w.isP(j, K.RBracket)) depth--;
        else if (w.isP(j, K.LBrace) || w.isP(j, K.RBrace)) return -1;
        j++;
      }
      j++;
    }
    return w.isK(j, K.Else) ? j : -1;
  }

  /** A branch's flow (ending at token `end`) as the values it assigns join after the if:
   *  one that falls through but last gives a local a constant (`ret = -EAGAIN;`) which the
   *  statement after the if tests to leave (`if (ret < 0) goto cleanup;`) never reaches the
   *  code after that test, where gcc's jump threading leaves the other branch's values
   *  (ipset's resize: `ht` is the bucket allocated in the else branch). */
  private flowPastExitTest(flow: i32, end: i32): i32 {
    if (flow != 0) return flow;
    const w = this.w;
    // the branch's last statement, `name = value;`
    let semi = end - 1;
    if (w.isP(semi, K.RBrace)) semi--;
    if (!w.isP(semi, K.Semi)) return flow;
    let at = semi - 1;
    while (at > 0 && !w.isP(at, K.Semi) && !w.isP(at, K.LBrace) && !w.isP(at, K.RBrace) && !w.isK(at, K.Else) && !w.isP(at, K.RParen) && !w.isP(at, K.Colon))
      at--;
    // (one that runs on every way through the branch: not the body of an if, an else or a label)
    if (!w.isP(at, K.Semi) && !w.isP(at, K.LBrace) && !w.isP(at, K.RBrace)) return flow;
    at++;
    if (w.kd(at) != CK.Ident || !w.isP(at + 1, K.Assign)) return flow;
    const b = w.scope.lookup(w.at(at));
    if (w.scope.kindOf(b) != Bind.Local) return flow;
    w.evalConst(at + 2, semi);
    if (w.rVK != VK.Known) return flow;
    const value = w.rVal;
    // the statement after the if: `if (cond) goto ...;` (or return, break, continue)
    const next = w.i;
    if (!w.isK(next, K.If) || !w.isP(next + 1, K.LParen)) return flow;
    const close = matchClose(w.t, next + 1, w.lim);
    const leave = close + 1;
    if (!(w.isK(leave, K.Goto) || w.isK(leave, K.Return) || w.isK(leave, K.Break) || w.isK(leave, K.Continue))) return flow;
    const slot = w.scope.dataOf(b);
    const kind = w.localKind.get(slot),
      before = w.localValue.get(slot);
    w.localKind.set(slot, <i32>VK.Known);
    w.localValue.set(slot, value);
    w.evalConst(next + 2, close);
    w.localKind.set(slot, kind);
    w.localValue.set(slot, before);
    return w.rVK == VK.Known && w.rVal != 0 ? FLOW_NEVER : flow;
  }

  /** How an if-else of a run-time condition ends, from how its arms end (w.tailStmt's
   *  values): an arm that never reaches its end (a return, a noreturn call, a break) leaves the
   *  other's ending; two tail calls end it in a jump each (gcc's `jne; jmp f; jmp g`), and
   *  two arms ending in the same inline body end as that does. Anything else returns. */
  private joinedEnding(thenFlow: i32, thenTail: i32, elseFlow: i32, elseTail: i32): i32 {
    if (thenFlow > 0) return elseFlow > 0 ? -1 : elseTail;
    if (elseFlow > 0) return thenTail;
    return joinEndings(thenTail, elseTail);
  }

  private ifFlow(fr: i32, hasElse: bool): i32 {
    const f = this.w.f;
    const known = <VK>f.a.get(fr) == VK.Known;
    const cond = f.v.get(fr) != 0;
    const thenFlow = f.b.get(fr);
    const elseFlow = hasElse ? f.c.get(fr) : 0;
    if (known) return cond ? (thenFlow < 0 ? 0 : thenFlow) : elseFlow < 0 ? 0 : elseFlow;
    if (!hasElse || thenFlow <= 0 || elseFlow <= 0) return 0;
    return thenFlow < elseFlow ? thenFlow : elseFlow;
  }

  /** while (...) body, switch (...) body. */
  private loop(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const dead = f.isDead(fr);
    switch (f.state.get(fr)) {
      case 0:
        // a while loop's condition is read again after each pass
        if (f.c.get(fr) == 1) this.forgetLoopChanged(f.start.get(fr));
        this.skipP(K.LParen);
        f.state.set(fr, 1);
        w.exprs.begin(dead, 0);
        return;
      case 1: {
        const never = f.c.get(fr) == 1 && w.rVK == VK.Known && w.rVal == 0;
        const known = f.c.get(fr) == 2 && w.rVK == VK.Known;
        if (known) {
          w.pendingSwitch = true;
          w.pendingSwitchValue = w.rVal;
        }
        this.absorb(fr);
        this.skipP(K.RParen);
        f.state.set(fr, 2);
        if (f.c.get(fr) == 2) f.b.set(fr, !known && this.hasDefault(w.i) ? 1 : 0);
        if (!known) {
          w.condDepth++;
          this.enterLoopBody(f.start.get(fr));
          f.d.set(fr, 1);
        }
        if (f.c.get(fr) == 1) this.boundWhileCounter(fr);
        this.pushStatement(dead || never);
        return;
      }
      default: {
        // a switch on a run-time value ends as its breaks and its body's end do, when a
        // default case leaves no way around them (each case's last call then a jump)
        let ending = f.c.get(fr) == 2 && f.d.get(fr) != 0 && f.b.get(fr) != 0 ? f.e.get(fr) : -1;
        if (w.rFlow == 0) ending = joinEndings(ending, w.tailStmt);
        if (f.d.get(fr) != 0) {
          w.leaveCond();
          f.d.set(fr, 0);
        }
        if (f.c.get(fr) == 1 && f.b.get(fr) >= 0) w.exprs.boundRange(f.b.get(fr), -1);
        this.absorb(fr);
        this.complete(fr, VK.NotConst, 0, false);
        if (ending != NO_ENDING) w.tailStmt = ending;
      }
    }
  }

  /** The counter of the while loop of frame fr, whose body starts at w.i (its slot in f.b
   *  while the body is read, -1: none): its range holds in the body until the body changes
   *  it (findLoopCounter). */
  private boundWhileCounter(fr: i32): void {
    const w = this.w;
    const f = w.f;
    f.b.set(fr, -1);
    if (!w.isK(f.start.get(fr), K.While) || !w.isP(f.start.get(fr) + 1, K.LParen)) return;
    findLoopCounter(w, -1, f.start.get(fr) + 2, -1, w.i - 1);
    if (counterBoundName >= 0 && this.changedIn(counterBoundName, w.i)) resetLoopCounter();
    if (counterSlot < 0) return;
    w.exprs.boundRange(counterSlot, counterMax);
    f.b.set(fr, counterSlot);
  }

  /** The loop or switch frame a `break` in statement frame fr leaves, or -1. */
  private enclosingBreakable(fr: i32): i32 {
    const f = this.w.f;
    for (let k = fr - 1; k >= 0; k--) {
      const type = f.typeOf(k);
      if (type == FT.Loop || type == FT.For || type == FT.Do) return k;
      if (type == FT.Func || type == FT.StmtExpr) return -1;
    }
    return -1;
  }

  /** Whether the switch body at `open` has its own `default:` label. */
  private hasDefault(open: i32): bool {
    const w = this.w;
    if (!w.isP(open, K.LBrace)) return false;
    const close = matchClose(w.t, open, w.lim);
    let depth = 0;
    for (let j = open; j < close; j++) {
      if (w.isP(j, K.LBrace)) depth++;
      else if (w.isP(j, K.RBrace)) depth--;
      else if (depth == 1 && w.isK(j, K.Default) && w.isP(j + 1, K.Colon)) return true;
    }
    return false;
  }

  private forStmt(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const dead = f.isDead(fr);
    switch (f.state.get(fr)) {
      case 0:
        this.skipP(K.LParen);
        w.scope.open();
        f.e.set(fr, w.i); // where the three parts start, for findLoopCounter
        f.d.set(fr, -1);
        f.b.set(fr, -1);
        f.a.set(fr, -1); // no condition: runs
        f.v.set(fr, -1); // no local given a first value (firstValue)
        if (w.isP(w.i, K.Semi)) {
          w.i++;
          this.forgetLoopChanged(f.start.get(fr));
          f.state.set(fr, 2);
          return;
        }
        f.state.set(fr, 1);
        if (w.decls.startsDeclaration(w.i)) {
          f.c.set(fr, 1);
          w.f.push(FT.Decl, dead, w.i);
        } else w.exprs.begin(dead, 0);
        return;
      case 1:
        // the condition is read again after each pass (but for the first value, below)
        this.forgetLoopChanged(f.start.get(fr));
        f.v.set(fr, !dead && f.c.get(fr) == 0 && w.rVK == VK.Known ? this.firstValue(f.e.get(fr), w.rVal) : -1);
        this.absorb(fr);
        if (f.c.get(fr) == 0) this.skipP(K.Semi);
        f.state.set(fr, 2);
        return;
      case 2:
        if (w.isP(w.i, K.Semi)) {
          this.forgetFirstValue(<i32>f.v.get(fr));
          w.i++;
          f.state.set(fr, 4);
          return;
        }
        f.d.set(fr, w.i);
        f.state.set(fr, 3);
        w.exprs.begin(dead, 0);
        return;
      case 3: {
        // with a first value the condition was read for the first run only: it tells a loop
        // that never runs (gcc's copied header folds), no more
        const first = <i32>f.v.get(fr);
        this.forgetFirstValue(first);
        const never = w.rVK == VK.Known && w.rVal == 0;
        f.a.set(fr, first >= 0 && !never ? <i32>VK.NotConst : <i32>w.rVK);
        f.v.set(fr, w.rVal);
        this.absorb(fr);
        this.skipP(K.Semi);
        f.state.set(fr, 4);
        return;
      }
      case 4:
        if (w.isP(w.i, K.RParen)) {
          w.i++;
          f.state.set(fr, 6);
          return;
        }
        f.b.set(fr, w.i);
        f.state.set(fr, 5);
        // the step of a loop that never runs is never compiled either
        w.exprs.begin(dead || (f.a.get(fr) == <i32>VK.Known && f.v.get(fr) == 0), 0);
        return;
      case 5:
        this.absorb(fr);
        this.skipP(K.RParen);
        f.state.set(fr, 6);
        return;
      case 6: {
        f.state.set(fr, 7);
        w.condDepth++;
        this.enterLoopBody(f.start.get(fr));
        // the counter's range holds in the body until the body changes it
        findLoopCounter(w, f.e.get(fr), f.d.get(fr), f.b.get(fr), w.i - 1);
        if (counterBoundName >= 0 && this.changedIn(counterBoundName, w.i)) resetLoopCounter();
        f.b.set(fr, counterSlot);
        if (counterSlot >= 0) w.exprs.boundRange(counterSlot, counterMax, counterFirst > 0 ? counterFirst : 0);
        // a loop that runs once (`i = 0; i < 1; i++`, ARRAY_SIZE of a one-entry table) is
        // peeled by gcc (cunroll): its body sees the counter's first value
        f.c.set(fr, -1);
        f.e.set(fr, w.i); // where the body starts
        const steady = counterSlot >= 0 && !this.changedIn(w.at(f.d.get(fr)), w.i);
        if (steady && counterFirst == counterMax) {
          w.localKind.set(counterSlot, <i32>VK.Known);
          w.localValue.set(counterSlot, counterFirst);
          f.c.set(fr, counterSlot);
        }
        // counting up by one from below its bound, it leaves at most at the bound (lg4ff's
        // `if (i == ARRAY_SIZE(modes)) return 0;` after the search)
        if (steady && counterByOne && counterFirst >= 0 && counterFirst <= counterMax + 1) this.exitBound.set(fr, counterMax + 1);
        else if (this.exitBound.has(fr)) this.exitBound.delete(fr);
        this.pushStatement(dead || (f.a.get(fr) == <i32>VK.Known && f.v.get(fr) == 0));
        return;
      }
      default: {
        // a loop run once ends as its body does, unless a break or continue leaves it
        const once = f.c.get(fr) >= 0 && w.rFlow != FLOW_BREAK && !this.leavesEarly(f.e.get(fr), w.i);
        const tail = w.tailStmt;
        const flow = once ? w.rFlow : 0;
        this.forgetFirstValue(f.c.get(fr));
        if (f.b.get(fr) >= 0) w.exprs.boundRange(f.b.get(fr), -1);
        w.leaveCond();
        this.absorb(fr);
        w.scope.close();
        if (f.b.get(fr) >= 0 && this.exitBound.has(fr)) this.boundAfterLoop(fr, f.b.get(fr), this.exitBound.get(fr));
        this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, flow);
        if (once) w.tailStmt = tail;
      }
    }
  }

  /** The bound of each counted loop's counter once the loop is left, by its frame. */
  private exitBound: Map<i32, i64> = new Map();

  /** Local `slot`, the counter of the loop of frame fr just left, is at most `max` by gcc's
   *  ranges (not for an index's check), where the loop runs whenever the local is declared. */
  private boundAfterLoop(fr: i32, slot: i32, max: i64): void {
    const w = this.w;
    this.exitBound.delete(fr);
    if (slot >= w.localDepth.length || w.localDepth.get(slot) != w.condDepth || w.f.isDead(fr)) return;
    w.exprs.boundRange(slot, max);
  }

  /** For `for (x = E; ...)` whose E is the known v, of a local x whose value is not
   *  followed (the loop changes it) or followed outside the loop only (LF.LOOPED): x holds v
   *  while the condition is read, and its slot is returned (-1 for any other first part).
   *  `for_each_child_of_node(np, child)` without CONFIG_OF starts with `child = NULL` and
   *  never runs. */
  private firstValue(init: i32, v: i64): i64 {
    const w = this.w;
    if (w.kd(init) != CK.Ident || !w.isP(init + 1, K.Assign)) return -1;
    const b = w.scope.lookup(w.at(init));
    if (w.scope.kindOf(b) != Bind.Local) return -1;
    const slot = w.scope.dataOf(b);
    if ((w.localFlags.get(slot) & (LF.TRACKED | LF.LOOPED)) == LF.TRACKED || <VK>w.localKind.get(slot) != VK.NotConst) return -1;
    w.localKind.set(slot, <i32>VK.Known);
    w.localValue.set(slot, v);
    return slot;
  }

  /** Whether the statement at `from` changes the local named `name` (assigns, steps or
   *  takes the address of it); a body without braces is looked at to its block's end. */
  private changedIn(name: i32, from: i32): bool {
    const w = this.w;
    const end = this.statementEnd(from);
    for (let j = from; j < end; j++) if (w.kd(j) == CK.Ident && w.at(j) == name && this.changeAt(j) != NO_CHANGE) return true;
    return false;
  }

  /** Where the statement at token `from` ends: a block's `}`, else the `}` of the block it is
   *  in (a statement without braces is looked at to there), or the cursor's limit. */
  private statementEnd(from: i32): i32 {
    const w = this.w;
    if (w.isP(from, K.LBrace)) return matchClose(w.t, from, w.lim);
    let depth = 0;
    for (let j = from; j < w.lim; j++)
      if (w.isP(j, K.LBrace)) depth++;
      else if (w.isP(j, K.RBrace) && --depth < 0) return j;
    return w.lim;
  }

  private forgetFirstValue(slot: i32): void {
    if (slot >= 0) this.w.localKind.set(slot, <i32>VK.NotConst);
  }

  private doStmt(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const dead = f.isDead(fr);
    switch (f.state.get(fr)) {
      case 0:
        f.state.set(fr, 1);
        w.condDepth++;
        // `do { ... } while (0)` (a statement macro) runs once: no loop
        if (!this.runsOnce(w.i)) this.enterLoopBody(f.start.get(fr));
        this.pushStatement(dead);
        return;
      case 1:
        w.leaveCond();
        f.b.set(fr, w.rFlow == FLOW_NEVER ? FLOW_NEVER : 0);
        f.e.set(fr, w.tailStmt);
        this.absorb(fr);
        if (w.isK(w.i, K.While)) {
          w.i++;
          this.skipP(K.LParen);
          f.state.set(fr, 2);
          w.exprs.begin(dead, 0);
          return;
        }
        this.complete(fr, VK.NotConst, 0, false);
        return;
      default: {
        // `do { ... } while (0)` runs its body once: it ends as the body does, unless a
        // break or continue leaves the body elsewhere
        const once = w.rVK == VK.Known && w.rVal == 0 && f.e.get(fr) != -1 && !this.leavesEarly(f.start.get(fr), w.i);
        const tail = f.e.get(fr);
        this.absorb(fr);
        this.skipP(K.RParen);
        this.skipP(K.Semi);
        this.complete(fr, VK.NotConst, 0, false, T.UNKNOWN, f.b.get(fr));
        if (once) w.tailStmt = tail;
      }
    }
  }

  /** Before the body of the loop whose tokens start at `from` (the body at the cursor):
   *  what assignments around it told stays true in it, except of the locals the loop changes
   *  (its body runs again after their first pass), or of all of them where the loop holds a
   *  goto, a label or asm, or is too long to scan. */
  private enterLoopBody(from: i32): void {
    this.forgetScopedInLoop(from);
    // (after the scoped facts: undoing them gives back what straight code before told)
    if (!this.w.isK(from, K.Switch)) this.forgetLoopChanged(from);
  }

  private forgetScopedInLoop(from: i32): void {
    const w = this.w;
    w.mem.forgetAll(); // a later pass may run after the body's stores
    if (w.scoped.count == 0 && !this.movingPointers()) return;
    let to = w.isP(w.i, K.LBrace) ? matchClose(w.t, w.i, w.lim) + 1 : w.lim;
    // a do's condition comes after its body
    if (w.isK(to, K.While) && w.isP(to + 1, K.LParen)) to = matchClose(w.t, to + 1, w.lim) + 1;
    const slots = new Set<i32>();
    if (to - from > NEVER_MODIFIED_SCAN) {
      w.forgetScoped(-1);
      return;
    }
    for (let j = from; j < to; j++) {
      if (w.kd(j) != CK.Ident) continue;
      const atom = w.at(j);
      if (atom == K.Goto || atom == K.Asm || (w.isP(j + 1, K.Colon) && !w.isP(j - 1, K.Question) && !w.isK(j - 1, K.Case))) {
        w.forgetScoped(-1);
        return;
      }
      if (this.changeAt(j) == NO_CHANGE) continue;
      const b = w.scope.lookup(atom);
      if (w.scope.kindOf(b) == Bind.Local) slots.add(w.scope.dataOf(b));
    }
    if (slots.size == 0) return;
    // a pointer the loop only moves is somewhere in its object from the first pass on (what
    // a test of its own said of it is forgotten with the rest)
    const changed = slots.values();
    const movers: i32[] = [],
      sz0: i32[] = [],
      sz1: i32[] = [];
    for (let k = 0; k < changed.length; k++) {
      const slot = changed[k];
      if (slot >= w.localFlags.length || (w.localFlags.get(slot) & LF.ADVANCES) == 0) continue;
      movers.push(slot);
      sz0.push(Expressions.movedSize(w.localSz0.get(slot)));
      sz1.push(Expressions.movedSize(w.localSz1.get(slot)));
    }
    w.forgetScopedSlots(slots);
    for (let k = 0; k < movers.length; k++) {
      w.localSz0.set(movers[k], sz0[k]);
      w.localSz1.set(movers[k], sz1[k]);
    }
  }

  /** Where the loop whose tokens start at `from` is entered (and again where its body is):
   *  the followed locals it changes (LF.LOOPED) hold what nothing here knows, the values
   *  its passes join. */
  private forgetLoopChanged(from: i32): void {
    const w = this.w;
    const first = w.ctxSlots.length > 0 ? w.ctxSlots.top() : 0;
    let looped = false;
    for (let slot = first; slot < w.localFlags.length && !looped; slot++) looped = (w.localFlags.get(slot) & LF.LOOPED) != 0;
    if (!looped) return;
    const names = this.namesChangedIn(from);
    if (names == null) {
      for (let slot = first; slot < w.localFlags.length; slot++) if ((w.localFlags.get(slot) & LF.LOOPED) != 0) w.forgetLocal(slot);
      return;
    }
    for (let k = 0; k < names.length; k++) {
      const b = w.scope.lookup(names[k]);
      if (w.scope.kindOf(b) != Bind.Local) continue;
      const slot = w.scope.dataOf(b);
      if ((w.localFlags.get(slot) & LF.LOOPED) != 0) w.forgetLocal(slot);
    }
  }

  /** The names the loop at `from` (`for`, `while` or `do`) assigns, steps, takes the address
   *  of or names in asm, each once; null for one too long to look at. */
  private namesChangedIn(from: i32): i32[] | null {
    if (this.loopChanges.has(from)) return this.loopChanges.get(from);
    const w = this.w;
    let j = from + 1;
    if (!w.isK(from, K.Do)) j = w.isP(j, K.LParen) ? matchClose(w.t, j, w.lim) + 1 : w.lim;
    const braced = w.isP(j, K.LBrace);
    let to = braced ? this.statementEnd(j) + 1 : this.statementEnd(j);
    // a do's condition comes after its body
    if (braced && w.isK(from, K.Do) && w.isK(to, K.While) && w.isP(to + 1, K.LParen)) to = matchClose(w.t, to + 1, w.lim) + 1;
    let names: i32[] | null = null;
    if (to - from <= NEVER_MODIFIED_SCAN) {
      const seen = new Set<i32>();
      let asmEnd = -1;
      for (let q = from; q < to; q++) {
        if (w.kd(q) != CK.Ident) continue;
        const atom = w.at(q);
        if (atom == K.Asm && q >= asmEnd) {
          asmEnd = this.asmEnd(q);
          continue;
        }
        if (q < asmEnd || this.changeAt(q) != NO_CHANGE) seen.add(atom);
      }
      names = seen.values();
    }
    this.loopChanges.set(from, names);
    return names;
  }

  /** The `)` ending the asm statement at token j (`asm volatile goto (...)`), or -1. */
  private asmEnd(j: i32): i32 {
    const w = this.w;
    let p = j + 1;
    while (w.kd(p) == CK.Ident && (w.at(p) == K.Volatile || w.at(p) == K.Inline || w.at(p) == K.Goto)) p++;
    return w.isP(p, K.LParen) ? matchClose(w.t, p, w.lim) : -1;
  }

  /** Whether a local pointer that only moves points into an object of a size known. */
  private movingPointers(): bool {
    const w = this.w;
    for (let slot = 0; slot < w.localFlags.length; slot++)
      if ((w.localFlags.get(slot) & LF.ADVANCES) != 0 && (w.localSz0.get(slot) != -1 || w.localSz1.get(slot) != -1)) return true;
    return false;
  }

  /** How the name at token j is changed there (not a member of that name): NO_CHANGE,
   *  ASSIGNED (`x = ...`), OTHER_CHANGE (`x += ...`, `++x`, `x--`) or ADDRESS_TAKEN (`&x`). */
  private changeAt(j: i32): i32 {
    const w = this.w;
    if (w.kd(j - 1) == CK.Punct) {
      const before = w.at(j - 1);
      if (before == K.Dot || before == K.Arrow) return NO_CHANGE;
      if (before == K.PlusPlus || before == K.MinusMinus) return OTHER_CHANGE;
      if (before == K.Amp) {
        // a unary & (not a binary and of an operand before it), not of what a pointer points
        // to (`&p->m` reads p)
        const k2 = w.kd(j - 2);
        const b2 = w.at(j - 2);
        const unary = !(k2 == CK.Ident || k2 == CK.Number || (k2 == CK.Punct && (b2 == K.RParen || b2 == K.RBracket))) || this.endsCast(j - 2);
        if (unary && !w.isP(j + 1, K.Arrow)) return ADDRESS_TAKEN;
      }
    }
    if (w.kd(j + 1) != CK.Punct) return NO_CHANGE;
    const after = w.at(j + 1);
    if (after == K.Assign) return ASSIGNED;
    return isAssignOp(after) || after == K.PlusPlus || after == K.MinusMinus ? OTHER_CHANGE : NO_CHANGE;
  }

  /** Whether the `)` at token j closes a cast's type name (`(struct dst_entry **)&rt`). */
  private endsCast(j: i32): bool {
    const w = this.w;
    if (!w.isP(j, K.RParen)) return false;
    let depth = 0;
    for (let i = j; i >= 0 && j - i < 256; i--) {
      if (w.kd(i) != CK.Punct) continue;
      if (w.at(i) == K.RParen) depth++;
      else if (w.at(i) == K.LParen && --depth == 0) return w.decls.startsTypeName(i + 1);
    }
    return false;
  }

  /** Whether token j is `while (0)` or `while (0 && ...)`: its body runs never, or once
   *  after `do` (every do-while of the kernel's macros; RCU_LOCKDEP_WARN without lockdep). */
  private whileZero(j: i32): bool {
    const w = this.w;
    return w.isP(j + 1, K.LParen) && (w.isP(j + 3, K.RParen) || w.isP(j + 3, K.AndAnd)) && w.kd(j + 2) == CK.Number && w.t.text(j + 2) == "0";
  }

  /** Whether the statement at token i is a block followed by `while (0)` (do's body). */
  private runsOnce(i: i32): bool {
    const w = this.w;
    if (!w.isP(i, K.LBrace)) return false;
    const j = matchClose(w.t, i, w.lim) + 1;
    return w.isK(j, K.While) && w.isP(j + 1, K.LParen) && w.kd(j + 2) == CK.Number && w.t.text(j + 2) == "0" && w.isP(j + 3, K.RParen);
  }

  /** Whether tokens [from, to) hold a break, continue or goto. */
  private leavesEarly(from: i32, to: i32): bool {
    const w = this.w;
    for (let i = from; i < to; i++) if (w.kd(i) == CK.Ident && (w.isK(i, K.Break) || w.isK(i, K.Continue) || w.isK(i, K.Goto))) return true;
    return false;
  }

  /** A declaration in a block: specifiers (state 0), then each declarator and initializer. */
  private declaration(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const dead = f.isDead(fr);
    const s = this.spec;
    const d = this.decl;
    let st = f.state.get(fr);
    if (st == 0) {
      const start = w.i;
      w.i = w.decls.readSpecifiers(w.i, s);
      f.a.set(fr, s.storage);
      f.b.set(fr, (s.isConst ? 1 : 0) | (s.autoType ? 4 : 0));
      f.c.set(fr, s.type);
      f.d.set(fr, s.attrs.cleanup);
      f.v.set(fr, <i64>s.attrs.cleanupTok);
      this.specAlias.set(fr, s.alias);
      if (w.i == start) w.i++;
      f.state.set(fr, 1);
      return;
    }
    if (st == 2) {
      // an initializer finished: a const scalar keeps its value
      const slot = <i32>(f.v.get(fr) >> 32);
      if (slot >= 0 && w.rVK != VK.NotConst) {
        w.localKind.set(slot, <i32>w.rVK);
        w.localValue.set(slot, w.rVal);
      }
      // one never changed is its initializer's value (its id, or one of its own)
      if (slot >= 0 && (f.b.get(fr) & 8) != 0) w.localOrigin.set(slot, w.rOrigin >= 0 ? w.rOrigin : w.newValueId());
      // a local pointer given a local's address holds it
      const into = (f.b.get(fr) >> 4) - 1;
      if (into >= 0 && w.rLocalAddr) w.localFlags.set(into, w.localFlags.get(into) | LF.ADDR);
      // a pointer never changed after it is given a string literal reads as the literal
      if (slot >= 0 && (f.b.get(fr) & 8) != 0 && w.rString >= 0) {
        w.localFlags.set(slot, w.localFlags.get(slot) | LF.STRING);
        w.localValue.set(slot, w.rString);
      }
      // ... and one given the address of an object of known size points to it (one that
      // only moves after, into it)
      const moves = into >= 0 && (w.localFlags.get(into) & LF.ADVANCES) != 0 && !f.isDead(fr);
      if (moves) {
        w.localSz0.set(into, w.rSz0);
        w.localSz1.set(into, w.rSz1);
      }
      if (slot >= 0 && (f.b.get(fr) & 8) != 0 && (w.rSz0 != -1 || w.rSz1 != -1)) {
        w.localSz0.set(slot, w.rSz0);
        w.localSz1.set(slot, w.rSz1);
      }
      // ... and one given a run-time object size holds that size
      if (slot >= 0 && (f.b.get(fr) & 8) != 0 && w.rSize != -1) {
        w.localFlags.set(slot, w.localFlags.get(slot) | LF.SIZE);
        w.localValue.set(slot, <i64>w.rSize);
      }
      // ... and an integer one keeps the bound of its initializer (gcc's value range), also one
      // followed through later assignments in straight code (as `x = y` keeps y's)
      if (
        slot >= 0 &&
        ((f.b.get(fr) & 8) != 0 || ((w.localFlags.get(slot) & LF.TRACKED) != 0 && w.condDepth == w.localDepth.get(slot))) &&
        w.rMax >= 0 &&
        w.types.kindOf(w.localType.get(slot)) == TY.Int &&
        w.types.holds(w.localType.get(slot), w.rType, w.rMax)
      ) {
        w.localMax.set(slot, w.rMax);
        if (w.rMin >= 0 && w.rMin <= w.rMax) {
          w.localLeast.set(slot, w.rMin);
          w.localLeastOf.set(slot, w.rMax);
        }
        // a copy of a local bounded only by a test is the same value to gcc (one SSA name)
        if (w.rTested || w.rDerived) {
          w.localFlags.set(slot, w.localFlags.get(slot) | (w.rTested ? LF.TESTED : LF.DERIVED));
          w.localOwn.set(slot, w.rOwn);
        }
      }
      // ... and one never changed its range by gcc's ranges (a fortified memset's
      // __fortify_size of `4 * n` with n from its calls)
      if (slot >= 0 && (f.b.get(fr) & 8) != 0 && w.rRange >= 0 && w.types.kindOf(w.localType.get(slot)) == TY.Int) w.exprs.boundRange(slot, w.rRange);
      // ... and its upper bound where it may be negative
      if (slot >= 0 && (f.b.get(fr) & 8) != 0 && w.rHi >= 0 && w.types.keepsUpperBound(w.rType, w.localType.get(slot))) w.localHi.set(slot, w.rHi);
      // __auto_type takes the initializer's type
      const auto = f.e.get(fr);
      if (auto >= 0) {
        w.localType.set(auto, w.rType);
        if (w.types.isUnsigned(w.rType)) w.localFlags.set(auto, w.localFlags.get(auto) | LF.UNSIGNED);
      }
      // an automatic local's initial value counts where the walk reads the local (one with a
      // cleanup function is read where it goes out of scope)
      const held = into >= 0 && (f.a.get(fr) & EF.STATIC) == 0 && (w.localFlags.get(into) & LF.CLEANED) == 0 && !f.isDead(fr) && this.initAt.has(fr);
      if (held && this.holdLast(w.curNode, USES_LOCAL + into, this.initAt.get(fr))) {
        w.localArg.set(into, w.curNode);
        w.localArgKey.set(into, USES_LOCAL + into);
      }
      this.absorb(fr);
      st = 3;
    }
    if (st == 1) {
      if (w.isP(w.i, K.Semi)) {
        w.i++;
        this.complete(fr, VK.NotConst, 0, false);
        return;
      }
      const start = w.i;
      w.i = w.decls.readDeclarator(w.i, d, f.c.get(fr), (f.b.get(fr) & 1) != 0);
      f.e.set(fr, -1);
      if (d.name >= 0) this.declareLocal(fr, d);
      if (w.isP(w.i, K.Assign)) {
        w.i++;
        this.initAt.set(fr, w.i);
        const storage = f.a.get(fr);
        // an array of unknown bound takes its length from the initializer (C11 6.7.9p22)
        if (d.isArray && d.name >= 0 && w.types.isArray(d.type) && w.types.count.get(d.type) < 0 && (storage & (EF.EXTERN | EF.TYPEDEF)) == 0) {
          const n = initializedLength(w, w.i, w.decls.endOfItem(w.i, false));
          const b = w.scope.lookup(d.name);
          if (n >= 0 && w.scope.kindOf(b) == Bind.Local) w.localType.set(w.scope.dataOf(b), w.types.arrayOf(w.types.baseOf(d.type), n));
        }
        // a scalar local keeps its initial value where nothing can change it (gcc propagates
        // it); a static one keeps it from call to call, so only when nothing changes it at all
        // (gcc makes it read-only)
        const scalar = !d.isArray && !d.isFunction && (storage & (EF.EXTERN | EF.TYPEDEF)) == 0 && d.name >= 0;
        let change = CHANGED;
        if (scalar) change = (f.b.get(fr) & 1) != 0 && !d.isPointer ? UNCHANGED : this.changes(d.name, w.i);
        if (scalar && (storage & EF.STATIC) == 0) change = this.followedAcrossLoops(change, w.i, w.scope.dataOf(w.scope.lookup(d.name)));
        if ((storage & EF.STATIC) != 0 && change == CHANGED_STRAIGHT) change = CHANGED;
        const slot = change != CHANGED ? w.scope.dataOf(w.scope.lookup(d.name)) : -1;
        // a local changed only in straight-line code is followed: a live assignment forgets it
        if (change == CHANGED_STRAIGHT) w.localFlags.set(slot, w.localFlags.get(slot) | LF.TRACKED);
        if (scalar && change != UNCHANGED && this.addressKept.has(w.i) && this.addressKept.get(w.i)) {
          const own = w.scope.dataOf(w.scope.lookup(d.name));
          w.localFlags.set(own, w.localFlags.get(own) | LF.DIRECT | (this.joinsAtLabels(w.i) ? LF.LABEL_JOINED : 0) | this.movesFlag(w.i, own));
        }
        f.v.set(fr, ((<i64>slot) << 32) | (f.v.get(fr) & 0xffffffff));
        // an automatic scalar takes a local's address over (see OF.LOCAL_ADDR)
        const into = scalar ? w.scope.dataOf(w.scope.lookup(d.name)) : -1;
        f.b.set(fr, (f.b.get(fr) & 7) | (change == UNCHANGED ? 8 : 0) | ((into + 1) << 4));
        f.state.set(fr, 2);
        if (w.isP(w.i, K.LBrace))
          this.openObject(dead, d.type, (f.b.get(fr) & 1) != 0 && !d.isPointer, d.name, this.specAlias.has(fr) ? this.specAlias.get(fr) : SPELLED_UNKNOWN);
        else w.exprs.begin(dead, into >= 0 ? STOP.COMMA | STOP.INTO_LOCAL : STOP.COMMA);
        return;
      }
      if (d.name >= 0 && !d.isArray && !d.isFunction && (f.a.get(fr) & (EF.STATIC | EF.EXTERN | EF.TYPEDEF)) == 0) {
        const slot = w.scope.dataOf(w.scope.lookup(d.name));
        const change = this.followedAcrossLoops(this.changes(d.name, w.i), w.i, slot);
        // set later in straight-line code: followed from its assignments
        if (change == CHANGED_STRAIGHT) w.localFlags.set(slot, w.localFlags.get(slot) | LF.TRACKED | LF.UNSET);
        if (change != UNCHANGED && this.addressKept.has(w.i) && this.addressKept.get(w.i))
          w.localFlags.set(slot, w.localFlags.get(slot) | LF.DIRECT | (this.joinsAtLabels(w.i) ? LF.LABEL_JOINED : 0) | this.movesFlag(w.i, slot));
        // given a value by one plain assignment and never changed otherwise: gcc's one SSA name
        if (change != UNCHANGED && this.assignedOnce.has(w.i) && this.assignedOnce.get(w.i)) w.localFlags.set(slot, w.localFlags.get(slot) | LF.ONCE);
      }
      if (w.i == start && !w.isP(w.i, K.Comma)) {
        // not a declarator: skip a token (or a whole nested body) and go on
        if (w.isP(w.i, K.LBrace)) w.i = matchClose(w.t, w.i, w.lim) + 1;
        else if (w.kd(w.i) == CK.End || w.isP(w.i, K.RBrace)) {
          this.complete(fr, VK.NotConst, 0, false);
          return;
        } else w.i++;
      }
      st = 3;
    }
    // state 3: after one declarator
    f.state.set(fr, 1);
    if (w.isP(w.i, K.Comma)) {
      w.i++;
      return;
    }
    if (w.isP(w.i, K.Semi)) {
      w.i++;
      this.complete(fr, VK.NotConst, 0, false);
      return;
    }
    if (w.kd(w.i) == CK.End || w.isP(w.i, K.RBrace)) {
      this.complete(fr, VK.NotConst, 0, false);
      return;
    }
    if (w.isP(w.i, K.LBrace)) {
      w.i = matchClose(w.t, w.i, w.lim) + 1;
      this.complete(fr, VK.NotConst, 0, false);
      return;
    }
    w.issue(w.i, "unexpected '" + w.t.text(w.i) + "' in a declaration");
    w.i++;
  }

  /** How the local `name`, declared just before token `from` (a parameter: `from` opens
   *  the body, `key` is its name's token), changes in the rest of its block (looked at up
   *  to a bound): UNCHANGED (never assigned, incremented or its address taken),
   *  CHANGED_STRAIGHT (changed, but never inside a loop, and no goto follows, or one does
   *  but the local's address is never taken: LF.LABEL_JOINED), or CHANGED. */
  private changes(name: i32, from: i32, key: i32 = from): i32 {
    // the answer depends on the tokens only: inline functions walked again reuse it (a
    // parameter's is kept at its name's token, as its siblings' bodies start where its does)
    if (this.changesAt.has(key)) return this.changesAt.get(key);
    const c = this.scanChanges(name, from);
    this.changesAt.set(key, c);
    this.assignedOnce.set(key, this.plainAssignments == 1 && !this.otherChanges);
    this.addressKept.set(key, !this.addressTaken);
    this.loopFollowed.set(key, c == CHANGED && this.changedByLoops && !this.addressTaken);
    this.labelJoined.set(key, (c == CHANGED_STRAIGHT || this.loopFollowed.get(key)) && this.gotoAbout);
    this.onlyMoved.set(key, c != UNCHANGED && !this.notOnlyMoved && !this.addressTaken && this.plainAssignments <= 1);
    return c;
  }

  /** changes()'s answer `change` at `key` for local `slot`, where an integer whose address is
   *  never taken and that only loops change is followed all the same (LF.LOOPED). */
  private followedAcrossLoops(change: i32, key: i32, slot: i32): i32 {
    const w = this.w;
    if (change != CHANGED || slot < 0 || !this.loopFollowed.has(key) || !this.loopFollowed.get(key)) return change;
    if (w.types.kindOf(w.localType.get(slot)) != TY.Int) return change;
    w.localFlags.set(slot, w.localFlags.get(slot) | LF.LOOPED);
    return CHANGED_STRAIGHT;
  }

  /** LF.ADVANCES for local `slot`, a pointer changes() answered for at `key` that only moves. */
  private movesFlag(key: i32, slot: i32): i32 {
    return this.onlyMoved.has(key) && this.onlyMoved.get(key) && this.w.types.kindOf(this.w.localType.get(slot)) == TY.Pointer ? LF.ADVANCES : 0;
  }

  /** Whether the change of the name at token j moves it: `++`, `--`, `+=` or `-=`. */
  private movesAt(j: i32): bool {
    const w = this.w;
    if (w.isP(j - 1, K.PlusPlus) || w.isP(j - 1, K.MinusMinus)) return true;
    return w.isP(j + 1, K.PlusPlus) || w.isP(j + 1, K.MinusMinus) || w.isP(j + 1, K.PlusAssign) || w.isP(j + 1, K.MinusAssign);
  }

  /** The local changes() answered for at `key` is LF.LABEL_JOINED. */
  private joinsAtLabels(key: i32): bool {
    return this.labelJoined.has(key) && this.labelJoined.get(key);
  }
  private changesAt: Map<i32, i32> = new Map();
  /** Per changes() answer: whether the local is changed only by one plain `name = value`. */
  private assignedOnce: Map<i32, bool> = new Map();
  /** Per changes() answer: whether the local's address is never taken (nor it named in asm). */
  private addressKept: Map<i32, bool> = new Map();
  /** Per changes() answer: followed though a goto jumps to a label in its block (LF.LABEL_JOINED). */
  private labelJoined: Map<i32, bool> = new Map();
  /** Per changes() answer: given a value at most once, else only moved (LF.ADVANCES of a pointer). */
  private onlyMoved: Map<i32, bool> = new Map();
  /** Per changes() answer: CHANGED only because a loop changes it, its address never taken
   *  (followed all the same where it is an integer: LF.LOOPED). */
  private loopFollowed: Map<i32, bool> = new Map();
  /** Per loop (its first token): the names it changes (null: too long to tell). */
  private loopChanges: Map<i32, i32[] | null> = new Map();
  private changedByLoops: bool = false;
  private addressTaken: bool = false;
  private changedInLoop: bool = false;
  private gotoAbout: bool = false;
  private notOnlyMoved: bool = false;
  private plainAssignments: i32 = 0;
  private otherChanges: bool = false;

  /** Takes `o`'s answers of changes() (they depend on the tokens only). */
  copyMemo(o: Statements): void {
    this.changesAt = copyMap(o.changesAt);
    this.assignedOnce = copyMap(o.assignedOnce);
    this.addressKept = copyMap(o.addressKept);
    this.labelJoined = copyMap(o.labelJoined);
    this.onlyMoved = copyMap(o.onlyMoved);
    this.loopFollowed = copyMap(o.loopFollowed);
  }

  /** Whether label `name` is defined in the block that holds tokens [from, end) (in it, or
   *  in a block inside it: the scan stops where that block ends). */
  private labelIn(name: i32, from: i32, end: i32): bool {
    const w = this.w;
    let depth = 0;
    for (let j = from; j < end; j++) {
      if (w.isP(j, K.LBrace)) depth++;
      else if (w.isP(j, K.RBrace) && --depth < 0) return false;
      else if (
        w.kd(j) == CK.Ident &&
        w.at(j) == name &&
        w.isP(j + 1, K.Colon) &&
        (w.isP(j - 1, K.Semi) || w.isP(j - 1, K.LBrace) || w.isP(j - 1, K.RBrace) || w.isP(j - 1, K.Colon))
      )
        return true;
    }
    return end >= w.lim; // the scan's bound was reached: it may lie past it
  }

  private scanChanges(name: i32, from: i32): i32 {
    const w = this.w;
    let depth = 0;
    let changed = false;
    let loops = false;
    const end = from + NEVER_MODIFIED_SCAN < w.lim ? from + NEVER_MODIFIED_SCAN : w.lim;
    // the last token of the loops seen so far (a change up to it runs again), and where the
    // `while` of a do's condition is (part of that loop, no loop of its own)
    let loopEnd = -1;
    let doWhile = -1;
    let asmEnd = -1; // inside an asm statement, any mention may be an output
    // the end of a block after `name(...)`: a loop macro not defined here (list_for_each_entry
    // without its header), a loop where a goto is about
    let macroLoopEnd = -1;
    this.plainAssignments = 0;
    this.otherChanges = false;
    this.addressTaken = false;
    this.changedInLoop = false;
    this.gotoAbout = false;
    this.notOnlyMoved = false;
    this.changedByLoops = false;
    let computedGoto = false;
    let changedInMacroLoop = false;
    for (let j = from; j < end; j++) {
      const k = w.t.kindAt(j);
      if (k == CK.End) break;
      if (k == CK.Punct) {
        const a = w.t.atomAt(j);
        if (a == K.LBrace) depth++;
        else if (a == K.RBrace) {
          if (--depth < 0) break;
        }
        continue;
      }
      if (k != CK.Ident) continue;
      const atom = w.t.atomAt(j);
      // `while (0)` is no loop, nor its `do`
      if (atom == K.While && this.whileZero(j)) continue;
      if (!isReserved(atom) && w.isP(j + 1, K.LParen)) {
        const close = matchClose(w.t, j + 1, end);
        if (close < end && w.isP(close + 1, K.LBrace)) {
          const last = matchClose(w.t, close + 1, end);
          if (last > macroLoopEnd) macroLoopEnd = last;
        }
      }
      // a goto to a label where the local lives may loop over or skip its changes; one that
      // leaves its block (`goto cleanup`) does neither
      if (atom == K.Goto) {
        if (w.kd(j + 1) != CK.Ident) loops = computedGoto = true;
        else if (this.labelIn(w.at(j + 1), from, end)) this.gotoAbout = true;
        continue;
      }
      if ((atom == K.For || atom == K.While) && j != doWhile) {
        // the header and a braced body; any other body, to the end of what is looked at
        const close = w.isP(j + 1, K.LParen) ? matchClose(w.t, j + 1, end) : end;
        const last = close < end && w.isP(close + 1, K.LBrace) ? matchClose(w.t, close + 1, end) : end;
        if (last > loopEnd) loopEnd = last;
        continue;
      }
      if (atom == K.Do) {
        const body = w.isP(j + 1, K.LBrace) ? matchClose(w.t, j + 1, end) : end;
        doWhile = body + 1;
        if (body < end && w.isK(doWhile, K.While) && this.whileZero(doWhile)) continue;
        const last = body < end && w.isK(doWhile, K.While) && w.isP(doWhile + 1, K.LParen) ? matchClose(w.t, doWhile + 1, end) : end;
        if (last > loopEnd) loopEnd = last;
        continue;
      }
      if (atom == K.Asm && j >= asmEnd) {
        asmEnd = this.asmEnd(j);
        continue;
      }
      if (atom != name) continue;
      if (j < asmEnd) {
        changed = true;
        if (j <= loopEnd) loops = this.changedInLoop = true;
        if (j <= macroLoopEnd) this.changedInLoop = changedInMacroLoop = true;
        this.otherChanges = true;
        this.addressTaken = true;
        continue;
      }
      const how = this.changeAt(j);
      if (how == NO_CHANGE) continue;
      changed = true;
      if (j <= loopEnd) loops = this.changedInLoop = true;
      if (j <= macroLoopEnd) this.changedInLoop = changedInMacroLoop = true;
      if (how == ASSIGNED) this.plainAssignments++;
      else this.otherChanges = true;
      if (how != ASSIGNED && !this.movesAt(j)) this.notOnlyMoved = true;
      if (how == ADDRESS_TAKEN) this.addressTaken = true;
    }
    if (depth >= 0 && end < w.lim && w.t.kindAt(end) != CK.End) {
      this.otherChanges = true;
      this.addressTaken = true;
      return CHANGED; // the bound was reached
    }
    if (!changed) return UNCHANGED;
    // followed across loops (LF.LOOPED) where only for, while and do loops change it
    this.changedByLoops = loops && !computedGoto && !changedInMacroLoop;
    // with a goto about, a label joins other values: followed up to labels only where no
    // loop changes it (or as LF.LOOPED, forgotten at labels too) and its address is never
    // taken (what a store through it changes)
    if (this.gotoAbout && (this.changedInLoop || this.addressTaken)) return CHANGED;
    return loops ? CHANGED : CHANGED_STRAIGHT;
  }

  /** Binds a block-scope declarator: a typedef, an extern or prototype (the file-scope
   *  entity), a local (automatic or static). */
  private declareLocal(fr: i32, d: Declarator): void {
    const w = this.w;
    const f = w.f;
    const storage = f.a.get(fr);
    const bits = f.b.get(fr);
    if ((storage & EF.TYPEDEF) != 0) {
      w.scope.bind(d.name, Bind.Typedef, d.type, d.nameTok);
      w.types.noteTypedef(d.type);
      return;
    }
    const fn = d.isFunction || w.types.kindOf(d.type) == TY.Function;
    if ((storage & EF.EXTERN) != 0 || fn) {
      const e = w.ents.get(d.name, fn ? EntKind.Function : EntKind.Object);
      if (d.asmName >= 0) e.asmName = d.asmName;
      if (e.declTok < 0) e.declTok = d.nameTok;
      if (e.type == 0) e.type = d.type;
      // (compiletime_assert's `extern void __compiletime_assert_N(void) __attribute__((error)))`
      e.flags |= d.attrs.flags & (EF.DIAGNOSE | EF.NORETURN | EF.WEAK | EF.NOINLINE);
      w.scope.bind(d.name, Bind.Entity, e.id, d.nameTok);
      w.blockDeclared.push(d.nameTok);
      return;
    }
    const slot = w.addLocal(d.type);
    if ((bits & 4) != 0) f.e.set(fr, slot);
    if ((storage & EF.STATIC) != 0) w.localFlags.set(slot, w.localFlags.get(slot) & ~LF.AUTO);
    if ((bits & 1) != 0 && !d.isPointer) w.localFlags.set(slot, w.localFlags.get(slot) | LF.CONST);
    w.localAlias.set(slot, this.specAlias.has(fr) ? this.specAlias.get(fr) : SPELLED_UNKNOWN);
    w.scope.bind(d.name, Bind.Local, slot, d.nameTok);
    // an array of a known size is guarded where it is used other than as a[constant]
    // (expressions.ts): indexed only so, gcc's SRA turns its elements into scalars
    if (d.isArray && (storage & EF.STATIC) == 0 && w.types.sizeOf(d.type) <= 0) w.markNode(NF.STACK_PROTECT, fr);
    // __attribute__((cleanup(f))): f(&var) runs when the variable goes out of scope
    let cleanup = d.attrs.cleanup;
    let cleanupTok = d.attrs.cleanupTok;
    if (cleanup < 0) {
      cleanup = f.d.get(fr);
      cleanupTok = <i32>(f.v.get(fr) & 0xffffffff);
    }
    if (cleanup >= 0 && d.name >= 0) {
      const own = w.scope.lookup(d.name);
      if (w.scope.kindOf(own) == Bind.Local) w.localFlags.set(w.scope.dataOf(own), w.localFlags.get(w.scope.dataOf(own)) | LF.CLEANED);
    }
    if (cleanup >= 0 && !f.isDead(fr)) {
      const b = w.scope.lookup(cleanup);
      const e = w.scope.kindOf(b) == Bind.Entity ? w.ents.at(w.scope.dataOf(b)) : w.ents.get(cleanup, EntKind.Undeclared);
      const entry = w.ropes.add(EK.Ref, e.id, cleanupTok >= 0 ? cleanupTok : d.nameTok, true);
      w.ropes.concat(f.head.get(fr), f.tail.get(fr), entry, entry);
      f.head.set(fr, w.ropes.head);
      f.tail.set(fr, w.ropes.tail);
      // f(&var): an inline f is expanded and reads the variable through the pointer (the
      // kernel's DEFINE_FREE/DEFINE_GUARD destructors), so the variable stays a register
      if (!e.isInline()) w.markNode(NF.STACK_PROTECT, fr);
      // and runs after any call a return or the end of its scope would make a tail call
      w.markNode(NF.RETURNS, fr);
    }
  }

  /** `{ .a = x, [2] = y, { nested }, z }` */
  private initializer(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const dead = f.isDead(fr);
    let st = f.state.get(fr);
    if (st == 0) {
      this.skipP(K.LBrace);
      st = 1;
    } else if (st == 2) {
      this.absorb(fr);
      if (w.isP(w.i, K.Comma)) w.i++;
      else if (w.i == f.c.get(fr) && !w.isP(w.i, K.RBrace) && w.kd(w.i) != CK.End) w.i++; // no progress: skip a token
      st = 1;
    }
    f.state.set(fr, 1);
    // an element: designators, then a value
    const literal = f.e.get(fr) < 0 ? T.UNKNOWN : f.e.get(fr);
    while (true) {
      if (w.isP(w.i, K.RBrace)) {
        w.i++;
        this.complete(fr, VK.NotConst, 0, false, literal);
        return;
      }
      if (w.kd(w.i) == CK.End) {
        this.complete(fr, VK.NotConst, 0, false, literal);
        return;
      }
      if (w.isP(w.i, K.Comma)) {
        w.i++;
        continue;
      }
      break;
    }
    const item = this.designatedItem(fr);
    if (w.isP(w.i, K.Assign)) w.i++;
    f.c.set(fr, w.i);
    f.state.set(fr, 2);
    if (w.isP(w.i, K.LBrace)) {
      const kind = w.types.kindOf(item);
      w.f.push(FT.Init, dead, w.i);
      w.f.a.set(w.f.top(), kind == TY.Record || kind == TY.Array ? item + 1 : 0);
    } else {
      // a value for a record or array member without braces initializes its first scalar
      // (brace elision): where the next item goes is not followed further
      const kind = w.types.kindOf(item);
      if ((kind == TY.Record || kind == TY.Array) && w.kd(w.i) != CK.String) f.b.set(fr, -1);
      w.exprs.begin(dead, STOP.COMMA);
    }
  }

  /** An initializer's braces for an object of type `type` (its name `name`, const or not,
   *  its type written as `alias`): the Init frame follows which member each item initializes
   *  (FT.Init's a: the type + 1, b: the next member's position, d: the object's name + 1 << 1
   *  | const, v: how its type was written; a nested one's is not known). */
  private openObject(dead: bool, type: i32, isConst: bool, name: i32, alias: i32): void {
    const w = this.w;
    const kind = w.types.kindOf(type);
    const fr = w.f.push(FT.Init, dead, w.i);
    w.f.a.set(fr, kind == TY.Record || kind == TY.Array ? type + 1 : 0);
    w.f.d.set(fr, ((name + 1) << 1) | (isConst ? 1 : 0));
    w.f.v.set(fr, <i64>alias);
  }

  /** Reads an initializer item's designators (`.a.b`, `[2]`, GNU's `a:`), at w.i: the type
   *  of what the item initializes (T.UNKNOWN where not followed). A member the record lacks
   *  is gcc's error (nomember.ts); the value then goes where a positional one would. */
  private designatedItem(fr: i32): i32 {
    const w = this.w;
    const f = w.f;
    const types = w.types;
    const object = f.a.get(fr) - 1 >= 0 ? f.a.get(fr) - 1 : f.e.get(fr);
    let cur = object < 0 ? T.UNKNOWN : object;
    let first = true;
    let missed = -1;
    while (true) {
      let field = -1;
      let label = false;
      if (w.isP(w.i, K.Dot) && w.kd(w.i + 1) == CK.Ident) field = w.i + 1;
      else if (first && w.kd(w.i) == CK.Ident && w.isP(w.i + 1, K.Colon) && !w.isP(w.i + 2, K.Colon)) {
        field = w.i;
        label = true;
      }
      if (field >= 0) {
        const name = w.at(field);
        if (types.kindOf(cur) == TY.Record && !types.hasMember(cur, name)) {
          if (w.reportUndeclared && w.constDepth == 0 && !f.isDead(fr)) {
            const top = first && f.d.get(fr) != 0;
            // (the object's own type is spelled as its declaration wrote it; a member's is not known)
            noteMissingMember(w, field - 1, field, cur, top && (f.d.get(fr) & 1) != 0, top ? <i32>f.v.get(fr) : SPELLED_UNKNOWN, true);
            if (first) missed = field;
          }
          cur = T.UNKNOWN;
          if (!first) f.b.set(fr, -1);
        } else {
          // (a union takes one value: what follows it is in excess, not followed here)
          if (first) f.b.set(fr, types.isUnion(cur) ? -1 : types.memberPlace(cur, name));
          cur = types.memberOf(cur, name);
        }
        w.i = label ? field + 2 : field + 1;
        first = false;
        if (label) return cur;
        continue;
      }
      if (w.isP(w.i, K.LBracket)) {
        cur = types.kindOf(cur) == TY.Array ? types.baseOf(cur) : T.UNKNOWN;
        w.i = matchClose(w.t, w.i, w.lim) + 1;
        first = false;
        continue;
      }
      break;
    }
    if (!first && missed < 0) return cur;
    // positional (or after a member the record lacks): the next member, or an element
    if (types.kindOf(object) == TY.Array) return types.baseOf(object);
    const at = f.b.get(fr);
    if (at < 0 || !types.knowsAllMembers(object)) return T.UNKNOWN;
    const next = types.memberAtPlace(object, at);
    if (at == types.memberCount(object) && missed >= 0) this.noteExcess(fr, object, missed);
    f.b.set(fr, types.isUnion(object) || next == T.UNKNOWN ? -1 : at + 1);
    return next;
  }

  /** gcc's warning for the value of a member the record lacks (at `field`) when no member
   *  is left for it; named only in an object's own braces (gcc names the member path in a
   *  nested one's note). */
  private noteExcess(fr: i32, object: i32, field: i32): void {
    const w = this.w;
    const d = w.f.d.get(fr);
    if (d < 2) return;
    const value = w.isP(w.i, K.Assign) ? w.i + 1 : w.i;
    // (gcc's location of a longer value is its operator's: only a single token is placed)
    if (!w.isP(value + 1, K.Comma) && !w.isP(value + 1, K.RBrace)) return;
    noteExcessElements(w, field, value, w.types.isUnion(object), w.t.names.text((d >> 1) - 1));
  }

  /** asm [volatile|inline|goto] ("template" : outputs : inputs : clobbers : labels); the
   *  operands are expressions (an "m"(global) references it); a template's `call sym` too. */
  private asmStmt(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const dead = f.isDead(fr);
    if (!dead) w.mem.forgetAll();
    let st = f.state.get(fr);
    if (st == 0) {
      w.i++; // asm
      while (w.kd(w.i) == CK.Ident && (w.at(w.i) == K.Volatile || w.at(w.i) == K.Inline || w.at(w.i) == K.Goto)) w.i++;
      if (!w.isP(w.i, K.LParen)) {
        this.complete(fr, VK.NotConst, 0, false);
        return;
      }
      w.i++;
      const tStart = w.i;
      while (w.kd(w.i) == CK.String || w.kd(w.i) == CK.Directive) w.i++;
      f.a.set(fr, tStart);
      f.b.set(fr, w.i);
      f.c.set(fr, 0); // section: 0 template, 1 outputs, 2 inputs, 3 clobbers, 4 labels
      f.d.set(fr, 0); // the next operand's [name] atom + 1
      st = 1;
    } else if (st == 2) {
      this.asmOpFrame.push(fr);
      this.asmOpName.push(f.d.get(fr) - 1);
      this.asmOpKnown.push(w.rVK == VK.Known ? 1 : 0);
      this.asmOpValue.push(w.rVal);
      f.d.set(fr, 0);
      if (f.c.get(fr) == 1 && w.rLocal >= 0) w.assignLocal(w.rLocal, fr, VK.NotConst, 0); // an output
      this.absorb(fr);
      this.skipP(K.RParen);
      st = 1;
    }
    f.state.set(fr, 1);
    while (true) {
      const k = w.kd(w.i);
      if (k == CK.End) {
        this.emitTemplate(fr);
        this.complete(fr, VK.NotConst, 0, false);
        return;
      }
      if (k == CK.Punct) {
        const a = w.at(w.i);
        if (a == K.RParen) {
          w.i++;
          this.skipP(K.Semi);
          this.emitTemplate(fr);
          this.complete(fr, VK.NotConst, 0, false);
          return;
        }
        if (a == K.Semi || a == K.RBrace) {
          this.emitTemplate(fr);
          this.complete(fr, VK.NotConst, 0, false);
          return;
        }
        if (a == K.Colon) {
          f.c.set(fr, f.c.get(fr) + 1);
          w.i++;
          continue;
        }
        if (a == K.LBracket) {
          if (w.kd(w.i + 1) == CK.Ident) f.d.set(fr, w.at(w.i + 1) + 1);
          w.i = matchClose(w.t, w.i, w.lim) + 1;
          continue;
        }
        if (a == K.LParen && (f.c.get(fr) == 1 || f.c.get(fr) == 2)) {
          w.i++;
          f.state.set(fr, 2);
          w.exprs.begin(dead, 0);
          return;
        }
        w.i++;
        continue;
      }
      w.i++;
    }
  }

  /** References a template makes by name: `call sym` / `jmp sym`, with its constant
   *  operands written in (`"call __put_user_%c[size]"` : [size] "i" (4)); not local labels. */
  private emitTemplate(fr: i32): void {
    const w = this.w;
    const f = w.f;
    let base = this.asmOpFrame.length;
    while (base > 0 && this.asmOpFrame.get(base - 1) == fr) base--;
    const a = f.a.get(fr);
    const b = f.b.get(fr);
    const text = f.isDead(fr) || b <= a ? "" : this.withOperands(unescapeString(stringsIn(w.t, a, b)), base);
    this.asmOpFrame.truncate(base);
    this.asmOpName.truncate(base);
    this.asmOpKnown.truncate(base);
    this.asmOpValue.truncate(base);
    if (text.indexOf("call") < 0 && text.indexOf("jmp") < 0) return;
    const names = symbolsCalledIn(text);
    for (let k = 0; k < names.length; k++) {
      const atom = w.t.names.intern(names[k]);
      const bnd = w.scope.lookup(atom);
      const e = w.scope.kindOf(bnd) == Bind.Entity ? w.ents.at(w.scope.dataOf(bnd)) : w.ents.get(atom, EntKind.Undeclared);
      const entry = w.ropes.add(EK.Ref, e.id, a, true);
      w.ropes.concat(f.head.get(fr), f.tail.get(fr), entry, entry);
      f.head.set(fr, w.ropes.head);
      f.tail.set(fr, w.ropes.tail);
    }
  }

  /** The template with each `%c` / `%P` operand of known value written as the number gcc
   *  prints for it (operands from `base` on, numbered from 0 or named). */
  private withOperands(text: string, base: i32): string {
    if (text.indexOf("%") < 0) return text;
    const out: string[] = [];
    let from = 0;
    let i = text.indexOf("%");
    while (i >= 0 && i + 2 < text.length) {
      const m = text.charCodeAt(i + 1);
      let end = -1;
      let op = -1;
      if (m == 99 || m == 80) {
        // %c / %P
        const c = text.charCodeAt(i + 2);
        if (c == 91) {
          end = text.indexOf("]", i + 3);
          if (end > 0) {
            const atom = this.w.t.names.intern(text.substring(i + 3, end));
            end++;
            for (let k = base; k < this.asmOpFrame.length; k++) if (this.asmOpName.get(k) == atom) op = k;
          }
        } else if (c >= 48 && c <= 57) {
          end = i + 2;
          let n = 0;
          while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) n = n * 10 + (text.charCodeAt(end++) - 48);
          if (base + n < this.asmOpFrame.length) op = base + n;
        }
      }
      if (op >= 0 && this.asmOpKnown.get(op) != 0) {
        out.push(text.substring(from, i));
        out.push(this.asmOpValue.get(op).toString());
        from = end;
        i = text.indexOf("%", end);
      } else i = text.indexOf("%", i + (m == 37 ? 2 : 1));
    }
    out.push(text.substring(from));
    return out.join("");
  }

  /** A function body walk: parameters bound to the call's arguments, then the body. */
  private func(fr: i32): void {
    const w = this.w;
    const f = w.f;
    if (f.state.get(fr) == 0) {
      const e = w.ents.at(f.a.get(fr));
      w.scope.open();
      const slots = w.paramSlots;
      const names = w.paramNames;
      slots.length = 0;
      names.length = 0;
      if (e.paramOpen >= 0) w.decls.declareParameters(e.paramOpen, e.paramClose, slots, names);
      const top = w.ctxEnv.length - 1;
      const envBase = w.ctxEnv.get(top);
      const count = w.ctxArgs.get(top);
      for (let k = 0; k < slots.length && k < count; k++) {
        const slot = slots.get(k);
        if (slot < 0) continue;
        w.localKind.set(slot, w.envKind.get(envBase + k));
        w.localValue.set(slot, w.envValue.get(envBase + k));
        if ((w.envUnsigned.get(envBase + k) & 2) != 0) w.localFlags.set(slot, w.localFlags.get(slot) | LF.ADDR);
        if ((w.envUnsigned.get(envBase + k) & 4) != 0) w.localFlags.set(slot, w.localFlags.get(slot) | LF.STRING);
        if ((w.envUnsigned.get(envBase + k) & 8) != 0) w.localFlags.set(slot, w.localFlags.get(slot) | LF.SIZE);
        if ((w.envUnsigned.get(envBase + k) & 48) != 0) {
          // a tested argument converted to the parameter's type is a value of its own
          const tested = (w.envUnsigned.get(envBase + k) & 16) != 0 && !w.types.converts(w.envType.get(envBase + k), w.localType.get(slot));
          w.localFlags.set(slot, w.localFlags.get(slot) | (tested ? LF.TESTED : LF.DERIVED));
          w.localOwn.set(slot, w.envOwn.get(envBase + k));
        }
        w.localSz0.set(slot, w.envSz0.get(envBase + k));
        w.localSz1.set(slot, w.envSz1.get(envBase + k));
        if (w.types.kindOf(w.localType.get(slot)) == TY.Int) w.localMax.set(slot, w.envMax.get(envBase + k));
        if (w.types.kindOf(w.localType.get(slot)) == TY.Int && w.envRange.get(envBase + k) >= 0) w.exprs.boundRange(slot, w.envRange.get(envBase + k));
        w.localFn.set(slot, w.envFn.get(envBase + k));
        w.localHi.set(slot, w.envHi.get(envBase + k));
        if ((w.envUnsigned.get(envBase + k) & 64) != 0) {
          w.localArg.set(slot, f.b.get(fr));
          w.localArgKey.set(slot, k);
        }
        // a parameter the body assigns keeps its argument's value only as a local would
        const change = this.followedAcrossLoops(this.changes(w.t.atomAt(names.get(k)), e.bodyOpen + 1, names.get(k)), names.get(k), slot);
        if (change == UNCHANGED) w.localOrigin.set(slot, w.envOrigin.get(envBase + k) >= 0 ? w.envOrigin.get(envBase + k) : w.newValueId());
        if (change == CHANGED_STRAIGHT) w.localFlags.set(slot, w.localFlags.get(slot) | LF.TRACKED);
        else if (change == CHANGED) w.assignLocal(slot, fr, VK.NotConst, 0);
        if (change != UNCHANGED && this.addressKept.get(names.get(k)))
          w.localFlags.set(
            slot,
            w.localFlags.get(slot) | LF.DIRECT | (this.joinsAtLabels(names.get(k)) ? LF.LABEL_JOINED : 0) | this.movesFlag(names.get(k), slot),
          );
      }
      // an emitted function's parameters, each in its argument register while all before
      // it take one register too
      if (!w.nodes.has(f.b.get(fr), NF.INLINE)) {
        for (let k = 0; k < slots.length; k++) {
          const slot = slots.get(k);
          if (slot < 0 || !isIntegerClass(w, w.localType.get(slot))) break;
          w.localParam.set(slot, k);
        }
        // ... each a value of its own where the body never changes it, a constant where every
        // call passes the same one
        const fixed = w.ipaConstants.fixed.has(e.id) ? w.ipaConstants.fixed.get(e.id) : null;
        const largest = w.ipaConstants.largest.has(e.id) ? w.ipaConstants.largest.get(e.id) : null;
        for (let k = count; k < slots.length; k++) {
          const slot = slots.get(k);
          if (slot < 0) continue;
          const change = this.followedAcrossLoops(this.changes(w.t.atomAt(names.get(k)), e.bodyOpen + 1, names.get(k)), names.get(k), slot);
          if (change == UNCHANGED) w.localOrigin.set(slot, w.newValueId());
          // one the body assigns is followed as a local (`count = min(count, 32);`)
          if (change == CHANGED_STRAIGHT) w.localFlags.set(slot, w.localFlags.get(slot) | LF.TRACKED);
          if (change != UNCHANGED && this.addressKept.get(names.get(k)))
            w.localFlags.set(
              slot,
              w.localFlags.get(slot) | LF.DIRECT | (this.joinsAtLabels(names.get(k)) ? LF.LABEL_JOINED : 0) | this.movesFlag(names.get(k), slot),
            );
          const type = w.localType.get(slot);
          if (fixed == null || largest == null || k >= fixed.length || change == CHANGED || w.types.kindOf(type) != TY.Int) continue;
          if (fixed[k] == NOT_FIXED) {
            if (largest[k] >= 0 && w.types.holds(type, T.LONG, largest[k])) w.exprs.boundRange(slot, largest[k]);
            continue;
          }
          const v = truncated(fixed[k], w.types.sizeOf(type), w.types.isUnsigned(type));
          w.localKind.set(slot, <i32>VK.Known);
          w.localValue.set(slot, v);
          if (v >= 0) w.localMax.set(slot, v);
        }
      }
      w.i = e.bodyOpen;
      f.state.set(fr, 1);
      this.pushStatement(false);
      return;
    }
    // the end of the body is reached: a way out as its last statement is
    if (w.rFlow != FLOW_NEVER) w.nodes.addExit(f.b.get(fr), this.returnsAsIs(T.VOID) ? w.tailStmt : -1);
    this.absorb(fr);
    w.nodes.head.set(f.b.get(fr), f.head.get(fr));
    this.leaveFunction(fr);
    f.pop();
  }

  /** Whether the function being walked can return what a call returning `type` left in
   *  its return register, unchanged, as a tail call needs: gcc's tail-call pass refuses one
   *  whose value must be converted (an int returned as long, or as bool, takes an
   *  instruction after the call, so a `ret`). */
  private returnsAsIs(type: i32): bool {
    const w = this.w;
    const types = w.types;
    let fn = w.ents.peek(w.f.a.get(w.funcFrame)).type;
    if (types.kindOf(fn) == TY.Pointer) fn = types.baseOf(fn);
    if (types.kindOf(fn) != TY.Function) return false;
    const own = types.baseOf(fn);
    const ko = types.kindOf(own),
      kt = types.kindOf(type);
    if (ko == TY.Void) return true;
    if (ko == TY.Pointer) return kt == TY.Pointer;
    return ko == TY.Int && kt == TY.Int && types.sizeOf(own) == types.sizeOf(type) && types.sizeOf(own) >= 4;
  }

  /** Restores the caller's context when a Func frame ends (normally or on giving up). */
  leaveFunction(fr: i32): void {
    const w = this.w;
    const node = w.f.b.get(fr);
    w.nodes.mark(node, NF.DONE);
    const top = w.ctxCursor.length - 1;
    w.scope.closeTo(w.ctxScope.get(top));
    w.i = w.ctxCursor.get(top);
    w.lim = w.ctxLim.get(top);
    w.scope.walkId = w.ctxWalk.get(top);
    w.curNode = w.ctxNode.get(top);
    w.funcFrame = w.ctxFunc.get(top);
    const operand = w.ctxOperand.get(top);
    w.envKind.truncate(w.ctxEnv.get(top));
    w.envValue.truncate(w.ctxEnv.get(top));
    w.envUnsigned.truncate(w.ctxEnv.get(top));
    w.envSz0.truncate(w.ctxEnv.get(top));
    w.envSz1.truncate(w.ctxEnv.get(top));
    w.envMax.truncate(w.ctxEnv.get(top));
    w.envRange.truncate(w.ctxEnv.get(top));
    w.envOwn.truncate(w.ctxEnv.get(top));
    w.envHi.truncate(w.ctxEnv.get(top));
    w.envFn.truncate(w.ctxEnv.get(top));
    w.envType.truncate(w.ctxEnv.get(top));
    w.envOrigin.truncate(w.ctxEnv.get(top));
    w.ctxCursor.pop();
    w.ctxLim.pop();
    w.ctxWalk.pop();
    w.ctxNode.pop();
    w.ctxFunc.pop();
    w.ctxScope.pop();
    w.ctxOperand.pop();
    w.ctxEnv.pop();
    const memAtStart = w.ctxMem.pop();
    if (memAtStart < 0) w.mem.frozen--;
    else if (memAtStart != w.mem.version) w.nodes.mark(node, NF.WRITES_MEMORY);
    w.ctxArgs.pop();
    w.ctxSlots.pop();
    w.inlineStack.pop();
    if (operand >= 0) w.exprs.fillReturn(operand, node);
  }

  /** An initializer walk of a file-scope object. */
  private data(fr: i32): void {
    const w = this.w;
    const f = w.f;
    if (f.state.get(fr) == 0) {
      f.state.set(fr, 1);
      if (w.isP(w.i, K.LBrace)) {
        const e = w.ents.at(f.a.get(fr));
        this.openObject(false, e.type, e.has(EF.CONST), e.atom, e.alias);
      } else w.exprs.begin(false, STOP.COMMA);
      return;
    }
    this.absorb(fr);
    if (w.curNode >= 0) w.nodes.head.set(w.curNode, f.head.get(fr));
    f.pop();
  }

  /** The arguments of a file-scope macro a toy file invokes (`DECLARE_WORK(w, fn);`). */
  private args(fr: i32): void {
    const w = this.w;
    const f = w.f;
    let st = f.state.get(fr);
    if (st == 0) {
      this.skipP(K.LParen);
      st = 1;
    } else if (st == 2) {
      this.absorb(fr);
      if (w.isP(w.i, K.Comma)) w.i++;
      else if (w.i == f.c.get(fr) && !w.isP(w.i, K.RParen) && w.kd(w.i) != CK.End) w.i++;
      st = 1;
    }
    f.state.set(fr, 1);
    if (w.isP(w.i, K.RParen) || w.kd(w.i) == CK.End || w.isP(w.i, K.Semi)) {
      this.skipP(K.RParen);
      if (w.curNode >= 0) w.nodes.head.set(w.curNode, f.head.get(fr));
      f.pop();
      return;
    }
    f.c.set(fr, w.i);
    f.state.set(fr, 2);
    w.exprs.begin(false, STOP.COMMA);
  }
}

/** Symbols an asm template calls or jumps to by name (`call __sw_hweight32`). */
export function symbolsCalledIn(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let c = text.indexOf("call", at);
    const j = text.indexOf("jmp", at);
    let len = 4;
    if (c < 0 || (j >= 0 && j < c)) {
      c = j;
      len = 3;
    }
    if (c < 0) break;
    at = c + len;
    // a whole word: not part of another mnemonic's name
    if (c > 0 && isSymbolChar(text.charCodeAt(c - 1))) continue;
    let k = at;
    // an optional suffix (callq, jmpq)
    if (k < text.length && text.charCodeAt(k) == 113) k++;
    if (k >= text.length || !(text.charCodeAt(k) == 32 || text.charCodeAt(k) == 9)) continue;
    while (k < text.length && (text.charCodeAt(k) == 32 || text.charCodeAt(k) == 9)) k++;
    const s = k;
    while (k < text.length && isSymbolChar(text.charCodeAt(k))) k++;
    if (k == s) continue;
    const c0 = text.charCodeAt(s);
    if ((c0 >= 48 && c0 <= 57) || c0 == 46) continue; // a number or local label
    if (k < text.length && (text.charCodeAt(k) == 37 || text.charCodeAt(k) == 40)) continue; // name%c[size], or name(%rip)-style operand
    const name = text.substring(s, k);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

function isSymbolChar(c: i32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || c == 46 || c == 36;
}

/** A comparison `name op E` read from tokens, E's value known; the name at nameTok. */
class Comparison {
  constructor(
    public name: i32,
    public op: i32,
    public value: i64,
    public nameTok: i32,
  ) {}
}

function isInequality(w: Walker, j: i32): bool {
  if (w.kd(j) != CK.Punct) return false;
  const a = w.at(j);
  return a == K.Gt || a == K.Ge || a == K.Lt || a == K.Le || a == K.Ne;
}
