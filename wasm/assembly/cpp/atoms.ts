// Interned spellings: every identifier, number, literal and punctuator is an atom (a dense
// i32), so the preprocessor compares names by number and indexes its tables by atom. The
// well-known names below are interned first, in this order, so `Name.X` is their atom.

/** Atoms of the punctuators, directive names and special identifiers, by fixed number. */
export enum Name {
  Empty = 0,
  // punctuators
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Semicolon,
  Colon,
  Question,
  Dot,
  Ellipsis,
  Arrow,
  PlusPlus,
  MinusMinus,
  Amp,
  Star,
  Plus,
  Minus,
  Tilde,
  Bang,
  Slash,
  Percent,
  Shl,
  Shr,
  Less,
  Greater,
  LessEq,
  GreaterEq,
  EqEq,
  NotEq,
  Caret,
  Pipe,
  AmpAmp,
  PipePipe,
  Assign,
  StarAssign,
  SlashAssign,
  PercentAssign,
  PlusAssign,
  MinusAssign,
  ShlAssign,
  ShrAssign,
  AmpAssign,
  CaretAssign,
  PipeAssign,
  Hash,
  HashHash,
  // directive names
  Define,
  Undef,
  Include,
  IncludeNext,
  Import,
  If,
  Ifdef,
  Ifndef,
  Elif,
  Elifdef,
  Elifndef,
  Else,
  Endif,
  Error,
  Warning,
  Line,
  Pragma,
  Ident,
  Sccs,
  Assert,
  Unassert,
  // special identifiers
  Defined,
  VaArgs,
  VaOpt,
  Once,
  GCC,
  PragmaOp,
  File,
  LineMacro,
  Counter,
  BaseFile,
  IncludeLevel,
  Date,
  Time,
  Timestamp,
  FileName,
  HasInclude,
  HasIncludeNext,
  HasAttribute,
  HasCppAttribute,
  HasBuiltin,
  HasCAttribute,
  SystemHeader,
  Poison,
  PushMacro,
  PopMacro,
  Dependency,
  Diagnostic,
  COUNT,
}

const NAME_TEXTS: string[] = [
  "",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ";",
  ":",
  "?",
  ".",
  "...",
  "->",
  "++",
  "--",
  "&",
  "*",
  "+",
  "-",
  "~",
  "!",
  "/",
  "%",
  "<<",
  ">>",
  "<",
  ">",
  "<=",
  ">=",
  "==",
  "!=",
  "^",
  "|",
  "&&",
  "||",
  "=",
  "*=",
  "/=",
  "%=",
  "+=",
  "-=",
  "<<=",
  ">>=",
  "&=",
  "^=",
  "|=",
  "#",
  "##",
  "define",
  "undef",
  "include",
  "include_next",
  "import",
  "if",
  "ifdef",
  "ifndef",
  "elif",
  "elifdef",
  "elifndef",
  "else",
  "endif",
  "error",
  "warning",
  "line",
  "pragma",
  "ident",
  "sccs",
  "assert",
  "unassert",
  "defined",
  "__VA_ARGS__",
  "__VA_OPT__",
  "once",
  "GCC",
  "_Pragma",
  "__FILE__",
  "__LINE__",
  "__COUNTER__",
  "__BASE_FILE__",
  "__INCLUDE_LEVEL__",
  "__DATE__",
  "__TIME__",
  "__TIMESTAMP__",
  "__FILE_NAME__",
  "__has_include",
  "__has_include_next",
  "__has_attribute",
  "__has_cpp_attribute",
  "__has_builtin",
  "__has_c_attribute",
  "system_header",
  "poison",
  "push_macro",
  "pop_macro",
  "dependency",
  "diagnostic",
];

/** True for the atoms of punctuators. */
export function isPunctuator(a: i32): bool {
  return a >= Name.LParen && a <= Name.HashHash;
}

/** FNV-1a over UTF-16 code units: the hash an atom is found by. */
export function hashRange(s: string, start: i32, end: i32): u32 {
  let h: u32 = 2166136261;
  const p = changetype<usize>(s);
  for (let i = start; i < end; i++) {
    h ^= <u32>load<u16>(p + ((<usize>i) << 1));
    h *= 16777619;
  }
  return h;
}

/** The table of interned spellings. */
export class Atoms {
  private texts: string[] = [];
  private hashes: u32[] = [];
  private slots: Int32Array = new Int32Array(1 << 16); // atom + 1, 0 = free
  private mask: i32 = (1 << 16) - 1;

  constructor() {
    for (let i = 0; i < NAME_TEXTS.length; i++) this.intern(NAME_TEXTS[i]);
    assert(this.texts.length == Name.COUNT);
  }

  /** How many atoms there are (atoms are 0 … count-1). */
  get count(): i32 {
    return this.texts.length;
  }

  /** The spelling of an atom. */
  @inline text(a: i32): string {
    return unchecked(this.texts[a]);
  }

  /** The hash of an atom's spelling (hashRange). */
  @inline hashOf(a: i32): u32 {
    return unchecked(this.hashes[a]);
  }

  /** The atom of a whole string. */
  intern(s: string): i32 {
    return this.internRange(s, 0, s.length);
  }

  /** The atom of `s[start, end)`; allocates a string only for a new spelling. */
  internRange(s: string, start: i32, end: i32): i32 {
    const h = hashRange(s, start, end);
    const len = end - start;
    const base = changetype<usize>(s) + ((<usize>start) << 1);
    let i = (<i32>h) & this.mask;
    while (true) {
      const slot = unchecked(this.slots[i]);
      if (slot == 0) break;
      const a = slot - 1;
      if (unchecked(this.hashes[a]) == h) {
        const t = unchecked(this.texts[a]);
        if (t.length == len && memory.compare(changetype<usize>(t), base, (<usize>len) << 1) == 0) return a;
      }
      i = (i + 1) & this.mask;
    }
    const a = this.texts.length;
    this.texts.push(start == 0 && end == s.length ? s : s.substring(start, end));
    this.hashes.push(h);
    unchecked((this.slots[i] = a + 1));
    if ((a + 1) * 2 > this.mask) this.grow();
    return a;
  }

  /** The atom of a spelling if it was ever interned, else -1 (never allocates). */
  lookup(s: string): i32 {
    const h = hashRange(s, 0, s.length);
    let i = (<i32>h) & this.mask;
    while (true) {
      const slot = unchecked(this.slots[i]);
      if (slot == 0) return -1;
      const a = slot - 1;
      if (unchecked(this.hashes[a]) == h && unchecked(this.texts[a]) == s) return a;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const cap = (this.mask + 1) << 1;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let a = 0; a < this.texts.length; a++) {
      let i = (<i32>unchecked(this.hashes[a])) & mask;
      while (unchecked(slots[i]) != 0) i = (i + 1) & mask;
      unchecked((slots[i] = a + 1));
    }
    this.slots = slots;
    this.mask = mask;
  }
}
