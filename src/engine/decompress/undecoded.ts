// How the host tells the engine which compressed modules it did not decompress and why, so
// that the engine reports each as it reports any file over a limit or unreadable: one
// `undecoded=REASON NAME` option line a file, the name as hex UTF-16 code units (a file name
// may hold any character, a line break included).

import type { Undecoded } from "./decompress";

function hexName(name: string): string {
  let out = "";
  for (let i = 0; i < name.length; i++) out += name.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
}

/** The option lines for wasm/assembly/run.ts's parseOptions(). */
export function undecodedOptions(list: Undecoded[]): string[] {
  return list.map((u) => `undecoded=${u.reason}:${u.format} ${hexName(u.file)}`);
}
