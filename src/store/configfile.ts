// Edits of the workspace's .config text, so the kernel controls and the file never disagree:
// the header line the kernel writes (`# Linux/x86 6.12.0 Kernel Configuration`) and
// `CONFIG_X=y` / `# CONFIG_X is not set` lines, in scripts/kconfig's own spelling.

const HEADER = /^#\s*Linux\/(\S+)\s+\S+\s+Kernel Configuration[ \t]*$/m;

/** `text` with its header naming release `version` (e.g. "6.13"), added when missing. */
export function setConfigRelease(text: string, version: string): string {
  const m = HEADER.exec(text);
  if (m) return text.slice(0, m.index) + `# Linux/${m[1]} ${version}.0 Kernel Configuration` + text.slice(m.index + m[0].length);
  return `# Linux/x86 ${version}.0 Kernel Configuration\n` + text;
}

/** `text` with option `key` set to `on`, replacing its line or appending one. */
export function setConfigOption(text: string, key: string, on: boolean): string {
  const line = on ? `${key}=y` : `# ${key} is not set`;
  const re = new RegExp(`^(?:${key}=.*|#\\s*${key} is not set)[ \\t]*$`, "m");
  if (re.test(text)) return text.replace(re, line);
  return text + (text === "" || text.endsWith("\n") ? "" : "\n") + line + "\n";
}
