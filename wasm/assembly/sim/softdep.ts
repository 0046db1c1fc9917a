// A module's soft dependencies as kmod reads a softdep line (libkmod-config.c,
// kmod_config_add_softdep(), kmod 30, Debian's): names after "pre:" are loaded before the
// module, names after "post:" after it; words before either are ignored.

/** The names of one softdep line, as written (kmod looks each up as a module or an alias). */
export class Softdeps {
  pre: string[] = [];
  post: string[] = [];
}

/** Splits `spec` ("pre: a b post: c") at white space the way kmod does. */
export function parseSoftdep(spec: string): Softdeps {
  const out = new Softdeps();
  // 0: before any "pre:" or "post:", 1: pre, 2: post
  let mode = 0;
  let i = 0;
  const n = spec.length;
  while (i < n) {
    while (i < n && isSpace(spec.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isSpace(spec.charCodeAt(i))) i++;
    if (i == start) break;
    const word = spec.substring(start, i);
    if (word == "pre:") mode = 1;
    else if (word == "post:") mode = 2;
    else if (mode == 1) out.pre.push(word);
    else if (mode == 2) out.post.push(word);
  }
  return out;
}

/** isspace() in the C locale. */
function isSpace(c: i32): bool {
  return c == 32 || (c >= 9 && c <= 13);
}
