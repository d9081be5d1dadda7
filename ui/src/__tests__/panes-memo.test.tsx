import { screen, waitFor } from "@testing-library/preact";
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { sameRow } from "../components/ArticleList";
import { NOT_IN_PANES, sameBut, samePanes } from "../lib/memo";
import { initialState, setState } from "../store";
import type { State } from "../store";
import { article, defaultSettings, feed } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";
import { countRenders } from "../test/renders";

const progress = { running: true, done: 3, total: 200, new_articles: 150, failed: 0, accounts_syncing: [] };

describe("sameBut", () => {
  it("compares every key but the ignored ones, by identity", () => {
    const a = { x: 1, y: [1], z: "a" };
    expect(sameBut(a, { ...a, z: "b" }, new Set(["z"] as const))).toBe(true);
    expect(sameBut(a, { ...a, y: [1] }, new Set(["z"] as const))).toBe(false);
    expect(sameBut(a, { ...a }, new Set())).toBe(true);
  });
});

describe("the article list and the reader", () => {
  const base: State = { ...initialState(), feeds: [feed(1, "One")] };

  it("are not rendered again for a sync's progress, toasts or the counts", () => {
    expect(samePanes(base, { ...base, sync: progress })).toBe(true);
    expect(samePanes(base, { ...base, syncing: true, toasts: [{ id: 1, text: () => "x", kind: "info" }] })).toBe(true);
    expect(samePanes(base, { ...base, counts: { all: 1, unread: 1, saved: 0 } })).toBe(true);
  });

  it("are rendered again when what they show changed", () => {
    expect(samePanes(base, { ...base, selectedId: 7 })).toBe(false);
    expect(samePanes(base, { ...base, list: { ...base.list } })).toBe(false);
    expect(samePanes(base, { ...base, feeds: [...base.feeds] })).toBe(false);
    expect(samePanes(base, { ...base, lang: "az" })).toBe(false);
    expect(samePanes(base, { ...base, pane: "reader" })).toBe(false);
  });

  it("ignore only keys the state has", () => {
    const keys = new Set(Object.keys(initialState()));
    for (const key of NOT_IN_PANES) expect(keys.has(key)).toBe(true);
  });
});

describe("a row of the list", () => {
  const f1 = feed(1, "One");
  const a = { ...article(1, f1), snippet: null } as unknown as Parameters<typeof sameRow>[0]["a"];
  const row = { a, selected: false, search: "", lang: "en", now: 0, index: 0, onMenu: () => {} };

  it("renders again only when its article, selection, search, language, clock or place changed", () => {
    expect(sameRow(row, { ...row, onMenu: () => {} })).toBe(true);
    expect(sameRow(row, { ...row, a: { ...a } })).toBe(false);
    expect(sameRow(row, { ...row, selected: true })).toBe(false);
    expect(sameRow(row, { ...row, search: "x" })).toBe(false);
    expect(sameRow(row, { ...row, index: 1 })).toBe(false);
  });
});

describe("a sync's progress in the window", () => {
  resetAppBetweenTests();
  const { times, reset } = countRenders();

  it("renders the status line, not the article list, its rows or the reader", async () => {
    const f1 = feed(1, "Report.az");
    const articles = Array.from({ length: 5 }, (_, i) => article(5 - i, f1));
    renderApp({ feeds: [f1], folders: [], articles, settings: defaultSettings() });
    await waitFor(() => expect(screen.getAllByTestId("article-row").length).toBe(5));
    reset();
    act(() => setState({ sync: progress }));
    expect(screen.getByTestId("sync-status").textContent).toContain("3");
    expect(times("SyncStatus")).toBe(1);
    expect(times("ArticleList")).toBe(0);
    expect(times("ListScroller")).toBe(0);
    expect(times("ArticleRow")).toBe(0);
    expect(times("Reader")).toBe(0);
  });

  it("a new selection renders the two rows it changed, not the others", async () => {
    const f1 = feed(1, "Report.az");
    const articles = Array.from({ length: 5 }, (_, i) => article(5 - i, f1));
    renderApp({ feeds: [f1], folders: [], articles, settings: defaultSettings() });
    await waitFor(() => expect(screen.getAllByTestId("article-row").length).toBe(5));
    act(() => setState({ selectedId: 5 }));
    reset();
    act(() => setState({ selectedId: 4 }));
    expect(times("ArticleList")).toBe(1);
    expect(times("ArticleRow")).toBe(2);
  });
});
