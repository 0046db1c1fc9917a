#!/usr/bin/env node
// The ksymns command. Builds the engine on first use when the install step could not, then
// runs the TypeScript CLI: as one JavaScript bundle (with its worker) that esbuild makes
// under .cache/cli whenever a source is newer, so the command and its workers start in
// tens of milliseconds; through tsx when no bundle can be made.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
if (!existsSync(`${root}wasm/build/ksymns.wasm`)) {
  process.stderr.write("ksymns: building the engine (first use)...\n");
  execFileSync(process.execPath, [`${root}node_modules/assemblyscript/bin/asc.js`, "wasm/assembly/index.ts", "--config", "wasm/asconfig.json", "--target", "release"], { cwd: root, stdio: "inherit" });
}

// the bundle sits two folders below the root, as src/cli/main.ts does, so that the
// sources' `new URL("../../", import.meta.url)` still names the project root
const outdir = `${root}.cache/cli`;
const bundle = `${outdir}/main.mjs`;

function newest(path) {
  let t = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    const p = `${path}/${e.name}`;
    const m = e.isDirectory() ? newest(p) : statSync(p).mtimeMs;
    if (m > t) t = m;
  }
  return t;
}

async function makeBundle() {
  const sources = Math.max(newest(`${root}src`), newest(`${root}wasm/shared`), statSync(`${root}wasm/build/ksymns.js`).mtimeMs, statSync(`${root}package.json`).mtimeMs);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources && existsSync(`${outdir}/tree-worker.mjs`)) return true;
  try {
    const esbuild = await import("esbuild");
    const out = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { main: "src/cli/main.ts", "tree-worker": "src/engine/tree-worker.ts" },
      outdir,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outExtension: { ".js": ".mjs" },
      write: false,
      logLevel: "silent",
    });
    mkdirSync(outdir, { recursive: true });
    // each file replaced whole, so a command starting meanwhile never reads half of one
    for (const f of out.outputFiles) {
      const tmp = `${f.path}.${process.pid}.tmp`;
      writeFileSync(tmp, f.contents);
      renameSync(tmp, f.path);
    }
    return true;
  } catch {
    return false;
  }
}

let entry;
if (await makeBundle()) entry = pathToFileURL(bundle).href;
else {
  const { register } = await import("tsx/esm/api");
  register();
  entry = pathToFileURL(`${root}src/cli/main.ts`).href;
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
