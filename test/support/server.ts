// Serves the built site (dist/) on a free localhost port and starts Debian's Chromium
// through playwright-core, for the browser tests.

import { existsSync } from "node:fs";
import { preview, type PreviewServer } from "vite";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_HINT, findChromium } from "./chromium";

export const CHROMIUM = findChromium();

export async function serveSite(port = 0): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: npm test builds it first (vite build)");
  const server = await preview({ preview: { port, strictPort: false, host: "127.0.0.1" }, logLevel: "silent" });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report its URL");
  return { server, url };
}

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(`no Chromium found (${CHROMIUM_HINT})`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
}
