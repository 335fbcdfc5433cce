import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "@/lib/api/suggest";

describe("did you mean", () => {
  it("measures edits", () => {
    expect(editDistance("numergie", "numergy")).toBe(2);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("proposes the closest values, ignoring case and accents, and nothing far", () => {
    expect(suggest("numergie", ["numergy", "orange", "numericable"])).toEqual(["numergy"]);
    expect(suggest("securite cloud", ["SécuritéCloud", "Next INpact"])).toEqual(["SécuritéCloud"]);
    expect(suggest("Tribune", ["La Tribune", "Les Echos"])).toEqual(["La Tribune"]);
    expect(suggest("zzz", ["numergy", "orange"])).toEqual([]);
  });
});
