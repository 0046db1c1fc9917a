#!/usr/bin/env node
// The ksymns command. Builds the engine on first use when the install step could not,
// then runs the TypeScript CLI through tsx.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = fileURLToPath(new URL("../../", import.meta.url));
if (!existsSync(`${root}wasm/build/ksymns.wasm`)) {
  process.stderr.write("ksymns: building the engine (first use)...\n");
  execFileSync(process.execPath, [`${root}node_modules/assemblyscript/bin/asc.js`, "wasm/assembly/index.ts", "--config", "wasm/asconfig.json", "--target", "release"], { cwd: root, stdio: "inherit" });
}
register();
const { main } = await import(pathToFileURL(`${root}src/cli/main.ts`).href);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
