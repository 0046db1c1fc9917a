// One of tree.ts's worker threads: once it has the file list, takes the next file index until
// none is left, reads that module with its own engine instance, and posts the summaries back
// in batches.

import { parentPort, workerData } from "node:worker_threads";
import { breathe, createScanner, scanFile, scanFileSync, takeNotes } from "./koreader";
import type { WorkerFiles, WorkerInput, WorkerOutput } from "./tree";

/** Files whose summaries go back in one message. */
const BATCH = 128;
const input = workerData as WorkerInput;

async function work(files: string[], ex: Awaited<ReturnType<typeof createScanner>>): Promise<void> {
  let batched = 0;
  let sinceCollect = 0;
  for (;;) {
    const i = Atomics.add(input.next, 0, 1);
    if (i >= files.length) break;
    const path = `${input.dirname}/${files[i]}`;
    if (!scanFileSync(ex, path, input.what, i)) await scanFile(ex, path, input.what, i);
    const breath = breathe();
    if (breath) await breath;
    if (++batched >= BATCH) {
      const batch = ex.koScanTake();
      parentPort!.postMessage({ batch } satisfies WorkerOutput, [batch]);
      batched = 0;
    }
    // the engine's runtime frees only when asked
    if (++sinceCollect >= 256) {
      ex.__collect();
      sinceCollect = 0;
    }
  }
  if (batched > 0) {
    const batch = ex.koScanTake();
    parentPort!.postMessage({ batch } satisfies WorkerOutput, [batch]);
  }
  const notes = takeNotes();
  if (notes.length > 0) parentPort!.postMessage({ notes } satisfies WorkerOutput);
  parentPort!.postMessage({ done: true } satisfies WorkerOutput);
}

const fail = (err: unknown): void => parentPort!.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerOutput);
// ready before the file list comes: instantiating overlaps the main thread's walk
const scanner = createScanner(input.wasm, input.release);
parentPort!.once("message", (m: WorkerFiles) => {
  scanner.then((ex) => work(m.files, ex)).then(() => parentPort!.close(), fail);
});
