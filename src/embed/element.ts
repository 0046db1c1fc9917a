// <ksymns-playground>: a live ksymns example in any page, as easily as an image. Built into
// embed.js (a classic script, vite.config.ts): when the element nears the viewport it creates
// the embed frame (embed.html beside the script) with its files in the URL as a share link,
// sizes the frame from its resize messages and re-dispatches its messages as events. An embed
// whose files it holds needs no frame of its own: it is drawn in the shadow root (shadow.ts)
// and speaks the same protocol, without postMessage; an editable one becomes the frame on the
// reader's first edit, the frame loading behind it and taking over its state and the focus.
// Protocol and attributes: README.md, "Embedding".

import { encodeLink } from "../store/share";
import type { WorkspaceFile } from "../store/snapshot";
import { readSource } from "./source";
import { mountShadowEmbed, type DrawnEmbed } from "./shadow";
import { parseFlags } from "./flags";
import { focusableBeside } from "../editor/keyboard";

const FLAGS = ["preset", "view", "readonly", "theme", "kernel", "file", "lines", "toolbar", "run", "profile"];
const VERSION = 1;
const THEMES = ["light", "dark", "auto"];
const LINK = /^#?v\d+\/[A-Za-z0-9_-]+$/;
/** How long an editor frame that loaded may stay silent before it counts as failed (an error
 *  page, a script that did not arrive), and how long any may take to be ready (a stalled
 *  request), in ms. */
const SILENT_AFTER_LOAD = 3000;
const EDITOR_TIMEOUT = 60_000;
const SCRIPT = (document.currentScript as HTMLScriptElement | null)?.src;

type Waiter = { resolve(state: unknown): void; message: Record<string, unknown> };

/** A code block's text: the common indentation and the blank first and last lines removed. */
function dedent(text: string): string {
  const lines = text
    .replace(/^\s*\n/, "")
    .replace(/\n\s*$/, "")
    .split("\n");
  let indent = Infinity;
  for (const l of lines) if (l.trim()) indent = Math.min(indent, /^[ \t]*/.exec(l)![0].length);
  if (!isFinite(indent)) indent = 0;
  // "<\/script" stands for "</script" inside a script child, which cannot hold it
  return (
    lines
      .map((l) => l.slice(indent))
      .join("\n")
      .replace(/<\\\/script/gi, "</script") + "\n"
  );
}

/** The files written inside the element: `<script type="text/plain" data-file>` and `<template data-file>`. */
function childFiles(el: HTMLElement): WorkspaceFile[] {
  const out: WorkspaceFile[] = [];
  for (const node of el.querySelectorAll<HTMLElement>('script[type="text/plain"][data-file], template[data-file]')) {
    const text = node instanceof HTMLTemplateElement ? node.content.textContent : node.textContent;
    out.push({ name: node.dataset.file!, content: dedent(text ?? "") });
  }
  return out;
}

class KsymnsPlayground extends HTMLElement {
  static observedAttributes = ["theme"];

  private frame: HTMLIFrameElement | null = null;
  /** The protocol's way in when the embed is drawn in the shadow root instead of a frame. */
  private deliver: ((data: unknown) => void) | null = null;
  private drawn: DrawnEmbed | null = null;
  /** The frame loading behind a drawn embed the reader began to edit, until it takes over. */
  private upgrading: HTMLIFrameElement | null = null;
  /** The upgrading frame's watch: whether it said it runs, and the timers that fail it. */
  private watchUpgrade: { heard: boolean; timers: ReturnType<typeof setTimeout>[] } | null = null;
  /** The last result and change dispatched: the frame that takes over repeats them. */
  private last: { result?: string; change?: string } = {};
  private tookOver = false;
  /** The open file when the frame took over from the drawn embed (null: it did not). */
  private upgradedAt: string | null = null;
  private placeholder: HTMLDivElement | null = null;
  private observer: IntersectionObserver | null = null;
  private origin = "";
  private ready = false;
  /** How many times the frame said ready: more than once after a move (a moved iframe reloads). */
  private loads = 0;
  private pending: Record<string, unknown>[] = [];
  private waiters = new Map<string, Waiter>();
  private seq = 0;
  /** What a reloaded frame is given back: the latest files, options and theme. */
  private restore: { files?: Record<string, string>; active?: string; options?: Record<string, unknown>; theme?: string } = {};

  /** The ksymns site: the `playground` attribute, else where embed.js came from. */
  get playground(): string {
    return new URL(this.getAttribute("playground") || "./", SCRIPT || location.href).href;
  }

  connectedCallback(): void {
    addEventListener("message", this.onMessage);
    if (this.shadowRoot) {
      // moved in the page: the iframe reloads, so it must say ready again before it is told
      // anything (a drawn embed just moves)
      if (this.frame) this.ready = false;
      else if (!this.deliver && !this.observer) this.watch();
      return;
    }
    const shadow = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent =
      ":host{display:block;position:relative;margin:1em 0}iframe{display:block;width:100%;border:0;min-height:80px;transition:height .15s}" +
      "iframe.upgrading{position:absolute;left:0;top:0;opacity:0;pointer-events:none;transition:none}" +
      ".placeholder{box-sizing:border-box;border:1px solid #d0d4dc;border-radius:8px;display:flex;align-items:center;justify-content:center;padding:12px;color:#777;font:13px system-ui,sans-serif}" +
      ".placeholder.error{color:#b42318;border-color:#f4b7b2}";
    this.placeholder = document.createElement("div");
    this.placeholder.className = "placeholder";
    this.placeholder.style.height = `${parseInt(this.getAttribute("height") || "", 10) || 320}px`;
    this.placeholder.textContent = "ksymns example";
    shadow.append(style, this.placeholder);
    this.watch();
  }

  disconnectedCallback(): void {
    removeEventListener("message", this.onMessage);
    this.observer?.disconnect();
    this.observer = null;
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name !== "theme" || (!this.frame && !this.deliver)) return;
    this.restore.theme = value && THEMES.includes(value) ? value : "auto";
    this.post({ type: "set-theme", theme: this.restore.theme });
  }

  /** Creates the frame when the element comes within 200px of the viewport (at once with `eager`). */
  private watch(): void {
    if (!("IntersectionObserver" in window) || this.hasAttribute("eager")) return void this.create();
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.observer?.disconnect();
        this.observer = null;
        void this.create();
      },
      { rootMargin: "200px" },
    );
    this.observer.observe(this);
  }

  /** The share link hash of the element's files, "" for none (a preset or the default example). */
  private async hash(): Promise<string> {
    const attr = this.getAttribute("files");
    if (attr !== null) {
      if (!LINK.test(attr.trim())) throw new Error("the files attribute is not a ksymns link (v1/…)");
      return attr.trim().replace(/^#/, "");
    }
    let files = childFiles(this);
    const src = this.getAttribute("src");
    if (src) {
      const read = await readSource(new URL(src, document.baseURI));
      if (read.skipped.length) console.warn(`ksymns: ${src}: not workspace files, left out: ${read.skipped.join(", ")}`);
      files = read.files;
    }
    if (!files.length) return "";
    const active = this.getAttribute("file") ?? undefined;
    return encodeLink({ files, profile: true, relaxed: true, view: { file: active } });
  }

  private async create(): Promise<void> {
    if (this.frame || !this.placeholder) return;
    const url = new URL("embed.html", this.playground);
    this.origin = url.origin;
    for (const f of FLAGS) if (this.hasAttribute(f)) url.searchParams.set(f, this.getAttribute(f) || "1");
    url.searchParams.set("origins", location.origin);
    try {
      url.hash = await this.hash();
    } catch (err) {
      const message = `ksymns: ${err instanceof Error ? err.message : String(err)}`;
      this.placeholder.textContent = message;
      this.placeholder.classList.add("error");
      this.dispatchEvent(new CustomEvent("error", { detail: { message } }));
      return;
    }
    if (this.frame || this.deliver) return;
    if (this.drawsItself(url)) return this.draw(url);
    const frame = document.createElement("iframe");
    frame.title = this.getAttribute("title") || "ksymns example";
    frame.style.height = this.placeholder.style.height;
    frame.src = url.href;
    this.frame = frame;
    this.placeholder.replaceWith(frame);
  }

  /** Its files known here (a preset is read by the frame), where the browser can share one
   *  style sheet between shadow roots. */
  private drawsItself(url: URL): boolean {
    const flags = parseFlags(url.search);
    return (url.hash !== "" || !flags.preset) && "adoptedStyleSheets" in ShadowRoot.prototype;
  }

  /** Draws the embed in the shadow root, its messages passed as a frame's would be. */
  private draw(url: URL): void {
    const shadow = this.shadowRoot!;
    this.placeholder!.remove();
    this.drawn = mountShadowEmbed(shadow, {
      onEdit: () => this.upgrade(url),
      playground: this.playground,
      search: url.search,
      hash: url.hash.replace(/^#/, ""),
      port: {
        post: (m) => this.receive(m),
        listen: (on) => {
          this.deliver = on;
          return () => (this.deliver = null);
        },
      },
    });
  }

  /** The reader began to edit the drawn embed: its frame (the editor) loads behind it, opened
   *  on the workspace as it is now. */
  private upgrade(url: URL): void {
    if (this.upgrading || !this.drawn) return;
    const state = this.drawn.state();
    const edit = new URL(url.href);
    // the kernel is in the files' .config by now
    edit.searchParams.delete("kernel");
    edit.searchParams.set("theme", state.theme);
    edit.searchParams.set("profile", state.profile);
    edit.searchParams.set("run", "load");
    edit.searchParams.set("edit", "1");
    if (state.file) edit.searchParams.set("file", state.file);
    edit.hash = state.hash;
    const frame = document.createElement("iframe");
    frame.title = this.getAttribute("title") || "ksymns example";
    frame.className = "upgrading";
    frame.tabIndex = -1;
    frame.style.height = `${this.drawn.root.getBoundingClientRect().height}px`;
    frame.src = edit.href;
    this.origin = edit.origin;
    this.upgrading = frame;
    // a frame that never says it runs failed to load (the browser's error page loads too)
    const watch = (this.watchUpgrade = { heard: false, timers: [setTimeout(() => this.failUpgrade("it did not answer in time"), EDITOR_TIMEOUT)] });
    frame.addEventListener("load", () => {
      if (!watch.heard) watch.timers.push(setTimeout(() => !watch.heard && this.failUpgrade("its page did not load"), SILENT_AFTER_LOAD));
    });
    this.shadowRoot!.append(frame);
  }

  /** The upgrading frame could not load its editor: it goes, and the drawn embed stays, says
   *  so and offers a retry (which upgrades again). */
  private failUpgrade(reason: string): void {
    if (!this.upgrading) return;
    this.stopWatching();
    this.upgrading.remove();
    this.upgrading = null;
    this.drawn?.editorFailed(reason);
    this.dispatchEvent(new CustomEvent("error", { detail: { message: `ksymns: the editor could not load: ${reason}` } }));
  }

  private stopWatching(): void {
    for (const t of this.watchUpgrade?.timers ?? []) clearTimeout(t);
    this.watchUpgrade = null;
  }

  /** The upgrading frame has its editor: it takes the drawn embed's place, state and focus. */
  private takeOver(): void {
    const frame = this.upgrading!;
    const drawn = this.drawn!;
    this.stopWatching();
    const state = drawn.state();
    const height = drawn.root.getBoundingClientRect().height;
    // the focus follows only if the reader is still in the embed (not gone on in the page)
    const active = this.shadowRoot!.activeElement;
    const focus = !!active && drawn.root.contains(active);
    this.upgrading = this.drawn = null;
    drawn.dispose();
    frame.style.height = `${height}px`;
    frame.classList.remove("upgrading");
    frame.removeAttribute("tabindex");
    this.frame = frame;
    this.ready = true;
    this.loads = 1;
    this.tookOver = true;
    this.upgradedAt = state.file ?? Object.keys(state.files)[0];
    // what a reload after a move gives back
    this.restore.files = state.files;
    this.restore.active = state.file ?? undefined;
    if (this.restore.options) this.send({ type: "set-options", ...this.restore.options });
    const caret = state.caret ?? { line: 1, col: 1 };
    this.send({
      type: "edit",
      files: state.files,
      file: this.upgradedAt,
      line: caret.line,
      col: caret.col,
      ...(state.anchor ? { anchorLine: state.anchor.line, anchorCol: state.anchor.col } : {}),
      top: Math.round(state.top),
      left: Math.round(state.left),
      tab: state.tab,
      focus,
    });
    if (focus) frame.focus();
  }

  private onMessage = (e: MessageEvent): void => {
    if (e.origin !== this.origin) return;
    if (this.upgrading && e.source === this.upgrading.contentWindow) {
      const m = e.data as Record<string, unknown> | null;
      if (m?.ksymns !== VERSION) return;
      if (m.type === "ready") this.takeOver();
      else if (m.type === "editor" && m.state === "loading" && this.watchUpgrade) this.watchUpgrade.heard = true;
      else if (m.type === "editor" && m.state === "failed") this.failUpgrade(typeof m.reason === "string" ? m.reason.slice(0, 300) : "unknown error");
      return;
    }
    if (!this.frame || e.source !== this.frame.contentWindow) return;
    this.receive(e.data);
  };

  /** A message of the embed (its frame's, or its own when drawn in the shadow root). */
  private receive(data: unknown): void {
    const m = data as Record<string, unknown> | null;
    if (!m || typeof m !== "object" || m.ksymns !== VERSION || typeof m.type !== "string") return;
    const detail = { ...m };
    delete detail.ksymns;
    delete detail.type;
    switch (m.type) {
      case "resize":
        if (this.frame && typeof m.height === "number" && m.height > 0 && m.height < 10000) this.frame.style.height = `${Math.ceil(m.height)}px`;
        return;
      case "ready":
        this.onReady();
        break;
      case "leave":
        // the focus goes on past the element, as a Tab out of the last field of a form would
        if (document.activeElement === this) {
          const next = focusableBeside(this, m.forward !== false);
          if (next) next.focus();
          else this.frame?.blur();
        }
        return;
      case "change": {
        this.restore.files = m.files as Record<string, string>;
        const key = JSON.stringify(detail);
        if (key === this.last.change) return;
        this.last.change = key;
        break;
      }
      case "state": {
        const waiter = typeof m.id === "string" ? this.waiters.get(m.id) : undefined;
        if (waiter) {
          this.waiters.delete(m.id as string);
          return waiter.resolve(detail);
        }
        break;
      }
      case "result": {
        // the frame that took over repeats the drawn embed's last result first
        const key = JSON.stringify(detail);
        const repeat = this.tookOver && key === this.last.result;
        this.tookOver = false;
        if (repeat) return;
        this.last.result = key;
        break;
      }
      default:
        return;
    }
    this.dispatchEvent(new CustomEvent(m.type, { detail }));
  }

  /** A (re)loaded frame: after a reload it is given back what the reader and the host changed;
   *  then what waited for it, get-state requests the old frame never answered included. */
  private onReady(): void {
    this.ready = true;
    if (++this.loads > 1) {
      const { files, active, options, theme } = this.restore;
      if (files) this.send(active ? { type: "set-files", files, active } : { type: "set-files", files });
      if (options) this.send({ type: "set-options", ...options });
      if (theme) this.send({ type: "set-theme", theme });
      // a frame that took over waits to be handed over again, without the focus this time
      if (this.upgradedAt) this.send({ type: "edit", file: active ?? this.upgradedAt, line: 1, col: 1, top: 0, left: 0, focus: false });
    }
    const pending = this.pending;
    this.pending = [];
    for (const m of pending) this.send(m);
    for (const w of this.waiters.values()) if (!pending.includes(w.message)) this.send(w.message);
  }

  private send(message: Record<string, unknown>): void {
    if (this.deliver) this.deliver({ ...message, ksymns: VERSION });
    else this.frame!.contentWindow!.postMessage({ ...message, ksymns: VERSION }, this.origin);
  }

  private post(message: Record<string, unknown>): void {
    if (!this.ready || !(this.deliver || this.frame?.contentWindow)) this.pending.push(message);
    else this.send(message);
  }

  /** Replaces the workspace: `{ "name.c": "text", … }`, and opens `active`. */
  setFiles(files: Record<string, string>, active?: string): void {
    this.restore.files = files;
    this.restore.active = active;
    this.post(active ? { type: "set-files", files, active } : { type: "set-files", files });
  }

  /** Kernel release ("6.13"), relaxed and profile (booleans). */
  setOptions(options: { kernel?: string; relaxed?: boolean; profile?: boolean }): void {
    const m: Record<string, unknown> = {};
    for (const k of ["kernel", "relaxed", "profile"] as const) if (options && k in options) m[k] = options[k];
    this.restore.options = { ...this.restore.options, ...m };
    this.post({ type: "set-options", ...m });
  }

  /** Runs now (starts the engine of a run="click" embed). */
  run(): void {
    this.tookOver = false;
    this.post({ type: "run" });
  }

  /** Resolves to `{ files, options, verdicts }`. */
  getState(): Promise<unknown> {
    const id = `s${++this.seq}`;
    return new Promise((resolve) => {
      const message = { type: "get-state", id };
      this.waiters.set(id, { resolve, message });
      this.post(message);
    });
  }
}

if (!customElements.get("ksymns-playground")) customElements.define("ksymns-playground", KsymnsPlayground);
