import { describe, expect, it } from "vitest";
import { hostOf } from "../lib/url";

describe("hostOf", () => {
  it("shows the host without www., or without what the caller strips", () => {
    expect(hostOf("https://www.report.az/xeber/1")).toBe("report.az");
    expect(hostOf("https://feeds.bbci.co.uk/news/rss.xml", /^(www|feeds)\./)).toBe("bbci.co.uk");
    expect(hostOf("https://feeds.bbci.co.uk/news/rss.xml")).toBe("feeds.bbci.co.uk");
  });

  it("gives nothing for no URL or one that does not parse", () => {
    expect(hostOf(null)).toBe("");
    expect(hostOf(undefined)).toBe("");
    expect(hostOf("not a url")).toBe("");
  });
});
