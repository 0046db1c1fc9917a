// The register of a retpoline thunk call: with -mindirect-branch=thunk-extern gcc calls a
// function pointer through __x86_indirect_thunk_<reg>, <reg> being where its register
// allocator put the pointer. Most of that is beyond a reader of C; these are the shapes where
// gcc 12 and 14 (Debian's 6.1 to 7.3 kernels) decide it the same way whatever surrounds the
// call, checked against their output. Everything else is %rax, gcc's first choice.

import { matchClose, matchOpen } from "./attributes";
import { EntKind } from "./entities";
import { K } from "./names";
import { Bind } from "./scope";
import { CK, CTokens } from "./tokens";
import { TY } from "./types";
import { Walker } from "./walker";

/** x86-64 general registers by their encoding (a bit each in a node's thunk mask). */
export namespace REG {
  export const RAX: i32 = 0;
  export const RCX: i32 = 1;
  export const RDX: i32 = 2;
  export const RSI: i32 = 6;
  export const RDI: i32 = 7;
  export const R8: i32 = 8;
  export const R9: i32 = 9;
  export const R10: i32 = 10;
  export const R11: i32 = 11;
}

/** The SysV x86-64 integer argument registers, in order. */
const ARGUMENT_REGISTERS: i32[] = [REG.RDI, REG.RSI, REG.RDX, REG.RCX, REG.R8, REG.R9];

/** gcc's allocation order of the call-clobbered registers after %rax
 *  (x86_order_regs_for_local_alloc: ax dx cx si di r8 r9 r10 r11). */
const CLOBBERED_AFTER_RAX: i32[] = [REG.RDX, REG.RCX, REG.RSI, REG.RDI, REG.R8, REG.R9, REG.R10, REG.R11];

/** The register the `index`th integer parameter arrives in, or -1 (on the stack). */
export function parameterRegister(index: i32): i32 {
  return index >= 0 && index < ARGUMENT_REGISTERS.length ? ARGUMENT_REGISTERS[index] : -1;
}

/** Whether a parameter of type `type` is passed in one integer register. */
export function isIntegerClass(w: Walker, type: i32): bool {
  const kind = w.types.kindOf(type);
  const size = w.types.sizeOf(type);
  return (kind == TY.Int || kind == TY.Pointer) && size > 0 && size <= 8;
}

/** The register of a call through a parameter that still holds the pointer where it came
 *  in: nothing was called before (the pointer would have moved to a callee-saved register),
 *  it is not in a loop (the call itself would be such a call), the parameter is never
 *  assigned and the call's own arguments leave its register alone. gcc calls through it in
 *  place (`int f(int x, int (*fn)(int)) { return fn(x); }` jumps through %rsi). -1 where
 *  that does not hold. */
export function parameterCallRegister(w: Walker, paramIndex: i32, nargs: i32, callTok: i32, inLoop: bool): i32 {
  const reg = parameterRegister(paramIndex);
  if (reg < 0 || nargs > paramIndex || inLoop) return -1;
  const t = w.t;
  const name = callTok - 1;
  if (t.kindAt(name) != CK.Ident || isP(w, name - 1, K.Arrow) || isP(w, name - 1, K.Dot)) return -1;
  const e = w.ents.peek(w.f.a.get(w.funcFrame));
  if (e.bodyOpen < 0 || e.bodyClose <= e.bodyOpen) return -1;
  const atom = t.atomAt(name);
  if (assignedBetween(w, atom, e.bodyOpen + 1, e.bodyClose)) return -1;
  for (let j = e.bodyOpen + 1; j < e.bodyClose; j++) if (isP(w, j, K.Amp) && t.kindAt(j + 1) == CK.Ident && t.atomAt(j + 1) == atom) return -1;
  if (callsBetween(w, e.bodyOpen + 1, name, INLINE_DEPTH) || callsBetween(w, callTok + 1, matchClose(t, callTok, w.lim), INLINE_DEPTH)) return -1;
  return reg;
}

/** The register of `if (p->fn) v = p->fn(args);` (or `... else v = c;`) when v goes on to an
 *  expression statement that calls nothing: v's other value waits in %rax (where the call's
 *  result arrives) while the pointer is tested, so the pointer takes the first call-clobbered
 *  register after it that no argument needs (`cp->packet_xmit(skb, cp, pp, iph)`: %r8). With
 *  the test `likely(...)` gcc lays the blocks out so only after an earlier call. -1 where the
 *  call is not in that shape. */
export function mergedResultRegister(w: Walker, callTok: i32, nargs: i32): i32 {
  if (nargs < 1 || nargs > ARGUMENT_REGISTERS.length) return -1;
  const t = w.t;
  const calleeStart = postfixStart(w, callTok - 1);
  if (calleeStart < 0) return -1;
  // v = <callee>(args);
  if (!isP(w, calleeStart - 1, K.Assign) || t.kindAt(calleeStart - 2) != CK.Ident) return -1;
  const v = t.atomAt(calleeStart - 2);
  const b = w.scope.lookup(v);
  if (w.scope.kindOf(b) != Bind.Local) return -1;
  const close = matchClose(t, callTok, w.lim);
  if (!isP(w, close + 1, K.Semi)) return -1;
  const condOpen = ifAround(w, calleeStart - 3, close + 2);
  if (condOpen < 0) return -1;
  let after = branchAfter;
  const test = testOf(w, condOpen + 1, branchCondClose, calleeStart, callTok);
  if (test == TEST_NONE) return -1;
  const body = bodyOpenOf(w);
  if (body < 0) return -1;
  // v's other value: an else assigning it (not with likely(): gcc moves that else out of
  // line), or an assignment before the if
  if (isK(w, after, K.Else)) {
    if (test == TEST_LIKELY) return -1;
    // `else v = c;`, or a block that calls nothing and sets v (`{ IP_VS_DBG_RL(...); ret = NF_ACCEPT; }`)
    let end = -1;
    if (isP(w, after + 1, K.LBrace)) {
      end = matchClose(t, after + 1, w.lim);
      if (!assignedBetween(w, v, after + 2, end)) return -1;
    } else if (t.kindAt(after + 1) == CK.Ident && t.atomAt(after + 1) == v && isP(w, after + 2, K.Assign)) end = statementEnd(w, after + 3);
    if (end < 0 || callsBetween(w, after + 1, end, INLINE_DEPTH)) return -1;
    after = end + 1;
  } else if (!assignedBetween(w, v, body + 1, condOpen - 1)) return -1;
  if (test == TEST_LIKELY && !callsBetween(w, body + 1, condOpen - 1, 0)) return -1;
  // then a statement that calls nothing, or a call given v that is v's last use (v never
  // has to outlive a call), and v read later (else nothing merges); `return v;` would make
  // the call a tail call
  const bodyClose = w.ents.peek(w.f.a.get(w.funcFrame)).bodyClose;
  if (!mentions(w, v, after, bodyClose)) return -1;
  const returns = isK(w, after, K.Return);
  if (!returns && !startsExpressionStatement(w, after)) return -1;
  const end = statementEnd(w, after);
  if (end < 0) return -1;
  if (returns && end == after + 2 && t.kindAt(after + 1) == CK.Ident && t.atomAt(after + 1) == v) return -1;
  // a test of v there lets gcc thread the other path past the join: nothing merges
  if (testsBetween(w, after, end)) return -1;
  if (callsBetween(w, after, end, INLINE_DEPTH) && (returns || !isLastUseAsArgument(w, v, after, end, bodyClose))) return -1;
  for (let k = 0; k < CLOBBERED_AFTER_RAX.length; k++) {
    const reg = CLOBBERED_AFTER_RAX[k];
    if (ARGUMENT_REGISTERS.indexOf(reg) >= nargs || ARGUMENT_REGISTERS.indexOf(reg) < 0) return reg;
  }
  return -1;
}

/** The register of `if (B->fn) B->fn(args);` where B is itself loaded (`p->ops`,
 *  `gops`) and the statement after the if reads B again: on the path that skips the call gcc
 *  keeps B where it loaded it, in %rax, so the pointer takes the first call-clobbered
 *  register after it that no argument needs (`if (obj->ops->destroy) obj->ops->destroy(ctx,
 *  obj); module_put(obj->ops->type->owner);`: %rdx). Only the readings of B that gcc was seen
 *  to keep in %rax count: `return B->m;`, `if (B->m ...`, `f(B->m...)` as a first argument,
 *  `v = B->m...` and `B->m...` (another call through it: `if (B->a) B->a(x); B->b(x);`).
 *  -1 where the call is not in that shape. */
export function rereadBaseRegister(w: Walker, callTok: i32, nargs: i32): i32 {
  if (nargs > ARGUMENT_REGISTERS.length) return -1;
  const t = w.t;
  const calleeStart = postfixStart(w, callTok - 1);
  if (calleeStart < 0 || !isP(w, callTok - 2, K.Arrow) || t.kindAt(callTok - 1) != CK.Ident) return -1;
  // B: a name and member accesses, a load (a global pointer, or one reached through `->`)
  const baseLen = callTok - 2 - calleeStart;
  if (baseLen < 1 || !isLoadedBase(w, calleeStart, baseLen)) return -1;
  const close = matchClose(t, callTok, w.lim);
  if (!isP(w, close + 1, K.Semi)) return -1;
  // the then-branch of an if, with no else
  const condOpen = ifAround(w, calleeStart - 1, close + 2);
  if (condOpen < 0 || isK(w, branchAfter, K.Else)) return -1;
  if (testOf(w, condOpen + 1, branchCondClose, calleeStart, callTok) == TEST_NONE) return -1;
  if (!readsBaseFirst(w, branchAfter, calleeStart, baseLen)) return -1;
  for (let k = 0; k < CLOBBERED_AFTER_RAX.length; k++) {
    const reg = CLOBBERED_AFTER_RAX[k];
    if (ARGUMENT_REGISTERS.indexOf(reg) >= nargs || ARGUMENT_REGISTERS.indexOf(reg) < 0) return reg;
  }
  return -1;
}

/** Whether [a, a + n) is a name and member accesses that gcc has to load: a global, or
 *  anything through `->` (a local or parameter alone is already in a register). */
function isLoadedBase(w: Walker, a: i32, n: i32): bool {
  const t = w.t;
  let arrow = false;
  for (let k = 0; k < n; k++) {
    const j = a + k;
    if (k % 2 == 0) {
      if (t.kindAt(j) != CK.Ident || t.atomAt(j) < <i32>K.COUNT) return false;
    } else if (isP(w, j, K.Arrow)) arrow = true;
    else if (!isP(w, j, K.Dot)) return false;
  }
  if (n % 2 == 0) return false;
  if (arrow) return true;
  return n == 1 && w.scope.kindOf(w.scope.lookup(t.atomAt(a))) == Bind.Entity;
}

/** Whether the statement at `a` starts by reading B (the `n` tokens at `base`) through
 *  `->`: `return B->m...;` with member accesses only, `if (B->m...`, `f(B->m...` as a
 *  named function's first argument, `v = B->m...` to a local, or `B->m...`. */
function readsBaseFirst(w: Walker, a: i32, base: i32, n: i32): bool {
  const t = w.t;
  let at = -1;
  if (isK(w, a, K.Return)) {
    at = a + 1;
    const end = statementEnd(w, at);
    if (end < 0) return false;
    for (let j = at; j < end; j++) if (t.kindAt(j) != CK.Ident && !isP(w, j, K.Arrow) && !isP(w, j, K.Dot)) return false;
  } else if (isK(w, a, K.If) && isP(w, a + 1, K.LParen)) at = a + 2;
  else if (t.kindAt(a) == CK.Ident && isP(w, a + 1, K.LParen) && w.scope.kindOf(w.scope.lookup(t.atomAt(a))) == Bind.Entity) at = a + 2;
  else if (t.kindAt(a) == CK.Ident && isP(w, a + 1, K.Assign) && w.scope.kindOf(w.scope.lookup(t.atomAt(a))) == Bind.Local) at = a + 2;
  else at = a;
  if (at < 0 || !sameTokens(w, at, base, n)) return false;
  return isP(w, at + n, K.Arrow);
}

/** How deep calls of inline functions are followed to see whether they call anything. */
const INLINE_DEPTH = 6;

const TEST_NONE = 0;
const TEST_PLAIN = 1;
const TEST_LIKELY = 2;

/** How the condition [a, b) tests the callee [c0, c1): `X`, `!!(X)`, `X != NULL`,
 *  `__builtin_expect(!!(X), 0)` (plain: unlikely lays no block out of line) or with 1. */
function testOf(w: Walker, a: i32, b: i32, c0: i32, c1: i32): i32 {
  const n = c1 - c0;
  if (b - a == n && sameTokens(w, a, c0, n)) return TEST_PLAIN;
  // !!(X)
  if (b - a == n + 4 && isP(w, a, K.Bang) && isP(w, a + 1, K.Bang) && isP(w, a + 2, K.LParen) && isP(w, b - 1, K.RParen) && sameTokens(w, a + 3, c0, n))
    return TEST_PLAIN;
  // X != ((void *)0)
  if (
    b - a == n + 8 &&
    sameTokens(w, a, c0, n) &&
    isP(w, a + n, K.Ne) &&
    isP(w, a + n + 1, K.LParen) &&
    isP(w, a + n + 2, K.LParen) &&
    isK(w, a + n + 3, K.Void)
  )
    return TEST_PLAIN;
  // __builtin_expect(!!(X), k)
  const t = w.t;
  if (
    b - a == n + 9 &&
    t.kindAt(a) == CK.Ident &&
    t.text(a) == "__builtin_expect" &&
    isP(w, a + 1, K.LParen) &&
    isP(w, a + 2, K.Bang) &&
    isP(w, a + 3, K.Bang)
  ) {
    if (!isP(w, a + 4, K.LParen) || !sameTokens(w, a + 5, c0, n) || !isP(w, a + 5 + n, K.RParen) || !isP(w, a + 6 + n, K.Comma)) return TEST_NONE;
    const k = t.text(a + 7 + n);
    return k == "0" ? TEST_PLAIN : k == "1" ? TEST_LIKELY : TEST_NONE;
  }
  return TEST_NONE;
}

function sameTokens(w: Walker, a: i32, b: i32, n: i32): bool {
  const t = w.t;
  for (let k = 0; k < n; k++) if (t.kindAt(a + k) != t.kindAt(b + k) || t.atomAt(a + k) != t.atomAt(b + k)) return false;
  return n > 0;
}

/** The first token of the postfix expression (`a->b.c[i]`, `fn`, `(*fn)`) that ends at `last`. */
function postfixStart(w: Walker, last: i32): i32 {
  const t = w.t;
  let j = last;
  while (j >= 0) {
    if (isP(w, j, K.RParen) || isP(w, j, K.RBracket)) {
      const o = matchOpen(w.t, j);
      if (o < 0) return -1;
      j = o;
      if (isP(w, j, K.LParen)) return j; // a parenthesized callee: `(*fn)`
      j--;
      continue;
    }
    if (t.kindAt(j) != CK.Ident) return -1;
    if (isP(w, j - 1, K.Arrow) || isP(w, j - 1, K.Dot)) {
      j -= 2;
      continue;
    }
    return j;
  }
  return -1;
}

/** The `;` ending the statement at `a` (no braces inside), or -1. */
function statementEnd(w: Walker, a: i32): i32 {
  let depth = 0;
  for (let j = a; j < w.lim; j++) {
    if (w.t.kindAt(j) == CK.End) return -1;
    if (w.t.kindAt(j) != CK.Punct) continue;
    const x = w.t.atomAt(j);
    if (x == K.LParen || x == K.LBracket) depth++;
    else if (x == K.RParen || x == K.RBracket) depth--;
    else if (x == K.LBrace || x == K.RBrace) return -1;
    else if (x == K.Semi && depth == 0) return j;
  }
  return -1;
}

/** Whether a statement starting at `a` is an expression statement (not a return, a branch,
 *  a loop, a jump, a label or the end of the block). */
function startsExpressionStatement(w: Walker, a: i32): bool {
  const t = w.t;
  if (a >= w.lim) return false;
  if (t.kindAt(a) == CK.Punct) return isP(w, a, K.PlusPlus) || isP(w, a, K.MinusMinus) || isP(w, a, K.Star) || isP(w, a, K.LParen);
  if (t.kindAt(a) != CK.Ident) return false;
  const x = t.atomAt(a);
  if (x < <i32>K.COUNT) return x == K.Asm;
  return !isP(w, a + 1, K.Colon);
}

/** Whether the statement [a, end) is `f(v)` of a function named and v is not read after it. */
function isLastUseAsArgument(w: Walker, v: i32, a: i32, end: i32, bodyClose: i32): bool {
  const t = w.t;
  if (end != a + 4 || t.kindAt(a) != CK.Ident || !isP(w, a + 1, K.LParen) || !isP(w, a + 3, K.RParen)) return false;
  if (t.kindAt(a + 2) != CK.Ident || t.atomAt(a + 2) != v) return false;
  if (w.scope.kindOf(w.scope.lookup(t.atomAt(a))) != Bind.Entity) return false;
  return !mentions(w, v, end, bodyClose);
}

/** Whether [a, b) holds a condition: `?`, `!`, `&&`, `||` or a comparison. */
function testsBetween(w: Walker, a: i32, b: i32): bool {
  for (let j = a; j < b; j++) {
    if (w.t.kindAt(j) != CK.Punct) continue;
    const x = w.t.atomAt(j);
    if (x == K.Question || x == K.Bang || x == K.AndAnd || x == K.OrOr || (x >= K.Lt && x <= K.Ne)) return true;
  }
  return false;
}

/** ifAround's answer: the `)` that closes the if's condition and the token after the branch. */
let branchCondClose: i32 = -1;
let branchAfter: i32 = -1;

/** The `(` of the if whose then-branch is exactly the statement between tokens `before` and
 *  `after` (alone, or alone in braces), or -1; see branchCondClose and branchAfter. */
function ifAround(w: Walker, before: i32, after: i32): i32 {
  if (isP(w, before, K.LBrace)) {
    if (!isP(w, after, K.RBrace)) return -1;
    before--;
    after++;
  }
  if (!isP(w, before, K.RParen)) return -1;
  const condOpen = matchOpen(w.t, before);
  if (condOpen < 1 || !isK(w, condOpen - 1, K.If)) return -1;
  branchCondClose = before;
  branchAfter = after;
  return condOpen;
}

/** Whether name `v` appears in [a, b). */
function mentions(w: Walker, v: i32, a: i32, b: i32): bool {
  for (let j = a; j < b; j++) if (w.t.kindAt(j) == CK.Ident && w.t.atomAt(j) == v) return true;
  return false;
}

/** Whether `v = ` (or `v op= `) appears in [a, b). */
function assignedBetween(w: Walker, v: i32, a: i32, b: i32): bool {
  const t = w.t;
  for (let j = a; j + 1 < b; j++) {
    if (t.kindAt(j) != CK.Ident || t.atomAt(j) != v || t.kindAt(j + 1) != CK.Punct) continue;
    const x = t.atomAt(j + 1);
    if (x >= K.Assign && x <= K.OrAssign) return true;
  }
  return false;
}

/** Builtins that never become a call. */
const NOT_CALLS = ["__builtin_expect", "__builtin_unreachable", "__builtin_assume_aligned", "__builtin_bswap16", "__builtin_bswap32", "__builtin_bswap64"];

/** Whether the tokens [a, b) may call a function: a name called that is not a keyword, a
 *  builtin gcc never calls for, or an inline function that calls nothing itself (followed
 *  `depth` levels deep). */
function callsBetween(w: Walker, a: i32, b: i32, depth: i32): bool {
  const t = w.t;
  for (let j = a; j + 1 < b; j++) {
    if (t.kindAt(j) != CK.Ident || !isP(w, j + 1, K.LParen)) continue;
    const x = t.atomAt(j);
    // keywords, qualifiers and the builtins read as operators; not the mem*/str* ones, which
    // may become library calls, nor the kernel's macros left as written (a toy source)
    if (x < <i32>K.COUNT) {
      if ((x >= K.BMemcpy && x <= K.BStrlen) || x > K.BStrlen) return true;
      continue;
    }
    if (NOT_CALLS.includes(t.text(j))) continue;
    const s = w.scope.lookup(x);
    const kind = w.scope.kindOf(s);
    if (kind == Bind.Typedef) continue;
    if (kind != Bind.Entity || depth <= 0) return true;
    const e = w.ents.peek(w.scope.dataOf(s));
    if (e.kind != EntKind.Function || !(e.isInline() || w.calledOnce.has(e.id)) || e.bodyOpen < 0 || e.bodyClose <= e.bodyOpen) return true;
    if (inlineCalls(w, e.bodyOpen, e.bodyClose, depth - 1)) return true;
  }
  return false;
}

// inline bodies already looked through, per token stream: body's `{` -> whether it calls
let memoTokens: CTokens | null = null;
const memo = new Map<i32, bool>();

function inlineCalls(w: Walker, open: i32, close: i32, depth: i32): bool {
  if (memoTokens !== w.t) {
    memo.clear();
    memoTokens = w.t;
  }
  if (memo.has(open)) return memo.get(open);
  memo.set(open, true); // a recursive inline function calls
  const calls = callsBetween(w, open + 1, close, depth);
  memo.set(open, calls);
  return calls;
}

/** The `{` of the body of the function whose code is being walked, or -1. */
function bodyOpenOf(w: Walker): i32 {
  if (w.funcFrame < 0) return -1;
  return w.ents.peek(w.f.a.get(w.funcFrame)).bodyOpen;
}

function isP(w: Walker, i: i32, a: i32): bool {
  return i >= 0 && w.t.kindAt(i) == CK.Punct && w.t.atomAt(i) == a;
}

function isK(w: Walker, i: i32, a: i32): bool {
  return i >= 0 && w.t.kindAt(i) == CK.Ident && w.t.atomAt(i) == a;
}
