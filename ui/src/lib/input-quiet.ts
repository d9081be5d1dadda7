// When the user last pressed a key: work that can wait (a reload after a
// sync) waits until the keyboard has been quiet for a moment, so a key
// press never queues behind it.

/** How long (ms) after a key press the keyboard counts as busy. */
export const INPUT_QUIET_MS = 300;

let lastInput = -Infinity;

/** Notes a key press now (the window's keydown handler calls this). */
export function noteInput(now: number = Date.now()): void {
  lastInput = now;
}

/** How long (ms) until the keyboard has been quiet for {@link INPUT_QUIET_MS}; 0 when it is. */
export function msUntilQuiet(now: number = Date.now()): number {
  return Math.max(0, lastInput + INPUT_QUIET_MS - now);
}

/** Forgets the last key press (tests). */
export function resetInput(): void {
  lastInput = -Infinity;
}
