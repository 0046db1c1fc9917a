#!/usr/bin/env node
// The ksymns command's entry (bin): `ksymns deps` loads only its own code (it starts without
// the engine facade, the other commands and their Node modules); every other command goes
// through main.ts.

export {};

const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
const argv = process.argv.slice(2);
if (argv[0] === "deps") {
  const { deps } = await import("./deps");
  process.exitCode = await deps(argv.slice(1), io);
} else {
  const { main } = await import("./main");
  process.exitCode = await main(argv, io);
}
