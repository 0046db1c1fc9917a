// Which held references (EK.Arg) reach the object file. gcc drops a value nobody uses and
// the loads that computed it: an argument the inlined body never names (with CONFIG_I3C
// unset, `i3c_i2c_driver_register(&drv3, &drv2)` returns before it names its first
// parameter, so gcc emits neither `drv3` nor what its initializer points to), a local only
// read by code that is gone (nft_dynset's `nft_net = nft_pernet(net)`, read by
// lockdep_assert_held() alone, loads no nf_tables_net_id), the value an expansion returns
// to a caller that ignores it. A read (EK.Use) reached from what is emitted makes its value
// live; a held list opens once its value is live, wherever in the unit that read is.

import { IntVec } from "./intvec";
import { NF, Nodes } from "./nodes";
import { EK, Ropes } from "./ropes";

export class LiveUses {
  private live: Set<i64> = new Set();
  /** Held lists met before their value was live, by value. */
  private waiting: Map<i64, i32[]> = new Map();

  constructor(
    private nodes: Nodes,
    private ropes: Ropes,
  ) {}

  /** The list Arg entry x holds where its value is live (or its walk never finished: a
   *  recursive expansion reads everything), else -1. */
  opened(x: i32): i32 {
    const r = this.ropes;
    if (r.kind.get(x) != <i32>EK.Arg) return -1;
    const node = r.data.get(x);
    return !this.nodes.has(node, NF.DONE) || this.live.has(LiveUses.key(node, r.call.get(x))) ? r.sub.get(x) : -1;
  }

  /** Entry x is reached by a scan of what is emitted: an Arg whose value is not live yet
   *  waits for it; a Use makes its value live and pushes the lists that waited for it onto
   *  `st`. Returns the list an Arg opens now (-1: none). */
  reach(x: i32, st: IntVec): i32 {
    const r = this.ropes;
    const kind = <EK>r.kind.get(x);
    if (kind == EK.Arg) {
      const sub = this.opened(x);
      if (sub >= 0) return sub;
      const key = LiveUses.key(r.data.get(x), r.call.get(x));
      if (!this.waiting.has(key)) this.waiting.set(key, []);
      this.waiting.get(key).push(r.sub.get(x));
    } else if (kind == EK.Use) {
      const key = LiveUses.key(r.data.get(x), r.call.get(x));
      if (this.live.has(key)) return -1;
      this.live.add(key);
      if (!this.waiting.has(key)) return -1;
      const subs = this.waiting.get(key);
      for (let k = 0; k < subs.length; k++) st.push(subs[k]);
      this.waiting.delete(key);
    }
    return -1;
  }

  private static key(node: i32, value: i32): i64 {
    return ((<i64>node) << 32) | (<i64>(<u32>value));
  }
}
