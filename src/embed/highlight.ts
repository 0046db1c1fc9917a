// A tiny highlighter for the light embed: kernel C, Kbuild, .config, load scripts and
// Module.symvers as spans, so the frame shows coloured code without loading Monaco.

const C_KEYWORDS = new Set(
  "auto break case char const continue default do double else enum extern float for goto if inline int long register return short signed sizeof static struct switch typedef union unsigned void volatile while bool u8 u16 u32 u64 size_t __init __exit".split(
    " ",
  ),
);
const MACRO = /^(EXPORT_SYMBOL\w*|MODULE_\w+|module_init|module_exit|DEFAULT_SYMBOL_NAMESPACE|pr_\w+|printk)$/;

const C_TOKENS = /(\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*)|("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)|(^[ \t]*#[^\n]*)|(\b\d[\w.]*\b)|([A-Za-z_]\w*)/gm;
const HASH_TOKENS =
  /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"?)|(\b(?:obj|ccflags|CFLAGS)[\w$()-]*|\bCONFIG_\w+|\b(?:insmod|rmmod|modprobe|modinfo|lsmod|busybox)\b)|(\b0x[0-9a-fA-F]+\b|\b\d+\b)/gm;

/** The token class of each piece of `text`, as [class, text] pairs ("" for plain). */
export function tokenize(name: string, text: string): [string, string][] {
  const out: [string, string][] = [];
  let last = 0;
  const c = /\.(c|h)$/.test(name);
  const re = new RegExp(c ? C_TOKENS : HASH_TOKENS);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === "") {
      re.lastIndex++;
      continue;
    }
    let cls = "";
    if (c) {
      if (m[1]) cls = "tok-comment";
      else if (m[2]) cls = "tok-string";
      else if (m[3]) cls = "tok-pp";
      else if (m[4]) cls = "tok-number";
      else if (m[5]) cls = C_KEYWORDS.has(m[5]) ? "tok-keyword" : MACRO.test(m[5]) ? "tok-macro" : "";
    } else {
      cls = m[1] ? "tok-comment" : m[2] ? "tok-string" : m[3] ? "tok-keyword" : "tok-number";
    }
    if (!cls) continue;
    if (m.index > last) out.push(["", text.slice(last, m.index)]);
    out.push([cls, m[0]]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(["", text.slice(last)]);
  return out;
}

/** The file as one element per line (`.line`, `.hl` for highlighted lines), spans inside. */
export function highlightLines(name: string, text: string, marked: ReadonlySet<number>): HTMLElement[] {
  const lines: HTMLElement[] = [];
  let line = document.createElement("span");
  const push = () => {
    line.className = marked.has(lines.length + 1) ? "line hl" : "line";
    line.dataset.line = String(lines.length + 1);
    lines.push(line);
    line = document.createElement("span");
  };
  for (const [cls, piece] of tokenize(name, text)) {
    const parts = piece.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) {
        line.append("\n");
        push();
      }
      if (!part) return;
      if (!cls) line.append(part);
      else {
        const span = document.createElement("span");
        span.className = cls;
        span.textContent = part;
        line.append(span);
      }
    });
  }
  if (line.childNodes.length || lines.length === 0) push();
  return lines;
}
