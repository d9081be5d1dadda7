import { screen, waitFor } from "@testing-library/preact";
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import type { Feed, Folder } from "../api";
import { sourceTree } from "../lib/source-tree";
import { folderFeedIds } from "../lib/sources";
import { getState, setState } from "../store";
import { defaultSettings, feed } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";
import { countRenders } from "../test/renders";

const news: Folder = { id: 7, name: "News", parent_id: null, account_id: null } as Folder;
const local: Folder = { id: 8, name: "Local", parent_id: 7, account_id: null } as Folder;

describe("the source list's shape", () => {
  const feeds = [feed(1, "Feed 10"), feed(2, "Feed 2"), feed(3, "Baku", { folder_id: 8 }), feed(4, "Alpha", { folder_id: 7 })] as Feed[];

  it("nests folders before feeds, each by name", () => {
    const tree = sourceTree(feeds, [news, local], "en");
    expect(tree.feedIds).toEqual([2, 1]);
    expect(tree.folders.map((b) => b.folder.id)).toEqual([7]);
    expect(tree.folders[0].folders[0].feedIds).toEqual([3]);
    expect(tree.folders[0].feedIds).toEqual([4]);
    expect(tree.folders[0].allFeedIds).toEqual([3, 4]);
  });

  it("gives a folder's feeds and its subfolders' feeds, from the same tree", () => {
    const folders = [news, local];
    expect(folderFeedIds({ feeds, folders }, 7)).toEqual([3, 4]);
    expect(folderFeedIds({ feeds, folders }, 8)).toEqual([3]);
    expect(folderFeedIds({ feeds, folders }, 99)).toEqual([]);
  });

  it("is not sorted again when only a count changed", () => {
    const folders = [news, local];
    const tree = sourceTree(feeds, folders, "en");
    const read = feeds.map((f) => (f.id === 2 ? { ...f, unread_count: 5 } : f));
    expect(sourceTree(read, folders, "en")).toBe(tree);
  });

  it("is sorted again when a title, a folder or the language changed", () => {
    const folders = [news, local];
    const tree = sourceTree(feeds, folders, "en");
    const renamed = feeds.map((f) => (f.id === 1 ? { ...f, title: "Feed 1" } : f));
    expect(sourceTree(renamed, folders, "en").feedIds).toEqual([1, 2]);
    const moved = renamed.map((f) => (f.id === 2 ? { ...f, folder_id: 7 } : f));
    expect(sourceTree(moved, folders, "en").folders[0].feedIds).toEqual([4, 2]);
    expect(sourceTree(feeds, folders, "az")).not.toBe(tree);
  });
});

describe("the sidebar when counts change", () => {
  resetAppBetweenTests();
  const { times, reset } = countRenders();

  const titles = () => screen.getAllByTestId("feed-title").map((el) => el.textContent);
  const feeds = () => [
    feed(1, "Charlie"),
    feed(2, "Alpha"),
    feed(3, "Bravo"),
    feed(4, "Delta", { folder_id: 7 }),
    feed(5, "Echo", { folder_id: 7 }),
  ];

  it("a read mark renders the one row whose count changed", async () => {
    renderApp({ feeds: feeds(), folders: [news], articles: [], settings: defaultSettings() });
    await waitFor(() => expect(screen.getAllByTestId("feed-row").length).toBe(5));
    // Let the window's first loads settle (a count change of its own).
    await act(async () => setState((s) => ({ feeds: s.feeds.map((f) => (f.id === 1 ? { ...f, unread_count: 1 } : f)) })));
    const before = titles();
    reset();
    act(() => setState((s) => ({ feeds: s.feeds.map((f) => (f.id === 3 ? { ...f, unread_count: 4 } : f)) })));
    expect(times("FeedRow")).toBe(1);
    expect(times("FolderNode")).toBe(0);
    expect(screen.getByTestId("feed-3").querySelector("[data-testid=feed-unread-count]")!.textContent).toBe("4");
    expect(titles()).toEqual(before);

    reset();
    act(() => setState((s) => ({ feeds: s.feeds.map((f) => (f.id === 5 ? { ...f, unread_count: 2 } : f)) })));
    expect(times("FeedRow")).toBe(1);
    expect(times("FolderNode")).toBe(1);
    expect(screen.getByTestId("folder-7").querySelector("[data-testid=folder-unread-count]")!.textContent).toBe("2");
  });

  it("keeps the order by name when a title changes", async () => {
    renderApp({ feeds: feeds(), folders: [news], articles: [], settings: defaultSettings() });
    await waitFor(() => expect(screen.getAllByTestId("feed-row").length).toBe(5));
    expect(titles()).toEqual(["Delta", "Echo", "Alpha", "Bravo", "Charlie"]);
    act(() => setState((s) => ({ feeds: s.feeds.map((f) => (f.id === 1 ? { ...f, title: "Aardvark" } : f)) })));
    expect(titles()).toEqual(["Delta", "Echo", "Aardvark", "Alpha", "Bravo"]);
    act(() => setState((s) => ({ feeds: s.feeds.map((f) => (f.id === 4 ? { ...f, title: "Zulu" } : f)) })));
    expect(titles()).toEqual(["Echo", "Zulu", "Aardvark", "Alpha", "Bravo"]);
    expect(getState().feeds.length).toBe(5);
  });
});
