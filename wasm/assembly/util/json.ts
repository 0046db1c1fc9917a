// A minimal streaming JSON writer: the engine's one serialized result format.

/** Appends JSON tokens to a list of parts, joined once at the end. */
export class JsonWriter {
  private parts: string[] = [];
  private needComma: bool[] = [false];

  private sep(): void {
    const top = this.needComma.length - 1;
    if (this.needComma[top]) this.parts.push(",");
    this.needComma[top] = true;
  }

  beginObject(): void {
    this.sep();
    this.parts.push("{");
    this.needComma.push(false);
  }
  endObject(): void {
    this.needComma.pop();
    this.parts.push("}");
  }
  beginArray(): void {
    this.sep();
    this.parts.push("[");
    this.needComma.push(false);
  }
  endArray(): void {
    this.needComma.pop();
    this.parts.push("]");
  }

  /** Writes a key; the next value call writes its value. */
  key(k: string): void {
    this.sep();
    this.parts.push(quote(k));
    this.parts.push(":");
    this.needComma[this.needComma.length - 1] = false;
  }

  str(v: string): void {
    this.sep();
    this.parts.push(quote(v));
  }
  int(v: i64): void {
    this.sep();
    this.parts.push(v.toString());
  }
  bool(v: bool): void {
    this.sep();
    this.parts.push(v ? "true" : "false");
  }
  nul(): void {
    this.sep();
    this.parts.push("null");
  }

  /** Writes an already serialized JSON value verbatim. */
  raw(json: string): void {
    this.sep();
    this.parts.push(json);
  }

  keyStr(k: string, v: string): void {
    this.key(k);
    this.str(v);
  }
  keyInt(k: string, v: i64): void {
    this.key(k);
    this.int(v);
  }
  keyBool(k: string, v: bool): void {
    this.key(k);
    this.bool(v);
  }

  toString(): string {
    return this.parts.join("");
  }
}

const HEX = "0123456789abcdef";

/** JSON string literal for s, escaping quotes, backslashes and control characters. */
export function quote(s: string): string {
  let clean = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c == 0x22 || c == 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      clean = false;
      break;
    }
  }
  if (clean) return '"' + s + '"';
  const out: string[] = ['"'];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc = "";
    if (c == 0x22) esc = '\\"';
    else if (c == 0x5c) esc = "\\\\";
    else if (c == 0x0a) esc = "\\n";
    else if (c == 0x0d) esc = "\\r";
    else if (c == 0x09) esc = "\\t";
    else if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff && !isPairedSurrogate(s, i))) {
      esc = "\\u" + HEX.charAt((c >> 12) & 15) + HEX.charAt((c >> 8) & 15) + HEX.charAt((c >> 4) & 15) + HEX.charAt(c & 15);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      i++; // keep a valid pair as it is
      continue;
    }
    if (esc.length > 0) {
      if (i > start) out.push(s.substring(start, i));
      out.push(esc);
      start = i + 1;
    }
  }
  if (start < s.length) out.push(s.substring(start));
  out.push('"');
  return out.join("");
}

function isPairedSurrogate(s: string, i: i32): bool {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff;
  }
  return false;
}
