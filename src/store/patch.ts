// A patch applied to the workspace: a unified diff, or `git format-patch` mail (one message or
// an mbox of a series), parsed and applied with the `diff` library. Files the patch creates are
// added, files it changes are patched where the workspace has them (by path, else by the one
// file of that name), hunks that do not apply are listed with their reason, and the mail's
// subject, author and Message-ID become the workspace's story.

import { applyPatch, parsePatch, type StructuredPatch, type StructuredPatchHunk } from "diff";
import type { WorkspaceFile } from "./snapshot";

/** What the mail a patch came in says about it. */
export interface PatchStory {
  /** The subject without its [PATCH …] tag. */
  subject: string;
  author: string;
  date: string;
  /** The commit message. */
  message: string;
  messageId: string;
  /** The message on lore.kernel.org, "" without a Message-ID. */
  link: string;
}

/** A hunk that did not apply, and why. */
export interface PatchFailure {
  file: string;
  /** The hunk's header, e.g. "@@ -10,6 +10,7 @@". */
  hunk: string;
  reason: string;
}

/** What applying a patch to the workspace came to. */
export interface PatchOutcome {
  /** The workspace with every hunk that applied. */
  files: WorkspaceFile[];
  added: string[];
  changed: string[];
  deleted: string[];
  failed: PatchFailure[];
  /** The story of the first mail, or null for a bare diff. */
  story: PatchStory | null;
  /** The patch held no file change at all (not a patch). */
  empty: boolean;
}

/** One mail of an mbox or a single format-patch message, or a bare diff (no headers). */
interface Mail {
  headers: Map<string, string>;
  body: string;
}

/** RFC 2047 encoded words (=?UTF-8?q?…?= and =?UTF-8?b?…?=), as format-patch writes non-ASCII names. */
function decodeWords(text: string): string {
  // white space between two encoded words is not part of the text
  return text.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([\w-]+)\?([qQbB])\?([^?]*)\?=/g, (_, charset: string, enc: string, data: string) => {
    const bytes =
      enc.toLowerCase() === "b"
        ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
        : Uint8Array.from(
            data.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            (c) => c.charCodeAt(0),
          );
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      return data;
    }
  });
}

/** Splits an mbox into its mails ("From <sha> Mon Sep 17 00:00:00 2001" lines start each). */
function splitMails(text: string): Mail[] {
  const normal = text.replace(/\r\n/g, "\n");
  const parts = normal.split(/^(?=From \S+ +\w{3} \w{3} +\d+ [\d:]+ \d{4}\s*$)/m).filter((p) => p.trim());
  return (parts.length ? parts : [normal]).map((part) => {
    const lines = part.split("\n");
    if (/^From \S+ /.test(lines[0])) lines.shift();
    const headers = new Map<string, string>();
    let i = 0;
    // a mail starts with headers (Name: value, continued by indented lines) up to a blank line
    if (/^[\w-]+: /.test(lines[0] ?? "")) {
      let last = "";
      for (; i < lines.length && lines[i] !== ""; i++) {
        const m = /^([\w-]+):\s*(.*)$/.exec(lines[i]);
        if (m) headers.set((last = m[1].toLowerCase()), m[2]);
        else if (/^\s/.test(lines[i]) && last) headers.set(last, `${headers.get(last)} ${lines[i].trim()}`);
        else break;
      }
    }
    return { headers, body: lines.slice(i).join("\n") };
  });
}

function storyOf(mail: Mail): PatchStory | null {
  const h = mail.headers;
  if (!h.has("subject") && !h.has("from")) return null;
  const subject = decodeWords(h.get("subject") ?? "")
    .replace(/^(\s*\[[^\]]*\]\s*)+/, "")
    .trim();
  const messageId = (h.get("message-id") ?? "").trim().replace(/^<|>$/g, "");
  const diffAt = mail.body.search(/^(diff --git |--- |Index: )/m);
  const message = (diffAt >= 0 ? mail.body.slice(0, diffAt) : mail.body).split(/^---\s*$/m)[0].trim();
  return {
    subject,
    author: decodeWords(h.get("from") ?? "")
      .replace(/\s+/g, " ")
      .trim(),
    date: (h.get("date") ?? "").trim(),
    message,
    messageId,
    link: messageId ? `https://lore.kernel.org/r/${encodeURIComponent(messageId).replace(/%40/g, "@")}` : "",
  };
}

/** A path as a patch names it, without git's a/ and b/ prefixes; "" for /dev/null. */
function pathOf(name: string | undefined): string {
  if (!name || name === "/dev/null") return "";
  return name.replace(/^[ab]\//, "");
}

/** The workspace file a patch path means: the same path, else the only file of that base name. */
function findFile(files: WorkspaceFile[], path: string): WorkspaceFile | undefined {
  const exact = files.find((f) => f.name === path);
  if (exact) return exact;
  const base = path.split("/").pop()!;
  const same = files.filter((f) => f.name.split("/").pop() === base);
  return same.length === 1 ? same[0] : undefined;
}

function hunkHeader(h: StructuredPatchHunk): string {
  return `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`;
}

/** Applies the hunks of one file patch to `text` one by one; returns the text and the failures. */
function applyHunks(text: string, patch: StructuredPatch, file: string, failed: PatchFailure[]): { text: string; applied: number } {
  let applied = 0;
  for (const hunk of patch.hunks) {
    const next = applyPatch(text, { ...patch, hunks: [hunk] });
    if (next === false) {
      const removed = hunk.lines.filter((l) => l.startsWith("-")).length;
      failed.push({
        file,
        hunk: hunkHeader(hunk),
        reason: removed ? `the lines it changes or its context are not in ${file} (as the patch's author had it)` : `its context is not in ${file}`,
      });
      continue;
    }
    text = next;
    applied++;
  }
  return { text, applied };
}

/** Applies `patchText` (a diff, a format-patch mail or an mbox of several) to `files`. */
export function applyPatchText(files: WorkspaceFile[], patchText: string): PatchOutcome {
  const mails = splitMails(patchText);
  const out: PatchOutcome = { files: [...files], added: [], changed: [], deleted: [], failed: [], story: null, empty: true };
  for (const mail of mails) {
    out.story ??= storyOf(mail);
    const diffAt = mail.body.search(/^(diff --git |--- |Index: )/m);
    if (diffAt < 0) continue;
    let patches: StructuredPatch[];
    try {
      // a mail's signature ("-- " and git's version) would read as a removed line
      patches = parsePatch(mail.body.slice(diffAt).replace(/\n-- \n[^\n]*\s*$/, "\n"));
    } catch (err) {
      out.failed.push({ file: "", hunk: "", reason: `the patch cannot be read: ${(err as Error).message}` });
      continue;
    }
    for (const p of patches) {
      const from = pathOf(p.oldFileName);
      const to = pathOf(p.newFileName);
      if (!from && !to) continue;
      out.empty = false;
      if (!to) {
        const gone = findFile(out.files, from);
        if (gone) {
          out.files = out.files.filter((f) => f !== gone);
          out.deleted.push(gone.name);
        } else out.failed.push({ file: from, hunk: "", reason: `the patch deletes ${from}, which the workspace does not have` });
        continue;
      }
      const target = from ? findFile(out.files, from) : undefined;
      if (!from || (p.isCreate ?? false)) {
        if (findFile(out.files, to)) {
          out.failed.push({ file: to, hunk: "", reason: `the patch creates ${to}, but the workspace already has it` });
          continue;
        }
        const base = to.split("/").pop()!;
        const name = out.files.some((f) => f.name === base) ? to : base;
        const { text } = applyHunks("", p, name, out.failed);
        out.files.push({ name, content: text });
        out.added.push(name);
        continue;
      }
      if (!target) {
        out.failed.push({ file: from, hunk: "", reason: `${from} is not in the workspace` });
        continue;
      }
      if (typeof target.content !== "string") {
        out.failed.push({ file: target.name, hunk: "", reason: `${target.name} is a binary file` });
        continue;
      }
      const { text, applied } = applyHunks(target.content, p, target.name, out.failed);
      if (!applied) continue;
      const renamed = to !== from && !findFile(out.files, to) ? (to.split("/").pop() ?? to) : target.name;
      out.files = out.files.map((f) => (f === target ? { name: renamed, content: text } : f));
      out.changed.push(renamed);
    }
  }
  return out;
}

/** Whether a file name is a patch (opened or dropped, it is applied rather than added). */
export function isPatchFile(name: string): boolean {
  return /\.(patch|diff|mbox|eml)$/i.test(name);
}
