// What reaches the object file. gcc -O2 emits every definition with external linkage, and a
// static function or object only when something emitted refers to it (or it is `used`);
// what an emitted function calls inline is expanded where it is called. Walks start at
// those roots and follow the references that survive; the module's undefined symbols are
// the references to names this file does not define, in order of first use, and the
// assembly order (sim/symorder.ts) lists them as gcc's output first mentions them.

import { InlineStep, Span } from "../../diagnostics";
import { calledOnceFunctions } from "./calledonce";
import { ipaConstants } from "./ipaconstants";
import { CompilerModel, FENTRY, indirectThunk, RETURN_THUNK, STACK_CHK_FAIL } from "./compiler";
import { EF, EntKind, Entity } from "./entities";
import { DroppedCode } from "./droppedreturns";
import { Facts } from "./facts";
import { IntVec } from "./intvec";
import { LiveUses } from "./liveuses";
import { AsmPart, AsmRef, ModuleSource, SymbolRef } from "./module";
import { NF } from "./nodes";
import { EK } from "./ropes";
import { REG } from "./thunks";
import { spanOf } from "./tokens";
import { handlersCalled } from "./ubsan";
import { MAX_INLINE_DEPTH, Walker } from "./walker";

export class Reach {
  private queue: IntVec = new IntVec(256);
  private emitted: IntVec = new IntVec(256);
  private stack: IntVec = new IntVec(256);
  private asmSeen: Set<string> = new Set();
  /** Functions referred to other than by a direct call (their out-of-line copy stays as
   *  written: no caller's inlining or cloning changes its registers). */
  private addressTaken: Set<i32> = new Set();
  private liveUses: LiveUses;
  /** What each scanned node refers to (node, entity id, token in the node's own code):
   *  gcc's call graph. */
  private edges: IntVec = new IntVec(256);
  private sites: IntVec = new IntVec(64);
  /** The entities emitted whatever refers to them (the walks' roots), and the node of what
   *  file scope itself refers to (exports, module_init). */
  private roots: IntVec = new IntVec(64);
  private fileScope: i32 = -1;

  constructor(
    public w: Walker,
    public mod: ModuleSource,
    public facts: Facts,
    public model: CompilerModel | null,
  ) {
    this.liveUses = new LiveUses(w.nodes, w.ropes);
  }

  /** The list an entry opens once every scan is done: an Arg's own where its value is read,
   *  else -1. */
  private opened(x: i32): i32 {
    return this.liveUses.opened(x);
  }

  run(): void {
    const w = this.w;
    // the constant scan reads calls' arguments outside their functions' scopes
    const report = w.reportUndeclared;
    w.reportUndeclared = false;
    w.calledOnce = calledOnceFunctions(w);
    w.ipaConstants = ipaConstants(w);
    w.reportUndeclared = report;
    const root = w.nodes.add(-1, NF.DATA | NF.NOASM | NF.DONE);
    this.fileScope = root;
    w.nodes.head.set(root, this.facts.rootHead);
    this.emitted.push(root);
    const ents = w.ents;
    for (let k = 0; k < ents.count; k++) {
      const e = ents.peek(k);
      if (e.aliasTarget >= 0) {
        const target = w.ents.find(e.aliasTarget);
        if (target != null) this.root(target as Entity);
      }
      // (peeked: only what is scheduled becomes this walk's own)
      if (e.kind == EntKind.Function && e.bodyOpen >= 0) {
        if ((!e.isStatic() && !isExternInline(e)) || e.has(EF.USED)) this.root(ents.at(k));
      } else if (e.kind == EntKind.Object && e.defined && e.aliasTarget < 0) {
        if (!e.isStatic() || e.has(EF.USED | EF.MODINFO)) this.root(ents.at(k));
      }
    }
    this.scan(root);
    while (this.queue.length > 0) {
      const n = this.queue.pop();
      const e = w.ents.at(w.nodes.entity.get(n));
      if (w.nodes.has(n, NF.DATA)) w.walkData(e, n);
      else w.walkFunction(e, n);
      this.scan(n);
    }
    // a name declared only inside a body is as declared as one at file scope
    for (let k = 0; k < w.blockDeclared.length; k++) {
      const tok = w.blockDeclared.get(k);
      const name = w.t.text(tok);
      if (!this.mod.declared.has(name)) this.mod.declared.set(name, spanOf(w.t, tok, tok));
    }
    this.writeRefs();
    this.writeAsm();
    if (w.reportUndeclared) {
      const dropped = new DroppedCode(w);
      if (dropped.any) this.mod.fallsOff = dropped.fallingOff(this.lowered(dropped));
    }
  }

  private edge(node: i32, entity: i32, tok: i32): void {
    this.edges.push(node);
    this.edges.push(entity);
    this.edges.push(tok);
  }

  private root(e: Entity): void {
    this.roots.push(e.id);
    this.schedule(e);
  }

  /** The entities gcc's call graph reaches and lowers: from the roots along what each
   *  reached walk refers to, except from a statement or an initializer gcc dropped for its
   *  error. */
  private lowered(dropped: DroppedCode): Set<i32> {
    const w = this.w;
    const from = new Map<i32, i32[]>();
    for (let k = 0; k + 2 < this.edges.length; k += 3) {
      const n = this.edges.get(k);
      if (dropped.dropped(this.edges.get(k + 2))) continue;
      if (!from.has(n)) from.set(n, []);
      from.get(n).push(this.edges.get(k + 1));
    }
    const reached = new Set<i32>();
    const todo: i32[] = [];
    for (let k = 0; k < this.roots.length; k++) todo.push(this.roots.get(k));
    if (from.has(this.fileScope)) {
      const to = from.get(this.fileScope);
      for (let k = 0; k < to.length; k++) todo.push(to[k]);
    }
    while (todo.length > 0) {
      const id = todo.pop();
      if (reached.has(id)) continue;
      reached.add(id);
      const e = w.ents.at(id);
      if (e.node < 0 || !from.has(e.node)) continue;
      // (an object of a type never defined has its initializer refused too)
      if (e.kind == EntKind.Object && (dropped.holdsError(e.initStart, e.initEnd) || w.types.isIncompleteRecord(e.type))) continue;
      const to = from.get(e.node);
      for (let k = 0; k < to.length; k++) todo.push(to[k]);
    }
    return reached;
  }

  /** Queues the out-of-line walk of a function or the walk of an object's initializer. */
  private schedule(e: Entity): void {
    if (e.node >= 0 || !e.defined || e.has(EF.DIAGNOSE)) return;
    if (e.kind == EntKind.Function) {
      if (e.bodyOpen < 0 || isExternInline(e)) return;
      e.node = this.w.nodes.add(e.id, 0);
    } else if (e.kind == EntKind.Object) {
      e.node = this.w.nodes.add(e.id, NF.DATA);
    } else return;
    this.queue.push(e.node);
    this.emitted.push(e.node);
  }

  /** Follows a finished walk's references (and its inline expansions') to what they need. */
  private scan(n: i32): void {
    const w = this.w;
    const r = w.ropes;
    const nodes = w.nodes;
    if (nodes.has(n, NF.SCANNED)) return;
    nodes.mark(n, NF.SCANNED);
    const st = this.stack;
    // where in n's own code each list is reached (an inline expansion's call site; -1: n's own)
    const sites = this.sites;
    st.length = 0;
    sites.length = 0;
    st.push(nodes.head.get(n));
    sites.push(-1);
    let budget = r.next.length + 16;
    while (st.length > 0) {
      let x = st.pop();
      const site = sites.pop();
      while (x >= 0 && --budget > 0) {
        const kind = <EK>r.kind.get(x);
        const at = site >= 0 ? site : r.tok.get(x);
        if (kind == EK.Inline) {
          const m = r.data.get(x);
          this.edge(n, nodes.entity.get(m), at);
          if (!nodes.has(m, NF.SCANNED)) {
            nodes.mark(m, NF.SCANNED);
            st.push(nodes.head.get(m));
            sites.push(at);
          }
        } else if (kind == EK.Arg || kind == EK.Use) {
          const sub = this.liveUses.reach(x, st);
          if (sub >= 0) st.push(sub);
          while (sites.length < st.length) sites.push(site);
        } else if (kind == EK.Ref) {
          const e = w.ents.at(r.data.get(x));
          this.edge(n, e.id, at);
          if (r.call.get(x) == 0) this.addressTaken.add(e.id);
          // a static inline function whose address is taken gets an out-of-line copy
          if (e.defined) this.schedule(e);
        }
        x = r.next.get(x);
      }
    }
  }

  private nameOf(e: Entity): string {
    return this.w.t.names.text(e.asmName >= 0 ? e.asmName : e.atom);
  }

  /** The undefined-symbol candidates in order of first use, each with where it is used. */
  private writeRefs(): void {
    const w = this.w;
    const r = w.ropes;
    const nodes = w.nodes;
    const keys: i64[] = [];
    const names: string[] = [];
    const toks: i32[] = [];
    // each inline expansion followed: its function and the expansion it is inside (-1: none)
    const frameEnt = new IntVec(64);
    const frameOuter = new IntVec(64);
    const vias: i32[] = [];
    const calls: bool[] = [];
    const seenInline = new Set<i32>();
    const st = this.stack;
    const site = new IntVec(64);
    const viaStack = new IntVec(64);
    for (let q = 0; q < this.emitted.length; q++) {
      const n = this.emitted.get(q);
      seenInline.clear();
      st.length = 0;
      site.length = 0;
      viaStack.length = 0;
      st.push(nodes.head.get(n));
      site.push(-1);
      viaStack.push(-1);
      let budget = r.next.length + 16;
      while (st.length > 0) {
        let x = st.pop();
        const s = site.pop();
        const via = viaStack.pop();
        while (x >= 0 && --budget > 0) {
          const tok = s >= 0 ? s : r.tok.get(x);
          if (r.kind.get(x) == <i32>EK.Inline) {
            const m = r.data.get(x);
            if (!seenInline.has(m)) {
              seenInline.add(m);
              // the rest of this list first, then the expansion (its site keeps the order)
              st.push(r.next.get(x));
              site.push(s);
              viaStack.push(via);
              st.push(nodes.head.get(m));
              site.push(tok);
              frameEnt.push(nodes.entity.get(m));
              viaStack.push(frameOuter.push(via));
              break;
            }
          } else if (r.kind.get(x) == <i32>EK.Arg) {
            st.push(this.opened(x));
            site.push(s);
            viaStack.push(via);
          } else if (r.kind.get(x) == <i32>EK.Ref) {
            const e = w.ents.at(r.data.get(x));
            if (isExternal(e)) {
              keys.push(((<i64>tok) << 24) | (<i64>(keys.length & 0xffffff)));
              names.push(this.nameOf(e));
              toks.push(tok);
              vias.push(via);
              calls.push(r.call.get(x) != 0);
            }
          }
          x = r.next.get(x);
        }
      }
    }
    // first use: by the place in the source (an inline expansion's is its call site)
    const order: i64[] = [];
    for (let k = 0; k < keys.length; k++) order.push((keys[k] & ~0xffffff) | (<i64>k));
    order.sort((a: i64, b: i64): i32 => (a < b ? -1 : a > b ? 1 : 0));
    const at = new Map<string, i32>();
    for (let k = 0; k < order.length; k++) {
      const idx = <i32>(order[k] & 0xffffff);
      const name = names[idx];
      if (at.has(name)) {
        if (calls[idx]) this.mod.refs[at.get(name)].isCall = true;
        continue;
      }
      const ref = new SymbolRef(name, calls[idx], spanOf(w.t, toks[idx], toks[idx]));
      ref.through = this.stepsOf(vias[idx], frameEnt, frameOuter);
      at.set(name, this.mod.refs.length);
      this.mod.refs.push(ref);
    }
    this.compilerRefs(at);
  }

  /** The inline functions of expansion `frame` and those it is inside, outermost first, each
   *  where it is defined. */
  private stepsOf(frame: i32, ent: IntVec, outer: IntVec): InlineStep[] {
    const steps: InlineStep[] = [];
    const w = this.w;
    for (let f = frame; f >= 0; f = outer.get(f)) {
      const e = w.ents.at(ent.get(f));
      const tok = e.defTok >= 0 ? e.defTok : e.declTok;
      steps.unshift(new InlineStep(w.t.names.text(e.atom), tok >= 0 ? spanOf(w.t, tok, tok) : Span.none()));
    }
    return steps;
  }

  /** What gcc adds by itself for the emitted functions (compiler.ts). */
  private compilerRefs(at: Map<string, i32>): void {
    if (this.model == null) return;
    const m = this.model as CompilerModel;
    const w = this.w;
    let fentry = false,
      thunk = false,
      protect = false,
      indirect = 0;
    let all = 0;
    for (let q = 0; q < this.emitted.length; q++) {
      const n = this.emitted.get(q);
      if (w.nodes.has(n, NF.DATA)) continue;
      const e = w.ents.at(w.nodes.entity.get(n));
      const flags = this.flagsWithin(n);
      if (!thunk) thunk = this.returns(n, flags);
      if (!e.has(EF.NOTRACE)) fentry = true;
      all |= flags;
      if ((flags & NF.STACK_PROTECT) != 0) protect = true;
      indirect |= this.thunksWithin(n);
    }
    if (m.fentry && fentry) this.compilerRef(FENTRY, at);
    if (m.returnThunk && thunk) this.compilerRef(RETURN_THUNK, at);
    if (m.stackProtector && protect && m.stackGuard.length > 0) this.compilerRef(m.stackGuard, at);
    if (m.stackProtector && protect) this.compilerRef(STACK_CHK_FAIL, at);
    if (m.indirectThunk) for (let reg = 0; reg < 16; reg++) if ((indirect & (1 << reg)) != 0) this.compilerRef(indirectThunk(reg), at);
    const handlers = handlersCalled(m, all);
    for (let k = 0; k < handlers.length; k++) this.compilerRef(handlers[k], at);
  }

  /** The registers emitted function `n` calls pointers through, its inline expansions' too:
   *  a parameter's own register only where this copy is the one that runs (exported, or not
   *  inline and its address taken: an inline function's address given to another inline
   *  function is folded into direct calls, and no copy is left), else %rax as for any
   *  pointer. */
  private thunksWithin(n: i32): i32 {
    const w = this.w;
    const nodes = w.nodes;
    let mask = nodes.thunks.get(n);
    const own = nodes.paramThunks.get(n);
    if (own != 0) {
      const e = w.ents.peek(nodes.entity.get(n));
      mask |= !e.isStatic() || (!e.isInline() && this.addressTaken.has(e.id)) ? own : 1 << REG.RAX;
    }
    const inner = this.inlinesWithin(n);
    for (let k = 0; k < inner.length; k++) {
      const m = inner[k];
      mask |= nodes.thunks.get(m) | (nodes.paramThunks.get(m) != 0 ? 1 << REG.RAX : 0);
    }
    return mask;
  }

  private compilerRef(name: string, at: Map<string, i32>): void {
    if (at.has(name)) return;
    const ref = new SymbolRef(name, true, Span.none());
    ref.compiler = true;
    at.set(name, this.mod.refs.length);
    this.mod.refs.push(ref);
  }

  /** Whether emitted function `n` (its flags within: `flags`) has a `ret`: a way out that is
   *  no tail call, its own or that of the inline expansion it ends in. A local whose address
   *  escapes lives in the frame a tail call would drop, so gcc keeps call and `ret` then. */
  private returns(n: i32, flags: i32): bool {
    const nodes = this.w.nodes;
    if ((flags & NF.STACK_PROTECT) != 0) return true;
    for (let depth = 0; n >= 0 && depth <= MAX_INLINE_DEPTH; depth++) {
      if (!nodes.has(n, NF.DONE) || nodes.has(n, NF.RETURNS)) return true;
      n = nodes.tailInline.get(n);
    }
    return n >= 0;
  }

  /** A node's flags joined with those of every inline expansion inside it. */
  private flagsWithin(n: i32): i32 {
    const nodes = this.w.nodes;
    let flags = nodes.flags.get(n);
    const inner = this.inlinesWithin(n);
    for (let k = 0; k < inner.length; k++) flags |= nodes.flags.get(inner[k]);
    return flags;
  }

  /** The inline expansions inside node `n`, at any depth, each once. */
  private inlinesWithin(n: i32): i32[] {
    const r = this.w.ropes;
    const nodes = this.w.nodes;
    const out: i32[] = [];
    const seen = new Set<i32>();
    const st = new IntVec(16);
    st.push(nodes.head.get(n));
    let budget = r.next.length + 16;
    while (st.length > 0) {
      let x = st.pop();
      while (x >= 0 && --budget > 0) {
        if (r.kind.get(x) == <i32>EK.Inline) {
          const m = r.data.get(x);
          if (!seen.has(m)) {
            seen.add(m);
            out.push(m);
            st.push(nodes.head.get(m));
          }
        } else if (r.kind.get(x) == <i32>EK.Arg) st.push(this.opened(x));
        x = r.next.get(x);
      }
    }
    return out;
  }

  private asmRef(name: string, part: AsmPart, defines: bool): void {
    const key = name + "\n" + (<i32>part).toString();
    if (this.asmSeen.has(key)) return;
    this.asmSeen.add(key);
    this.mod.asm.push(new AsmRef(name, part, this.mod.asm.length, defines));
  }

  /** The names in the order gcc's assembly mentions them: functions in source order (each
   *  global's definition first), then data (each global's definition after its initializer). */
  private writeAsm(): void {
    const w = this.w;
    const fns: i64[] = [];
    const data: i64[] = [];
    for (let q = 0; q < this.emitted.length; q++) {
      const n = this.emitted.get(q);
      if (w.nodes.has(n, NF.NOASM)) continue;
      const e = w.ents.at(w.nodes.entity.get(n));
      const key = ((<i64>(e.defStart >= 0 ? e.defStart : e.declTok)) << 24) | (<i64>q);
      if (w.nodes.has(n, NF.DATA)) data.push(key);
      else fns.push(key);
    }
    fns.sort((a: i64, b: i64): i32 => (a < b ? -1 : a > b ? 1 : 0));
    data.sort((a: i64, b: i64): i32 => (a < b ? -1 : a > b ? 1 : 0));
    const expanded = new Set<string>();
    for (let k = 0; k < fns.length; k++) {
      const n = this.emitted.get(<i32>(fns[k] & 0xffffff));
      const e = w.ents.at(w.nodes.entity.get(n));
      const part = e.has(EF.EXIT_SECTION) ? AsmPart.ExitFunction : AsmPart.Function;
      if (!e.isStatic()) this.asmRef(this.nameOf(e), part, true);
      if (this.model != null && (this.model as CompilerModel).fentry && !e.has(EF.NOTRACE)) this.asmRef(FENTRY, part, false);
      this.asmNames(n, part, expanded);
      if (this.model != null) {
        const m = this.model as CompilerModel;
        const flags = this.flagsWithin(n);
        const handlers = handlersCalled(m, flags);
        for (let h = 0; h < handlers.length; h++) this.asmRef(handlers[h], part, false);
        if (m.indirectThunk && (flags & NF.INDIRECT_CALL) != 0) {
          const regs = this.thunksWithin(n);
          for (let reg = 0; reg < 16; reg++) if ((regs & (1 << reg)) != 0) this.asmRef(indirectThunk(reg), part, false);
        }
        if (m.stackProtector && (flags & NF.STACK_PROTECT) != 0 && m.stackGuard.length > 0) this.asmRef(m.stackGuard, part, false);
        if (m.stackProtector && (flags & NF.STACK_PROTECT) != 0) this.asmRef(STACK_CHK_FAIL, part, false);
        if (m.returnThunk && this.returns(n, flags)) this.asmRef(RETURN_THUNK, part, false);
      }
    }
    for (let k = 0; k < data.length; k++) {
      const n = this.emitted.get(<i32>(data[k] & 0xffffff));
      const e = w.ents.at(w.nodes.entity.get(n));
      this.asmNames(n, AsmPart.Data, expanded);
      if (!e.isStatic() && !e.has(EF.MODINFO)) this.asmRef(this.nameOf(e), AsmPart.Data, true);
    }
  }

  /** A node's names in order, inline expansions in place (each once per part). */
  private asmNames(n: i32, part: AsmPart, expanded: Set<string>): void {
    const w = this.w;
    const r = w.ropes;
    const nodes = w.nodes;
    const st = this.stack;
    st.length = 0;
    st.push(nodes.head.get(n));
    let budget = r.next.length + 16;
    while (st.length > 0) {
      let x = st.pop();
      while (x >= 0 && --budget > 0) {
        if (r.kind.get(x) == <i32>EK.Inline) {
          const m = r.data.get(x);
          const key = m.toString() + "\n" + (<i32>part).toString();
          if (!expanded.has(key)) {
            expanded.add(key);
            st.push(r.next.get(x));
            st.push(nodes.head.get(m));
            break;
          }
        } else if (r.kind.get(x) == <i32>EK.Arg) {
          // its names come before the rest of this list's
          const sub = this.opened(x);
          if (sub >= 0) {
            st.push(r.next.get(x));
            st.push(sub);
            break;
          }
        } else if (r.kind.get(x) == <i32>EK.Ref) {
          const e = w.ents.at(r.data.get(x));
          if (!e.has(EF.DIAGNOSE)) this.asmRef(this.nameOf(e), part, false);
        }
        x = r.next.get(x);
      }
    }
  }
}

/** gnu_inline `extern inline`: a body for inlining only; the symbol is defined elsewhere. */
function isExternInline(e: Entity): bool {
  return e.has(EF.EXTERN) && e.has(EF.INLINE) && !e.isStatic();
}

/** Whether a reference to `e` is a reference to another object file's symbol. */
function isExternal(e: Entity): bool {
  if (e.has(EF.DIAGNOSE | EF.ASM_DEFINED)) return false;
  if (e.kind == EntKind.Undeclared) return true;
  if (!e.defined) return true;
  return e.kind == EntKind.Function && e.bodyOpen >= 0 && isExternInline(e);
}
