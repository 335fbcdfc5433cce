import { Feed } from "feed";
import { formatFrenchDate } from "./dates";
import type { ArticleList, ArticleListItem } from "./search/types";
import type { SearchState } from "./search/url";
import { searchParamsOf } from "./search/url";
import { escapeXml, stripXmlInvalid } from "./xml";

// Atom, RSS 2.0 and JSON Feed 1.1 of the latest articles, for the whole archive or for a search
// (a researcher subscribes to "Cloudwatt" and sees new pieces). Atom is written here because the
// `feed` library marks every title and summary `type="html"`, so that a title such as
// `<script>…` would reach feed readers as markup; ours are plain text (`type="text"`). RSS has no
// such flag and comes from the `feed` library. JSON Feed 1.1 is plain JSON. Neither XML feed ever
// holds a character XML forbids, whatever the database holds (lib/xml.ts).

export const FEED_SIZE = 50;

export interface FeedInput {
  site: string;
  state: SearchState;
  list: ArticleList;
}

function describe(state: SearchState): string {
  const parts = [
    state.q ? `« ${state.q} »` : "",
    state.entity.length > 0 ? `acteurs : ${state.entity.join(", ")}` : "",
    state.source ? `publication : ${state.source}` : "",
    state.from ? `depuis ${state.from}` : "",
    state.to ? `jusqu’à ${state.to}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? `Andromède — ${parts.join(" ; ")}` : "Andromède — derniers articles";
}

function links(site: string, state: SearchState) {
  // Feeds are always newest first: the sort is not part of their address.
  const query = searchParamsOf({ ...state, sort: undefined }).toString();
  const suffix = query ? `?${query}` : "";
  return {
    html: query ? `${site}/search${suffix}` : `${site}/articles`,
    atom: `${site}/feed.xml${suffix}`,
    rss: `${site}/rss.xml${suffix}`,
    json: `${site}/feed.json${suffix}`,
  };
}

/**
 * Partial dates become the first day they cover, at noon UTC (no time zone moves them a day): feed
 * formats need a full timestamp. The item's text says how precise the date is ("vers 2016").
 */
function feedDate(published: string): Date {
  const [y, m, d] = published.split("-").map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1, 12));
}

const DESCRIPTION = "Archive de la presse sur le « cloud souverain » français (2011–2016).";
const RIGHTS = "Textes : leurs publications d’origine.";

/** The item's date in words, with its precision, and whether its text is archived. */
function dateline(item: ArticleListItem): string {
  return `${item.source}, ${formatFrenchDate(item.published, item.approximate)}${item.fulltext ? "" : " — texte non archivé"}`;
}

/** An entry's plain-text summary: where and when it appeared, then the editor's summary. */
function summaryOf(item: ArticleListItem): string {
  return `${dateline(item)}${item.summary ? ` — ${item.summary}` : ""}`;
}

/** When the feed last changed: the latest revision of its items (an edit is news to a reader). */
function updatedOf(list: ArticleList): Date {
  const times = list.items.map((item) => Date.parse(item.revisedAt)).filter((t) => Number.isFinite(t) && t > 0);
  return times.length > 0 ? new Date(Math.max(...times)) : new Date(Date.UTC(2016, 0, 1));
}

/** The byline when it is known; never the publication, which is not an author. */
const bylines = (item: ArticleListItem) => item.authors.map((name) => ({ name }));

function buildFeed({ site, state, list }: FeedInput): Feed {
  const l = links(site, state);
  const feed = new Feed({
    title: describe(state),
    description: DESCRIPTION,
    id: l.atom,
    link: l.html,
    language: "fr",
    updated: updatedOf(list),
    generator: "Andromède",
    copyright: RIGHTS,
    feedLinks: { atom: l.atom, rss: l.rss, json: l.json },
  });
  for (const item of list.items) {
    const permalink = `${site}/articles/${item.slug}`;
    feed.addItem({
      title: item.title,
      id: permalink,
      link: permalink,
      // RSS reads `published` for <pubDate>; `date` is the last revision.
      date: new Date(item.revisedAt),
      published: feedDate(item.published),
      description: summaryOf(item),
      ...(item.authors.length > 0 ? { author: bylines(item) } : {}),
      category: item.entities.map((e) => ({ name: e.name, term: e.slug })),
    });
  }
  return feed;
}

export function atomFeed({ site, state, list }: FeedInput): string {
  const l = links(site, state);
  const entries = list.items.map((item) => {
    const permalink = `${site}/articles/${item.slug}`;
    return [
      "  <entry>",
      `    <title type="text">${escapeXml(item.title)}</title>`,
      `    <id>${escapeXml(permalink)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(permalink)}"/>`,
      // <updated>: the last revision of the record; <published>: the publication (period start).
      `    <updated>${new Date(item.revisedAt).toISOString()}</updated>`,
      `    <published>${feedDate(item.published).toISOString()}</published>`,
      `    <summary type="text">${escapeXml(summaryOf(item))}</summary>`,
      ...item.authors.map((name) => `    <author><name>${escapeXml(name)}</name></author>`),
      ...item.entities.map((e) => `    <category term="${escapeXml(e.slug)}" label="${escapeXml(e.name)}"/>`),
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    `  <id>${escapeXml(l.atom)}</id>`,
    `  <title type="text">${escapeXml(describe(state))}</title>`,
    `  <subtitle type="text">${escapeXml(DESCRIPTION)}</subtitle>`,
    `  <updated>${updatedOf(list).toISOString()}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(l.html)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(l.atom)}"/>`,
    // RFC 4287 wants an author for every entry: the feed's, for entries without a byline (never the
    // publication, which is not an author).
    "  <author><name>Andromède (archive)</name></author>",
    "  <generator>Andromède</generator>",
    `  <rights>${escapeXml(RIGHTS)}</rights>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export function rssFeed(input: FeedInput): string {
  // The library escapes markup (CDATA) but passes forbidden characters through.
  return stripXmlInvalid(buildFeed(input).rss2());
}

export function jsonFeed({ site, state, list }: FeedInput): string {
  const l = links(site, state);
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: describe(state),
    home_page_url: l.html,
    feed_url: l.json,
    description: DESCRIPTION,
    language: "fr",
    items: list.items.map((item) => ({
      id: `${site}/articles/${item.slug}`,
      url: `${site}/articles/${item.slug}`,
      ...(item.url ? { external_url: item.url } : {}),
      title: item.title,
      summary: item.summary ?? undefined,
      content_text: `${dateline(item)}${item.summary ? `\n\n${item.summary}` : ""}`,
      date_published: feedDate(item.published).toISOString(),
      date_modified: item.revisedAt,
      ...(item.authors.length > 0 ? { authors: bylines(item) } : {}),
      tags: item.entities.map((e) => e.name),
      language: "fr",
    })),
  });
}
