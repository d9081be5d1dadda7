import { waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { refreshAfterChange } from "../actions";
import { appendPage, reuseIfSame, reuseItems, sameData } from "../lib/reuse";
import { getState } from "../store";
import { renderApp, resetAppBetweenTests } from "../test/app";
import { account, article, defaultSettings, feed } from "../test/backend";
import type { FakeData } from "../test/backend";

describe("appendPage", () => {
  it("appends the rows the list does not hold yet, in order, and leaves the list as it was", () => {
    const items = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const grown = appendPage(items, [{ id: 4 }, { id: 5 }]);
    expect(grown.map((a) => a.id)).toEqual([1, 2, 3, 4, 5]);
    expect(items.map((a) => a.id)).toEqual([1, 2, 3]);
    // A row the list already shows (it moved between two pages) is not shown twice.
    expect(appendPage(items, [{ id: 3 }, { id: 6 }]).map((a) => a.id)).toEqual([1, 2, 3, 6]);
    expect(appendPage([], [{ id: 7 }]).map((a) => a.id)).toEqual([7]);
  });
});

describe("sameData", () => {
  it("compares JSON data by value", () => {
    expect(sameData({ a: 1, b: [1, { c: "x" }], d: null }, { a: 1, b: [1, { c: "x" }], d: null })).toBe(true);
    expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: null }, { b: null })).toBe(false);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData("1", 1)).toBe(false);
  });
});

describe("reuseItems", () => {
  const one = { id: 1, title: "Bir", unread: 3 };
  const two = { id: 2, title: "Два", unread: 0 };

  it("keeps the list itself when every item is the same, in the same order", () => {
    const before = [one, two];
    expect(reuseItems(before, [{ ...one }, { ...two }])).toBe(before);
  });

  it("keeps each unchanged item and takes the changed one", () => {
    const changed = { ...two, unread: 5 };
    const after = reuseItems([one, two], [{ ...one }, changed]);
    expect(after[0]).toBe(one);
    expect(after[1]).toBe(changed);
  });

  it("gives a new list for a new order, an added or a removed item, keeping the items", () => {
    const swapped = reuseItems([one, two], [{ ...two }, { ...one }]);
    expect(swapped).toEqual([two, one]);
    expect(swapped[0]).toBe(two);
    const three = { id: 3, title: "Three", unread: 1 };
    expect(reuseItems([one, two], [{ ...one }, { ...two }, three])[2]).toBe(three);
    const fewer = reuseItems([one, two], [{ ...one }]);
    expect(fewer).toEqual([one]);
    expect(fewer[0]).toBe(one);
  });
});

describe("reuseIfSame", () => {
  it("keeps the value before when the new one holds the same data", () => {
    const counts = { all: 3, unread: 2, saved: 0 };
    expect(reuseIfSame(counts, { all: 3, unread: 2, saved: 0 })).toBe(counts);
    const next = { all: 4, unread: 2, saved: 0 };
    expect(reuseIfSame(counts, next)).toBe(next);
    expect(reuseIfSame(null, next)).toBe(next);
  });
});

resetAppBetweenTests();

describe("a reload after a change", () => {
  function world(): FakeData {
    const f1 = feed(1, "Report.az");
    const f2 = feed(2, "Meduza");
    return {
      feeds: [f1, f2],
      folders: [],
      accounts: [account(1)],
      articles: [article(2, f2, { title: "Новости дня" }), article(1, f1, { title: "Şəhər məktəbləri açılır" })],
      settings: defaultSettings(),
    };
  }

  it("keeps the sources, accounts, counts and rows that did not change, so their rows are not rendered again", async () => {
    const data = world();
    renderApp(data);
    await waitFor(() => expect(getState().list.items).toHaveLength(2));
    await waitFor(() => expect(getState().accounts).toHaveLength(1));
    await waitFor(() => expect(getState().counts).not.toBeNull());
    const before = getState();
    await refreshAfterChange();
    await waitFor(() => expect(getState().counts).toBe(before.counts));
    const after = getState();
    expect(after.feeds).toBe(before.feeds);
    expect(after.folders).toBe(before.folders);
    expect(after.accounts).toBe(before.accounts);
    expect(after.list.items).toBe(before.list.items);
  });

  it("takes what changed and keeps the rest", async () => {
    const data = world();
    renderApp(data);
    await waitFor(() => expect(getState().list.items).toHaveLength(2));
    const before = getState();
    data.articles.unshift(article(3, data.feeds[1], { title: "Yeni xəbər" }));
    await refreshAfterChange();
    await waitFor(() => expect(getState().list.items).toHaveLength(3));
    const after = getState();
    expect(after.feeds[0]).toBe(before.feeds[0]); // Report.az: nothing new
    expect(after.feeds[1]).not.toBe(before.feeds[1]); // Meduza: one more unread
    expect(after.feeds[1].unread_count).toBe(before.feeds[1].unread_count + 1);
    expect(after.list.items[1]).toBe(before.list.items[0]);
    expect(after.list.items[2]).toBe(before.list.items[1]);
  });
});
