import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => import("../test/tauri-core"));

import { ContextMenu } from "../components/ContextMenu";
import { Menu } from "../components/Menu";
import { Modal } from "../components/Modal";
import { POPUP_CLASS, suspendTooltips } from "../lib/tooltips";

const root = () => document.documentElement;
const title = (testid: string) => screen.getByTestId(testid).getAttribute("title");
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => cleanup());

describe("tooltips", () => {
  it("step aside while a menu is open, and come back when it closes", async () => {
    render(
      <div>
        <button type="button" data-testid="sync" title="Refresh (R)">
          R
        </button>
        <Menu label="More" icon="⋯" testid="more" items={[{ label: "Rename", testid: "rename", onSelect: () => {} }]} />
      </div>,
    );
    expect(title("sync")).toBe("Refresh (R)");
    expect(title("more")).toBe("More");
    expect(root().classList.contains(POPUP_CLASS)).toBe(false);

    fireEvent.click(screen.getByTestId("more"));
    expect(screen.getByTestId("rename")).toBeTruthy();
    // The button's own tooltip would sit right over the menu under it.
    expect(title("more")).toBeNull();
    expect(title("sync")).toBeNull();
    expect(root().classList.contains(POPUP_CLASS)).toBe(true);
    expect(screen.getByTestId("more").getAttribute("aria-label")).toBe("More");

    fireEvent.keyDown(document, { key: "Escape" });
    await tick();
    expect(screen.queryByTestId("rename")).toBeNull();
    expect(title("more")).toBe("More");
    expect(title("sync")).toBe("Refresh (R)");
    expect(root().classList.contains(POPUP_CLASS)).toBe(false);
  });

  it("step aside under a context menu, but its own entries keep theirs", async () => {
    const onClose = vi.fn();
    const { rerender } = render(
      <div>
        <span data-testid="time" title="1 dekabr 2026, 07:05">
          2 saat öncə
        </span>
        <ContextMenu
          x={10}
          y={10}
          testid="row-menu"
          onClose={onClose}
          items={[{ label: "Share", testid: "share", disabled: true, title: "No link", onSelect: () => {} }]}
        />
      </div>,
    );
    expect(title("time")).toBeNull();
    expect(title("share")).toBe("No link");
    rerender(
      <div>
        <span data-testid="time" title="1 dekabr 2026, 07:05">
          2 saat öncə
        </span>
      </div>,
    );
    await tick();
    expect(title("time")).toBe("1 dekabr 2026, 07:05");
  });

  it("step aside under a dialog, titles set meanwhile too", async () => {
    const Page = (p: { dialog: boolean; tip: string }) => (
      <div>
        <button type="button" data-testid="settings" title={p.tip}>
          S
        </button>
        {p.dialog ? (
          <Modal title="Settings" testid="dialog">
            <button type="button" data-testid="up" title="Move WhatsApp up">
              ↑
            </button>
          </Modal>
        ) : null}
      </div>
    );
    const { rerender } = render(<Page dialog={false} tip="Settings" />);
    rerender(<Page dialog tip="Settings" />);
    expect(title("settings")).toBeNull();
    expect(title("up")).toBe("Move WhatsApp up");
    rerender(<Page dialog tip="Settings (,)" />);
    await tick(); // the observer runs
    expect(title("settings")).toBeNull();
    rerender(<Page dialog={false} tip="Settings (,)" />);
    await tick();
    expect(title("settings")).toBe("Settings (,)");
    expect(root().classList.contains(POPUP_CLASS)).toBe(false);
  });

  it("come back only when the last of nested holds is released", () => {
    document.body.innerHTML = `<button id="b" title="Tip">b</button>`;
    const b = document.getElementById("b")!;
    const one = suspendTooltips();
    const two = suspendTooltips();
    expect(b.hasAttribute("title")).toBe(false);
    one();
    one(); // twice is once
    expect(b.hasAttribute("title")).toBe(false);
    two();
    expect(b.getAttribute("title")).toBe("Tip");
    document.body.innerHTML = "";
  });
});
