// Line splitting and small string helpers shared by the line-oriented readers.

/** The lines of a text, without their line ends ("\n" or "\r\n"). */
export function splitLines(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) == 10) {
      let end = i;
      if (end > start && s.charCodeAt(end - 1) == 13) end--;
      out.push(s.substring(start, end));
      start = i + 1;
    }
  }
  if (start < s.length) {
    let end = s.length;
    if (s.charCodeAt(end - 1) == 13) end--;
    out.push(s.substring(start, end));
  }
  return out;
}

/** Splits on runs of spaces and tabs. */
export function words(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const space = c == 32 || c == 9;
    if (space) {
      if (start >= 0) {
        out.push(s.substring(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  return out;
}

/** Shell-style words: quotes group and are removed, as make's shell would see them. */
export function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inWord = false;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c == 32 || c == 9) {
      if (inWord) {
        out.push(cur);
        cur = "";
        inWord = false;
      }
      i++;
      continue;
    }
    inWord = true;
    if (c == 39) {
      // '...'
      const j = s.indexOf("'", i + 1);
      const end = j < 0 ? s.length : j;
      cur += s.substring(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c == 34) {
      // "..." with \" and \\ escapes
      i++;
      while (i < s.length && s.charCodeAt(i) != 34) {
        if (s.charCodeAt(i) == 92 && i + 1 < s.length) {
          cur += s.charAt(i + 1);
          i += 2;
          continue;
        }
        cur += s.charAt(i);
        i++;
      }
      i++;
      continue;
    }
    if (c == 92 && i + 1 < s.length) {
      cur += s.charAt(i + 1);
      i += 2;
      continue;
    }
    cur += s.charAt(i);
    i++;
  }
  if (inWord) out.push(cur);
  return out;
}

/** True when the text looks like binary data (NUL bytes or many control characters). */
export function looksBinary(s: string): bool {
  const n = s.length < 4096 ? s.length : 4096;
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c == 0) return true;
    if (c < 32 && c != 9 && c != 10 && c != 13 && c != 12) ctl++;
  }
  return n > 0 && ctl * 10 > n;
}
