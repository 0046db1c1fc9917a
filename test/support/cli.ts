// Runs the ksymns command as a user does (node src/cli/ksymns.js …) and gives back its exit
// status and output, whatever the status.

import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
export const CLI = new URL("../../src/cli/ksymns.js", import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function ksymns(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
