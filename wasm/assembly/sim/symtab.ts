// Layered export tables: a workspace's own exports over a pasted Module.symvers over the
// base kernel's, looked up without copying the 25,000-row base table on every run.

import { Export } from "../model";

/** Anything that can answer "who exports this symbol". */
export abstract class ExportLookup {
  abstract find(sym: string): Export | null;
}

/** A lookup over a Map the caller keeps filling. */
export class MapLookup extends ExportLookup {
  constructor(public map: Map<string, Export>) {
    super();
  }
  find(sym: string): Export | null {
    return this.map.has(sym) ? this.map.get(sym) : null;
  }
}

export class SymbolTable {
  /** Highest priority first. */
  private layers: ExportLookup[] = [];

  /** Adds a layer below the ones already there. */
  under(m: Map<string, Export>): SymbolTable {
    this.layers.push(new MapLookup(m));
    return this;
  }
  underLookup(l: ExportLookup): SymbolTable {
    this.layers.push(l);
    return this;
  }
  /** Adds every layer of `t` below the ones already there. */
  underAll(t: SymbolTable): SymbolTable {
    for (let i = 0; i < t.layers.length; i++) this.layers.push(t.layers[i]);
    return this;
  }

  find(sym: string): Export | null {
    for (let i = 0; i < this.layers.length; i++) {
      const e = this.layers[i].find(sym);
      if (e != null) return e;
    }
    return null;
  }
  has(sym: string): bool {
    return this.find(sym) != null;
  }
  /** The export a lookup finds; call only after has(). */
  get(sym: string): Export {
    return this.find(sym) as Export;
  }
}
