import { describe, expect, it } from "vitest";
import { buildSrcdoc } from "../reader-frame";

describe("reader iframe document", () => {
  const doc = buildSrcdoc("<p>Hello</p>", {
    theme: "dark",
    font: "sans",
    size: 40,
    lang: "az",
    leadImage: "https://img.example/a.jpg",
    stylesheet: "tauri://localhost/reader.css",
  });

  it("has no script, no inline style, and links the app's reader.css", () => {
    // No CSP meta: the document inherits the app's CSP (see reader-frame.ts).
    expect(doc).not.toContain("http-equiv");
    expect(doc).toContain(`<link rel="stylesheet" href="tauri://localhost/reader.css">`);
    expect(doc).toContain(`<meta name="referrer" content="no-referrer">`);
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/<style/i);
  });

  it("applies theme, font and a clamped size", () => {
    expect(doc).toContain(`data-theme="dark"`);
    expect(doc).toContain(`data-font="sans"`);
    expect(doc).toContain(`data-size="32"`);
    expect(doc).toContain(`lang="az"`);
  });

  it("adds the lead image unless the body already has it", () => {
    expect(doc).toContain(`<img src="https://img.example/a.jpg"`);
    const again = buildSrcdoc(`<img src="https://img.example/a.jpg">`, {
      theme: "light",
      font: "serif",
      size: 18,
      leadImage: "https://img.example/a.jpg",
      stylesheet: "tauri://localhost/reader.css",
    });
    expect(again.match(/img\.example/g)).toHaveLength(1);
  });
});
