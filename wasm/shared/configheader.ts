// The header comment scripts/kconfig writes at the top of a .config ("# Linux/x86 6.12.0
// Kernel Configuration"): where a workspace names its release. Compiled by asc and tsc alike,
// so the engine reads it and the page rewrites it with one grammar.

/** The header line found in a .config text: its character range, architecture and release as written. */
export class ConfigHeader {
  constructor(
    public start: i32,
    public end: i32,
    public arch: string,
    public release: string,
  ) {}
}

/** The release a header line names ("6.12.0"), or "" when `line` is not a header. */
export function headerRelease(line: string): string {
  const body = line.trim();
  // the one comment of thousands that names a release says "Linux/"
  if (!body.startsWith("#") || !body.includes("Linux/")) return "";
  const words = body.substring(1).trim().split(" ");
  const clean: string[] = [];
  for (let i = 0; i < words.length; i++) if (words[i].length > 0) clean.push(words[i]);
  if (clean.length != 4 || !clean[0].startsWith("Linux/") || clean[2] != "Kernel" || clean[3] != "Configuration") return "";
  return clean[1];
}

/** The first header line of `text`, or null. */
export function findConfigHeader(text: string): ConfigHeader | null {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.substring(start, end);
    const release = headerRelease(line);
    if (release.length > 0) {
      const body = line.trim().substring(1).trim();
      return new ConfigHeader(start, end, body.substring(6, body.indexOf(" ")), release);
    }
    start = end + 1;
  }
  return null;
}

/** The header line for `release` (a series such as "6.13" is written "6.13.0"). */
export function configHeaderLine(arch: string, release: string): string {
  const full = release.split(".").length == 2 ? release + ".0" : release;
  return "# Linux/" + arch + " " + full + " Kernel Configuration";
}

/** `text` with its header naming `release`, the header added when missing. */
export function withConfigRelease(text: string, release: string): string {
  const h = findConfigHeader(text);
  if (h == null) return configHeaderLine("x86", release) + "\n" + text;
  return text.substring(0, h.start) + configHeaderLine(h.arch, release) + text.substring(h.end);
}
