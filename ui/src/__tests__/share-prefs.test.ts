import { beforeEach, describe, expect, it } from "vitest";
import az from "../i18n/az.json";
import en from "../i18n/en.json";
import ru from "../i18n/ru.json";
import { SHARE_BAR_ITEMS } from "../api";
import {
  SHARE_ITEMS,
  SHARE_PREFS_KEY,
  defaultSharePrefs,
  moveSharePref,
  normalizeSharePrefs,
  parseSharePrefs,
  takeLegacySharePrefs,
  toggleSharePref,
  visibleShareItems,
} from "../lib/share-prefs";

const ids = (prefs: { id: string }[]) => prefs.map((p) => p.id);

describe("share preferences", () => {
  beforeEach(() => localStorage.clear());

  it("default to every target, in the backend's order", () => {
    expect(visibleShareItems(defaultSharePrefs())).toEqual([...SHARE_BAR_ITEMS]);
    expect(normalizeSharePrefs([])).toEqual(defaultSharePrefs());
    expect(normalizeSharePrefs(undefined)).toEqual(defaultSharePrefs());
  });

  it("come from the settings' share_bar list", () => {
    let prefs = moveSharePref(defaultSharePrefs(), "telegram", -1);
    prefs = toggleSharePref(prefs, "vk", false);
    expect(normalizeSharePrefs(prefs.map(({ id, on }) => ({ id, on })))).toEqual(prefs);
    expect(visibleShareItems(normalizeSharePrefs(prefs))).toEqual(["whatsapp", "telegram", "messenger", "ok", "copy", "email"]);
  });

  it("are taken once from the localStorage of earlier versions", () => {
    expect(takeLegacySharePrefs()).toBeNull();
    localStorage.setItem(SHARE_PREFS_KEY, JSON.stringify([{ id: "ok", on: true }]));
    expect(ids(takeLegacySharePrefs()!).slice(0, 2)).toEqual(["ok", "whatsapp"]);
    expect(localStorage.getItem(SHARE_PREFS_KEY)).toBeNull();
    expect(takeLegacySharePrefs()).toBeNull();
  });

  it("move one place and stop at the ends", () => {
    const d = defaultSharePrefs();
    expect(ids(moveSharePref(d, "email", 1))).toEqual(ids(d));
    expect(ids(moveSharePref(d, "whatsapp", -1))).toEqual(ids(d));
    expect(ids(moveSharePref(d, "whatsapp", 1)).slice(0, 2)).toEqual(["messenger", "whatsapp"]);
    expect(ids(moveSharePref(d, "email", -1)).slice(-2)).toEqual(["email", "copy"]);
    expect(d.map((p) => p.id)).toEqual([...SHARE_ITEMS]); // not mutated
  });

  it("never hide the last visible target", () => {
    let prefs = defaultSharePrefs();
    for (const id of SHARE_ITEMS) prefs = toggleSharePref(prefs, id, false);
    expect(visibleShareItems(prefs)).toEqual(["email"]);
    prefs = toggleSharePref(prefs, "vk", true);
    expect(visibleShareItems(prefs)).toEqual(["vk", "email"]);
  });

  it("read damaged or old values sensibly", () => {
    expect(parseSharePrefs("not json")).toEqual(defaultSharePrefs());
    expect(parseSharePrefs('{"id":"vk"}')).toEqual(defaultSharePrefs());
    expect(parseSharePrefs("[]")).toEqual(defaultSharePrefs());
    // unknown and repeated entries dropped, missing ones appended (visible)
    const parsed = parseSharePrefs(
      JSON.stringify([{ id: "email", on: true }, { id: "myspace", on: true }, { id: "vk", on: false }, { id: "email", on: false }, 7, null]),
    );
    expect(ids(parsed)).toEqual(["email", "vk", "whatsapp", "messenger", "telegram", "ok", "copy"]);
    expect(parsed.find((p) => p.id === "vk")!.on).toBe(false);
    expect(parsed.find((p) => p.id === "email")!.on).toBe(true);
    // everything hidden is not a usable state
    expect(parseSharePrefs(JSON.stringify(SHARE_ITEMS.map((id) => ({ id, on: false }))))).toEqual(defaultSharePrefs());
  });

  it("survive storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(takeLegacySharePrefs(broken)).toBeNull();
  });

  it("have a name and an action label for every target in every language", () => {
    for (const [lang, dict] of [
      ["en", en],
      ["az", az],
      ["ru", ru],
    ] as const) {
      const d = dict as Record<string, string>;
      for (const id of SHARE_ITEMS) {
        expect(d[`share.${id}`], `${lang} share.${id}`).toBeTruthy();
        expect(d[`share.to.${id}`], `${lang} share.to.${id}`).toBeTruthy();
      }
    }
  });
});
