import { describe, expect, it } from "vitest";
import { fold, highlight, MIN_PREFIX_CHARS, searchTerms } from "../lib/fold";
// The cases the backend's fold.rs is tested against too: one file, both suites.
import shared from "../../../crates/byline-store/src/fold_cases.json";

const marked = (text: string, q: string) =>
  highlight(text, q)
    .filter((s) => s.match)
    .map((s) => s.text);

describe("folding", () => {
  it("folds every shared case the way the backend's index does", () => {
    expect(shared.cases.length).toBeGreaterThanOrEqual(5);
    for (const [input, folded] of shared.cases) expect(fold(input), input).toBe(folded);
  });

  it("folds Azerbaijani letters like the backend", () => {
    expect(fold("ŞƏHƏRDƏ İlham Əliyev ağıllı Çöl Üzüm")).toBe("seherde ilham eliyev agilli col uzum");
    expect(fold("IĞDIR")).toBe("igdir");
  });

  it("folds Russian case and ё", () => {
    expect(fold("Ёлка НОВОСТИ")).toBe("елка новости");
  });

  it("drops other Latin diacritics", () => {
    expect(fold("Café Zürich")).toBe("cafe zurich");
  });

  it("splits a query into folded terms, longest first", () => {
    expect(searchTerms("  Şəhər, \"məktəb\" ")).toEqual(["mekteb", "seher"]);
    expect(searchTerms(" ()* ")).toEqual([]);
  });
});

describe("highlight", () => {
  it("marks a one-letter term only as a whole word, as search matches it", () => {
    expect(MIN_PREFIX_CHARS).toBe(2);
    const marked = highlight("O'Brien o oğul", "o")
      .filter((s) => s.match)
      .map((s) => s.text);
    expect(marked).toEqual(["O", "o"]);
  });

  it("marks case- and diacritic-insensitive word-prefix matches in the original text", () => {
    expect(marked("Şəhər məktəbləri açılır", "seher mekteb")).toEqual(["Şəhər", "məktəb"]);
    expect(marked("İqtisadiyyat və İlham", "iqtisad")).toEqual(["İqtisad"]);
    expect(marked("Ёлка в Москве", "елка")).toEqual(["Ёлка"]);
    expect(marked("НОВОСТИ дня", "новост")).toEqual(["НОВОСТ"]);
  });

  it("does not mark matches inside words", () => {
    expect(marked("Bakıda yağış", "kida")).toEqual([]);
  });

  it("keeps the text intact", () => {
    const text = "Azərbaycan və Gürcüstan";
    expect(
      highlight(text, "gurcu")
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
  });

  it("returns the whole text unmarked for an empty query", () => {
    expect(highlight("Hello", "  ")).toEqual([{ text: "Hello", match: false }]);
  });
});
