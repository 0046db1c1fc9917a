// Which parameters an inline expansion reads in its live code. An argument's loads and
// addresses (EK.Arg) reach the object file only through such a read: with CONFIG_I3C unset,
// `i3c_i2c_driver_register(&drv3, &drv2)` returns before it names its first parameter, so gcc
// emits neither `drv3` nor what its initializer points to.

import { IntVec } from "./intvec";
import { NF, Nodes } from "./nodes";
import { EK, Ropes } from "./ropes";

export class ArgUses {
  private read: Map<i32, i32> = new Map();

  constructor(
    private nodes: Nodes,
    private ropes: Ropes,
  ) {}

  /** Whether expansion `node`'s live code reads parameter `param` (0: the first). A walk
   *  not finished (a recursive expansion) reads them all. */
  reads(node: i32, param: i32): bool {
    return (this.readMask(node) & (1 << param)) != 0;
  }

  /** The parameters read (bit k for the k-th): its own Use entries, and those inside the
   *  arguments it gives inline calls whose bodies read them in turn. */
  private readMask(node: i32): i32 {
    if (!this.nodes.has(node, NF.DONE)) return -1;
    if (this.read.has(node)) return this.read.get(node);
    this.read.set(node, -1); // a cycle reads everything
    const r = this.ropes;
    const st = new IntVec(8);
    st.push(this.nodes.head.get(node));
    let mask = 0;
    let budget = r.next.length + 16;
    while (st.length > 0) {
      let x = st.pop();
      while (x >= 0 && --budget > 0) {
        const kind = <EK>r.kind.get(x);
        if (kind == EK.Use && r.data.get(x) == node) mask |= 1 << r.call.get(x);
        else if (kind == EK.Arg && this.reads(r.data.get(x), r.call.get(x))) st.push(r.sub.get(x));
        x = r.next.get(x);
      }
    }
    this.read.set(node, mask);
    return mask;
  }
}
