import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { refreshAfterChange } from "../actions";
import { beginLocalChange, readAfterLocalChanges } from "../lib/local-changes";
import { getState } from "../store";
import { renderApp, resetAppBetweenTests } from "../test/app";
import { article, defaultSettings, feed } from "../test/backend";
import type { FakeData } from "../test/backend";

describe("readAfterLocalChanges", () => {
  it("reads again when a change began while it read, once the change is in", async () => {
    let value = 5;
    let reads = 0;
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const reading = readAfterLocalChanges(async () => {
      reads++;
      const seen = value;
      if (reads === 1) await first;
      return seen;
    });
    const end = beginLocalChange();
    value = 4;
    release();
    await Promise.resolve();
    expect(reads).toBe(1);
    end();
    await expect(reading).resolves.toBe(4);
    expect(reads).toBe(2);
  });

  it("waits for a change on its way before it reads", async () => {
    const end = beginLocalChange();
    let reads = 0;
    const reading = readAfterLocalChanges(async () => ++reads);
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toBe(0);
    end();
    end(); // a second end does nothing
    await expect(reading).resolves.toBe(1);
  });
});

resetAppBetweenTests();

describe("a reload asked before a press", () => {
  function world(): FakeData {
    const f1 = feed(1, "Report.az");
    return {
      feeds: [f1],
      folders: [],
      accounts: [],
      articles: [article(2, f1, { title: "Yeni xəbər" }), article(1, f1, { title: "Şəhər məktəbləri açılır" })],
      settings: defaultSettings(),
    };
  }

  it("does not put back the count the press changed (the e2e read/unread race)", async () => {
    const data = world();
    // The reload's sources answer late: read from the database before the
    // press reached it, handed to the UI after the press showed.
    let holdFeeds = false;
    let answerFeeds: (() => void) | null = null;
    renderApp(data, (fake) => ({
      listFeeds: (async () => {
        const answer = (fake.listFeeds as () => unknown)();
        if (holdFeeds) await new Promise<void>((r) => (answerFeeds = r));
        return answer;
      }) as never,
    }));
    await waitFor(() => expect(getState().feeds[0]?.unread_count).toBe(2));
    await waitFor(() => expect(getState().list.items).toHaveLength(2));

    holdFeeds = true;
    const reload = refreshAfterChange();
    await waitFor(() => expect(answerFeeds).not.toBeNull());
    holdFeeds = false;
    fireEvent.click(screen.getByText("Yeni xəbər"));
    await waitFor(() => expect(getState().feeds[0].unread_count).toBe(1));
    await waitFor(() => expect(data.articles[0].read).toBe(true));
    answerFeeds!();
    await reload;
    await waitFor(() => expect(getState().feeds[0].unread_count).toBe(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(getState().feeds[0].unread_count).toBe(1);
    expect(getState().list.items.find((a) => a.id === 2)?.read).toBe(true);
  });
});
