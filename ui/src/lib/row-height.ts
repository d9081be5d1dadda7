// The height of a row in the article list. Every row is as tall as the
// others (the virtual list depends on it), and that height must hold a
// two-line title with its descenders in the font the system really has
// (Noto Sans on Debian sets taller lines than the fonts the CSS was drawn
// with). So it is measured: a hidden probe row, laid out with the real CSS
// and fonts, is measured at start, when fonts finish loading, and when the
// language, the fonts or the window change; this file turns what was
// measured into the row height.

/** The row height (px) where nothing can be measured (jsdom, a list not laid out). */
export const FALLBACK_ROW_HEIGHT = 108;

/** What was measured on the probe row (px). */
export interface RowMeasure {
  /** The text column's natural height: meta line, two title lines, byline and the gaps between. */
  text: number;
  /** The thumbnail's height with its top margin. */
  thumb: number;
  /** The row's own padding and borders (top and bottom together). */
  chrome: number;
}

/**
 * The height every row gets: the taller of the text and the thumbnail, plus
 * the row's padding and border, rounded up to whole pixels (a fraction
 * would add up down a long list). Nothing laid out (zero, NaN: jsdom, a
 * hidden list) gives the fallback: the last height measured, or
 * FALLBACK_ROW_HEIGHT.
 */
export function rowHeightFrom(m: RowMeasure | null, fallback: number = FALLBACK_ROW_HEIGHT): number {
  if (!m) return fallback;
  const ok = (n: number) => Number.isFinite(n) && n > 0;
  if (!ok(m.text)) return fallback;
  const content = Math.max(m.text, ok(m.thumb) ? m.thumb : 0);
  const chrome = ok(m.chrome) ? m.chrome : 0;
  return Math.ceil(content + chrome - 0.01);
}

const px = (value: string | null | undefined) => {
  const n = parseFloat(value ?? "");
  return Number.isFinite(n) ? n : 0;
};

/** Measures a probe row (`.article-row` with `.row-text` and `.row-thumb`) as laid out now. */
export function measureProbe(row: HTMLElement): RowMeasure {
  const text = row.querySelector<HTMLElement>(".row-text");
  const thumb = row.querySelector<HTMLElement>(".row-thumb");
  const rs = getComputedStyle(row);
  const thumbStyle = thumb ? getComputedStyle(thumb) : null;
  return {
    text: text ? text.getBoundingClientRect().height : 0,
    thumb: thumb ? thumb.getBoundingClientRect().height + px(thumbStyle?.marginTop) : 0,
    chrome: px(rs.paddingTop) + px(rs.paddingBottom) + px(rs.borderTopWidth) + px(rs.borderBottomWidth),
  };
}
