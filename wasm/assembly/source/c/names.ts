// Interned spellings for the C reader: every identifier, punctuator and literal a translation
// unit holds is a dense i32 (an atom), so scopes index arrays by atom and keywords compare by
// number. The names below are interned first, in this order, so `K.X` is their atom; GNU's
// alternate spellings (`__asm__`, `__typeof__`, `__inline`, ...) map to the same atom.

/** Atoms of punctuators, keywords and the GNU builtins whose operands the reader treats specially. */
export enum K {
  Empty = 0,
  // punctuators
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Semi,
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
  Lt,
  Gt,
  Le,
  Ge,
  EqEq,
  Ne,
  Caret,
  Pipe,
  AndAnd,
  OrOr,
  Assign,
  StarAssign,
  SlashAssign,
  PercentAssign,
  PlusAssign,
  MinusAssign,
  ShlAssign,
  ShrAssign,
  AndAssign,
  XorAssign,
  OrAssign,
  Hash,
  HashHash,
  // storage classes and function specifiers
  Typedef,
  Extern,
  Static,
  Auto,
  Register,
  ThreadLocal,
  Inline,
  Noreturn,
  // qualifiers
  Const,
  Volatile,
  Restrict,
  Atomic,
  SegGs,
  SegFs,
  // type specifiers
  Void,
  Char,
  Short,
  Int,
  Long,
  Float,
  Double,
  Signed,
  Unsigned,
  Bool,
  Complex,
  Int128,
  VaList,
  AutoType,
  Float128,
  Struct,
  Union,
  Enum,
  Typeof,
  TypeofUnqual,
  // statements
  If,
  Else,
  While,
  Do,
  For,
  Switch,
  Case,
  Default,
  Break,
  Continue,
  Return,
  Goto,
  // GNU and C11 forms
  Sizeof,
  Alignof,
  Alignas,
  Attribute,
  Asm,
  Extension,
  Label,
  StaticAssert,
  Generic,
  Real,
  Imag,
  // builtins with operands that are not evaluated, or evaluated in part
  BConstantP,
  BTypesCompatibleP,
  BChooseExpr,
  BOffsetof,
  BVaArg,
  BObjectSize,
  BDynObjectSize,
  BClassifyType,
  BHasAttribute,
  // builtins the compiler may lower to a library call
  BMemcpy,
  BMemset,
  BMemmove,
  BMemcmp,
  Memcpy,
  Memset,
  Memmove,
  Memcmp,
  // folded for a string literal
  BStrlen,
  // marker statements of the prelude (see notes: FRONTEND.md)
  MExport,
  MExportDefault,
  MExportNs,
  MImportNs,
  MLicense,
  MModinfo,
  MModuleInit,
  MModuleExit,
  // module macros as written (when no header defines them)
  EXPORT_SYMBOL,
  EXPORT_SYMBOL_GPL,
  EXPORT_SYMBOL_NS,
  EXPORT_SYMBOL_NS_GPL,
  EXPORT_SYMBOL_GPL_FOR_MODULES,
  EXPORT_SYMBOL_FOR_MODULES,
  MODULE_LICENSE,
  MODULE_IMPORT_NS,
  MODULE_DESCRIPTION,
  MODULE_INFO,
  MODULE_DEVICE_TABLE,
  module_init,
  module_exit,
  DEFAULT_SYMBOL_NAMESPACE,
  // kernel words a toy file writes without headers: attributes and qualifiers there
  TInit,
  TExit,
  TUsed,
  TNotrace,
  TAlwaysInline,
  TNoinline,
  TUser,
  TIomem,
  TRcu,
  TPercpu,
  TForce,
  TMustCheck,
  TMaybeUnused,
  TCold,
  TInitdata,
  TExitdata,
  TInitconst,
  TReadMostly,
  TRoAfterInit,
  TWeak,
  TPacked,
  TVisible,
  TNoreturn,
  TAligned,
  TSection,
  TPrintf,
  // toy constants
  TNull,
  TTrue,
  TFalse,
  TThisModule,
  TKbuildModname,
  // attribute names
  AUsed,
  AUnused,
  AAlias,
  ASection,
  AError,
  AWarning,
  ANoInstrument,
  AAlwaysInline,
  AGnuInline,
  AWeak,
  ANoreturn,
  AMode,
  ACleanup,
  AAligned,
  APacked,
  AAllocSize,
  COUNT,
}

const SPELLINGS: string[] = [
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
  "typedef",
  "extern",
  "static",
  "auto",
  "register",
  "_Thread_local",
  "inline",
  "_Noreturn",
  "const",
  "volatile",
  "restrict",
  "_Atomic",
  "__seg_gs",
  "__seg_fs",
  "void",
  "char",
  "short",
  "int",
  "long",
  "float",
  "double",
  "signed",
  "unsigned",
  "_Bool",
  "_Complex",
  "__int128",
  "__builtin_va_list",
  "__auto_type",
  "_Float128",
  "struct",
  "union",
  "enum",
  "typeof",
  "typeof_unqual",
  "if",
  "else",
  "while",
  "do",
  "for",
  "switch",
  "case",
  "default",
  "break",
  "continue",
  "return",
  "goto",
  "sizeof",
  "_Alignof",
  "_Alignas",
  "__attribute__",
  "asm",
  "__extension__",
  "__label__",
  "_Static_assert",
  "_Generic",
  "__real__",
  "__imag__",
  "__builtin_constant_p",
  "__builtin_types_compatible_p",
  "__builtin_choose_expr",
  "__builtin_offsetof",
  "__builtin_va_arg",
  "__builtin_object_size",
  "__builtin_dynamic_object_size",
  "__builtin_classify_type",
  "__builtin_has_attribute",
  "__builtin_memcpy",
  "__builtin_memset",
  "__builtin_memmove",
  "__builtin_memcmp",
  "memcpy",
  "memset",
  "memmove",
  "memcmp",
  "__builtin_strlen",
  "__ksymns_export",
  "__ksymns_export_default",
  "__ksymns_export_ns",
  "__ksymns_import_ns",
  "__ksymns_license",
  "__ksymns_modinfo",
  "__ksymns_module_init",
  "__ksymns_module_exit",
  "EXPORT_SYMBOL",
  "EXPORT_SYMBOL_GPL",
  "EXPORT_SYMBOL_NS",
  "EXPORT_SYMBOL_NS_GPL",
  "EXPORT_SYMBOL_GPL_FOR_MODULES",
  "EXPORT_SYMBOL_FOR_MODULES",
  "MODULE_LICENSE",
  "MODULE_IMPORT_NS",
  "MODULE_DESCRIPTION",
  "MODULE_INFO",
  "MODULE_DEVICE_TABLE",
  "module_init",
  "module_exit",
  "DEFAULT_SYMBOL_NAMESPACE",
  "__init",
  "__exit",
  "__used",
  "notrace",
  "__always_inline",
  "noinline",
  "__user",
  "__iomem",
  "__rcu",
  "__percpu",
  "__force",
  "__must_check",
  "__maybe_unused",
  "__cold",
  "__initdata",
  "__exitdata",
  "__initconst",
  "__read_mostly",
  "__ro_after_init",
  "__weak",
  "__packed",
  "__visible",
  "__noreturn",
  "__aligned",
  "__section",
  "__printf",
  "NULL",
  "true",
  "false",
  "THIS_MODULE",
  "KBUILD_MODNAME",
  "used",
  "unused",
  "alias",
  "section",
  "error",
  "warning",
  "no_instrument_function",
  "always_inline",
  "gnu_inline",
  "weak",
  "noreturn",
  "mode",
  "cleanup",
  "aligned",
  "packed",
  "alloc_size",
];

/** Other spellings of the same keyword or attribute. */
const ALIASES: string[] = [
  "__asm__",
  "asm",
  "__asm",
  "asm",
  "__inline__",
  "inline",
  "__inline",
  "inline",
  "__volatile__",
  "volatile",
  "__volatile",
  "volatile",
  "__const__",
  "const",
  "__const",
  "const",
  "__restrict__",
  "restrict",
  "__restrict",
  "restrict",
  "__signed__",
  "signed",
  "__signed",
  "signed",
  "__typeof__",
  "typeof",
  "__typeof",
  "typeof",
  "__typeof_unqual__",
  "typeof_unqual",
  "__typeof_unqual",
  "typeof_unqual",
  "__alignof__",
  "_Alignof",
  "__alignof",
  "_Alignof",
  "alignof",
  "_Alignof",
  "alignas",
  "_Alignas",
  "__attribute",
  "__attribute__",
  "static_assert",
  "_Static_assert",
  "__thread",
  "_Thread_local",
  "thread_local",
  "_Thread_local",
  "__complex__",
  "_Complex",
  "__int128_t",
  "__int128",
  "__uint128_t",
  "__int128",
  "__auto_type",
  "__auto_type",
  "__builtin_offsetof",
  "__builtin_offsetof",
  "_Float64",
  "double",
  "_Float32",
  "float",
  "__real",
  "__real__",
  "__imag",
  "__imag__",
  "__label__",
  "__label__",
  "__extension__",
  "__extension__",
  "__used__",
  "used",
  "__unused__",
  "unused",
  "__alias__",
  "alias",
  "__section__",
  "section",
  "__error__",
  "error",
  "__warning__",
  "warning",
  "__no_instrument_function__",
  "no_instrument_function",
  "__always_inline__",
  "always_inline",
  "__gnu_inline__",
  "gnu_inline",
  "__weak__",
  "weak",
  "__noreturn__",
  "noreturn",
  "__mode__",
  "mode",
  "__cleanup__",
  "cleanup",
  "__aligned__",
  "aligned",
  "__packed__",
  "packed",
  "__alloc_size__",
  "alloc_size",
  "__noinline__",
  "noinline",
];

// FNV-1a over UTF-16 code units of s[start, end)
function hashRange(s: string, start: i32, end: i32): u32 {
  let h: u32 = 2166136261;
  const p = changetype<usize>(s);
  for (let i = start; i < end; i++) {
    h ^= <u32>load<u16>(p + ((<usize>i) << 1));
    h *= 16777619;
  }
  return h;
}

/** The interning table: an open-addressing hash of spellings (an alias spelling is an entry
 *  of its own that names its keyword's atom). Atoms below K.COUNT are the fixed names. */
export class Names {
  private texts: string[] = [];
  private entryText: string[] = [];
  private entryHash: u32[] = [];
  private entryAtom: i32[] = [];
  private slots: Int32Array = new Int32Array(1 << 11);
  private mask: i32 = (1 << 11) - 1;

  constructor() {
    for (let i = 0; i < SPELLINGS.length; i++) this.intern(SPELLINGS[i]);
    assert(this.texts.length == <i32>K.COUNT);
    for (let i = 0; i + 1 < ALIASES.length; i += 2) {
      const to = this.find(ALIASES[i + 1]);
      if (to >= 0 && this.find(ALIASES[i]) < 0) this.addEntry(ALIASES[i], hashRange(ALIASES[i], 0, ALIASES[i].length), to);
    }
  }

  /** How many atoms there are. */
  get count(): i32 {
    return this.texts.length;
  }

  /** The atom of a spelling (interned on first sight). */
  intern(s: string): i32 {
    return this.internRange(s, 0, s.length);
  }

  /** The atom of s[start, end); a new string is made only for a new spelling. */
  internRange(s: string, start: i32, end: i32): i32 {
    const h = hashRange(s, start, end);
    const len = end - start;
    const base = changetype<usize>(s) + ((<usize>start) << 1);
    let i = (<i32>h) & this.mask;
    while (true) {
      const slot = unchecked(this.slots[i]);
      if (slot == 0) break;
      const e = slot - 1;
      if (unchecked(this.entryHash[e]) == h) {
        const t = unchecked(this.entryText[e]);
        if (t.length == len && memory.compare(changetype<usize>(t), base, (<usize>len) << 1) == 0) return unchecked(this.entryAtom[e]);
      }
      i = (i + 1) & this.mask;
    }
    const text = start == 0 && end == s.length ? s : s.substring(start, end);
    const a = this.texts.length;
    this.texts.push(text);
    this.addEntry(text, h, a);
    return a;
  }

  /** The atom of a spelling, or -1 when it was never interned. */
  find(s: string): i32 {
    const h = hashRange(s, 0, s.length);
    let i = (<i32>h) & this.mask;
    while (true) {
      const slot = unchecked(this.slots[i]);
      if (slot == 0) return -1;
      const e = slot - 1;
      if (unchecked(this.entryHash[e]) == h && unchecked(this.entryText[e]) == s) return unchecked(this.entryAtom[e]);
      i = (i + 1) & this.mask;
    }
  }

  /** The canonical spelling of an atom (an alias reads as its keyword). */
  @inline text(a: i32): string {
    return unchecked(this.texts[a]);
  }

  private addEntry(text: string, h: u32, atom: i32): void {
    const e = this.entryText.length;
    this.entryText.push(text);
    this.entryHash.push(h);
    this.entryAtom.push(atom);
    let i = (<i32>h) & this.mask;
    while (unchecked(this.slots[i]) != 0) i = (i + 1) & this.mask;
    unchecked((this.slots[i] = e + 1));
    if ((e + 1) * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const cap = (this.mask + 1) << 1;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let e = 0; e < this.entryText.length; e++) {
      let i = (<i32>unchecked(this.entryHash[e])) & mask;
      while (unchecked(slots[i]) != 0) i = (i + 1) & mask;
      unchecked((slots[i] = e + 1));
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** True for the atom of a punctuator. */
export function isPunct(a: i32): bool {
  return a >= K.LParen && a <= K.HashHash;
}

/** True for an assignment operator. */
export function isAssignOp(a: i32): bool {
  return a >= K.Assign && a <= K.OrAssign;
}
