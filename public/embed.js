// <ksymns-playground>: a live ksymns example in any page, as easily as an image. One small
// script, no Monaco in the host page: the element creates the embed frame (embed.html next
// to this script) when it scrolls into view, sizes it from the frame's resize messages and
// re-dispatches the frame's messages as events (ready, change, result). Protocol: README.md.
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.customElements || customElements.get("ksymns-playground")) return;

  var SCRIPT = document.currentScript && document.currentScript.src;
  var FLAGS = ["preset", "view", "readonly", "theme", "kernel", "file", "lines", "toolbar", "run", "profile"];
  var VERSION = 1;

  function toBase64Url(bytes) {
    var bin = "";
    for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // the share link's format (#v1/ + base64url(raw deflate(JSON))), written with the browser's own deflate
  function encodeLink(files, active) {
    var json = { f: files.map(function (f) { return [f.name, f.content]; }), p: 1, r: 1 };
    if (active) json.a = active;
    var stream = new Blob([JSON.stringify(json)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buf) { return "v1/" + toBase64Url(new Uint8Array(buf)); });
  }

  // a code block's text: the common indentation and the blank first/last lines removed
  function dedent(text) {
    var lines = text.replace(/^\s*\n/, "").replace(/\n\s*$/, "").split("\n");
    var indent = Infinity;
    lines.forEach(function (l) { if (l.trim()) indent = Math.min(indent, l.match(/^[ \t]*/)[0].length); });
    if (!isFinite(indent)) indent = 0;
    // the Embed dialog writes "<\/script" for a "</script" inside a file
    return lines.map(function (l) { return l.slice(indent); }).join("\n").replace(/<\\\/script/gi, "</script") + "\n";
  }

  class KsymnsPlayground extends HTMLElement {
    constructor() {
      super();
      this._frame = null;
      this._origin = null;
      this._pending = [];
      this._ready = false;
      this._seq = 0;
      this._waiters = {};
      this._onMessage = this._onMessage.bind(this);
    }

    /** The site the frame comes from: the `src` attribute, else where this script was loaded from. */
    get base() {
      return new URL(this.getAttribute("src") || "./", SCRIPT || location.href).href;
    }

    connectedCallback() {
      if (this.shadowRoot) return;
      var shadow = this.attachShadow({ mode: "open" });
      var height = parseInt(this.getAttribute("height") || "", 10) || 320;
      shadow.innerHTML = "";
      var style = document.createElement("style");
      style.textContent = ":host{display:block;margin:1em 0}iframe{display:block;width:100%;border:0;min-height:80px;transition:height .15s}.placeholder{box-sizing:border-box;border:1px solid #d0d4dc;border-radius:8px;display:flex;align-items:center;justify-content:center;color:#777;font:13px system-ui,sans-serif}";
      var placeholder = document.createElement("div");
      placeholder.className = "placeholder";
      placeholder.style.height = height + "px";
      placeholder.textContent = "ksymns example";
      shadow.append(style, placeholder);
      this._placeholder = placeholder;
      addEventListener("message", this._onMessage);
      var self = this;
      if ("IntersectionObserver" in window && !this.hasAttribute("eager")) {
        this._observer = new IntersectionObserver(function (entries) {
          if (entries.some(function (e) { return e.isIntersecting; })) {
            self._observer.disconnect();
            self._create();
          }
        }, { rootMargin: "200px" });
        this._observer.observe(this);
      } else this._create();
    }

    disconnectedCallback() {
      removeEventListener("message", this._onMessage);
      if (this._observer) this._observer.disconnect();
    }

    _files() {
      var out = [];
      this.querySelectorAll('script[type="text/plain"][data-file]').forEach(function (s) {
        out.push({ name: s.getAttribute("data-file"), content: dedent(s.textContent || "") });
      });
      return out;
    }

    _create() {
      if (this._frame) return;
      var self = this;
      var url = new URL("embed.html", this.base);
      this._origin = url.origin;
      FLAGS.forEach(function (f) {
        if (self.hasAttribute(f)) url.searchParams.set(f, self.getAttribute(f) || "1");
      });
      url.searchParams.set("origins", location.origin);
      var files = this._files();
      var hash = files.length ? encodeLink(files, this.getAttribute("file")) : Promise.resolve("");
      hash.then(function (h) {
        if (h) url.hash = h;
        var frame = document.createElement("iframe");
        frame.title = self.getAttribute("title") || "ksymns example";
        frame.loading = "lazy";
        frame.style.height = self._placeholder.style.height;
        frame.src = url.href;
        self._frame = frame;
        self._placeholder.replaceWith(frame);
      });
    }

    _onMessage(e) {
      if (!this._frame || e.source !== this._frame.contentWindow || e.origin !== this._origin) return;
      var m = e.data;
      if (!m || typeof m !== "object" || m.ksymns !== VERSION || typeof m.type !== "string") return;
      if (m.type === "resize" && typeof m.height === "number" && m.height > 0 && m.height < 10000) {
        this._frame.style.height = Math.ceil(m.height) + "px";
      } else if (m.type === "ready") {
        this._ready = true;
        var pending = this._pending;
        this._pending = [];
        for (var i = 0; i < pending.length; i++) this._post(pending[i]);
      } else if (m.type === "state" && m.id && this._waiters[m.id]) {
        this._waiters[m.id](m);
        delete this._waiters[m.id];
        return;
      }
      if (m.type === "ready" || m.type === "result" || m.type === "change" || m.type === "state") {
        var detail = Object.assign({}, m);
        delete detail.ksymns;
        delete detail.type;
        this.dispatchEvent(new CustomEvent(m.type, { detail: detail }));
      }
    }

    _post(message) {
      message.ksymns = VERSION;
      if (!this._ready || !this._frame) this._pending.push(message);
      else this._frame.contentWindow.postMessage(message, this._origin);
    }

    /** Replaces the workspace: { "name.c": "text", ... }. */
    setFiles(files, active) {
      this._post(active ? { type: "set-files", files: files, active: active } : { type: "set-files", files: files });
    }

    /** Kernel release ("6.13"), relaxed and profile (booleans). */
    setOptions(options) {
      var m = { type: "set-options" };
      ["kernel", "relaxed", "profile"].forEach(function (k) { if (options && k in options) m[k] = options[k]; });
      this._post(m);
    }

    /** Runs now (starts the engine of a run="click" embed). */
    run() {
      this._post({ type: "run" });
    }

    /** Resolves to { files, options, verdicts }. */
    getState() {
      var id = "s" + ++this._seq;
      var self = this;
      return new Promise(function (resolve) {
        self._waiters[id] = resolve;
        self._post({ type: "get-state", id: id });
      });
    }
  }

  customElements.define("ksymns-playground", KsymnsPlayground);
})();
