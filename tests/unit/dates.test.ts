import { describe, expect, it } from "vitest";
import { formatFrenchDate, parsePartialDate } from "@/lib/dates";

describe("parsePartialDate", () => {
  it("reads a year, a month and a day with their precision and covered period", () => {
    expect(parsePartialDate("2011")).toEqual({ value: "2011", precision: "year", start: "2011-01-01", end: "2011-12-31" });
    expect(parsePartialDate("2012-09")).toEqual({ value: "2012-09", precision: "month", start: "2012-09-01", end: "2012-09-30" });
    expect(parsePartialDate("2015-10-13")).toEqual({ value: "2015-10-13", precision: "day", start: "2015-10-13", end: "2015-10-13" });
  });

  it("knows month lengths and leap years", () => {
    expect(parsePartialDate("2016-02")).toMatchObject({ end: "2016-02-29" });
    expect(parsePartialDate("2015-02")).toMatchObject({ end: "2015-02-28" });
    expect(parsePartialDate("2016-02-29")).toMatchObject({ precision: "day" });
    expect(parsePartialDate("2015-02-29")).toEqual({ error: "day 29 does not exist in 2015-02 (01 to 28)" });
    expect(parsePartialDate("2014-04-31")).toHaveProperty("error");
  });

  it.each(["2015-13-40", "2015-13", "2015-00", "2015-01-00", "15-01-01", "2015-1", "2015/01/02", "septembre 2015", "", "0999"])(
    "rejects %j",
    (input) => {
      expect(parsePartialDate(input)).toHaveProperty("error");
    },
  );
});

describe("formatFrenchDate", () => {
  it("writes each precision honestly, in French", () => {
    expect(formatFrenchDate("2014-09-25")).toBe("25 septembre 2014");
    expect(formatFrenchDate("2015-03-01")).toBe("1er mars 2015");
    expect(formatFrenchDate("2012-09")).toBe("septembre 2012");
    expect(formatFrenchDate("2011")).toBe("2011");
    expect(formatFrenchDate("2014-08-05")).toBe("5 août 2014");
    expect(formatFrenchDate("2013-12")).toBe("décembre 2013");
  });

  it("marks approximate dates", () => {
    expect(formatFrenchDate("2015-09", true)).toBe("septembre 2015 (environ)");
    expect(formatFrenchDate("2016", true)).toBe("vers 2016");
    expect(formatFrenchDate("2014-09-25", true)).toBe("25 septembre 2014 (environ)");
  });
});
