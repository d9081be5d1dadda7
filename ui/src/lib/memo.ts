// Skipping a component's render when what it shows has not changed.

import { Component, h } from "preact";
import type { ComponentType, FunctionComponent } from "preact";

/**
 * `render`, rendered again only when `same(previous props, next props)` is
 * false. Preact's own `memo` lives in `preact/compat`, whose import would
 * turn every `onChange` of the app into React's meaning; this is the same
 * thing with `shouldComponentUpdate`, and nothing else.
 */
export function memoWhen<P extends object>(
  render: FunctionComponent<P>,
  same: (previous: P, next: P) => boolean,
): ComponentType<P> {
  class Memo extends Component<P> {
    shouldComponentUpdate(next: P): boolean {
      return !same(this.props as P, next);
    }
    render() {
      return h(render, this.props as P);
    }
  }
  return Memo;
}
