// The start page: runs the built-in example through the engine and shows its transcript.

import { createBrowserEngine } from "./engine/browser";
import { EXAMPLE } from "./example";

const filesEl = document.getElementById("files")!;
const out = document.getElementById("transcript")!;
const kernelEl = document.getElementById("kernel")!;

for (const [name, text] of Object.entries(EXAMPLE)) {
  const h = document.createElement("h3");
  h.textContent = name;
  const pre = document.createElement("pre");
  pre.textContent = String(text);
  filesEl.append(h, pre);
}

try {
  const engine = await createBrowserEngine();
  const res = await engine.run(EXAMPLE, { kernel: "6.12", relaxed: true });
  kernelEl.textContent = `(Linux ${res.kernel.version}, ${res.kernel.release})`;
  out.textContent = res.transcript;
  document.body.dataset.ready = "true";
} catch (err) {
  out.textContent = `The engine could not start: ${err instanceof Error ? err.message : String(err)}`;
  document.body.dataset.ready = "error";
}
