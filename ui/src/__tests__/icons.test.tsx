import { render } from "preact";
import type { VNode } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it } from "vitest";
import * as icons from "../components/icons";

const iconComponents = Object.entries(icons).filter(([name]) => name.startsWith("Icon")) as [
  string,
  (props: { size?: number }) => VNode<{ children: unknown }>,
][];

describe("icons", () => {
  it("are all checked here", () => {
    expect(iconComponents.length).toBeGreaterThan(20);
  });

  // Preact writes its bookkeeping (the parent vnode, the DOM node) into a
  // vnode it renders; one shared by every render of an icon kept the first
  // render's whole tree alive, and through it every later one.
  it("draw new vnodes at every render, never one shared between renders", () => {
    for (const [name, Icon] of iconComponents) {
      const first = Icon({}).props.children;
      const second = Icon({}).props.children;
      expect(first, name).toBeTruthy();
      expect(second, name).not.toBe(first);
    }
  });

  it("draw the same picture at every render", () => {
    const root = document.createElement("div");
    act(() =>
      render(
        <>
          <icons.IconCheckAll />
          <icons.IconCheckAll size={24} />
        </>,
        root,
      ),
    );
    const [a, b] = root.querySelectorAll("svg");
    expect(a.innerHTML).toBe(b.innerHTML);
    expect(a.querySelectorAll("path").length).toBe(2);
    expect(b.getAttribute("width")).toBe("24");
  });
});
