// The C lexer: identifiers, literals and punctuation with positions; comments skipped;
// preprocessor lines returned whole so that they never produce uses.

export enum Tok { Ident, Number, String, Char, Punct, Directive, End }

/** One token; `text` is the source text (strings keep their quotes). */
export class Token {
  constructor(
    public kind: Tok,
    public text: string,
    public line: i32,
    public col: i32,
    public endLine: i32,
    public endCol: i32,
  ) {}
}

/** Problems the lexer met; the reader turns them into findings. */
export class LexIssue {
  constructor(public line: i32, public message: string) {}
}

function isIdentStart(c: i32): bool { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c == 36; }
function isIdentPart(c: i32): bool { return isIdentStart(c) || (c >= 48 && c <= 57); }

/** Splits C source into tokens. Never fails: unterminated literals end at the line end. */
export function lexC(src: string, issues: LexIssue[]): Token[] {
  const out: Token[] = [];
  const n = src.length;
  let i = 0, line = 1, col = 1;
  let atLineStart = true;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c == 10) { i++; line++; col = 1; atLineStart = true; continue; }
    if (c == 32 || c == 9 || c == 13 || c == 12 || c == 11) { i++; col++; continue; }
    // comments
    if (c == 47 && i + 1 < n && src.charCodeAt(i + 1) == 47) {
      while (i < n && src.charCodeAt(i) != 10) {
        if (src.charCodeAt(i) == 92 && i + 1 < n && src.charCodeAt(i + 1) == 10) { i += 2; line++; col = 1; continue; }
        i++; col++;
      }
      continue;
    }
    if (c == 47 && i + 1 < n && src.charCodeAt(i + 1) == 42) {
      const startLine = line;
      i += 2; col += 2;
      let closed = false;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d == 42 && i + 1 < n && src.charCodeAt(i + 1) == 47) { i += 2; col += 2; closed = true; break; }
        if (d == 10) { line++; col = 1; } else col++;
        i++;
      }
      if (!closed) issues.push(new LexIssue(startLine, "unterminated comment"));
      continue;
    }
    const sLine = line, sCol = col, start = i;
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
          line++; col = 1; segStart = i;
          continue;
        }
        if (d == 10) break;
        if (d == 47 && i + 1 < n && src.charCodeAt(i + 1) == 42) {
          parts.push(src.substring(segStart, i));
          i += 2;
          while (i < n && !(src.charCodeAt(i) == 42 && i + 1 < n && src.charCodeAt(i + 1) == 47)) {
            if (src.charCodeAt(i) == 10) { line++; col = 1; }
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
        i++; col++;
      }
      if (segStart < i) parts.push(src.substring(segStart, i));
      out.push(new Token(Tok.Directive, parts.join(""), sLine, sCol, line, col));
      continue;
    }
    atLineStart = false;
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(src.charCodeAt(i))) { i++; col++; }
      // wide / unicode string prefixes: L"", u8"" ...
      if (i < n && (src.charCodeAt(i) == 34 || src.charCodeAt(i) == 39)) {
        const p = src.substring(start, i);
        if (p == "L" || p == "u" || p == "U" || p == "u8") continue;
      }
      out.push(new Token(Tok.Ident, src.substring(start, i), sLine, sCol, line, col));
      continue;
    }
    if (c >= 48 && c <= 57 || (c == 46 && i + 1 < n && src.charCodeAt(i + 1) >= 48 && src.charCodeAt(i + 1) <= 57)) {
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isIdentPart(d) || d == 46) { i++; col++; continue; }
        if ((d == 43 || d == 45) && i > start) {
          const p = src.charCodeAt(i - 1) | 32;
          if (p == 101 || p == 112) { i++; col++; continue; }
        }
        break;
      }
      out.push(new Token(Tok.Number, src.substring(start, i), sLine, sCol, line, col));
      continue;
    }
    if (c == 34 || c == 39) {
      let qs = start;
      // include a prefix like L or u8 in the token text
      while (qs > 0 && isIdentPart(src.charCodeAt(qs - 1))) qs--;
      i++; col++;
      let closed = false;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d == 92 && i + 1 < n) {
          if (src.charCodeAt(i + 1) == 10) { line++; col = 1; i += 2; continue; }
          i += 2; col += 2; continue;
        }
        if (d == 10) break;
        i++; col++;
        if (d == c) { closed = true; break; }
      }
      if (!closed) issues.push(new LexIssue(sLine, c == 34 ? "missing terminating \" character" : "missing terminating ' character"));
      out.push(new Token(c == 34 ? Tok.String : Tok.Char, src.substring(qs, i), sLine, sCol, line, col));
      continue;
    }
    // punctuation: the multi-character operators that matter for structure
    let len = 1;
    if (i + 1 < n) {
      const d = src.charCodeAt(i + 1);
      if ((c == 45 && d == 62) || (c == 35 && d == 35) || (c == 43 && d == 43) || (c == 45 && d == 45) ||
          (c == 38 && d == 38) || (c == 124 && d == 124) || (c == 61 && d == 61) || (c == 33 && d == 61) ||
          (c == 60 && d == 61) || (c == 62 && d == 61) || (c == 60 && d == 60) || (c == 62 && d == 62)) len = 2;
      else if (d == 61 && (c == 43 || c == 45 || c == 42 || c == 47 || c == 37 || c == 38 || c == 124 || c == 94)) len = 2;
    }
    if (c == 46 && i + 2 < n && src.charCodeAt(i + 1) == 46 && src.charCodeAt(i + 2) == 46) len = 3;
    // <<= and >>= are one token
    if (len == 2 && (c == 60 || c == 62) && src.charCodeAt(i + 1) == c && i + 2 < n && src.charCodeAt(i + 2) == 61) len = 3;
    i += len; col += len;
    out.push(new Token(Tok.Punct, src.substring(start, i), sLine, sCol, line, col));
  }
  out.push(new Token(Tok.End, "", line, col, line, col));
  return out;
}

/** The contents of a C string literal token (escapes kept, quotes and prefix removed). */
export function stringBody(tokText: string): string {
  const q = tokText.indexOf("\"");
  if (q < 0) return tokText;
  let end = tokText.length;
  if (end - 1 > q && tokText.charCodeAt(end - 1) == 34) end--;
  return tokText.substring(q + 1, end);
}
