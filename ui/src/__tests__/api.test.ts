import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { invoke } from "@tauri-apps/api/core";
import { api, ApiError, toApiError, unwrap } from "../api";

const mockInvoke = vi.mocked(invoke);

describe("api error unwrapping", () => {
  beforeEach(() => mockInvoke.mockReset());

  it("resolves with the command's data", async () => {
    mockInvoke.mockResolvedValueOnce([{ id: 1, title: "Feed" }]);
    await expect(api.listFeeds()).resolves.toEqual([{ id: 1, title: "Feed" }]);
    expect(mockInvoke).toHaveBeenCalledWith("list_feeds");
  });

  it("passes arguments the way the commands name them", async () => {
    mockInvoke.mockResolvedValueOnce(null);
    await api.setSaved(7, true);
    expect(mockInvoke).toHaveBeenCalledWith("set_saved", { id: 7, saved: true });
    mockInvoke.mockResolvedValueOnce({ feeds: 1 });
    await api.syncNow(3, true);
    expect(mockInvoke).toHaveBeenLastCalledWith("sync_now", { feedId: 3, force: true });
  });

  it("throws the backend's {kind, message} as an ApiError", async () => {
    mockInvoke.mockRejectedValueOnce({ kind: "not_found", message: "article 9 not found" });
    const err = await api.getArticle(9).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: "not_found", message: "article 9 not found" });
  });

  it("turns Tauri's plain-string rejections into internal errors", async () => {
    mockInvoke.mockRejectedValueOnce("Command list_rules not allowed by ACL");
    await expect(api.listRules()).rejects.toMatchObject({ kind: "internal", message: "Command list_rules not allowed by ACL" });
  });

  it("wraps JS errors and unknown kinds", async () => {
    mockInvoke.mockRejectedValueOnce(new TypeError("ipc gone"));
    await expect(api.listFeeds()).rejects.toMatchObject({ kind: "internal", message: "ipc gone" });
    expect(toApiError({ kind: "weird", message: "x" }).kind).toBe("internal");
    expect(toApiError(new ApiError("unreachable", "offline")).kind).toBe("unreachable");
    expect(toApiError({ kind: "no_browser", message: "xdg-open failed" }).kind).toBe("no_browser");
  });

  it("unwrap handles results directly", async () => {
    await expect(unwrap(Promise.resolve({ status: "ok" as const, data: 5 }))).resolves.toBe(5);
    await expect(unwrap(Promise.resolve({ status: "error" as const, error: { kind: "feed", message: "bad xml" } }))).rejects.toMatchObject({
      kind: "feed",
      message: "bad xml",
    });
  });
});
