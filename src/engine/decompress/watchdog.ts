// A time limit for synchronous work under Node: node:vm's timeout interrupts whatever runs
// inside runInContext(), the host's own functions included, so a decoder that loops for
// minutes on crafted input (fzstd executes sequences a block declares, however many) is
// stopped instead of hanging the thread.

import vm from "node:vm";

export class TimeLimitError extends Error {
  constructor(readonly ms: number) {
    super(`did not finish within ${ms} ms`);
    this.name = "TimeLimitError";
  }
}

let context: vm.Context | undefined;
let pending: (() => unknown) | null = null;

/** `work()`'s result, or a TimeLimitError when it runs longer than `ms`. */
export function withinTime<T>(ms: number, work: () => T): T {
  context ??= vm.createContext({ run: () => (pending as () => unknown)() });
  pending = work;
  try {
    return vm.runInContext("run()", context, { timeout: ms }) as T;
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new TimeLimitError(ms);
    throw err;
  } finally {
    pending = null;
  }
}
