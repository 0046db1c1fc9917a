// Offline use: registers the service worker (public/sw.js, one cache per build) that keeps the
// app shell, the engine's .wasm and the kernel profiles the page fetched, and hands it every
// resource this page loads (those fetched before the worker took control included). Sets
// <html data-offline="ready"> once the first batch is cached.

/** Registers the service worker; a no-op where service workers are unavailable, and under
 *  `vite dev` (whose files are not a build: sw.js has no build id there). */
export function registerOffline(base: URL = new URL("./", document.baseURI)): { cacheLoaded(): Promise<void>; cache(urls: string[]): Promise<void> } {
  const sw = "serviceWorker" in navigator && !import.meta.env.DEV ? navigator.serviceWorker : null;
  const registered = sw ? sw.register(new URL("sw.js", base), { scope: base.pathname }).catch(() => null) : Promise.resolve(null);
  const ours = (u: string) => u.startsWith(base.href);

  async function post(urls: string[]): Promise<void> {
    const reg = await registered;
    if (!reg || !sw || urls.length === 0) return;
    const ready = await sw.ready;
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      ready.active?.postMessage({ type: "cache", urls }, [channel.port2]);
      setTimeout(resolve, 10_000);
    });
  }

  // resources that finish later (the editor, a kernel profile) are handed over in batches
  let started = false;
  const watchLater = () => {
    if (started || typeof PerformanceObserver === "undefined") return;
    started = true;
    let batch: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    new PerformanceObserver((list) => {
      batch.push(
        ...list
          .getEntries()
          .map((e) => e.name)
          .filter(ours),
      );
      clearTimeout(timer);
      timer = setTimeout(() => {
        const urls = batch;
        batch = [];
        void post(urls);
      }, 300);
    }).observe({ type: "resource" });
  };

  // URLs handed over by cache(), in order, so that cacheLoaded() can wait for them
  let handed: Promise<void> = Promise.resolve();

  return {
    /** Asks the worker to cache every same-origin resource this page has loaded so far, and later ones. */
    async cacheLoaded() {
      watchLater();
      await Promise.all([
        handed,
        post([
          location.href.split("#")[0],
          ...performance
            .getEntriesByType("resource")
            .map((e) => e.name)
            .filter(ours),
        ]),
      ]);
      if (sw && (await registered)) document.documentElement.dataset.offline = "ready";
    },
    /** Asks the worker to cache resources loaded outside this page (by the engine the embeds share). */
    cache(urls: string[]) {
      const next = handed.then(() => post(urls.filter(ours)));
      handed = next;
      return next;
    },
  };
}
