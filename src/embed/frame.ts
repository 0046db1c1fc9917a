// The embed's side of the host protocol: answers a host page's messages (in a frame, only from
// the origins the embed URL allows, only from the parent window; in the element's shadow root,
// from the element) and tells it about readiness, changes, results and the content's height.

import { fileMap, selectWorkspace, type PlaygroundStore } from "../store";
import { requestedKernel } from "../engine";
import { CAPABILITIES, envelope, parseHostMessage, PROTOCOL_VERSION, type EditMessage, type FrameMessage, type HostMessage } from "./protocol";
import { messagesOf, verdictsOf } from "./verdicts";

export interface FrameHooks {
  readonly: boolean;
  /** Starts the engine if it waits for a click (run=click); the result follows as usual. */
  run(): void;
  setProfile(on: boolean): void;
  /** Takes over from a drawn embed (a frame opened with `edit=1`; others ignore `edit`). */
  edit?(m: EditMessage): void;
}

const textFiles = (store: PlaygroundStore): Record<string, string> => {
  const out = fileMap<string>();
  for (const f of store.getState().files) if (typeof f.content === "string") out[f.name] = f.content;
  return out;
};

/** Where the embed's messages go and its host's come from. */
export interface HostPort {
  post(message: FrameMessage & { ksymns: number }): void;
  /** Calls `on` with each message the host sends (unchecked); returns the function that stops. */
  listen(on: (data: unknown) => void): () => void;
}

/** Connects the store to the parent page for `origins`; returns the dispose function. */
export function connectHost(store: PlaygroundStore, origins: readonly string[], measure: HTMLElement, hooks: FrameHooks): () => void {
  const host = window.parent;
  if (host === window || origins.length === 0) return () => {};
  const port: HostPort = {
    post(m) {
      for (const o of origins) host.postMessage(m, o);
    },
    listen(on) {
      const onMessage = (e: MessageEvent) => {
        if (e.source === host && origins.includes(e.origin)) on(e.data);
      };
      addEventListener("message", onMessage);
      return () => removeEventListener("message", onMessage);
    },
  };
  return serveHost(store, port, measure, hooks);
}

/** Serves the host protocol over `port`; `measure` (if any) is the content whose height the
 *  host is told. Returns the dispose function. */
export function serveHost(store: PlaygroundStore, port: HostPort, measure: HTMLElement | null, hooks: FrameHooks): () => void {
  const post = (m: FrameMessage) => port.post(envelope(m));

  const handle = (m: HostMessage) => {
    const s = store.getState();
    switch (m.type) {
      case "set-files": {
        const files = Object.entries(m.files).map(([name, content]) => ({ name, content }));
        const active = m.active ?? (files.some((f) => f.name === s.activeFile) ? s.activeFile! : files[0].name);
        s.loadSnapshot({ files, profile: s.profile, relaxed: s.relaxed, view: { file: active } });
        return;
      }
      case "set-options":
        if (m.relaxed !== undefined) s.setRelaxed(m.relaxed);
        if (m.profile !== undefined) hooks.setProfile(m.profile);
        if (m.kernel) s.setKernel(m.kernel);
        return;
      case "set-theme":
        s.setTheme(m.theme === "auto" ? "system" : m.theme);
        return;
      case "run":
        hooks.run();
        if (s.result) post({ type: "result", verdicts: verdictsOf(s.result), messages: messagesOf(s.result) });
        return;
      case "edit":
        hooks.edit?.(m);
        return;
      case "get-state":
        post({
          type: "state",
          id: m.id,
          files: textFiles(store),
          options: { kernel: s.result?.kernel.version ?? requestedKernel(selectWorkspace(s)), relaxed: s.relaxed, profile: s.profile },
          verdicts: s.result ? verdictsOf(s.result) : null,
        });
    }
  };

  const stopListening = port.listen((data) => {
    const m = parseHostMessage(data);
    if (m) handle(m);
  });

  let lastHeight = -1;
  const resize = () => {
    if (!measure) return;
    const height = Math.ceil(measure.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({ type: "resize", height });
  };
  const observer = new ResizeObserver(resize);
  if (measure) observer.observe(measure);

  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  const postChange = () => {
    clearTimeout(changeTimer);
    changeTimer = undefined;
    post({ type: "change", files: textFiles(store) });
  };
  // a reload (a Retry of the editor, reopen.ts) must not leave the host with older files than
  // the ones it gives back when the page says ready again
  const onHide = () => changeTimer !== undefined && postChange();
  addEventListener("pagehide", onHide);
  const unsubs = [
    store.subscribe(
      (s) => s.result,
      (r) => r && post({ type: "result", verdicts: verdictsOf(r), messages: messagesOf(r) }),
    ),
    store.subscribe(
      (s) => s.files,
      () => {
        clearTimeout(changeTimer);
        changeTimer = setTimeout(postChange, 250);
      },
    ),
  ];
  post({ type: "ready", version: PROTOCOL_VERSION, capabilities: CAPABILITIES, readonly: hooks.readonly });
  const first = store.getState().result;
  if (first) post({ type: "result", verdicts: verdictsOf(first), messages: messagesOf(first) });
  resize();
  return () => {
    stopListening();
    observer.disconnect();
    clearTimeout(changeTimer);
    removeEventListener("pagehide", onHide);
    unsubs.forEach((u) => u());
  };
}
