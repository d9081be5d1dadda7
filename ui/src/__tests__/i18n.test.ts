import { describe, expect, it } from "vitest";
import az from "../i18n/az.json";
import en from "../i18n/en.json";
import ru from "../i18n/ru.json";
import { resolveLang, setLang, t } from "../i18n";

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every UI source file, as text (tests and the generated bindings aside).
const SOURCES = import.meta.glob(["../**/*.{ts,tsx}", "!../__tests__/**", "!../test/**", "!../bindings.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

describe("i18n", () => {
  for (const [name, dict] of [
    ["az", az],
    ["ru", ru],
  ] as const) {
    it(`${name} has every English key, with the same {params}, and nothing else`, () => {
      const d = dict as Record<string, string>;
      for (const [key, text] of Object.entries(en)) {
        expect(d[key], `${name} lacks ${key}`).toBeTypeOf("string");
        expect(d[key].trim(), `${name} ${key} is empty`).not.toBe("");
        expect(params(d[key]), `${name} ${key} params`).toEqual(params(text));
      }
      expect(Object.keys(d).filter((k) => !(k in en))).toEqual([]);
    });
  }

  it("every literal t(\"key\") in the source exists in en.json", () => {
    const missing: string[] = [];
    let used = 0;
    expect(Object.keys(SOURCES).length).toBeGreaterThan(10);
    for (const [file, text] of Object.entries(SOURCES)) {
      for (const m of text.matchAll(/\bt\(\s*"([^"]+)"/g)) {
        used++;
        if (!(m[1] in en)) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
    expect(used).toBeGreaterThan(100);
  });

  it("Azerbaijani text uses the Latin alphabet", () => {
    const cyrillic = Object.entries(az).filter(([, v]) => /[\u0400-\u04FF]/.test(v));
    expect(cyrillic).toEqual([]);
  });

  it("picks the system language by default", () => {
    expect(resolveLang("system", ["ru-RU", "en-US"])).toBe("ru");
    expect(resolveLang("system", ["az-Latn-AZ"])).toBe("az");
    expect(resolveLang("system", ["de-DE"])).toBe("en");
    expect(resolveLang("az", ["ru-RU"])).toBe("az");
  });

  it("fills params", () => {
    setLang("ru");
    expect(t("sync.progress", { done: 2, total: 5 })).toBe("Обновление: 2 из 5");
    setLang("en");
    expect(t("sync.progress", { done: 2, total: 5 })).toBe("Refreshing 2 of 5");
  });
});
