// The embed's host protocol, version 1: the messages a host page and an embedded ksymns frame
// exchange with postMessage. Every field is validated here; anything else is ignored.

/** The envelope every message carries: `{ ksymns: 1, type, ... }`. */
export const PROTOCOL_VERSION = 1;

/** Limits on what a host may send (a frame never trusts a host's sizes). */
export const LIMITS = { files: 64, nameLength: 128, fileBytes: 1024 * 1024, totalBytes: 4 * 1024 * 1024, idLength: 64 } as const;

/** What the frame can do, announced in `ready`. */
export const CAPABILITIES = ["set-files", "set-options", "set-theme", "run", "get-state"] as const;

/** The themes a host may ask for ("auto" follows the reader's OS). */
export const THEMES = ["light", "dark", "auto"] as const;

export type HostMessage =
  | { type: "set-files"; id?: string; files: Record<string, string>; active?: string }
  | { type: "set-options"; id?: string; kernel?: string; relaxed?: boolean; profile?: boolean }
  | { type: "set-theme"; id?: string; theme: (typeof THEMES)[number] }
  | { type: "run"; id?: string }
  | { type: "get-state"; id?: string }
  | EditMessage;

/** The element's upgrade of a drawn embed: a frame opened with `edit=1` is handed the files as
 *  the reader left them, the caret (1-based) and the other end of a selection (if any), the
 *  code's scroll (CSS pixels) and the result tab,
 *  and takes the focus (unless `focus` is false: the frame reloaded after a move). Not a
 *  capability: only the element sends it. */
export interface EditMessage {
  type: "edit";
  id?: string;
  focus: boolean;
  files?: Record<string, string>;
  file: string;
  line: number;
  col: number;
  anchorLine?: number;
  anchorCol?: number;
  top: number;
  left: number;
  tab?: string;
}

/** The verdict of a run in a few fields, as a host shows it. */
export interface Verdicts {
  kernel: string;
  build: "clean" | "built anyway" | "failed";
  load: { cmd: string; exit: number }[];
  taint: number;
  errors: number;
  warnings: number;
}

/** One message of a run, as the problems pane lists it. */
export interface EmbedMessage {
  id: string;
  severity: "error" | "warning" | "info";
  stage: string;
  text: string;
  file: string;
  line: number;
}

/** A frame opened with `edit=1` to its element, before `ready` (not passed on to the host):
 *  it runs and loads the editor, or the editor could not load (`reason`). */
export interface EditorNews {
  type: "editor";
  state: "loading" | "failed";
  reason?: string;
}

export type FrameMessage =
  | { type: "ready"; version: number; capabilities: readonly string[]; readonly: boolean }
  | EditorNews
  // the reader left the editor by keyboard (Esc, then Tab or Shift+Tab) and nothing in the
  // frame is there to go to: the element moves the focus on in its page (not passed on)
  | { type: "leave"; forward: boolean }
  | { type: "change"; files: Record<string, string> }
  | { type: "result"; verdicts: Verdicts; messages: EmbedMessage[] }
  | { type: "resize"; height: number }
  | { type: "state"; id?: string; files: Record<string, string>; options: { kernel: string; relaxed: boolean; profile: boolean }; verdicts: Verdicts | null };

const FILE_NAME = /^[A-Za-z0-9_.+-][A-Za-z0-9_.+ -]*$/;
const KERNEL = /^\d{1,2}\.\d{1,2}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A host message if `data` is a well-formed one of this protocol, else null. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isObject(data) || data.ksymns !== PROTOCOL_VERSION || typeof data.type !== "string") return null;
  let id: string | undefined;
  if (data.id !== undefined) {
    if (typeof data.id !== "string" || data.id.length > LIMITS.idLength) return null;
    id = data.id;
  }
  switch (data.type) {
    case "set-files": {
      const files = parseFiles(data.files);
      if (!files) return null;
      if (data.active !== undefined && (typeof data.active !== "string" || !Object.hasOwn(files, data.active))) return null;
      return { type: "set-files", id, files, ...(data.active !== undefined ? { active: data.active as string } : {}) };
    }
    case "set-options": {
      const out: HostMessage & { type: "set-options" } = { type: "set-options", id };
      if (data.kernel !== undefined) {
        if (typeof data.kernel !== "string" || !KERNEL.test(data.kernel)) return null;
        out.kernel = data.kernel;
      }
      for (const k of ["relaxed", "profile"] as const) {
        if (data[k] === undefined) continue;
        if (typeof data[k] !== "boolean") return null;
        out[k] = data[k] as boolean;
      }
      return out;
    }
    case "set-theme":
      if (!THEMES.includes(data.theme as (typeof THEMES)[number])) return null;
      return { type: "set-theme", id, theme: data.theme as (typeof THEMES)[number] };
    case "run":
    case "get-state":
      return { type: data.type, id };
    case "edit": {
      const files = data.files === undefined ? undefined : parseFiles(data.files);
      if (files === null || typeof data.file !== "string" || !FILE_NAME.test(data.file) || data.file.length > LIMITS.nameLength) return null;
      const count = (v: unknown, min: number) => (typeof v === "number" && Number.isInteger(v) && v >= min && v < 1e7 ? v : null);
      const [line, col, top, left] = [count(data.line, 1), count(data.col, 1), count(data.top ?? 0, 0), count(data.left ?? 0, 0)];
      if (line === null || col === null || top === null || left === null) return null;
      const [anchorLine, anchorCol] = [count(data.anchorLine ?? 1, 1), count(data.anchorCol ?? 1, 1)];
      if (anchorLine === null || anchorCol === null || (data.anchorLine === undefined) !== (data.anchorCol === undefined)) return null;
      if (data.tab !== undefined && (typeof data.tab !== "string" || !/^[a-z]{1,32}$/.test(data.tab))) return null;
      if (data.focus !== undefined && typeof data.focus !== "boolean") return null;
      return {
        type: "edit",
        id,
        focus: data.focus !== false,
        file: data.file,
        line,
        col,
        ...(data.anchorLine !== undefined ? { anchorLine, anchorCol } : {}),
        top,
        left,
        ...(files ? { files } : {}),
        ...(data.tab !== undefined ? { tab: data.tab as string } : {}),
      };
    }
    default:
      return null;
  }
}

/** A file map if `v` is a plain object of text files within the limits, else null. */
export function parseFiles(v: unknown): Record<string, string> | null {
  if (!isObject(v)) return null;
  const entries = Object.entries(v);
  if (entries.length === 0 || entries.length > LIMITS.files) return null;
  let total = 0;
  // no prototype: a file called __proto__ is a file, and `active: "toString"` names none
  const out: Record<string, string> = Object.create(null);
  for (const [name, content] of entries) {
    if (name.length > LIMITS.nameLength || !FILE_NAME.test(name) || name === "." || name === "..") return null;
    if (typeof content !== "string" || content.length > LIMITS.fileBytes) return null;
    total += content.length;
    if (total > LIMITS.totalBytes) return null;
    out[name] = content;
  }
  return out;
}

/** The envelope around a frame message. */
export function envelope(m: FrameMessage): FrameMessage & { ksymns: number } {
  return { ksymns: PROTOCOL_VERSION, ...m };
}
