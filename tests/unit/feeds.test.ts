import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomFeed, jsonFeed, rssFeed, type FeedInput } from "@/lib/feeds";

const input: FeedInput = {
  site: "https://andromede.example",
  state: { q: "cloudwatt", entity: ["orange"], source: undefined, sort: "newest" },
  list: {
    total: 2,
    page: 1,
    pageSize: 50,
    facets: { entities: [], sources: [], years: [] },
    items: [
      {
        slug: "numergy-c-est-fini",
        title: "Numergy c’est fini <vraiment> & après",
        source: "SécuritéCloud",
        url: "https://www.securitecloud.com/actualites/numergy-cest-fini/",
        published: "2016",
        datePrecision: "year",
        approximate: true,
        summary: "Résumé.",
        entities: [{ slug: "orange", name: "Orange", kind: "company", explicit: true, mentions: 1 }],
        snippet: "",
        authors: ["Jean Dupont"],
        fulltext: true,
        genre: null,
        revisedAt: "2026-11-22T08:30:00.000Z",
      },
      {
        slug: "cloud-souverain-deux-ans-apres",
        title: "Cloud souverain : deux ans après",
        source: "Next INpact",
        url: null,
        published: "2014-09-25",
        datePrecision: "day",
        approximate: false,
        summary: null,
        entities: [],
        snippet: "",
        authors: [],
        fulltext: true,
        genre: null,
        revisedAt: "2026-11-20T10:00:00.000Z",
      },
    ],
  },
};

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("feeds", () => {
  it("Atom: a well-formed feed with an entry per article", () => {
    const doc = xml.parse(atomFeed(input));
    expect(doc.feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.feed.title["#text"]).toContain("« cloudwatt »");
    expect(doc.feed.id).toBe("https://andromede.example/feed.xml?q=cloudwatt&entity=orange");
    expect(doc.feed.entry).toHaveLength(2);
    expect(doc.feed.entry[0].title["#text"] ?? doc.feed.entry[0].title).toBe("Numergy c’est fini <vraiment> & après");
    expect(doc.feed.entry[0].id).toBe("https://andromede.example/articles/numergy-c-est-fini");
    // <updated> is the last revision (of the entry, and of the feed); <published> the publication.
    expect(doc.feed.updated).toBe("2026-11-22T08:30:00.000Z");
    expect(doc.feed.entry[0].updated).toBe("2026-11-22T08:30:00.000Z");
    expect(doc.feed.entry[1].published).toBe("2014-09-25T12:00:00.000Z");
    // "vers 2016": the period's first day as the timestamp, and the text says how precise it is.
    expect(doc.feed.entry[0].published).toBe("2016-01-01T12:00:00.000Z");
    expect(JSON.stringify(doc.feed.entry[0].summary)).toContain("vers 2016");
    // The byline, never the publication, is the author.
    expect(doc.feed.entry[0].author.name).toBe("Jean Dupont");
    expect(doc.feed.entry[1].author).toBeUndefined();
  });

  it("RSS 2.0: a channel with an item per article", () => {
    const doc = xml.parse(rssFeed(input));
    expect(doc.rss["@version"]).toBe("2.0");
    expect(doc.rss.channel.language).toBe("fr");
    expect(doc.rss.channel.item).toHaveLength(2);
    expect(doc.rss.channel.item[1].link).toBe("https://andromede.example/articles/cloud-souverain-deux-ans-apres");
    expect(new Date(doc.rss.channel.item[1].pubDate).toISOString()).toBe("2014-09-25T12:00:00.000Z");
    expect(doc.rss.channel.item[0].author).toBe("Jean Dupont");
    expect(doc.rss.channel.item[1].author).toBeUndefined();
    expect(JSON.stringify(doc.rss.channel)).not.toContain("<author>SécuritéCloud");
  });

  it("JSON Feed 1.1: required fields and one item per article", () => {
    const feed = JSON.parse(jsonFeed(input));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBeTruthy();
    expect(feed.feed_url).toBe("https://andromede.example/feed.json?q=cloudwatt&entity=orange");
    expect(feed.items).toHaveLength(2);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(item.content_text ?? item.content_html).toBeTruthy();
    }
    expect(feed.items[0]).toMatchObject({
      external_url: "https://www.securitecloud.com/actualites/numergy-cest-fini/",
      tags: ["Orange"],
      authors: [{ name: "Jean Dupont" }],
      date_published: "2016-01-01T12:00:00.000Z",
      date_modified: "2026-11-22T08:30:00.000Z",
    });
    expect(feed.items[0].content_text).toContain("vers 2016");
    expect(feed.items[1].authors).toBeUndefined();
  });

  it("Atom: titles and summaries are plain text, escaped, never markup", () => {
    const hostile: FeedInput = {
      ...input,
      list: { ...input.list, items: [{ ...input.list.items[0]!, title: "<script>alert(1)</script>", summary: "<b>gras</b> ]]> fin" }] },
    };
    const out = atomFeed(hostile);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('<title type="text">&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(out).not.toContain("<script>");
    expect(out).not.toContain('type="html"');
    const entry = xml.parse(out).feed.entry;
    expect(entry.title).toEqual({ "#text": "<script>alert(1)</script>", "@type": "text" });
    expect(entry.summary["@type"]).toBe("text");
    expect(entry.summary["#text"]).toContain("<b>gras</b> ]]> fin");
  });

  // XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; nothing else.
  const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

  it.each([
    ["Atom", atomFeed],
    ["RSS", rssFeed],
  ])("%s: characters XML forbids never reach the feed, whatever the database holds", (_name, render) => {
    const dirty: FeedInput = {
      site: input.site,
      state: { q: "cloud\u0000watt", entity: [], source: undefined, sort: "newest" },
      list: {
        ...input.list,
        items: [
          {
            ...input.list.items[0]!,
            title: "Nul\u0000 un\u0001 fffe\uFFFE ffff\uFFFF seul\uD800 fin 😀",
            summary: "Résumé\u0008\u001F.",
            source: "Source\u000B",
            entities: [{ slug: "orange", name: "Orange\u0002", kind: "company", explicit: true, mentions: 1 }],
          },
        ],
      },
    };
    const out = render(dirty);
    expect(out).not.toMatch(XML_INVALID);
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = xml.parse(out);
    const item = doc.feed?.entry ?? doc.rss.channel.item;
    expect(item.title["#text"] ?? item.title).toBe("Nul un fffe ffff seul fin 😀");
  });
});
