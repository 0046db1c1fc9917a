// The host page's one engine for the embeds drawn in it: a hidden engine frame (engine.html) of
// each ksymns site, made on the first call and shared by every element of that site, seen as
// an engine client whose calls travel by postMessage (enginecall.ts).

import { clientOf, type EngineClient } from "../engine/worker";
import { parseEngineAnswer, type EngineCall, type EngineCallName } from "./enginecall";
import { PROTOCOL_VERSION } from "./protocol";

type Pending = { call: EngineCall; resolve(value: unknown): void; reject(err: Error): void };

const engines = new Map<string, EngineClient>();

/** The engine client of the ksymns site at `playground` (a URL ending in /). */
export function pageEngine(playground: string): EngineClient {
  let client = engines.get(playground);
  if (!client) engines.set(playground, (client = connect(playground)));
  return client;
}

function connect(playground: string): EngineClient {
  const url = new URL("engine.html", playground);
  url.searchParams.set("origins", location.origin);
  let frame: HTMLIFrameElement | null = null;
  let ready = false;
  let seq = 0;
  const pending = new Map<number, Pending>();

  const send = (call: EngineCall) => frame!.contentWindow!.postMessage(call, url.origin);

  /** The frame, made again if the page removed it (its unanswered calls are sent again). */
  const frameOf = (): HTMLIFrameElement => {
    if (frame?.isConnected) return frame;
    ready = false;
    frame = document.createElement("iframe");
    frame.title = "ksymns engine";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.style.cssText = "display:none";
    frame.src = url.href;
    document.documentElement.append(frame);
    return frame;
  };

  addEventListener("message", (e) => {
    if (!frame || e.source !== frame.contentWindow || e.origin !== url.origin) return;
    const m = parseEngineAnswer(e.data);
    if (!m) return;
    if (m.type === "engine-ready") {
      ready = true;
      for (const p of pending.values()) send(p.call);
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.value);
  });

  const call = (name: EngineCallName, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const c: EngineCall = { ksymns: PROTOCOL_VERSION, type: "engine-call", id: ++seq, call: name, args };
      pending.set(c.id, { call: c, resolve, reject });
      frameOf();
      if (ready) send(c);
    });
  return clientOf(
    (files, options) => call("run", [files, options]) as ReturnType<EngineClient["run"]>,
    (query, args) => call(query, args),
  );
}
