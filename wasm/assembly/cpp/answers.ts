// What __has_attribute, __has_c_attribute and __has_builtin answer: a compiler's table of
// names and values (names not listed answer 0). A compiler's table is one shared object,
// read for every translation unit: its part of a checkpoint's key is made once.

export class HasAnswers {
  /** A frozen table read from `name=value` lists, space-separated. */
  static read(attributes: string, builtins: string, cAttributes: string): HasAnswers {
    const a = new HasAnswers();
    readPairs(attributes, a.attributes);
    readPairs(builtins, a.builtins);
    readPairs(cAttributes, a.cAttributes);
    return a.freeze();
  }

  attributes: Map<string, i32> = new Map();
  /** The standard attributes (__has_c_attribute). */
  cAttributes: Map<string, i32> = new Map();
  builtins: Map<string, i32> = new Map();
  private frozen: bool = false;
  private text: string = "";

  /** Makes the table read-only and shareable (changes then go to own()'s copy). */
  freeze(): HasAnswers {
    this.text = this.keyText();
    this.frozen = true;
    return this;
  }

  /** This table, or a copy of it when it is shared. */
  own(): HasAnswers {
    if (!this.frozen) return this;
    const c = new HasAnswers();
    copyInto(this.attributes, c.attributes);
    copyInto(this.cAttributes, c.cAttributes);
    copyInto(this.builtins, c.builtins);
    return c;
  }

  isEmpty(): bool {
    return this.attributes.size == 0 && this.cAttributes.size == 0 && this.builtins.size == 0;
  }

  /** A table of `other`'s answers with this one's over them. */
  over(other: HasAnswers): HasAnswers {
    const c = other.own();
    copyInto(this.attributes, c.attributes);
    copyInto(this.cAttributes, c.cAttributes);
    copyInto(this.builtins, c.builtins);
    return c;
  }

  /** Every answer, as text for a checkpoint's key. */
  key(): string {
    return this.frozen ? this.text : this.keyText();
  }

  private keyText(): string {
    const parts: string[] = [];
    appendPairs(parts, "", this.attributes);
    appendPairs(parts, "c:", this.cAttributes);
    appendPairs(parts, "", this.builtins);
    return parts.join("\u0001");
  }
}

function copyInto(from: Map<string, i32>, to: Map<string, i32>): void {
  const k = from.keys();
  for (let i = 0; i < k.length; i++) to.set(k[i], from.get(k[i]));
}

function appendPairs(parts: string[], prefix: string, m: Map<string, i32>): void {
  const k = m.keys();
  for (let i = 0; i < k.length; i++) parts.push(prefix + k[i] + "=" + m.get(k[i]).toString());
}

function readPairs(text: string, into: Map<string, i32>): void {
  const list = text.split(" ");
  for (let i = 0; i < list.length; i++) {
    const eq = list[i].indexOf("=");
    if (eq > 0) into.set(list[i].substring(0, eq), I32.parseInt(list[i].substring(eq + 1)));
  }
}
