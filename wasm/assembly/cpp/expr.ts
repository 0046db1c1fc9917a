// `#if` expressions as gcc's expr.cc evaluates them: operator precedence on explicit stacks,
// intmax_t / uintmax_t arithmetic, unevaluated operands silent, gcc's messages word for word.

import { Atoms, Name } from "./atoms";
import { PPCode, PPSeverity } from "./diagnostic";
import { Expander } from "./expand";
import { IntVec, TK } from "./pptoken";

// operators (gcc's optab order does not matter here; only priority and flags)
const OP_EOF = 0,
  OP_NOT = 1,
  OP_GREATER = 2,
  OP_LESS = 3,
  OP_PLUS = 4,
  OP_MINUS = 5,
  OP_MULT = 6,
  OP_DIV = 7,
  OP_MOD = 8,
  OP_AND = 9,
  OP_OR = 10,
  OP_XOR = 11,
  OP_RSHIFT = 12,
  OP_LSHIFT = 13,
  OP_COMPL = 14,
  OP_AND_AND = 15,
  OP_OR_OR = 16,
  OP_QUERY = 17,
  OP_COLON = 18,
  OP_COMMA = 19,
  OP_OPEN = 20,
  OP_CLOSE = 21,
  OP_EQ_EQ = 22,
  OP_NOT_EQ = 23,
  OP_GREATER_EQ = 24,
  OP_LESS_EQ = 25,
  OP_UPLUS = 26,
  OP_UMINUS = 27,
  OP_VALUE = 28,
  OP_INVALID = 29;

const NO_L_OPERAND = 1,
  LEFT_ASSOC = 2;
const PRIO: StaticArray<i32> = [0, 16, 12, 12, 14, 14, 15, 15, 15, 9, 7, 8, 13, 13, 16, 6, 5, 4, 4, 4, 1, 0, 11, 11, 12, 12, 16, 16];
const FLAGS: StaticArray<i32> = [
  0,
  NO_L_OPERAND,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  NO_L_OPERAND,
  LEFT_ASSOC,
  LEFT_ASSOC,
  0,
  LEFT_ASSOC,
  LEFT_ASSOC,
  NO_L_OPERAND,
  0,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  LEFT_ASSOC,
  NO_L_OPERAND,
  NO_L_OPERAND,
];

function opOf(a: i32): i32 {
  switch (a) {
    case Name.Bang:
      return OP_NOT;
    case Name.Greater:
      return OP_GREATER;
    case Name.Less:
      return OP_LESS;
    case Name.Plus:
      return OP_PLUS;
    case Name.Minus:
      return OP_MINUS;
    case Name.Star:
      return OP_MULT;
    case Name.Slash:
      return OP_DIV;
    case Name.Percent:
      return OP_MOD;
    case Name.Amp:
      return OP_AND;
    case Name.Pipe:
      return OP_OR;
    case Name.Caret:
      return OP_XOR;
    case Name.Shr:
      return OP_RSHIFT;
    case Name.Shl:
      return OP_LSHIFT;
    case Name.Tilde:
      return OP_COMPL;
    case Name.AmpAmp:
      return OP_AND_AND;
    case Name.PipePipe:
      return OP_OR_OR;
    case Name.Question:
      return OP_QUERY;
    case Name.Colon:
      return OP_COLON;
    case Name.Comma:
      return OP_COMMA;
    case Name.LParen:
      return OP_OPEN;
    case Name.RParen:
      return OP_CLOSE;
    case Name.EqEq:
      return OP_EQ_EQ;
    case Name.NotEq:
      return OP_NOT_EQ;
    case Name.GreaterEq:
      return OP_GREATER_EQ;
    case Name.LessEq:
      return OP_LESS_EQ;
    case Name.Hash:
      return OP_VALUE;
  }
  return OP_INVALID;
}

/** How #if evaluation behaves beyond the standard. */
export class ExprOptions {
  /** Plain `char` is unsigned (-funsigned-char; the kernel's choice). */
  unsignedChar: bool = false;
  /** `wchar_t` is 16 bits unsigned (-fshort-wchar; the kernel's choice). */
  shortWchar: bool = false;
  /** Warn about identifiers that are not macros (-Wundef; kbuild's). */
  warnUndef: bool = false;
}

/** Evaluates the rest of a directive line as a #if expression. */
export class ExprEvaluator {
  // the stack: one entry per operator, the value that follows it in the same entry
  private op: IntVec = new IntVec(32);
  private tok: IntVec = new IntVec(32);
  private val: Array<i64> = [];
  private uns: Array<bool> = [];
  private skipEval: i32 = 0;
  private failed: bool = false;
  /** Whether the last evaluation's value depended on a name no macro defines (read as 0). */
  usedUndefined: bool = false;
  // the value eval_token produced
  private v: i64 = 0;
  private u: bool = false;

  constructor(
    public ex: Expander,
    public atoms: Atoms,
    public options: ExprOptions,
  ) {}

  private error(text: string, at: i32, code: PPCode = PPCode.IF_SYNTAX): void {
    this.ex.host.report(code, PPSeverity.Error, text, at);
    this.failed = true;
  }

  private warn(text: string, at: i32, code: PPCode): void {
    this.ex.host.report(code, PPSeverity.Warning, text, at);
  }

  private text(t: i32): string {
    return this.ex.spell(t);
  }

  private set(i: i32, o: i32, t: i32): void {
    while (this.op.length <= i) {
      this.op.push(0);
      this.tok.push(-1);
      this.val.push(0);
      this.uns.push(false);
    }
    this.op.set(i, o);
    this.tok.set(i, t);
  }

  /** The value of the expression: true / false; a syntax error counts as false (gcc).
   *  `dir` names the directive for "#if with no expression". */
  evaluate(dir: string, dirTok: i32): bool {
    const ex = this.ex;
    this.skipEval = 0;
    this.failed = false;
    this.usedUndefined = false;
    let top = 0;
    this.set(0, OP_EOF, -1);
    let wantValue = true;
    while (true) {
      const t = ex.next();
      const k = ex.kind(t);
      if (k == TK.Padding) continue;
      let op = OP_EOF;
      if (k == TK.Eof) op = OP_EOF;
      else if (k == TK.Number || k == TK.Char || k == TK.Ident || k == TK.Intrinsic || (k == TK.Punct && ex.atom(t) == Name.Hash)) {
        if (!wantValue) {
          this.error('missing binary operator before token "' + this.text(t) + '"', t);
          return false;
        }
        wantValue = false;
        this.evalToken(t);
        if (this.failed) return false;
        this.val[top] = this.v;
        this.uns[top] = this.u;
        continue;
      } else if (k == TK.Punct) {
        op = opOf(ex.atom(t));
        if (op == OP_PLUS && wantValue) op = OP_UPLUS;
        else if (op == OP_MINUS && wantValue) op = OP_UMINUS;
      } else op = OP_INVALID;
      if (op == OP_INVALID) {
        this.error('token "' + this.text(t) + '" is not valid in preprocessor expressions', t);
        return false;
      }
      if ((FLAGS[op] & NO_L_OPERAND) != 0) {
        if (!wantValue) {
          this.error('missing binary operator before token "' + this.text(t) + '"', t);
          return false;
        }
      } else if (wantValue) {
        const topOp = this.op.get(top);
        if (op == OP_CLOSE && topOp == OP_OPEN) {
          this.error("missing expression between '(' and ')'", t);
          return false;
        }
        if (op == OP_EOF && topOp == OP_EOF) {
          this.error(dir + " with no expression", dirTok);
          return false;
        }
        if (topOp != OP_EOF && topOp != OP_OPEN) {
          this.error("operator '" + this.text(this.tok.get(top)) + "' has no right operand", t);
          return false;
        }
        if (op != OP_CLOSE && op != OP_EOF) {
          this.error("operator '" + this.text(t) + "' has no left operand", t);
          return false;
        }
      }
      top = this.reduce(top, op, t);
      if (top < 0) return false;
      if (op == OP_EOF) break;
      if (op == OP_CLOSE) continue;
      if (op == OP_OR_OR) {
        if (this.val[top] != 0) this.skipEval++;
      } else if (op == OP_AND_AND || op == OP_QUERY) {
        if (this.val[top] == 0) this.skipEval++;
      } else if (op == OP_COLON) {
        if (this.op.get(top) != OP_QUERY) {
          this.error(" ':' without preceding '?'", t);
          return false;
        }
        if (this.val[top - 1] != 0) this.skipEval++;
        else this.skipEval--;
      }
      wantValue = true;
      top++;
      this.set(top, op, t);
    }
    return this.val[top] != 0;
  }

  /** gcc's reduce(): applies operators of higher priority than `op`; the new top or -1. */
  private reduce(top: i32, op: i32, t: i32): i32 {
    if (op == OP_OPEN) return top;
    const prio = PRIO[op] - ((FLAGS[op] & LEFT_ASSOC) != 0 ? 1 : 0);
    while (prio < PRIO[this.op.get(top)]) {
      const o = this.op.get(top);
      const a = top - 1;
      let overflow = false;
      switch (o) {
        case OP_UPLUS:
        case OP_UMINUS:
        case OP_NOT:
        case OP_COMPL: {
          const x = this.val[top];
          const ux = this.uns[top];
          let r: i64 = x;
          let ur = ux;
          if (o == OP_UMINUS) {
            r = -x;
            overflow = !ux && x == i64.MIN_VALUE;
          } else if (o == OP_COMPL) r = ~x;
          else if (o == OP_NOT) {
            r = x == 0 ? 1 : 0;
            ur = false;
          }
          this.val[a] = r;
          this.uns[a] = ur;
          break;
        }
        case OP_OR_OR:
        case OP_AND_AND: {
          const x = this.val[a],
            y = this.val[top];
          if (o == OP_OR_OR) {
            if (x != 0) this.skipEval--;
            this.val[a] = x != 0 || y != 0 ? 1 : 0;
          } else {
            if (x == 0) this.skipEval--;
            this.val[a] = x != 0 && y != 0 ? 1 : 0;
          }
          this.uns[a] = false;
          top = a;
          continue;
        }
        case OP_OPEN: {
          if (op != OP_CLOSE) {
            this.error("missing ')' in expression", this.tok.get(top));
            return -1;
          }
          this.val[a] = this.val[top];
          this.uns[a] = this.uns[top];
          return a;
        }
        case OP_COLON: {
          const c = top - 2;
          const u = this.uns[top - 1] || this.uns[top];
          if (this.val[c] != 0) {
            this.skipEval--;
            this.val[c] = this.val[top - 1];
          } else this.val[c] = this.val[top];
          this.uns[c] = u;
          top = c;
          continue;
        }
        case OP_QUERY: {
          if (op == OP_COMMA || op == OP_COLON) return top;
          this.error("'?' without following ':'", t);
          return -1;
        }
        default:
          overflow = this.binary(o, a, top);
      }
      top = a;
      if (overflow && this.skipEval == 0) this.warn("integer overflow in preprocessor expression", t, PPCode.IF_OVERFLOW);
    }
    if (op == OP_CLOSE) {
      this.error("missing '(' in expression", t);
      return -1;
    }
    return top;
  }

  /** A binary operator on val[a] and val[b], into val[a]; returns whether it overflowed. */
  private binary(o: i32, a: i32, b: i32): bool {
    const x = this.val[a],
      y = this.val[b];
    const u = this.uns[a] || this.uns[b];
    let r: i64 = 0;
    let overflow = false;
    let ur = u;
    switch (o) {
      case OP_PLUS:
        r = x + y;
        overflow = !u && ((x ^ r) & (y ^ r)) < 0;
        break;
      case OP_MINUS:
        r = x - y;
        overflow = !u && ((x ^ y) & (x ^ r)) < 0;
        break;
      case OP_MULT: {
        r = x * y;
        if (!u && x != 0 && (r / x != y || (x == -1 && y == i64.MIN_VALUE) || (y == -1 && x == i64.MIN_VALUE))) overflow = true;
        break;
      }
      case OP_DIV:
      case OP_MOD: {
        if (y == 0) {
          if (this.skipEval == 0) this.ex.host.report(PPCode.IF_DIVISION_BY_ZERO, PPSeverity.Error, "division by zero in #if", this.tok.get(b));
          r = x;
          break;
        }
        if (u) r = o == OP_DIV ? <i64>(<u64>x / <u64>y) : <i64>(<u64>x % <u64>y);
        else if (x == i64.MIN_VALUE && y == -1) {
          r = o == OP_DIV ? x : 0;
          overflow = o == OP_DIV;
        } else r = o == OP_DIV ? x / y : x % y;
        break;
      }
      case OP_LSHIFT:
      case OP_RSHIFT: {
        // the shift's type is the left operand's; a negative count shifts the other way
        ur = this.uns[a];
        let n = y;
        let left = o == OP_LSHIFT;
        if (!this.uns[b] && n < 0) {
          left = !left;
          n = -n;
        }
        if (left) {
          if (<u64>n >= 64) {
            r = 0;
            overflow = !ur && x != 0;
          } else {
            r = x << n;
            overflow = !ur && r >> n != x;
          }
        } else {
          if (<u64>n >= 64) r = ur || x >= 0 ? 0 : -1;
          else r = ur ? <i64>((<u64>x) >> (<u64>n)) : x >> n;
        }
        break;
      }
      case OP_LESS:
        r = (u ? <u64>x < <u64>y : x < y) ? 1 : 0;
        ur = false;
        break;
      case OP_GREATER:
        r = (u ? <u64>x > <u64>y : x > y) ? 1 : 0;
        ur = false;
        break;
      case OP_LESS_EQ:
        r = (u ? <u64>x <= <u64>y : x <= y) ? 1 : 0;
        ur = false;
        break;
      case OP_GREATER_EQ:
        r = (u ? <u64>x >= <u64>y : x >= y) ? 1 : 0;
        ur = false;
        break;
      case OP_EQ_EQ:
        r = x == y ? 1 : 0;
        ur = false;
        break;
      case OP_NOT_EQ:
        r = x != y ? 1 : 0;
        ur = false;
        break;
      case OP_AND:
        r = x & y;
        break;
      case OP_OR:
        r = x | y;
        break;
      case OP_XOR:
        r = x ^ y;
        break;
      case OP_COMMA:
        r = y;
        ur = this.uns[b];
        break;
    }
    this.val[a] = r;
    this.uns[a] = ur;
    return overflow;
  }

  /** gcc's eval_token: a number, a character constant, `defined`, an identifier (0), or
   *  an assertion `#pred(answer)` (GCC's obsolete extension: always false here). */
  private evalToken(t: i32): void {
    const ex = this.ex;
    const k = ex.kind(t);
    this.v = 0;
    this.u = false;
    if (k == TK.Number) {
      this.number(t);
      return;
    }
    if (k == TK.Char) {
      this.charConst(t);
      return;
    }
    if (k == TK.Punct) {
      this.assertion();
      return;
    }
    const a = ex.atom(t);
    if (k == TK.Ident && a == Name.Defined) {
      this.defined();
      return;
    }
    // its value decides: a name no macro defines counts as 0
    if (this.skipEval == 0) this.usedUndefined = true;
    if (this.options.warnUndef && this.skipEval == 0) {
      this.warn('"' + this.atoms.text(a) + '" is not defined, evaluates to 0', t, PPCode.IF_UNDEFINED_IDENTIFIER);
    }
  }

  private defined(): void {
    const ex = this.ex;
    ex.preventExpansion++;
    let t = ex.nextNonPadding();
    let paren = false;
    let name = -1;
    if (ex.isPunct(t, Name.LParen)) {
      paren = true;
      t = ex.nextNonPadding();
    }
    if (ex.kind(t) == TK.Ident) {
      name = ex.atom(t);
      if (paren) {
        const c = ex.nextNonPadding();
        if (!ex.isPunct(c, Name.RParen)) {
          this.error("missing ')' after \"defined\"", c);
          name = -1;
        }
      }
    } else this.error('operator "defined" requires an identifier', t);
    ex.preventExpansion--;
    if (name >= 0 && ex.depth > 0) this.warn('this use of "defined" may not be portable', t, PPCode.IF_SYNTAX);
    this.v = name >= 0 && ex.macroOf(name) != null ? 1 : 0;
  }

  private assertion(): void {
    // `#pred` or `#pred(answer)`: consume it; no assertions are ever asserted
    const ex = this.ex;
    ex.preventExpansion++;
    const p = ex.nextNonPadding();
    if (ex.kind(p) != TK.Ident) this.error("assertion without predicate", p);
    else {
      const t = ex.next();
      if (ex.isPunct(t, Name.LParen)) {
        let depth = 1;
        while (depth > 0) {
          const u = ex.nextNonPadding();
          if (ex.kind(u) == TK.Eof) {
            this.error("missing ')' to complete answer", u);
            break;
          }
          if (ex.isPunct(u, Name.LParen)) depth++;
          else if (ex.isPunct(u, Name.RParen)) depth--;
        }
      } else if (ex.kind(t) != TK.Eof) ex.unread();
    }
    ex.preventExpansion--;
  }

  // ------------------------------------------------------------ numbers

  /** gcc's cpp_classify_number and cpp_interpret_integer for a pp-number. */
  private number(t: i32): void {
    const s = this.ex.spell(t);
    const n = s.length;
    let i = 0;
    let radix = 10;
    if (n >= 2 && s.charCodeAt(0) == 48 && (s.charCodeAt(1) | 32) == 120) {
      radix = 16;
      i = 2;
    } else if (n >= 2 && s.charCodeAt(0) == 48 && (s.charCodeAt(1) | 32) == 98) {
      radix = 2;
      i = 2;
    } else if (s.charCodeAt(0) == 48) radix = 8;
    // floating?
    let floating = false;
    for (let j = 0; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c == 46) floating = true;
      if (radix != 16 && (c | 32) == 101 && j > 0 && radix != 2) floating = true;
      if (radix == 16 && (c | 32) == 112) floating = true;
    }
    if (floating) {
      this.error("floating constant in preprocessor expression", t);
      return;
    }
    const digitsStart = i;
    let value: u64 = 0;
    let overflow = false;
    let invalidDigit = -1;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      let d = -1;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (radix == 16 && (c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
      else break;
      if (d >= radix) {
        if (radix == 8 && d < 10) {
          if (invalidDigit < 0) invalidDigit = c;
          continue;
        }
        if (radix == 2 && d < 10) {
          if (invalidDigit < 0) invalidDigit = c;
          continue;
        }
        break;
      }
      const next = value * <u64>radix + <u64>d;
      if (value > (u64.MAX_VALUE - <u64>d) / <u64>radix) overflow = true;
      value = next;
    }
    if (invalidDigit >= 0) {
      this.error('invalid digit "' + String.fromCharCode(invalidDigit) + '" in ' + (radix == 8 ? "octal" : "binary") + " constant", t);
      return;
    }
    if ((radix == 16 || radix == 2) && i == digitsStart) {
      this.error('invalid suffix "' + s.substring(1) + '" on integer constant', t);
      return;
    }
    // suffix: u, l, ll (same case), in either order; GNU i / j makes it imaginary
    const suffix = s.substring(i);
    let unsignedSuffix = false;
    let imaginary = false;
    if (!validSuffix(suffix)) {
      this.error('invalid suffix "' + suffix + '" on integer constant', t);
      return;
    }
    for (let j = 0; j < suffix.length; j++) {
      const c = suffix.charCodeAt(j) | 32;
      if (c == 117) unsignedSuffix = true;
      if (c == 105 || c == 106) imaginary = true;
    }
    if (imaginary) {
      this.error("imaginary number in preprocessor expression", t);
      return;
    }
    this.v = <i64>value;
    this.u = unsignedSuffix;
    if (overflow) this.warn("integer constant is too large for its type", t, PPCode.IF_NUMBER);
    else if (!this.u && <i64>value < 0) {
      if (radix == 10) this.warn("integer constant is so large that it is unsigned", t, PPCode.IF_NUMBER);
      this.u = true;
    }
  }

  // ------------------------------------------------------------ character constants

  /** gcc's cpp_interpret_charconst for a character constant token. */
  private charConst(t: i32): void {
    const s = this.ex.spell(t);
    const q = s.indexOf("'");
    const prefix = s.substring(0, q);
    const body = s.substring(q + 1, s.length - 1);
    // the constant's bytes (UTF-8 for narrow ones), or code points for wide ones
    const wide = prefix.length > 0;
    let width = 8;
    let unsigned = this.options.unsignedChar;
    if (prefix == "L") {
      width = this.options.shortWchar ? 16 : 32;
      unsigned = this.options.shortWchar;
    } else if (prefix == "u") {
      width = 16;
      unsigned = true;
    } else if (prefix == "U") {
      width = 32;
      unsigned = true;
    }
    const units: i64[] = [];
    let i = 0;
    while (i < body.length) {
      const c = body.charCodeAt(i);
      if (c == 92 && i + 1 < body.length) {
        i++;
        const e = body.charCodeAt(i);
        let val: i64 = 0;
        if (e == 120) {
          // \x
          i++;
          let any = false;
          let over = false;
          while (i < body.length && isHex(body.charCodeAt(i))) {
            val = (val << 4) | (<i64>hexValue(body.charCodeAt(i)));
            if (width < 64 && val >> width != 0) over = true;
            any = true;
            i++;
          }
          if (!any) {
            this.error("\\x used with no following hex digits", t);
            return;
          }
          if (over) {
            this.warn("hex escape sequence out of range", t, PPCode.IF_NUMBER);
            val &= ((<i64>1) << width) - 1;
          }
          units.push(val);
          continue;
        }
        if (e >= 48 && e <= 55) {
          // octal
          let cnt = 0;
          while (i < body.length && cnt < 3 && body.charCodeAt(i) >= 48 && body.charCodeAt(i) <= 55) {
            val = (val << 3) | (<i64>(body.charCodeAt(i) - 48));
            i++;
            cnt++;
          }
          if (width < 64 && val >> width != 0) {
            this.warn("octal escape sequence out of range", t, PPCode.IF_NUMBER);
            val &= ((<i64>1) << width) - 1;
          }
          units.push(val);
          continue;
        }
        i++;
        switch (e) {
          case 110:
            val = 10;
            break;
          case 116:
            val = 9;
            break;
          case 114:
            val = 13;
            break;
          case 97:
            val = 7;
            break;
          case 98:
            val = 8;
            break;
          case 102:
            val = 12;
            break;
          case 118:
            val = 11;
            break;
          case 101:
          case 69:
            val = 27;
            break; // GNU \e
          case 92:
          case 39:
          case 34:
          case 63:
            val = e;
            break;
          case 117:
          case 85: {
            // \u \U: a universal character name
            const len = e == 117 ? 4 : 8;
            let cp = 0;
            for (let j = 0; j < len && i < body.length && isHex(body.charCodeAt(i)); j++, i++) cp = (cp << 4) | hexValue(body.charCodeAt(i));
            if (wide) units.push(cp);
            else pushUtf8(units, cp);
            continue;
          }
          default:
            this.warn("unknown escape sequence: '\\" + String.fromCharCode(e) + "'", t, PPCode.IF_NUMBER);
            val = e;
        }
        units.push(val);
        continue;
      }
      // a source character: UTF-16 to a code point, then UTF-8 bytes for a narrow constant
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < body.length) {
        const d = body.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      i++;
      if (wide) units.push(cp);
      else pushUtf8(units, cp);
    }
    if (units.length == 0) {
      this.error("empty character constant", t);
      return;
    }
    let result: i64 = 0;
    const maxChars = wide ? 1 : 4;
    if (wide) {
      if (units.length > 1) this.warn("character constant too long for its type", t, PPCode.IF_NUMBER);
      result = units[units.length - 1];
    } else {
      for (let j = 0; j < units.length; j++) result = ((result << 8) | (units[j] & 0xff)) & 0xffffffff;
      if (units.length > maxChars) this.warn("character constant too long for its type", t, PPCode.IF_NUMBER);
      else if (units.length > 1) this.warn("multi-character character constant", t, PPCode.IF_NUMBER);
    }
    if (!wide && units.length > 1) {
      unsigned = false;
      width = 32;
    }
    const mask: i64 = width >= 64 ? -1 : ((<i64>1) << width) - 1;
    if (unsigned || (result & ((<i64>1) << (width - 1))) == 0) result &= mask;
    else result |= ~mask;
    this.v = result;
    this.u = unsigned;
  }
}

function validSuffix(s: string): bool {
  // gcc's interpret_int_suffix: at most one u, one l or ll (same case), one i/j
  let u = 0,
    l = 0,
    i = 0;
  let j = 0;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c == 117 || c == 85) {
      u++;
      j++;
      continue;
    }
    if (c == 108 || c == 76) {
      if (l > 0) return false;
      l = 1;
      if (j + 1 < s.length && s.charCodeAt(j + 1) == c) {
        j += 2;
        continue;
      }
      j++;
      continue;
    }
    if (c == 105 || c == 73 || c == 106 || c == 74) {
      i++;
      j++;
      continue;
    }
    return false;
  }
  return u <= 1 && i <= 1;
}

function isHex(c: i32): bool {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}
function hexValue(c: i32): i32 {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

function pushUtf8(out: i64[], cp: i32): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6));
    out.push(0x80 | (cp & 63));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12));
    out.push(0x80 | ((cp >> 6) & 63));
    out.push(0x80 | (cp & 63));
  } else {
    out.push(0xf0 | (cp >> 18));
    out.push(0x80 | ((cp >> 12) & 63));
    out.push(0x80 | ((cp >> 6) & 63));
    out.push(0x80 | (cp & 63));
  }
}
