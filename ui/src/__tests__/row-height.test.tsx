import { screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { FALLBACK_ROW_HEIGHT, rowHeightFrom } from "../lib/row-height";
import { article, defaultSettings, feed } from "../test/backend";
import { renderApp, resetAppBetweenTests } from "../test/app";

describe("the row height", () => {
  it("holds the taller of the text and the thumbnail, plus the row's padding and border", () => {
    // Noto Sans: meta 18 + two title lines 2 × 20.3 + 2.9 below the baseline + byline 21, gaps included.
    expect(rowHeightFrom({ text: 83.5, thumb: 68, chrome: 25 })).toBe(109);
    // A short text next to a thumbnail: the thumbnail decides.
    expect(rowHeightFrom({ text: 60, thumb: 68, chrome: 25 })).toBe(93);
  });

  it("grows with a taller font instead of clipping the second title line", () => {
    const small = rowHeightFrom({ text: 76, thumb: 68, chrome: 25 });
    const large = rowHeightFrom({ text: 96.4, thumb: 68, chrome: 25 });
    expect(small).toBe(101);
    expect(large).toBe(122);
    expect(large).toBeGreaterThan(96);
  });

  it("rounds up to whole pixels, but not a hair over one", () => {
    expect(rowHeightFrom({ text: 80.2, thumb: 0, chrome: 24 })).toBe(105);
    expect(rowHeightFrom({ text: 80.000001, thumb: 0, chrome: 24 })).toBe(104);
  });

  it("falls back where nothing is laid out (jsdom, a hidden list)", () => {
    expect(rowHeightFrom(null)).toBe(FALLBACK_ROW_HEIGHT);
    expect(rowHeightFrom({ text: 0, thumb: 0, chrome: 0 })).toBe(FALLBACK_ROW_HEIGHT);
    expect(rowHeightFrom({ text: Number.NaN, thumb: 68, chrome: 25 })).toBe(FALLBACK_ROW_HEIGHT);
    // A list hidden for a while keeps the height last measured.
    expect(rowHeightFrom({ text: 0, thumb: 0, chrome: 0 }, 117)).toBe(117);
  });
});

describe("the article list", () => {
  const original = HTMLElement.prototype.getBoundingClientRect;
  let textHeight = 0;

  resetAppBetweenTests();

  beforeEach(() => {
    // jsdom lays nothing out: the probe's text column reports what a real font would.
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      const rect = original.call(this);
      if (this.matches(".row-probe .row-text")) return { x: 0, y: 0, top: 0, left: 0, right: 0, width: 0, bottom: textHeight, height: textHeight, toJSON: () => ({}) } as DOMRect;
      return rect;
    };
  });

  afterEach(() => {
    HTMLElement.prototype.getBoundingClientRect = original;
  });

  function setup() {
    const f1 = feed(1, "Report.az");
    const articles = Array.from({ length: 10 }, (_, i) =>
      article(10 - i, f1, { title: "Qış mövsümünün açılışında iştirak — группа друзей у моря" }),
    );
    renderApp({ feeds: [f1], folders: [], articles, settings: defaultSettings() });
  }

  it("sizes its rows from the probe row measured with the real font", async () => {
    textHeight = 90;
    setup();
    await waitFor(() => expect(screen.getAllByTestId("article-row").length).toBe(10));
    const pane = screen.getByTestId("list-pane");
    // jsdom reads no stylesheet, so the row's padding and border (25 px in app.css) count 0 here.
    const height = Number(pane.getAttribute("data-row-height"));
    expect(height).toBe(90);
    expect(pane.style.getPropertyValue("--row-h")).toBe("90px");
    expect(screen.getByTestId("article-list").style.height).toBe(`${10 * 90}px`);
  });

  it("measures again when the fonts finish loading", async () => {
    textHeight = 0;
    const listeners: Array<() => void> = [];
    const fonts = {
      ready: new Promise<void>(() => {}),
      addEventListener: (type: string, fn: () => void) => type === "loadingdone" && listeners.push(fn),
      removeEventListener: () => {},
    };
    Object.defineProperty(document, "fonts", { configurable: true, value: fonts });
    try {
      setup();
      await waitFor(() => expect(screen.getAllByTestId("article-row").length).toBe(10));
      const pane = screen.getByTestId("list-pane");
      expect(pane.getAttribute("data-row-height")).toBe(String(FALLBACK_ROW_HEIGHT));
      textHeight = 117.3;
      listeners.forEach((fn) => fn());
      await waitFor(() => expect(pane.getAttribute("data-row-height")).toBe("118"));
      expect(screen.getByTestId("article-list").style.height).toBe(`${10 * 118}px`);
    } finally {
      delete (document as { fonts?: unknown }).fonts;
    }
  });
});
