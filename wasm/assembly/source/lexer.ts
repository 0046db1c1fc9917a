// The C lexer for files read without a preprocessor: tokens straight into the C reader's
// columns (c/tokens.ts), spellings interned without a copy when seen before, comments
// skipped. Preprocessor lines stay whole as Directive tokens so that they never produce
// uses; `#if 0` regions are dropped; gcc's linemarkers (`# 12 "include/linux/mm.h" 1`, as
// `gcc -E` writes them) move the tokens after them to the file and line they came from.

import { K, Names } from "./c/names";
import { CK, CTokens, TokenSink } from "./c/tokens";

/** Problems the lexer met; the reader turns them into findings. */
export class LexIssue {
  constructor(
    public line: i32,
    public message: string,
  ) {}
}

function isIdentStart(c: i32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c == 36;
}
function isIdentPart(c: i32): bool {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isWordChar(c: i32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || (c >= 48 && c <= 57);
}

/** A directive's name and the rest of its text (`#  define X 1` → "define", "X 1"). */
export function splitDirective(text: string): string[] {
  const body = text.substring(1).trim();
  let j = 0;
  while (j < body.length && isWordChar(body.charCodeAt(j))) j++;
  return [body.substring(0, j), body.substring(j).trim()];
}

function isDigits(s: string): bool {
  if (s.length == 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `# N "file" flags` or `#line N "file"`: [N, file] (file "" when absent), or null. */
function lineMarker(d: string[]): string[] | null {
  let rest = "";
  if (d[0] == "line") rest = d[1];
  else if (isDigits(d[0])) rest = d[0] + " " + d[1];
  else return null;
  let j = 0;
  while (j < rest.length && rest.charCodeAt(j) >= 48 && rest.charCodeAt(j) <= 57) j++;
  const num = rest.substring(0, j);
  if (num.length == 0) return null;
  const tail = rest.substring(j).trim();
  let file = "";
  if (tail.startsWith('"')) {
    const q = tail.indexOf('"', 1);
    file = q > 0 ? tail.substring(1, q) : tail.substring(1);
  }
  return [num, file];
}

/** Whether a directive opens a region that is never compiled (`#if 0`). */
function opensDeadRegion(d: string[]): bool {
  if (d[0] != "if") return false;
  const r = d[1];
  return r == "0" || r.startsWith("0 ") || r.startsWith("0/") || r == "(0)";
}

/** The atom of the punctuator at src[i] and its length (in `punctLength`). */
let punctLength = 1;
function punctuator(src: string, i: i32, n: i32): i32 {
  const c = src.charCodeAt(i);
  const d = i + 1 < n ? src.charCodeAt(i + 1) : 0;
  const e = i + 2 < n ? src.charCodeAt(i + 2) : 0;
  punctLength = 2;
  switch (c) {
    case 40:
      punctLength = 1;
      return K.LParen;
    case 41:
      punctLength = 1;
      return K.RParen;
    case 91:
      punctLength = 1;
      return K.LBracket;
    case 93:
      punctLength = 1;
      return K.RBracket;
    case 123:
      punctLength = 1;
      return K.LBrace;
    case 125:
      punctLength = 1;
      return K.RBrace;
    case 44:
      punctLength = 1;
      return K.Comma;
    case 59:
      punctLength = 1;
      return K.Semi;
    case 58:
      punctLength = 1;
      return K.Colon;
    case 63:
      punctLength = 1;
      return K.Question;
    case 126:
      punctLength = 1;
      return K.Tilde;
    case 46:
      if (d == 46 && e == 46) {
        punctLength = 3;
        return K.Ellipsis;
      }
      punctLength = 1;
      return K.Dot;
    case 45:
      if (d == 62) return K.Arrow;
      if (d == 45) return K.MinusMinus;
      if (d == 61) return K.MinusAssign;
      punctLength = 1;
      return K.Minus;
    case 43:
      if (d == 43) return K.PlusPlus;
      if (d == 61) return K.PlusAssign;
      punctLength = 1;
      return K.Plus;
    case 38:
      if (d == 38) return K.AndAnd;
      if (d == 61) return K.AndAssign;
      punctLength = 1;
      return K.Amp;
    case 124:
      if (d == 124) return K.OrOr;
      if (d == 61) return K.OrAssign;
      punctLength = 1;
      return K.Pipe;
    case 42:
      if (d == 61) return K.StarAssign;
      punctLength = 1;
      return K.Star;
    case 47:
      if (d == 61) return K.SlashAssign;
      punctLength = 1;
      return K.Slash;
    case 37:
      if (d == 61) return K.PercentAssign;
      punctLength = 1;
      return K.Percent;
    case 94:
      if (d == 61) return K.XorAssign;
      punctLength = 1;
      return K.Caret;
    case 33:
      if (d == 61) return K.Ne;
      punctLength = 1;
      return K.Bang;
    case 61:
      if (d == 61) return K.EqEq;
      punctLength = 1;
      return K.Assign;
    case 60:
      if (d == 60) {
        if (e == 61) {
          punctLength = 3;
          return K.ShlAssign;
        }
        return K.Shl;
      }
      if (d == 61) return K.Le;
      punctLength = 1;
      return K.Lt;
    case 62:
      if (d == 62) {
        if (e == 61) {
          punctLength = 3;
          return K.ShrAssign;
        }
        return K.Shr;
      }
      if (d == 61) return K.Ge;
      punctLength = 1;
      return K.Gt;
    case 35:
      if (d == 35) return K.HashHash;
      punctLength = 1;
      return K.Hash;
    default:
      punctLength = 1;
      return -1;
  }
}

/** Splits C source into the reader's tokens. Never fails: unterminated literals end at the
 *  line end, and what the lexer met is in `issues`. `file` names the main file's spans. */
export function lexC(names: Names, file: string, src: string, issues: LexIssue[]): CTokens {
  const n = src.length;
  const sink = new TokenSink(names, n / 8 + 16);
  const main = sink.fileIndex(file);
  sink.out.mainFile = main;
  let cur = main;
  let offset = 0; // presumed line = physical line + offset
  let sawMarker = false;
  let dead = 0; // nesting inside an `#if 0` region
  let i = 0,
    line = 1,
    col = 1;
  let atLineStart = true;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c == 10) {
      i++;
      line++;
      col = 1;
      atLineStart = true;
      continue;
    }
    if (c == 32 || c == 9 || c == 13 || c == 12 || c == 11) {
      i++;
      col++;
      continue;
    }
    if (c == 92 && i + 1 < n && src.charCodeAt(i + 1) == 10) {
      i += 2;
      line++;
      col = 1;
      continue;
    } // a line splice
    // comments
    if (c == 47 && i + 1 < n && src.charCodeAt(i + 1) == 47) {
      while (i < n && src.charCodeAt(i) != 10) {
        if (src.charCodeAt(i) == 92 && i + 1 < n && src.charCodeAt(i + 1) == 10) {
          i += 2;
          line++;
          col = 1;
          continue;
        }
        i++;
        col++;
      }
      continue;
    }
    if (c == 47 && i + 1 < n && src.charCodeAt(i + 1) == 42) {
      const startLine = line;
      i += 2;
      col += 2;
      let closed = false;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d == 42 && i + 1 < n && src.charCodeAt(i + 1) == 47) {
          i += 2;
          col += 2;
          closed = true;
          break;
        }
        if (d == 10) {
          line++;
          col = 1;
        } else col++;
        i++;
      }
      if (!closed) issues.push(new LexIssue(startLine + offset, "unterminated comment"));
      continue;
    }
    const sLine = line,
      sCol = col,
      start = i;
    if (c == 35 && atLineStart) {
      // a preprocessor line, with backslash continuations, comments removed
      const parts: string[] = [];
      let segStart = i;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d == 92 && i + 1 < n && (src.charCodeAt(i + 1) == 10 || (src.charCodeAt(i + 1) == 13 && i + 2 < n && src.charCodeAt(i + 2) == 10))) {
          parts.push(src.substring(segStart, i));
          parts.push(" ");
          i += src.charCodeAt(i + 1) == 13 ? 3 : 2;
          line++;
          col = 1;
          segStart = i;
          continue;
        }
        if (d == 10) break;
        if (d == 47 && i + 1 < n && src.charCodeAt(i + 1) == 42) {
          parts.push(src.substring(segStart, i));
          i += 2;
          while (i < n && !(src.charCodeAt(i) == 42 && i + 1 < n && src.charCodeAt(i + 1) == 47)) {
            if (src.charCodeAt(i) == 10) {
              line++;
              col = 1;
            }
            i++;
          }
          i = i + 2 > n ? n : i + 2;
          segStart = i;
          parts.push(" ");
          continue;
        }
        if (d == 47 && i + 1 < n && src.charCodeAt(i + 1) == 47) {
          parts.push(src.substring(segStart, i));
          while (i < n && src.charCodeAt(i) != 10) i++;
          segStart = i;
          break;
        }
        i++;
        col++;
      }
      if (segStart < i) parts.push(src.substring(segStart, i));
      const text = parts.join("");
      const d = splitDirective(text);
      if (dead > 0) {
        if (d[0].startsWith("if")) dead++;
        else if (d[0] == "endif") dead--;
        else if (dead == 1 && (d[0] == "else" || d[0].startsWith("elif"))) dead = 0;
        continue;
      }
      if (opensDeadRegion(d)) {
        dead = 1;
        continue;
      }
      const m = lineMarker(d);
      if (m != null) {
        const name = m[1];
        if (name.length > 0) {
          // the first marker names the file gcc compiled: that is the workspace file
          if (!sawMarker) sink.registerAlias(name, main);
          cur = sink.fileIndex(name);
        }
        sawMarker = true;
        offset = I32.parseInt(m[0]) - (line + 1);
        continue;
      }
      sink.push(CK.Directive, text, cur, sLine + offset, sCol, line + offset, col, 0);
      continue;
    }
    atLineStart = false;
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(src.charCodeAt(i))) {
        i++;
        col++;
      }
      // wide / unicode string prefixes: L"", u8"" ...
      if (i < n && (src.charCodeAt(i) == 34 || src.charCodeAt(i) == 39)) {
        const len = i - start;
        const p0 = src.charCodeAt(start);
        if ((len == 1 && (p0 == 76 || p0 == 117 || p0 == 85)) || (len == 2 && p0 == 117 && src.charCodeAt(start + 1) == 56)) continue;
      }
      if (dead == 0) sink.pushAtom(CK.Ident, names.internRange(src, start, i), cur, sLine + offset, sCol, line + offset, col, 0);
      continue;
    }
    if ((c >= 48 && c <= 57) || (c == 46 && i + 1 < n && src.charCodeAt(i + 1) >= 48 && src.charCodeAt(i + 1) <= 57)) {
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isIdentPart(d) || d == 46) {
          i++;
          col++;
          continue;
        }
        if ((d == 43 || d == 45) && i > start) {
          const p = src.charCodeAt(i - 1) | 32;
          if (p == 101 || p == 112) {
            i++;
            col++;
            continue;
          }
        }
        break;
      }
      if (dead == 0) sink.pushAtom(CK.Number, names.internRange(src, start, i), cur, sLine + offset, sCol, line + offset, col, 0);
      continue;
    }
    if (c == 34 || c == 39) {
      let qs = start;
      // include a prefix like L or u8 in the token text
      while (qs > 0 && isIdentPart(src.charCodeAt(qs - 1))) qs--;
      const tLine = line;
      i++;
      col++;
      let closed = false;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d == 92 && i + 1 < n) {
          if (src.charCodeAt(i + 1) == 10) {
            line++;
            col = 1;
            i += 2;
            continue;
          }
          i += 2;
          col += 2;
          continue;
        }
        if (d == 10) break;
        i++;
        col++;
        if (d == c) {
          closed = true;
          break;
        }
      }
      if (!closed) issues.push(new LexIssue(tLine + offset, c == 34 ? 'missing terminating " character' : "missing terminating ' character"));
      if (dead == 0) sink.pushAtom(c == 34 ? CK.String : CK.Char, names.internRange(src, qs, i), cur, sLine + offset, sCol, line + offset, col, 0);
      continue;
    }
    const atom = punctuator(src, i, n);
    const len = punctLength;
    i += len;
    col += len;
    if (dead > 0) continue;
    if (atom >= 0) sink.pushAtom(CK.Punct, atom, cur, sLine + offset, sCol, line + offset, col, 0);
    else sink.pushAtom(CK.Punct, names.internRange(src, start, i), cur, sLine + offset, sCol, line + offset, col, 0);
  }
  sink.out.expanded = sawMarker;
  return sink.finish(line + offset, col);
}

/** The contents of a C string literal token (escapes kept, quotes and prefix removed). */
export function stringBody(tokText: string): string {
  const q = tokText.indexOf('"');
  if (q < 0) return tokText;
  let end = tokText.length;
  if (end - 1 > q && tokText.charCodeAt(end - 1) == 34) end--;
  return tokText.substring(q + 1, end);
}

/** A string body's escapes undone as the C compiler undoes them (\n, \t, \", \\, octal and
 *  hex), so an asm template reads as the assembler sees it. */
export function unescapeString(s: string): string {
  if (s.indexOf("\\") < 0) return s;
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c != 92 || i + 1 >= s.length) {
      out.push(String.fromCharCode(c));
      i++;
      continue;
    }
    const n = s.charCodeAt(i + 1);
    i += 2;
    if (n >= 48 && n <= 55) {
      let v = n - 48;
      for (let k = 0; k < 2 && i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 55; k++) v = v * 8 + (s.charCodeAt(i++) - 48);
      out.push(String.fromCharCode(v));
    } else if (n == 120) {
      let v = 0;
      while (i < s.length && isHexDigit(s.charCodeAt(i))) v = v * 16 + hexValue(s.charCodeAt(i++));
      out.push(String.fromCharCode(v & 0xff));
    } else out.push(String.fromCharCode(simpleEscape(n)));
  }
  return out.join("");
}

function simpleEscape(n: i32): i32 {
  switch (n) {
    case 110:
      return 10; // \n
    case 116:
      return 9; // \t
    case 114:
      return 13; // \r
    case 118:
      return 11; // \v
    case 102:
      return 12; // \f
    case 97:
      return 7; // \a
    case 98:
      return 8; // \b
    default:
      return n; // \" \' \\ \?
  }
}

function isHexDigit(c: i32): bool {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

function hexValue(c: i32): i32 {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}
