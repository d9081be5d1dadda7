import { describe, expect, it } from "vitest";
import { fullDate, fullDate as full, relativeTime } from "../lib/time";

const NOW = Date.parse("2024-05-10T12:00:00Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe("relative time", () => {
  it("speaks English", () => {
    expect(relativeTime(ago(10), "en", NOW)).toBe("now");
    expect(relativeTime(ago(5 * 60), "en", NOW)).toBe("5 minutes ago");
    expect(relativeTime(ago(3 * 3600), "en", NOW)).toBe("3 hours ago");
    expect(relativeTime(ago(26 * 3600), "en", NOW)).toBe("yesterday");
  });

  it("speaks Russian with its plurals", () => {
    expect(relativeTime(ago(5 * 60), "ru", NOW)).toBe("5 минут назад");
    expect(relativeTime(ago(2 * 3600), "ru", NOW)).toBe("2 часа назад");
  });

  it("speaks Azerbaijani", () => {
    expect(relativeTime(ago(5 * 60), "az", NOW)).toBe("5 dəqiqə öncə");
  });

  it("shows a date past a week", () => {
    expect(relativeTime("2024-04-01T08:00:00Z", "en", NOW)).toBe("Apr 1");
    expect(relativeTime("2023-04-01T08:00:00Z", "en", NOW)).toBe("Apr 1, 2023");
  });

  it("is empty for missing or bad dates", () => {
    expect(relativeTime(null, "en", NOW)).toBe("");
    expect(relativeTime("not a date", "en", NOW)).toBe("");
    expect(fullDate(undefined, "en")).toBe("");
  });
});

describe("full date", () => {
  // Local time, so the test reads the same in every time zone.
  const when = new Date(2026, 11, 1, 7, 5);
  const english = /\b(at|AM|PM|December)\b/;
  // ICU puts no-break spaces before "г." and "AM"; they read as spaces.
  const fullDate = (d: Date, lang: string) => full(d, lang).replace(/[\u00a0\u202f]/g, " ");

  it("joins the date and time the Azerbaijani way, with no English word", () => {
    const text = fullDate(when, "az");
    expect(text).toBe("1 dekabr 2026, 07:05");
    expect(text).not.toMatch(english);
  });

  it("joins the date and time the Russian way, with no English word", () => {
    const text = fullDate(when, "ru");
    expect(text).toBe("1 декабря 2026 г., 07:05");
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it("speaks English in English", () => {
    expect(fullDate(when, "en")).toBe("December 1, 2026 at 7:05 AM");
    expect(fullDate(new Date(2026, 11, 1, 19, 5), "en")).toBe("December 1, 2026 at 7:05 PM");
  });

  it("keeps a 24-hour clock in az and ru", () => {
    const evening = new Date(2026, 11, 1, 19, 5);
    expect(fullDate(evening, "az")).toBe("1 dekabr 2026, 19:05");
    expect(fullDate(evening, "ru")).toBe("1 декабря 2026 г., 19:05");
  });
});
