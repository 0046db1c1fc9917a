// The start page runs the engine in a real browser.

import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { PreviewServer } from "vite";
import { launchChromium, serveSite } from "../support/server";

let browser: Browser;
let server: PreviewServer;
let url: string;

beforeAll(async () => {
  ({ server, url } = await serveSite());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the start page", () => {
  it("loads the engine and shows the example's transcript with the loader's refusal", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
    expect(await page.getAttribute("body", "data-ready")).toBe("true");
    const text = await page.textContent("#transcript");
    expect(text).toContain("ERROR: modpost: module user uses symbol toy_get from namespace TOY_NS, but does not import it.");
    expect(text).toContain("insmod: ERROR: could not insert module user.ko: Invalid parameters");
    expect(text).toContain("<3>user: module uses symbol (toy_get) from namespace TOY_NS, but does not import it.");
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/start-page.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
