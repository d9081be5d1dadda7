import { h, render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it } from "vitest";
import { firstRows, sameSourceList } from "../components/Sidebar";
import { sourceTree } from "../lib/source-tree";
import { memoWhen } from "../lib/memo";
import { initialState } from "../store";
import type { State } from "../store";
import type { Folder } from "../api";
import { account, feed } from "../test/backend";

describe("memoWhen", () => {
  it("renders again only when its rule says the props differ", () => {
    const rendered: string[] = [];
    const Label = memoWhen(
      ({ text }: { text: string; noise: number }) => {
        rendered.push(text);
        return <span>{text}</span>;
      },
      (a, b) => a.text === b.text,
    );
    const root = document.createElement("div");
    act(() => render(h(Label, { text: "a", noise: 1 }), root));
    act(() => render(h(Label, { text: "a", noise: 2 }), root));
    expect(rendered).toEqual(["a"]);
    act(() => render(h(Label, { text: "b", noise: 2 }), root));
    expect(rendered).toEqual(["a", "b"]);
    expect(root.textContent).toBe("b");
  });
});

describe("the source list", () => {
  const base: State = { ...initialState(), feeds: [feed(1, "One"), feed(2, "Two")] };
  const progress = { running: true, done: 3, total: 200, new_articles: 150, failed: 0, accounts_syncing: [] };

  it("is not rendered again for a sync's progress, the article list or the reader", () => {
    expect(sameSourceList(base, { ...base, sync: progress })).toBe(true);
    expect(sameSourceList(base, { ...base, selectedId: 7, pane: "reader" })).toBe(true);
    expect(sameSourceList(base, { ...base, list: { ...base.list, items: [] } })).toBe(true);
  });

  it("is rendered again when what it shows changed", () => {
    expect(sameSourceList(base, { ...base, feeds: [...base.feeds] })).toBe(false);
    expect(sameSourceList(base, { ...base, collapsed: [3] })).toBe(false);
    expect(sameSourceList(base, { ...base, source: { kind: "feed", id: 2 } })).toBe(false);
    expect(sameSourceList(base, { ...base, lang: "az" })).toBe(false);
    expect(sameSourceList(base, { ...base, retrying: [1] })).toBe(false);
  });

  it("follows a sync's progress when server accounts show it", () => {
    const withAccount: State = { ...base, accounts: [account(1)] };
    expect(sameSourceList(withAccount, { ...withAccount, sync: progress })).toBe(false);
  });
});

describe("the source rows before the first list is painted", () => {
  const folder = (id: number, name: string) => ({ id, name, parent_id: null, account_id: null }) as Folder;

  it("are the first that fit, a folder with its open feeds, the rest after", () => {
    const feeds = [feed(1, "A", { folder_id: 7 }), feed(2, "B", { folder_id: 7 }), feed(3, "C"), feed(4, "D"), feed(5, "E")];
    const tree = sourceTree(feeds, [folder(7, "News")], "en");
    // The folder takes three rows (itself and two feeds), then two feeds fit in five.
    expect(firstRows(tree, [], 5)).toEqual({ folders: tree.folders, feedIds: [3, 4] });
    // Folded, it takes one row.
    expect(firstRows(tree, [7], 3)).toEqual({ folders: tree.folders, feedIds: [3, 4] });
    // The first folder is shown whole even when it alone takes more.
    expect(firstRows(tree, [], 2)).toEqual({ folders: tree.folders, feedIds: [] });
    expect(firstRows(tree, [], 40)).toEqual(tree);
  });
});
