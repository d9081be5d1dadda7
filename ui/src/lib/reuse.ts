// Keeping what a reload brought back unchanged. The panes skip rendering
// what they were given before (`memoWhen`, by identity); a reload answers
// with new objects, equal or not, so without this every sidebar row
// rendered again after each sync, each reload of the accounts and each key
// press that marked an article read (40–130 ms with 200 feeds;
// BENCHMARKS.md, "App responsiveness").

/** Whether two values read from the backend (JSON: null, booleans,
 * numbers, strings, arrays, plain objects) hold the same data. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameData(item, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => key in y && sameData(x[key], y[key]));
}

/** `next`, or `previous` when it holds the same data. */
export function reuseIfSame<T>(previous: T, next: T): T {
  return sameData(previous, next) ? previous : next;
}

/**
 * `next`, each of its items replaced by the item of `previous` with the
 * same id when that holds the same data; `previous` itself when every item
 * is the same, in the same order.
 */
export function reuseItems<T extends { id: number }>(previous: readonly T[], next: T[]): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  let allKept = previous.length === next.length;
  const items = next.map((item, i) => {
    const old = before.get(item.id);
    if (old !== undefined && sameData(old, item)) {
      if (previous[i] !== old) allKept = false;
      return old;
    }
    allKept = false;
    return item;
  });
  return allKept ? (previous as T[]) : items;
}

/**
 * `items` with the rows of `page` it does not hold yet appended, in one
 * native copy: the list grows a page at a time as it scrolls, to 10,000
 * rows and more, and a set of every id plus a spread copy on each page
 * (the interpreter runs the UI's code: `JSC_useJIT=0`) had made the frames
 * around a page's arrival miss their refresh once the list was long
 * (BENCHMARKS.md, "App responsiveness").
 */
export function appendPage<T extends { id: number }>(items: readonly T[], page: readonly T[]): T[] {
  const ids = new Set<number>();
  for (let i = 0; i < page.length; i++) ids.add(page[i].id);
  let held: Set<number> | null = null;
  for (let i = 0; i < items.length; i++) {
    const id = items[i].id;
    if (ids.has(id)) (held ??= new Set()).add(id);
  }
  const fresh = held === null ? page : page.filter((item) => !held.has(item.id));
  return items.concat(fresh);
}
