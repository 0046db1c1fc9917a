// The model: exports, built module images and what each module imports and uses —
// the data behind verdicts, hovers, completion and the graph.

import { InlineStep, Span } from "./diagnostics";
import { KoFile } from "./source/ko";
import { ModInfo } from "./source/modinfo";

/** One exported symbol, from a Module.symvers line or a workspace EXPORT_SYMBOL*. */
export class Export {
  ownerPath: string = "";
  crc: u32 = 0;
  hasCrc: bool = false;
  /** Line of the Module.symvers row it came from (0 for source exports). */
  row: i32 = 0;
  rowFile: string = "";
  private src: Span | null = null;
  /** Where it is exported: the EXPORT_SYMBOL* statement or the Module.symvers row. */
  get span(): Span {
    if (this.src != null) return this.src as Span;
    return this.row > 0 ? new Span(this.rowFile, this.row, 1, this.row + 1, 1) : Span.none();
  }
  set span(s: Span) {
    this.src = s;
  }
  /** The macro and its namespace argument as written (workspace exports only). */
  macro: string = "";
  written: string = "";
  constructor(
    public symbol: string,
    /** Module name, or "vmlinux". */
    public owner: string,
    public gpl: bool,
    public ns: string,
  ) {}
}

/** A `.ko` as the loader sees it: what modpost and the compiler put into it. */
export class KoImage {
  license: string | null = null;
  intree: bool = false;
  signed: bool = false;
  importNs: string[] = [];
  exports: Export[] = [];
  /** Undefined symbols in symbol-table order (sim/symorder.ts). */
  undefined: string[] = [];
  /** The same in order of first use in the source (workspace modules). */
  undefinedBySource: string[] = [];
  /** The `__versions` table: CRCs modpost recorded for resolved symbols. */
  versions: Map<string, u32> = new Map();
  /** Where each undefined symbol is first used (workspace modules). */
  useSpans: Map<string, Span> = new Map();
  /** The inline functions through which a use was reached, outermost first (workspace modules). */
  useThrough: Map<string, InlineStep[]> = new Map();
  /** Calls taken to come from a header (see headerCalls in sim/build.ts). */
  headerCalls: string[] = [];
  /** Modules this one needs, as modinfo's depends= (direct) and modules.dep (all, load order reversed). */
  depends: string[] = [];
  depOrder: string[] = [];
  /** Its soft dependencies as kmod 30 reads them: the first softdep= of its modinfo (depmod
   *  writes each into modules.softdep, kmod takes a module's first line), e.g. "pre: crc32c". */
  softdep: string = "";
  hasInit: bool = false;
  hasExit: bool = false;
  /** The in-tree path, for modules of the base kernel. */
  path: string = "";
  /** The real .ko file this image was read from (null for modules the engine builds). */
  real: KoFile | null = null;
  /** The .modinfo make wrote into a module the engine built (a real file has its own), and
   *  the tags of it whose values ksymns does not keep. */
  modinfo: ModInfo | null = null;
  modinfoUnknown: string[] = [];
  constructor(
    public name: string,
    public file: string,
  ) {}
}
