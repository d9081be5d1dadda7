// Dates for people: "5 minutes ago" in the UI language for recent items,
// a short date for older ones, a long date and time in the reader.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();
function rtf(lang: string): Intl.RelativeTimeFormat {
  let f = rtfCache.get(lang);
  if (!f) {
    f = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
    rtfCache.set(lang, f);
  }
  return f;
}

function parse(value: string | Date | null | undefined): Date | null {
  if (value == null) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "just now", "5 minutes ago", "yesterday", or a short date past a week. */
export function relativeTime(value: string | Date | null | undefined, lang: string, now: number = Date.now()): string {
  const date = parse(value);
  if (!date) return "";
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const f = rtf(lang);
  if (abs < 45) return f.format(0, "second");
  if (abs < 45 * MINUTE) return f.format(Math.round(seconds / MINUTE), "minute");
  if (abs < 22 * HOUR) return f.format(Math.round(seconds / HOUR), "hour");
  if (abs < 7 * DAY) return f.format(Math.round(seconds / DAY), "day");
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return shortDate(lang, sameYear).format(date);
}

// A formatter is slow to make (WebKit builds its ICU pattern each time) and
// every row of the list asks for one: made once per language and kind.
const shortCache = new Map<string, Intl.DateTimeFormat>();
function shortDate(lang: string, sameYear: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${sameYear ? "" : "y"}`;
  let f = shortCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) });
    shortCache.set(key, f);
  }
  return f;
}

// How a date and a time join in a full date. Intl's own joiner comes from
// the platform's ICU, and WebKitGTK's lacks it for Azerbaijani ("1 dekabr
// 2026 at 07:05"), so the date and the time are formatted apart and joined
// here, the way each language writes it.
const JOINERS: Record<string, string> = { az: ", ", ru: ", ", en: " at " };
// Languages that write the time on a 24-hour clock, whatever ICU knows.
const H23 = new Set(["az", "ru"]);

const fullCache = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();
function fullFormats(lang: string) {
  let f = fullCache.get(lang);
  if (!f) {
    const base = baseLang(lang);
    f = {
      date: new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" }),
      time: H23.has(base)
        ? new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        : new Intl.DateTimeFormat(lang, { timeStyle: "short" }),
    };
    fullCache.set(lang, f);
  }
  return f;
}

function baseLang(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0];
}

/** The text of formatted parts, without a day period (AM/PM) where the clock is 24-hour. */
function joinParts(parts: Intl.DateTimeFormatPart[], h23: boolean): string {
  return parts
    .filter((p) => !(h23 && p.type === "dayPeriod"))
    .map((p) => p.value)
    .join("")
    .trim();
}

/**
 * A full date and time, for the reader's byline and tooltips: "1 dekabr
 * 2026, 07:05", "1 декабря 2026 г., 07:05", "December 1, 2026 at 7:05 AM".
 */
export function fullDate(value: string | Date | null | undefined, lang: string): string {
  const date = parse(value);
  if (!date) return "";
  const base = baseLang(lang);
  const f = fullFormats(lang);
  const h23 = H23.has(base);
  const day = joinParts(f.date.formatToParts(date), h23);
  const time = joinParts(f.time.formatToParts(date), h23);
  return `${day}${JOINERS[base] ?? ", "}${time}`;
}
