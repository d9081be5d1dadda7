// Showing a fast stream of values at a pace the screen can afford.

/**
 * Passes values on to `show` at most once every `ms`: the first of a burst
 * at once, then the latest one when `ms` has passed (the ones between are
 * dropped); a value `urgent` says must not wait (and drops any waiting
 * one) is shown at once. Returns the function to feed values to.
 */
export function latestEvery<T>(
  show: (value: T) => void,
  ms: number,
  urgent: (value: T) => boolean,
): (value: T) => void {
  let lastShown = -Infinity;
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (value: T) => {
    clearTimeout(timer);
    timer = undefined;
    waiting = null;
    lastShown = Date.now();
    show(value);
  };
  return (value: T) => {
    const since = Date.now() - lastShown;
    if (urgent(value) || since >= ms) {
      flush(value);
      return;
    }
    waiting = { value };
    timer ??= setTimeout(() => {
      if (waiting) flush(waiting.value);
    }, ms - since);
  };
}
