// A growable column of i32: the reader's stacks and tables are made of these, so that deep
// input grows memory, never the native stack.

/** A growable i32 array. */
export class IntVec {
  data: Int32Array;
  length: i32 = 0;

  constructor(capacity: i32 = 16) {
    this.data = new Int32Array(capacity < 4 ? 4 : capacity);
  }

  @inline get(i: i32): i32 {
    return unchecked(this.data[i]);
  }
  @inline set(i: i32, v: i32): void {
    unchecked((this.data[i] = v));
  }
  @inline top(): i32 {
    return unchecked(this.data[this.length - 1]);
  }

  push(v: i32): i32 {
    if (this.length == this.data.length) {
      const b = new Int32Array(this.data.length << 1);
      for (let i = 0; i < this.length; i++) unchecked((b[i] = this.data[i]));
      this.data = b;
    }
    unchecked((this.data[this.length] = v));
    return this.length++;
  }

  pop(): i32 {
    return unchecked(this.data[--this.length]);
  }

  /** Drops everything from index n on. */
  truncate(n: i32): void {
    if (n < this.length) this.length = n;
  }

  /** A copy that shares nothing with this one. */
  copy(): IntVec {
    const c = new IntVec(4);
    c.data = this.data.slice(0);
    c.length = this.length;
    return c;
  }
}

/** A growable i64 array. */
export class LongVec {
  data: Int64Array;
  length: i32 = 0;

  constructor(capacity: i32 = 16) {
    this.data = new Int64Array(capacity < 4 ? 4 : capacity);
  }

  @inline get(i: i32): i64 {
    return unchecked(this.data[i]);
  }
  @inline set(i: i32, v: i64): void {
    unchecked((this.data[i] = v));
  }

  push(v: i64): i32 {
    if (this.length == this.data.length) {
      const b = new Int64Array(this.data.length << 1);
      for (let i = 0; i < this.length; i++) unchecked((b[i] = this.data[i]));
      this.data = b;
    }
    unchecked((this.data[this.length] = v));
    return this.length++;
  }

  truncate(n: i32): void {
    if (n < this.length) this.length = n;
  }

  /** A copy that shares nothing with this one. */
  copy(): LongVec {
    const c = new LongVec(4);
    c.data = this.data.slice(0);
    c.length = this.length;
    return c;
  }
}
