// The few Node APIs the UI's tests use: the UI is typed for the browser
// (no @types/node, so that Node's globals never reach the app's code).

declare module "node:v8" {
  /** Sets V8 flags at run time (`--expose-gc`). */
  export function setFlagsFromString(flags: string): void;
}

declare module "node:vm" {
  /** Runs `code` in a new context and returns its value. */
  export function runInNewContext(code: string): unknown;
}

declare const process: { memoryUsage(): { heapUsed: number } };
