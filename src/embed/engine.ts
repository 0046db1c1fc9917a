// The embed's engine: the one all embeds of the page share (a SharedWorker: one wasm instance
// and one loaded kernel profile for ten embeds as for one); where a browser has no
// SharedWorker, the page's own engine as in the full page, loaded only then.

import type { EngineClient } from "../engine/client";
import { workerClient } from "../engine/remote";
import SharedEngine from "../engine/shared-worker?sharedworker";

/** A client of the shared engine, else of an engine of this page's own; `onResources` hears
 *  the URLs the shared engine loads (the page's service worker is asked to keep them). */
export async function startEngine(base: URL, onResources: (urls: string[]) => void): Promise<EngineClient> {
  if (typeof SharedWorker !== "undefined") {
    try {
      const shared = new SharedEngine({ name: "ksymns-engine" });
      shared.port.addEventListener("message", (e: MessageEvent<{ resources?: unknown }>) => {
        if (Array.isArray(e.data?.resources)) onResources(e.data.resources.filter((u): u is string => typeof u === "string"));
      });
      return workerClient(shared, base);
    } catch {
      // refused (a sandboxed frame): the page's own engine below
    }
  }
  const [{ createBrowserEngine }, { localClient, switchingClient }, { default: EngineWorker }] = await Promise.all([import("../engine/browser"), import("../engine/client"), import("../engine/worker?worker")]);
  const engine = await createBrowserEngine(base);
  return switchingClient(localClient(engine), () => workerClient(new EngineWorker(), base));
}
