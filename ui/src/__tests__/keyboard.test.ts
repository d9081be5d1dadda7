import { describe, expect, it } from "vitest";
import { shortcutKey } from "../keyboard";

const press = (key: string, code: string, shiftKey = false) => shortcutKey({ key, code, shiftKey });

describe("shortcutKey", () => {
  it("reads Latin letters as typed, lower case", () => {
    expect(press("j", "KeyJ")).toBe("j");
    expect(press("S", "KeyS", true)).toBe("s");
  });

  it("reads other layouts by the key's place", () => {
    expect(press("о", "KeyJ")).toBe("j");
    expect(press("Ы", "KeyS", true)).toBe("s");
    expect(press(".", "Slash")).toBe("/");
    expect(press(",", "Slash", true)).toBe("?");
  });

  it("keeps / and ? wherever the layout puts them", () => {
    expect(press("?", "Digit7", true)).toBe("?");
    expect(press("/", "Period")).toBe("/");
  });

  it("leaves other keys alone", () => {
    expect(press("Escape", "Escape")).toBe("Escape");
    expect(press("5", "Digit5")).toBe("5");
  });
});
