// Findings: every verdict and every input problem is a value with a file and a range.

import { Msg, Severity, Stage } from "../shared/codes";

/** A place in a workspace file; lines and columns count from 1, end is exclusive. */
export class Span {
  constructor(
    public file: string,
    public line: i32,
    public col: i32,
    public endLine: i32,
    public endCol: i32,
  ) {}

  static at(file: string, line: i32): Span {
    return new Span(file, line, 1, line, 1);
  }
  static none(): Span {
    return new Span("", 0, 0, 0, 0);
  }
  isNone(): bool {
    return this.line == 0;
  }
}

/** A static inline function a use was reached through, and where it is defined. */
export class InlineStep {
  constructor(
    public name: string,
    public span: Span,
  ) {}
}

/** One finding, with the kernel's exact text where the kernel prints one. */
export class Finding {
  related: Span | null = null;
  relatedNote: string = "";
  /** The inline functions, outermost first, through which the module's own code reaches the
   *  symbol the finding is about (a use only a header's code makes). */
  through: InlineStep[] = [];
  /** Whether the kernel lab's relaxed build (KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1, license patch) gets past it. */
  relaxable: bool = true;
  /** The symbol and the namespace the finding is about, where there is one. */
  symbol: string = "";
  ns: string = "";
  constructor(
    public stage: Stage,
    public severity: Severity,
    public id: Msg,
    public text: string,
    public span: Span,
    public module: string = "",
  ) {}

  about(symbol: string, ns: string): Finding {
    this.symbol = symbol;
    this.ns = ns;
    return this;
  }

  /** A copy whose later changes leave this one as it was. */
  copy(): Finding {
    const c = new Finding(this.stage, this.severity, this.id, this.text, this.span, this.module);
    c.related = this.related;
    c.relatedNote = this.relatedNote;
    c.through = this.through.slice(0);
    c.relaxable = this.relaxable;
    c.symbol = this.symbol;
    c.ns = this.ns;
    return c;
  }

  reachedThrough(steps: InlineStep[]): Finding {
    this.through = steps;
    return this;
  }

  withRelated(span: Span, note: string): Finding {
    this.related = span;
    this.relatedNote = note;
    return this;
  }
}
