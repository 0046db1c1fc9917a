// The embed's URL contract: `embed.html?flags#v1/<workspace>`. The hash is the share link's
// (src/store/share.ts); the query holds how the frame shows it. Unknown or bad values fall
// back to the defaults, never to an error page.

/** The embed's options, read from its URL. */
export interface EmbedFlags {
  preset: string | null;
  readonly: boolean;
  view: "code" | "result" | "split";
  file: string | null;
  /** 1-based lines to highlight in the opening file. */
  lines: number[];
  theme: "light" | "dark" | "auto";
  kernel: string | null;
  toolbar: boolean;
  run: "load" | "click";
  /** "auto": the base kernel's table only when the workspace uses symbols it does not export itself. */
  profile: "auto" | "on" | "off";
  /** Origins allowed to drive the frame and to receive its messages. */
  origins: string[];
  /** Opened by the element to take over a drawn embed: the editor loads at once, `ready` waits
   *  for it, and an `edit` message hands over the caret. */
  edit: boolean;
}

const pick = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
const bool = (v: string | null, fallback: boolean): boolean => (v === null ? fallback : v === "" || v === "1" || v === "true" || v === "yes");

/** Lines from `4-6,9` (at most 200 of them). */
export function parseLines(v: string | null): number[] {
  const out: number[] = [];
  for (const part of (v ?? "").split(",")) {
    const m = /^\s*(\d{1,5})(?:\s*-\s*(\d{1,5}))?\s*$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let i = a; i <= b && out.length < 200; i++) if (i > 0) out.push(i);
  }
  return out;
}

/** Origins from `https://a.example,http://localhost:8000`; anything that is not an origin is dropped. */
export function parseOrigins(v: string | null): string[] {
  const out: string[] = [];
  for (const part of (v ?? "").split(/[\s,]+/)) {
    if (!part) continue;
    try {
      const u = new URL(part);
      if ((u.protocol === "https:" || u.protocol === "http:") && u.origin === part.replace(/\/$/, "")) out.push(u.origin);
    } catch {
      // not a URL: ignored
    }
  }
  return out;
}

/** The flags of an embed URL's query string. */
export function parseFlags(search: string): EmbedFlags {
  const q = new URLSearchParams(search);
  const preset = q.get("preset");
  const kernel = q.get("kernel");
  const file = q.get("file");
  return {
    preset: preset && /^[a-z0-9][a-z0-9.-]{0,80}$/.test(preset) ? preset : null,
    readonly: bool(q.get("readonly"), false),
    view: pick(q.get("view"), ["code", "result", "split"], "split"),
    file: file && file.length <= 128 ? file : null,
    lines: parseLines(q.get("lines")),
    theme: pick(q.get("theme"), ["light", "dark", "auto"], "auto"),
    kernel: kernel && /^\d{1,2}\.\d{1,2}$/.test(kernel) ? kernel : null,
    toolbar: bool(q.get("toolbar"), true),
    run: pick(q.get("run"), ["load", "click"], "load"),
    profile: pick(q.get("profile"), ["auto", "on", "off"], "auto"),
    origins: parseOrigins(q.get("origins")),
    edit: bool(q.get("edit"), false),
  };
}
