// Waiting that is worth showing: a loading state shown only once it lasts.

import { useEffect, useState } from "preact/hooks";

/**
 * Whether the wait named `key` (null: nothing is awaited) has lasted `ms`
 * or longer. A new key starts a new wait; the flag is for the key it was
 * set for, so a wait that ended and a new one that began are never taken
 * for each other.
 */
export function useLastsLonger(key: number | null, ms: number): boolean {
  const [slowKey, setSlowKey] = useState<number | null>(null);
  useEffect(() => {
    if (key == null) return;
    const timer = setTimeout(() => setSlowKey(key), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return key != null && slowKey === key;
}

/**
 * Resolves once `promise` settles (fulfilled or rejected) or once `ms`
 * have passed, whichever comes first; never rejects. For what may wait a
 * little for an answer but must not wait for one that never comes.
 */
export function settledOrAfter(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}
