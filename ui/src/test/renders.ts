// Counts which components render while a test runs, through Preact's
// `options.diffed` hook: for tests that check a change renders only what it
// should.

import { options } from "preact";
import { afterEach, beforeEach } from "vitest";

/** Call inside a `describe`: from each test's start, `times(name)` is how
 * many times the component `name` rendered, and `reset()` starts the count
 * again (e.g. once the window has loaded). */
export function countRenders(): { times: (name: string) => number; reset: () => void } {
  const rendered: string[] = [];
  const previous = options.diffed;
  beforeEach(() => {
    rendered.length = 0;
    options.diffed = (vnode) => {
      const type = vnode.type as { name?: string } | string;
      if (typeof type === "function") rendered.push(type.name ?? "");
      previous?.(vnode);
    };
  });
  afterEach(() => {
    options.diffed = previous;
  });
  return {
    // The bundler may add a digit to a component's name (ArticleRow2).
    times: (name) => rendered.filter((n) => new RegExp(`^${name}\\d*$`).test(n)).length,
    reset: () => {
      rendered.length = 0;
    },
  };
}
