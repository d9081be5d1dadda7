// Reloads that cannot undo what the user just did. A press shows its change
// at once (an article read, its source's count one less) and tells the
// backend after; a reload asked for earlier (a full page fetched, a sync's
// new articles) can read the database before the backend has the change
// and answer after the UI showed it. Applied, that answer puts the old
// count back, and nothing reloads again to mend it. So a reload's answer
// is taken only when no change of the user's began or was on its way while
// it was read; otherwise it is read again once they are all in.

let epoch = 0;
let open = 0;
let waiting: (() => void)[] = [];

/**
 * Marks the start of a change the UI shows before the backend has it.
 * Call the function it returns once the backend has answered (or failed);
 * a second call does nothing.
 */
export function beginLocalChange(): () => void {
  epoch++;
  open++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    open--;
    epoch++;
    if (open === 0) {
      const ready = waiting;
      waiting = [];
      ready.forEach((wake) => wake());
    }
  };
}

/** Resolves once no local change is on its way to the backend. */
function settled(): Promise<void> {
  return open === 0 ? Promise.resolve() : new Promise((wake) => waiting.push(wake));
}

/**
 * `read()`'s answer, read when no local change was on its way and none
 * began while it was read: read again until that holds.
 */
export async function readAfterLocalChanges<T>(read: () => Promise<T>): Promise<T> {
  for (;;) {
    await settled();
    const before = epoch;
    const value = await read();
    if (epoch === before) return value;
  }
}

/**
 * Runs `send` (the request that tells the backend a change the UI already
 * shows) as a local change: reloads wait for it.
 */
export async function sendLocalChange<T>(send: () => Promise<T>): Promise<T> {
  const end = beginLocalChange();
  try {
    return await send();
  } finally {
    end();
  }
}
