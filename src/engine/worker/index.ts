// The engine behind a promise, in the page or in a Web Worker (worker.ts is the worker's entry).
export { localClient, switchingClient, clientOf, CLIENT_QUERIES } from "./client";
export type { EngineClient, ClientQuery } from "./client";
export { workerClient } from "./remote";
