// A ```ksymns fenced block, as the markdown-it and remark plugins read it: flags in the info
// string (`file=user.c lines=3-4 readonly`), files in the body after `--- NAME` lines, or a
// `preset=` and no body. Turned into the <ksymns-playground> tree (src/embed/snippet.js) with
// the files in its `files` attribute as a share link (src/store/linkcodec.js).

import { encodeLinkJson, textSnapshotJson } from "../src/store/linkcodec.js";
import { playgroundTree } from "../src/embed/snippet.js";

const FILE_NAME = /^[A-Za-z0-9_.+-][A-Za-z0-9_.+ -]{0,127}$/;
const SEPARATOR = /^---[ \t]+(\S.*?)[ \t]*$/;

/** The flags a block may set, each with the values it takes (the embed URL's flags, README). */
const FLAGS = {
  preset: /^[a-z0-9][a-z0-9.-]{0,80}$/,
  view: /^(code|result|split)$/,
  readonly: /^(|0|1)$/,
  theme: /^(light|dark|auto)$/,
  kernel: /^\d{1,2}\.\d{1,2}$/,
  file: /^.+$/,
  lines: /^\d+(-\d+)?(,\d+(-\d+)?)*$/,
  toolbar: /^(0|1)$/,
  run: /^(load|click)$/,
  profile: /^(auto|on|off)$/,
  height: /^\d{2,4}$/,
  title: /^.+$/,
  eager: /^(|1)$/,
};

/** An error in a block, naming the document and line. */
export class FenceError extends Error {}

/** The flags of an info string (after `ksymns`): `key=value`, `key="two words"`, bare `key`. */
function parseFlags(info, where) {
  const out = {};
  const re = /\s*([A-Za-z][\w-]*)(?:=("([^"]*)"|'([^']*)'|[^\s"']*))?/y;
  let rest = info.trim();
  while (rest) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m || m[0].trim() === "") throw new FenceError(`${where}: cannot read the ksymns flags at "${rest}"`);
    const key = m[1];
    // a bare flag (`readonly`) is on
    const value = m[2] === undefined ? "1" : (m[3] ?? m[4] ?? m[2]);
    if (!(key in FLAGS)) throw new FenceError(`${where}: unknown ksymns flag "${key}" (known: ${Object.keys(FLAGS).join(", ")})`);
    if (!FLAGS[key].test(value)) throw new FenceError(`${where}: ksymns flag ${key}=${JSON.stringify(value)} is not a value it takes`);
    if (key in out) throw new FenceError(`${where}: ksymns flag "${key}" is given twice`);
    out[key] = value;
    rest = rest.slice(m[0].length).trim();
  }
  return out;
}

/** The files of a block's body: each starts at a `--- NAME` line. `line` is the body's first line in the document. */
function parseFiles(body, where, line) {
  const files = [];
  const lines = body.replace(/\n$/, "").split("\n");
  if (lines.length === 1 && lines[0].trim() === "") return files;
  lines.forEach((text, i) => {
    const sep = SEPARATOR.exec(text);
    if (sep) {
      const name = sep[1];
      if (!FILE_NAME.test(name) || name === "." || name === "..") throw new FenceError(`${where(line + i)}: "${name}" cannot be a workspace file name`);
      if (files.some((f) => f.name === name)) throw new FenceError(`${where(line + i)}: the file ${name} appears twice`);
      files.push({ name, lines: [] });
    } else if (files.length === 0) {
      if (text.trim() !== "") throw new FenceError(`${where(line + i)}: a ksymns block starts with the line "--- NAME" naming its first file`);
    } else files.at(-1).lines.push(text);
  });
  return files.map((f) => {
    while (f.lines.length && f.lines.at(-1).trim() === "") f.lines.pop();
    return { name: f.name, content: f.lines.length ? f.lines.join("\n") + "\n" : "" };
  });
}

/**
 * The element tree of a ksymns block. `info` is the info string after `ksymns`, `body` the
 * block's text, `where(n)` names line n of the document (for errors); `playground` is the
 * ksymns site (for the "Open in ksymns" link; none without it); `attributes` are added to the
 * element as they are (e.g. `v-pre` for Vue).
 */
export function fenceTree(info, body, where, { playground, attributes = {}, firstLine = 1 } = {}) {
  const flags = parseFlags(info, where(firstLine));
  const files = parseFiles(body, where, firstLine + 1);
  if (!files.length && !flags.preset) throw new FenceError(`${where(firstLine)}: a ksymns block needs files ("--- user.c" and its text) or a preset=`);
  if (files.length && flags.preset) throw new FenceError(`${where(firstLine)}: a ksymns block takes files or a preset=, not both`);
  if (flags.file && files.length && !files.some((f) => f.name === flags.file))
    throw new FenceError(`${where(firstLine)}: file=${flags.file} names none of the block's files (${files.map((f) => f.name).join(", ")})`);
  const active = flags.file ?? files.find((f) => /\.c$/.test(f.name))?.name;
  const link = files.length ? encodeLinkJson(textSnapshotJson(Object.fromEntries(files.map((f) => [f.name, f.content])), active)) : undefined;
  const base = playground ? new URL("./", playground).href : undefined;
  const open = base && (link ? `${base}index.html#${link}` : `${base}index.html#example/${flags.preset}`);
  return playgroundTree({ link, attributes: { ...flags, ...attributes }, files, open });
}
