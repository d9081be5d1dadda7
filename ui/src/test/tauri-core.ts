// What the UI test files put in place of `@tauri-apps/api/core`, one line
// each (vi.mock is hoisted per file):
//   vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));
// `invoke` is then answered by the fake backend (./backend.ts, ./app.tsx).

import { vi } from "vitest";

export const invoke = vi.fn();
export const transformCallback = vi.fn(() => 1);
export class Channel {}
