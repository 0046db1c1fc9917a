// Runs the ksymns command as a user does (its bundle, node dist/cli/ksymns.mjs …, made by
// test/support/build-cli.ts) and gives back its exit status and output, whatever the status.

import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
export const CLI = new URL("../../dist/cli/ksymns.mjs", import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function ksymns(...args: string[]): Promise<CliRun> {
  return ksymnsIn({}, ...args);
}

/** The same, with a working folder and an environment of its own. */
export async function ksymnsIn(o: { cwd?: string; env?: NodeJS.ProcessEnv }, ...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 1 << 26, cwd: o.cwd, env: o.env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
