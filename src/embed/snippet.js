// The <ksymns-playground> markup documentation carries, in one place for the Embed dialog and
// the markdown-it and remark plugins (integrations/): the workspace in the `files` attribute (a
// share link: letters, digits and `/-_` only, so no HTML, Vue or JSX reader can break on it),
// each text file again as a code block for readers without JavaScript (the element hides them
// once it runs), and a link to the playground. Built as a hast tree (remark takes it as it is)
// with a small HTML writer. Plain JavaScript, so that a documentation site's Node build uses it.

/** The share link's payload and shape; what the element's `files` attribute holds. */
const LINK = /^v\d+\/[A-Za-z0-9_-]+$/;

const element = (tagName, properties, children) => ({ type: "element", tagName, properties, children });
const text = (value) => ({ type: "text", value });

/** The code block language of a workspace file, for hosts that highlight code blocks. */
export function languageOf(name) {
  if (/\.[ch]$/.test(name)) return "c";
  if (name === "Kbuild" || name === "Makefile") return "makefile";
  if (name === "load") return "shell";
  if (name === ".config") return "ini";
  return "text";
}

/**
 * The element as a hast tree. `link` is the workspace's share link (`v1/…`); `attributes` are
 * the element's other attributes (URL flags, height, title); `files` the text files shown to
 * readers without JavaScript; `open` the playground URL of "Open in ksymns".
 */
export function playgroundTree({ link, attributes = {}, files = [], open }) {
  if (link !== undefined && !LINK.test(link)) throw new Error(`not a ksymns share link: ${String(link).slice(0, 40)}`);
  const properties = { ...attributes };
  if (link !== undefined) properties.files = link;
  const children = files.map((f) =>
    element("figure", { className: ["ksymns-file"] }, [
      element("figcaption", {}, [text(f.name)]),
      element("pre", {}, [element("code", { className: [`language-${languageOf(f.name)}`] }, [text(f.content)])]),
    ]),
  );
  if (open) children.push(element("p", { className: ["ksymns-open"] }, [element("a", { href: open }, [text("Open in ksymns")])]));
  return element("ksymns-playground", properties, children);
}

const escapeText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s) => escapeText(s).replace(/"/g, "&quot;");

/** HTML for a hast tree of elements and text (as playgroundTree makes), indented by `indent`. */
export function toHtml(node, indent = "") {
  if (node.type === "text") return escapeText(node.value);
  const attrs = Object.entries(node.properties ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => {
      const name = k === "className" ? "class" : k;
      const value = Array.isArray(v) ? v.join(" ") : String(v);
      return value === "" ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
    })
    .join("");
  const blocks = node.children.some((c) => c.type === "element" && ["figure", "p"].includes(c.tagName));
  const inner = blocks
    ? node.children.map((c) => `\n${indent}  ${toHtml(c, indent + "  ")}`).join("") + `\n${indent}`
    : node.children.map((c) => toHtml(c, indent)).join("");
  return `<${node.tagName}${attrs}>${inner}</${node.tagName}>`;
}
