// The engine frame (engine.html): one hidden frame the embeds a host page draws share, drawn
// in their shadow roots (shadow.ts). It holds the page's engine client (the SharedWorker every
// embed frame of the page also uses) and answers the calls of its parent, for the origins its
// URL allows (enginecall.ts).

import { startClient } from "../app/startengine";
import { registerOffline } from "../app/offline";
import { parseOrigins } from "./flags";
import { parseEngineCall, type EngineAnswer } from "./enginecall";
import { PROTOCOL_VERSION } from "./protocol";

const base = new URL("./", document.baseURI);
const origins = parseOrigins(new URLSearchParams(location.search).get("origins"));
const host = window.parent;
const offline = registerOffline(base);

const answer = (m: EngineAnswer) => {
  for (const o of origins) host.postMessage(m, o);
};

if (host !== window && origins.length > 0) {
  const started = startClient(base, { shared: { onResources: (urls) => void offline.cache(urls) } }).then(({ client }) => client);
  let first = true;
  addEventListener("message", (e) => {
    if (e.source !== host || !origins.includes(e.origin)) return;
    const c = parseEngineCall(e.data);
    if (!c) return;
    started
      .then((client) => (client[c.call] as (...args: unknown[]) => Promise<unknown>).apply(client, c.args))
      .then(
        (value) => answer({ ksymns: PROTOCOL_VERSION, type: "engine-reply", id: c.id, value }),
        (err: unknown) => answer({ ksymns: PROTOCOL_VERSION, type: "engine-reply", id: c.id, error: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => {
        if (c.call === "run" && first) {
          first = false;
          void offline.cacheLoaded();
        }
      });
  });
  answer({ ksymns: PROTOCOL_VERSION, type: "engine-ready" });
}
