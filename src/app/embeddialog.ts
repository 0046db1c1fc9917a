// Share → Embed: the iframe and <ksymns-playground> snippets for the current workspace, to
// paste into documentation, course notes or slides (the URL flags are in README "Embedding").

import { h } from "../views";
import { encodeLink, selectSnapshot, type PlaygroundStore } from "../store";
import { playgroundTree, toHtml } from "../embed/snippet.js";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The embed snippets for the workspace in `store`, for a site at `base`. */
export function embedSnippets(
  store: PlaygroundStore,
  base: URL,
  options: { readonly?: boolean; view?: string } = {},
): { iframe: string; element: string; url: string } {
  const s = store.getState();
  const hash = encodeLink(selectSnapshot(s));
  const q = new URLSearchParams();
  if (s.activeFile) q.set("file", s.activeFile);
  if (options.view && options.view !== "split") q.set("view", options.view);
  if (options.readonly) q.set("readonly", "1");
  const url = `${new URL("embed.html", base).href}?${q}#${hash}`;
  const full = `${new URL("index.html", base).href}#${hash}`;
  const iframe = `<iframe src="${escapeHtml(url)}" title="ksymns example" loading="lazy" style="width:100%;height:420px;border:0"></iframe>`;
  // the workspace travels in the files attribute (a share link: no file content can break the
  // host page, whatever it holds); the files are shown again as code for readers without JavaScript
  const attributes: Record<string, string> = {};
  if (s.activeFile) attributes.file = s.activeFile;
  if (options.view && options.view !== "split") attributes.view = options.view;
  if (options.readonly) attributes.readonly = "";
  const files = s.files.map((f) => ({ name: f.name, content: typeof f.content === "string" ? f.content : `(a binary file of ${f.content.length} bytes)` }));
  const tree = playgroundTree({ link: hash, attributes, files, open: full });
  const element = `<script src="${escapeHtml(new URL("embed.js", base).href)}" defer></script>\n<link rel="stylesheet" href="${escapeHtml(new URL("embed.css", base).href)}">\n${toHtml(tree)}`;
  return { iframe, element, url };
}

/** Opens the Embed dialog. */
export function embedDialog(store: PlaygroundStore, base: URL = new URL("./", document.baseURI)): HTMLDialogElement {
  const readonly = h("input", { type: "checkbox", id: "embed-readonly" });
  const view = h(
    "select",
    { id: "embed-view", "aria-label": "Panes" },
    h("option", { value: "split" }, "code and verdict"),
    h("option", { value: "code" }, "code only"),
    h("option", { value: "result" }, "verdict only"),
  );
  const iframeText = h("textarea", { class: "embed-snippet", id: "embed-iframe", readOnly: true, rows: 4, spellcheck: false, "aria-label": "iframe snippet" });
  const elementText = h("textarea", {
    class: "embed-snippet",
    id: "embed-element",
    readOnly: true,
    rows: 8,
    spellcheck: false,
    "aria-label": "Custom element snippet",
  });
  const render = () => {
    const snip = embedSnippets(store, base, { readonly: readonly.checked, view: view.value });
    iframeText.value = snip.iframe;
    elementText.value = snip.element;
  };
  readonly.addEventListener("change", render);
  view.addEventListener("change", render);
  const copy = (t: HTMLTextAreaElement) => () => {
    t.select();
    void navigator.clipboard?.writeText(t.value).catch(() => {});
  };
  const close = h("button", { type: "submit", class: "btn" }, "Close");
  const dialog = h(
    "dialog",
    { class: "dialog embed-dialog", "aria-labelledby": "embed-title" },
    h(
      "form",
      { method: "dialog" },
      h("h2", { id: "embed-title" }, "Embed this workspace"),
      h(
        "p",
        { class: "muted" },
        "Paste into documentation, course notes or slides. The example shows highlighted code and the verdict at once, and loads the editor on the first click.",
      ),
      h("p", null, h("label", null, readonly, " read-only"), " · ", h("label", null, "show ", view)),
      h("h3", null, "Custom element"),
      elementText,
      h(
        "div",
        { class: "dialog-buttons" },
        h("button", { type: "button", class: "btn", id: "copy-element", on: { click: copy(elementText) } }, "Copy element"),
      ),
      h("h3", null, "iframe"),
      iframeText,
      h(
        "div",
        { class: "dialog-buttons" },
        h("button", { type: "button", class: "btn", id: "copy-iframe", on: { click: copy(iframeText) } }, "Copy iframe"),
        close,
      ),
    ),
  );
  render();
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
