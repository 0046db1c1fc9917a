// A minimal streaming JSON writer: the engine's one serialized result format. It writes
// UTF-8 bytes straight into one growing buffer: a run's result is tens of kilobytes of small
// strings, and building it from string parts cost more than the run itself.

/** Appends JSON tokens to a UTF-8 buffer; `toBytes` or `toString` at the end. */
export class JsonWriter {
  private buf: Uint8Array = new Uint8Array(4096);
  private len: i32 = 0;
  private needComma: bool[] = [false];

  private sep(): void {
    const top = this.needComma.length - 1;
    if (unchecked(this.needComma[top])) this.byte(0x2c);
    unchecked((this.needComma[top] = true));
  }

  beginObject(): void {
    this.sep();
    this.byte(0x7b);
    this.needComma.push(false);
  }
  endObject(): void {
    this.needComma.pop();
    this.byte(0x7d);
  }
  beginArray(): void {
    this.sep();
    this.byte(0x5b);
    this.needComma.push(false);
  }
  endArray(): void {
    this.needComma.pop();
    this.byte(0x5d);
  }

  /** Writes a key; the next value call writes its value. */
  key(k: string): void {
    this.sep();
    this.quoted(k);
    this.byte(0x3a);
    this.needComma[this.needComma.length - 1] = false;
  }

  str(v: string): void {
    this.sep();
    this.quoted(v);
  }
  int(v: i64): void {
    this.sep();
    this.ascii(v.toString());
  }
  bool(v: bool): void {
    this.sep();
    this.ascii(v ? "true" : "false");
  }
  nul(): void {
    this.sep();
    this.ascii("null");
  }

  /** Writes an already serialized JSON value verbatim. */
  raw(json: string): void {
    this.sep();
    this.text(json, false);
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

  /** The JSON text as UTF-8. */
  toBytes(): ArrayBuffer {
    return this.buf.buffer.slice(0, this.len);
  }
  toString(): string {
    return String.UTF8.decodeUnsafe(this.buf.dataStart, <usize>this.len);
  }

  private room(n: i32): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length << 1;
    while (size < this.len + n) size <<= 1;
    const next = new Uint8Array(size);
    memory.copy(next.dataStart, this.buf.dataStart, <usize>this.len);
    this.buf = next;
  }
  private byte(b: i32): void {
    this.room(1);
    store<u8>(this.buf.dataStart + <usize>this.len, <u8>b);
    this.len++;
  }
  private ascii(s: string): void {
    this.room(s.length);
    const at = this.buf.dataStart + <usize>this.len;
    for (let i = 0; i < s.length; i++) store<u8>(at + <usize>i, <u8>s.charCodeAt(i));
    this.len += s.length;
  }
  private quoted(s: string): void {
    this.byte(0x22);
    this.text(s, true);
    this.byte(0x22);
  }

  /** `s` as UTF-8; with `escape`, as the inside of a JSON string literal: quotes, backslashes,
   *  control characters and lone surrogates escaped (a lone surrogate has no UTF-8 form). */
  private text(s: string, escape: bool): void {
    const n = s.length;
    this.room(n * 3); // the most UTF-8 one UTF-16 unit needs; escapes reserve their own
    for (let i = 0; i < n; i++) {
      const c = <i32>s.charCodeAt(i);
      if (c < 0x80) {
        if (escape && (c < 0x20 || c == 0x22 || c == 0x5c)) this.escaped(c, n - i - 1);
        else this.put(c);
      } else if (c < 0x800) {
        this.put(0xc0 | (c >> 6));
        this.put(0x80 | (c & 63));
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(<i32>s.charCodeAt(i + 1))) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (<i32>s.charCodeAt(i + 1) - 0xdc00);
        i++;
        this.put(0xf0 | (cp >> 18));
        this.put(0x80 | ((cp >> 12) & 63));
        this.put(0x80 | ((cp >> 6) & 63));
        this.put(0x80 | (cp & 63));
      } else if (c >= 0xd800 && c <= 0xdfff) {
        this.escaped(c, n - i - 1);
      } else {
        this.put(0xe0 | (c >> 12));
        this.put(0x80 | ((c >> 6) & 63));
        this.put(0x80 | (c & 63));
      }
    }
  }
  /** A byte where `text` reserved room (a surrogate pair's four bytes fit its two units' six). */
  @inline private put(b: i32): void {
    store<u8>(this.buf.dataStart + <usize>this.len, <u8>b);
    this.len++;
  }
  /** An escape, then room again for the `left` units after it. */
  private escaped(c: i32, left: i32): void {
    if (c == 0x22) this.ascii('\\"');
    else if (c == 0x5c) this.ascii("\\\\");
    else if (c == 0x0a) this.ascii("\\n");
    else if (c == 0x0d) this.ascii("\\r");
    else if (c == 0x09) this.ascii("\\t");
    else this.ascii("\\u" + HEX.charAt((c >> 12) & 15) + HEX.charAt((c >> 8) & 15) + HEX.charAt((c >> 4) & 15) + HEX.charAt(c & 15));
    this.room(left * 3);
  }
}

const HEX = "0123456789abcdef";

function isLowSurrogate(c: i32): bool {
  return c >= 0xdc00 && c <= 0xdfff;
}
