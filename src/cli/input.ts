// The files a user names on the command line, read within bounds: only regular files (a
// FIFO, a device, a socket or a folder is refused, never waited on or read without end), at
// most a stated size, checked before reading; every refusal names the file.

import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** A file that cannot be used as input; the message names it. */
export class InputError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  ENOTDIR: "no such file (a part of the path is not a folder)",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "the path is too long",
  EISDIR: "is a folder, not a file",
};

/** Why a file system call failed on `shown`, in words (errno codes as the reason). */
export function describeFsError(shown: string, err: unknown): string {
  const code = (err as { code?: string }).code ?? "";
  return `${shown}: ${REASONS[code] ?? (err instanceof Error ? err.message : String(err))}`;
}

function sizeText(bytes: number): string {
  return bytes >= 1 << 20 ? `${bytes / (1 << 20)} MiB` : `${bytes} bytes`;
}

/** The bytes of the regular file at `path` (`shown` in messages), at most `limit` of them. */
export async function readInput(path: string, shown: string, limit: number): Promise<Uint8Array> {
  let fh;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new InputError(describeFsError(shown, err));
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw new InputError(`${shown}: is a folder, not a file`);
    if (!st.isFile()) throw new InputError(`${shown}: is not a regular file (a FIFO, device or socket is never read)`);
    if (st.size > limit) throw new InputError(`${shown}: is larger than ${sizeText(limit)} (${st.size} bytes), the most ksymns reads in this file`);
    // the file may grow while it is read: never take more than the limit
    const buf = new Uint8Array(Math.min(st.size, limit) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > limit) throw new InputError(`${shown}: grew past ${sizeText(limit)} while it was read`);
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describeFsError(shown, err));
  } finally {
    await fh.close();
  }
}

/** The file as UTF-8 text (see readInput). */
export async function readTextInput(path: string, shown: string, limit: number): Promise<string> {
  return new TextDecoder().decode(await readInput(path, shown, limit));
}
