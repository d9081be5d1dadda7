import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { argsOf, article, defaultSettings, feed } from "../test/backend";
import type { Call, FakeData } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";

let calls: Call[];

function world(): FakeData {
  const f1 = feed(1, "Report.az", { folder_id: 7 });
  const f2 = feed(2, "Meduza");
  return {
    feeds: [f1, f2],
    folders: [
      { id: 7, name: "Xəbərlər", parent_id: null, account_id: null },
      { id: 8, name: "İdman", parent_id: null, account_id: null },
    ],
    articles: [article(1, f1), article(2, f2)],
    settings: defaultSettings(),
  };
}


async function openFeedEdit(id: number) {
  await waitFor(() => expect(screen.getAllByTestId("article-row")).toHaveLength(2));
  fireEvent.click(within(screen.getByTestId(`feed-${id}`)).getByTestId("feed-menu-button"));
  fireEvent.click(within(await screen.findByTestId("feed-menu")).getByTestId("feed-edit"));
  return screen.findByTestId("edit-feed-dialog");
}

resetAppBetweenTests();

describe("a server account's source", () => {
  // What its server allows is offered too (see accounts.test.tsx); while the
  // account is not known, nothing that would ask it.
  it("offers only what stays here while its account is unknown: no refresh, edit, move or unsubscribe", async () => {
    const mine = feed(1, "Report.az");
    const theirs = feed(2, "Meduza", { account_id: 3, folder_id: 7 });
    renderApp({
      feeds: [mine, theirs],
      folders: [{ id: 7, name: "alice @ rss.example.az", parent_id: null, account_id: 3 }],
      articles: [article(1, mine), article(2, theirs)],
      settings: defaultSettings(),
    });
    await waitFor(() => expect(screen.getAllByTestId("article-row")).toHaveLength(2));
    const menuOf = async (id: number) => {
      fireEvent.click(within(screen.getByTestId(`feed-${id}`)).getByTestId("feed-menu-button"));
      const menu = await screen.findByTestId("feed-menu");
      const ids = within(menu)
        .getAllByRole("menuitem")
        .map((item) => item.getAttribute("data-testid") ?? item.textContent);
      fireEvent.keyDown(menu, { key: "Escape" });
      await waitFor(() => expect(screen.queryByTestId("feed-menu")).toBeNull());
      return ids;
    };
    const local = await menuOf(1);
    expect(local).toEqual(expect.arrayContaining(["feed-refresh", "feed-edit", "feed-unsubscribe"]));
    const server = await menuOf(2);
    expect(server).toEqual(["feed-important-toggle", "feed-open-site"]);
  });
});

describe("editing a source", () => {
  it("renames it and sets when its full articles are downloaded", async () => {
    ({ calls } = renderApp(world()));
    const dialog = await openFeedEdit(2);
    expect(within(dialog).getByTestId("edit-feed-url").textContent).toBe("https://example.com/2.xml");
    const name = within(dialog).getByTestId("edit-feed-name") as HTMLInputElement;
    expect(name.value).toBe("Meduza");
    const policy = within(dialog).getByTestId("edit-feed-extraction") as HTMLSelectElement;
    expect(policy.value).toBe("");
    expect(policy.options[0].textContent).toBe("As in settings (when the feed has only a summary)");
    fireEvent.input(name, { target: { value: "  Медуза  " } });
    fireEvent.change(policy, { target: { value: "always" } });
    fireEvent.click(within(dialog).getByTestId("edit-feed-save"));
    await waitFor(() => expect(screen.queryByTestId("edit-feed-dialog")).toBeNull());
    expect(argsOf(calls, "rename_feed")).toEqual([{ id: 2, title: "Медуза" }]);
    expect(argsOf(calls, "set_feed_extraction")).toEqual([{ id: 2, policy: "always" }]);
    await waitFor(() => expect(within(screen.getByTestId("feed-2")).getByTestId("feed-title").textContent).toBe("Медуза"));
    await waitFor(() => expect(screen.getAllByTestId("article-row").some((r) => r.textContent?.includes("Медуза"))).toBe(true));
  });

  it("sends nothing when nothing changed, and refuses an empty name", async () => {
    ({ calls } = renderApp(world()));
    let dialog = await openFeedEdit(1);
    fireEvent.click(within(dialog).getByTestId("edit-feed-save"));
    await waitFor(() => expect(screen.queryByTestId("edit-feed-dialog")).toBeNull());
    expect(argsOf(calls, "rename_feed")).toEqual([]);
    expect(argsOf(calls, "set_feed_extraction")).toEqual([]);

    dialog = await openFeedEdit(1);
    fireEvent.input(within(dialog).getByTestId("edit-feed-name"), { target: { value: "   " } });
    fireEvent.click(within(dialog).getByTestId("edit-feed-save"));
    expect((await within(dialog).findByTestId("edit-feed-error")).textContent).toContain("Give it a name.");
    expect(argsOf(calls, "rename_feed")).toEqual([]);
  });
});

describe("renaming a folder", () => {
  it("renames it from the list header's menu and shows the backend's refusal", async () => {
    ({ calls } = renderApp(world()));
    await waitFor(() => expect(screen.getAllByTestId("article-row")).toHaveLength(2));
    fireEvent.click(within(screen.getByTestId("folder-7")).getByTestId("folder-row"));
    fireEvent.click(await screen.findByTestId("source-menu"));
    fireEvent.click(screen.getByTestId("folder-rename"));
    const dialog = await screen.findByTestId("edit-folder-dialog");
    const name = within(dialog).getByTestId("edit-folder-name") as HTMLInputElement;
    expect(name.value).toBe("Xəbərlər");
    fireEvent.input(name, { target: { value: "İdman" } });
    fireEvent.click(within(dialog).getByTestId("edit-folder-save"));
    expect((await within(dialog).findByTestId("edit-folder-error")).textContent).toContain("a folder named İdman exists");
    fireEvent.input(name, { target: { value: "Yerli xəbərlər" } });
    fireEvent.click(within(dialog).getByTestId("edit-folder-save"));
    await waitFor(() => expect(screen.queryByTestId("edit-folder-dialog")).toBeNull());
    expect(argsOf(calls, "rename_folder").at(-1)).toEqual({ id: 7, name: "Yerli xəbərlər" });
    await waitFor(() => expect(screen.getByTestId("list-title").textContent).toBe("Yerli xəbərlər"));
  });
});
