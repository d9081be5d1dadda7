// Folding for search highlights: the same rules the backend's full-text
// index uses (byline-store's fold.rs), so what matched is what lights up.
// Both are tested against one file of cases
// (crates/byline-store/src/fold_cases.json); search snippets come from the
// backend already marked.
// Lower case; Azerbaijani ə→e, ı/İ/I→i, ş→s, ç→c, ğ→g, ö→o, ü→u; Russian
// ё→е; other Latin diacritics dropped (FTS5 `remove_diacritics 2`).

const SPECIAL: Record<string, string> = {
  İ: "i", I: "i", ı: "i",
  Ə: "e", ə: "e",
  Ğ: "g", ğ: "g",
  Ş: "s", ş: "s",
  Ç: "c", ç: "c",
  Ö: "o", ö: "o",
  Ü: "u", ü: "u",
  Ё: "е", ё: "е",
};

const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const COMBINING = /[\u0300-\u036f]/g;

/** Folds one character (a code point) to its search form. */
export function foldChar(c: string): string {
  const special = SPECIAL[c];
  if (special !== undefined) return special;
  const lower = c.toLowerCase();
  return LATIN_WITH_MARKS.test(c) ? lower.normalize("NFD").replace(COMBINING, "") : lower;
}

/** Folds text for case- and diacritic-insensitive matching. */
export function fold(text: string): string {
  let out = "";
  for (const c of text) out += foldChar(c);
  return out;
}

import shared from "../../../crates/byline-store/src/fold_cases.json";

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A search word this long or longer matches word beginnings; a shorter one
 * only the whole word (the backend's rule, `MIN_PREFIX_CHARS` in fold.rs). */
export const MIN_PREFIX_CHARS: number = shared.min_prefix_chars;

/** The words of a search, folded (what the backend prefix-matches). */
export function searchTerms(query: string): string[] {
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  // Longest first, so a longer term wins where two start at one place.
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into plain and matched segments: a match is a search term
 * found at the start of a word (the backend matches word prefixes; a
 * one-letter term only the whole word), compared
 * after folding both sides.
 */
export function highlight(text: string, query: string): Segment[] {
  const terms = searchTerms(query);
  if (terms.length === 0 || text.length === 0) return [{ text, match: false }];

  // Fold character by character, remembering where each folded unit came from.
  let folded = "";
  const origin: number[] = []; // folded UTF-16 index -> original UTF-16 start
  const origEnd: number[] = []; // folded UTF-16 index -> original UTF-16 end
  let i = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (let k = 0; k < f.length; k++) {
      origin.push(i);
      origEnd.push(i + c.length);
    }
    folded += f;
    i += c.length;
  }

  const marked = new Uint8Array(text.length);
  for (const term of terms) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      const prev = at > 0 ? folded[at - 1] : "";
      if (prev && WORD_CHAR.test(prev)) continue;
      const next = folded[at + term.length] ?? "";
      if ([...term].length < MIN_PREFIX_CHARS && next && WORD_CHAR.test(next)) continue;
      const start = origin[at];
      const end = origEnd[at + term.length - 1];
      for (let p = start; p < end; p++) marked[p] = 1;
    }
  }

  const segments: Segment[] = [];
  let start = 0;
  for (let p = 1; p <= text.length; p++) {
    if (p === text.length || marked[p] !== marked[start]) {
      segments.push({ text: text.slice(start, p), match: marked[start] === 1 });
      start = p;
    }
  }
  return segments;
}
