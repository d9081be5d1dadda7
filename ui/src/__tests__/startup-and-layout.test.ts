// What jsdom cannot lay out, checked where it is decided: the stylesheet
// rules, index.html, the window config and the strings.
import { afterEach, describe, expect, it, vi } from "vitest";
import conf from "../../../tauri.conf.json";
import az from "../i18n/az.json";
import en from "../i18n/en.json";
import ru from "../i18n/ru.json";
import { afterFirstList, firstListPainted, reportFirstList } from "../lib/startup-mark";
import { THEME_KEY, rememberTheme } from "../lib/theme-boot";
import { DARK_QUERY, applyTheme, resolveTheme } from "../lib/theme";
import indexHtml from "../../index.html?raw";
import themeBoot from "../../public/theme-boot.js?raw";

// Vitest hands CSS imports over empty, even `?raw`: the stylesheet is read from disk.
const fs = (await import(/* @vite-ignore */ "node:fs" as string)) as {
  readFileSync(path: string, encoding: "utf8"): string;
};
const cwd = (globalThis as unknown as { process: { cwd(): string } }).process.cwd(); // ui/
const css = fs.readFileSync(`${cwd}/src/styles/app.css`, "utf8");

/** The declarations of the first rule with exactly this selector. */
function rule(selector: string): Record<string, string> {
  const at = css.search(new RegExp(`(^|\\n|\\})\\s*${selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\{`));
  expect(at, `no rule for ${selector}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf("{", at) + 1, css.indexOf("}", at + 1));
  const out: Record<string, string> = {};
  for (const decl of body.replace(/\/\*[\s\S]*?\*\//g, "").split(";")) {
    const [k, ...v] = decl.split(":");
    if (k.trim()) out[k.trim()] = v.join(":").trim();
  }
  return out;
}

describe("the list's titles", () => {
  it("leave room for descenders under the line clamp, and a gap before the byline", () => {
    const title = rule(".row-title");
    expect(Number(title["line-height"])).toBeGreaterThanOrEqual(1.35);
    expect(parseFloat(title["padding-block-end"])).toBeGreaterThan(0);
    expect(parseFloat(rule(".row-byline")["padding-block-start"])).toBeGreaterThanOrEqual(4);
  });

  it("sit in rows as tall as the measured probe row, with no fixed height", () => {
    expect(rule(".article-row")["block-size"]).toMatch(/^var\(--row-h/);
    expect(rule(".row-text")["block-size"]).toBeUndefined();
  });
});

describe("tabs and setting options", () => {
  it("size to their labels and never ellipsize a word", () => {
    const button = rule(".segmented button");
    expect(button["text-overflow"]).toBeUndefined();
    expect(button["overflow"]).toBeUndefined();
    expect(button["flex"]).toBe("1 1 auto"); // a longer label gets more room
    expect(button["min-inline-size"]).toBe("min-content"); // a word is never cut
    expect(button["block-size"]).toBeUndefined(); // a wrapped label is not clipped
    expect(rule(".segmented")["flex-wrap"]).toBe("wrap");
  });
});

describe("the first frame", () => {
  afterEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset.theme;
  });

  it("is painted in the theme's background by the linked stylesheet, not white", () => {
    expect(rule("html")["background"]).toBe("var(--bg)");
    const html = indexHtml;
    expect(html).not.toMatch(/<style/); // style-src 'self'
    expect(html).not.toMatch(/<script>(?!<)/); // script-src 'self': no inline script
    const boot = html.indexOf('<script src="./theme-boot.js"></script>');
    expect(boot).toBeGreaterThan(0);
    expect(boot).toBeLessThan(html.indexOf('type="module"'));
  });

  it("names no font family the first layout would look up in vain", () => {
    // Each name not installed costs a fontconfig lookup at every weight
    // during the first layout (BENCHMARKS.md, "App start"); the titles laid
    // out at start (the brand, empty states) are in --font-serif.
    expect(rule(":root")["--font-ui"]).toBe("system-ui, sans-serif");
    expect(rule(":root")["--font-serif"]).toBe('"Noto Serif", "DejaVu Serif", serif');
    expect(rule(".brand-name")["font-family"]).toBe("var(--font-serif)");
  });

  it("has the saved theme on <html> before the app runs", () => {
    const script = themeBoot;
    expect(script).toContain(`"${THEME_KEY}"`);
    rememberTheme("dark");
    new Function(script)();
    expect(document.documentElement.dataset.theme).toBe("dark");
    delete document.documentElement.dataset.theme;
    rememberTheme("system");
    new Function(script)();
    expect(document.documentElement.dataset.theme).toBe("light"); // the system's, resolved: jsdom is light
    const matchMedia = window.matchMedia;
    window.matchMedia = ((query: string) => ({ ...matchMedia(query), matches: query === DARK_QUERY })) as typeof window.matchMedia;
    try {
      new Function(script)();
      expect(document.documentElement.dataset.theme).toBe("dark");
      applyTheme("system");
      expect(document.documentElement.dataset.theme).toBe("dark");
      applyTheme("light");
      expect(document.documentElement.dataset.theme).toBe("light");
    } finally {
      window.matchMedia = matchMedia;
    }
  });

  it("has one dark palette, under [data-theme=dark]", () => {
    expect(css).not.toMatch(/prefers-color-scheme/);
    expect(rule(`:root[data-theme="dark"]`)["--bg"]).toBe("#15181c");
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
    expect(resolveTheme("light", true)).toBe("light");
  });

  it("comes after a window that is not white either", () => {
    const color: string = conf.app.windows[0].backgroundColor;
    expect(color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(color.toLowerCase()).not.toBe("#ffffff");
    // The dark theme's --bg, so a dark desktop does not flash.
    expect(css).toContain(`--bg: ${color.toLowerCase()};`);
  });
});

describe("the wording", () => {
  it("is what a native reader would use", () => {
    expect(ru["settings.sharing"]).toBe("Поделиться");
    expect(ru["welcome.follow"]).toBe("Подписаться");
    expect(az["settings.sharing"]).toBe("Paylaşım");
    expect(az["sync.done"]).toBe("Hər şey yenilənib"); // not "everything is new"
  });

  it("gives the Messenger app id an example, not digits that look like an id", () => {
    for (const dict of [en, az, ru] as Record<string, string>[]) {
      expect(dict["settings.messengerPlaceholder"]).toMatch(/Facebook/);
      expect(dict["settings.messengerPlaceholder"]).not.toMatch(/\d/);
    }
  });
});

describe("what waits for the first list", () => {
  it("runs once the list is painted, once, or not at all when cancelled", async () => {
    const ran: string[] = [];
    const cancel = afterFirstList(() => ran.push("cancelled"), 60_000);
    afterFirstList(() => ran.push("waited"), 60_000);
    cancel();
    expect(firstListPainted()).toBe(false);
    reportFirstList();
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    expect(firstListPainted()).toBe(true);
    expect(ran).toEqual(["waited"]);
    afterFirstList(() => ran.push("after"), 60_000);
    expect(ran).toEqual(["waited", "after"]);
  });

  it("runs after its longest wait when no list is ever painted", async () => {
    const { afterFirstList: fresh } = await importFresh();
    const ran = await new Promise<string>((done) => fresh(() => done("ran"), 10));
    expect(ran).toBe("ran");
  });
});

/** The module again, with no list painted yet. */
async function importFresh(): Promise<typeof import("../lib/startup-mark")> {
  vi.resetModules();
  return import("../lib/startup-mark");
}
