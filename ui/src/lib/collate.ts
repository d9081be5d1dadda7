// Sorting names the way people expect: "Feed 2" before "Feed 10", case and
// accents ignored, in the UI language's alphabet order.

const collators = new Map<string, Intl.Collator>();

export function compareNames(a: string, b: string, lang = "en"): number {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
    collators.set(lang, c);
  }
  return c.compare(a, b);
}
