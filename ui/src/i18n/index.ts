// Strings in three languages. Every key lives in en.json; az.json and
// ru.json have the same keys (a test checks). `t` fills `{name}` params.

import en from "./en.json";
import az from "./az.json";
import ru from "./ru.json";

export type Lang = "en" | "az" | "ru";
export type Key = keyof typeof en;
type Dict = Record<string, string>;

export const LANGS: readonly Lang[] = ["az", "ru", "en"];
export const DICTS: Record<Lang, Dict> = { en, az, ru };

let current: Lang = "en";

/** The language to use for a setting ("system", "az", "ru", "en"). */
export function resolveLang(setting: string | null | undefined, systemLanguages?: readonly string[]): Lang {
  if (setting === "az" || setting === "ru" || setting === "en") return setting;
  const candidates =
    systemLanguages ?? (typeof navigator !== "undefined" ? [...(navigator.languages ?? []), navigator.language] : []);
  for (const tag of candidates) {
    const base = (tag ?? "").toLowerCase().split(/[-_]/)[0];
    if (base === "az" || base === "ru" || base === "en") return base;
  }
  return "en";
}

export function setLang(lang: Lang): void {
  current = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

export function getLang(): Lang {
  return current;
}

/** The string for `key` in the current language, with `{param}`s filled in. */
export function t(key: Key, params?: Record<string, string | number>): string {
  const text = DICTS[current][key] ?? (en as Dict)[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** "15 minutes", "3 days" — unit plurals from the platform, in the UI language. */
export function formatUnit(value: number, unit: "minute" | "hour" | "day"): string {
  try {
    return new Intl.NumberFormat(current, { style: "unit", unit, unitDisplay: "long" }).format(value);
  } catch {
    return `${value} ${unit}`;
  }
}

/** A number in the UI language's digits and grouping. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(current).format(value);
}
