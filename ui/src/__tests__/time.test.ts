import { describe, expect, it } from "vitest";
import { fullDate, relativeTime } from "../lib/time";

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
