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
  return new Intl.DateTimeFormat(lang, {
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(date);
}

/** A full date and time, for the reader's byline and tooltips. */
export function fullDate(value: string | Date | null | undefined, lang: string): string {
  const date = parse(value);
  if (!date) return "";
  return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" }).format(date);
}
