// Text from files (module names, modinfo strings, .config values, kernel lines quoting them)
// made safe for a terminal, as git quotes a path: a control character or a line break inside
// one value is written as a C escape (\n, \t, \033), so no input can colour, move or clear
// the terminal, or forge a line of the transcript. Bidirectional overrides are escaped too.

// C0 and C1 controls, DEL, and the Unicode bidi embedding/override/isolate marks
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\\]/g;
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\" };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\${code.toString(8).padStart(3, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** One value as it may be shown on one line: unchanged when it holds nothing unsafe, else
 *  with every control character (and, then, every backslash) written as an escape. */
export function escapeValue(s: string): string {
  return NEEDS.test(s) ? s.replace(UNSAFE, escapeChar) : s;
}

/** Text made of lines (a transcript): each line escaped, the line breaks kept. */
export function escapeLines(text: string): string {
  return text.split("\n").map(escapeValue).join("\n");
}
