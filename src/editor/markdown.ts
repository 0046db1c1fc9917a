// Markdown for hovers, built from workspace text (file, module, symbol and namespace names,
// modinfo strings) that a stranger's link or a dropped .ko chooses. Hover text is written with
// the `md` template, whose holes take only Markdown values: text goes in through `plain`,
// `bold` or `code`, escaped, so it can never form a link, an image, HTML or emphasis. The only
// live links are the project's own commands, which the hover allows by name.

/** Markdown that is safe to render: the project's own words, or escaped text. */
export type Markdown = string & { readonly __markdown: unique symbol };

/** The commands a hover may run: the editor's own, nothing a workspace can name. */
export const HOVER_COMMANDS = ["ksymns.reveal"] as const;

/** Monaco's trust setting for hover markdown: only HOVER_COMMANDS run. */
export const HOVER_TRUST = { enabledCommands: HOVER_COMMANDS };

/** Markdown from the project's own words (the template's literal parts) and Markdown values. */
export function md(words: TemplateStringsArray, ...parts: Markdown[]): Markdown {
  return words.reduce((out, w, i) => out + w + (i < parts.length ? parts[i] : ""), "") as Markdown;
}

/** Markdown values joined by `separator` (the project's own words). */
export function joinMarkdown(parts: readonly Markdown[], separator: string): Markdown {
  return parts.join(separator) as Markdown;
}

/** `text` shown literally: every ASCII punctuation mark backslash-escaped (CommonMark lets any
 *  be), line breaks as spaces, so nothing in it is markup. */
export function plain(text: string): Markdown {
  return text.replace(/[\r\n]+/g, " ").replace(/[!-/:-@[-`{-~]/g, "\\$&") as Markdown;
}

/** `text` in bold, shown literally. */
export function bold(text: string): Markdown {
  return `**${plain(text)}**` as Markdown;
}

/** `text` as an inline code span: fenced by one more backtick than its longest run, so the
 *  span cannot be closed from inside (a code span shows its contents literally). */
export function code(text: string): Markdown {
  const flat = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.trim() === "" ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}` as Markdown;
}

/** A link that runs one of HOVER_COMMANDS with `args`; its target is percent-encoded entirely
 *  (parentheses included), so nothing in the arguments can end the link early. */
export function commandLink(label: Markdown, command: (typeof HOVER_COMMANDS)[number], args: unknown[]): Markdown {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()!'*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](command:${command}?${query})` as Markdown;
}
