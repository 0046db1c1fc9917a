#!/usr/bin/env node
// The ksymns command. Builds the engine on first use when the install step could not, then
// runs the TypeScript CLI: as one JavaScript bundle (with its worker) that esbuild makes
// under .cache/cli whenever a source is newer, so the command and its workers start in
// tens of milliseconds; through tsx when no bundle can be made.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
if (!existsSync(`${root}wasm/build/ksymns.wasm`)) {
  process.stderr.write("ksymns: building the engine (first use)...\n");
  const { execFileSync } = await import("node:child_process");
  execFileSync(process.execPath, [`${root}node_modules/assemblyscript/bin/asc.js`, "wasm/assembly/index.ts", "--config", "wasm/asconfig.json", "--target", "release"], { cwd: root, stdio: "inherit" });
}

// the bundle sits two folders below the root, as src/cli/main.ts does, so that the
// sources' `new URL("../../", import.meta.url)` still names the project root
const outdir = `${root}.cache/cli`;
const bundle = `${outdir}/main.mjs`;
// `ksymns deps` has a bundle of its own: it starts without loading (and Node without
// compiling) the other commands, the engine facade and their Node modules
const depsBundle = `${outdir}/deps.mjs`;

// the bundle is current when no file it was made from is newer (esbuild lists them)
function current() {
  try {
    const made = statSync(bundle).mtimeMs;
    if (!existsSync(`${outdir}/tree-worker.mjs`) || !existsSync(depsBundle)) return false;
    const inputs = JSON.parse(readFileSync(`${outdir}/inputs.json`, "utf8"));
    return inputs.every((f) => statSync(`${root}${f}`).mtimeMs <= made);
  } catch {
    return false;
  }
}

async function makeBundle() {
  if (current()) return true;
  try {
    const esbuild = await import("esbuild");
    const out = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { main: "src/cli/main.ts", deps: "src/cli/deps.ts", "tree-worker": "src/engine/tree/tree-worker.ts" },
      outdir,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outExtension: { ".js": ".mjs" },
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    mkdirSync(outdir, { recursive: true });
    // each file replaced whole, so a command starting meanwhile never reads half of one; the
    // inputs last, so a bundle is never taken as current before it is complete
    const files = [...out.outputFiles.map((f) => [f.path, f.contents]), [`${outdir}/inputs.json`, JSON.stringify([...Object.keys(out.metafile.inputs), "package.json"])]];
    for (const [path, contents] of files) {
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, contents);
      renameSync(tmp, path);
    }
    return true;
  } catch {
    return false;
  }
}

const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
const argv = process.argv.slice(2);
if (await makeBundle()) {
  if (argv[0] === "deps") {
    const { deps } = await import(pathToFileURL(depsBundle).href);
    process.exitCode = await deps(argv.slice(1), io);
  } else {
    const { main } = await import(pathToFileURL(bundle).href);
    process.exitCode = await main(argv, io);
  }
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import(pathToFileURL(`${root}src/cli/main.ts`).href);
  process.exitCode = await main(argv, io);
}
