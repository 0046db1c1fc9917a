// Edits of the workspace's .config text, so the kernel controls and the file never disagree:
// `CONFIG_X=y` / `# CONFIG_X is not set` lines, in scripts/kconfig's own spelling (the header
// naming the release is wasm/shared/configheader.ts's).

/** `text` with option `key` set to `on`, replacing its line or appending one. */
export function setConfigOption(text: string, key: string, on: boolean): string {
  const line = on ? `${key}=y` : `# ${key} is not set`;
  const re = new RegExp(`^(?:${key}=.*|#\\s*${key} is not set)[ \\t]*$`, "m");
  if (re.test(text)) return text.replace(re, line);
  return text + (text === "" || text.endsWith("\n") ? "" : "\n") + line + "\n";
}
