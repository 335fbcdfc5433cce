import type { Metadata } from "next";

// Next.js merges page metadata shallowly: a page's `alternates: { canonical }` replaced the
// layout's feed links, so they were declared on the home page only. Every page builds its
// alternates here, with the archive's feeds.

const FEEDS = {
  "application/atom+xml": [{ url: "/feed.xml", title: "Andromède (Atom)" }],
  "application/rss+xml": [{ url: "/rss.xml", title: "Andromède (RSS)" }],
  "application/feed+json": [{ url: "/feed.json", title: "Andromède (JSON Feed)" }],
};

export function alternates(canonical?: string): NonNullable<Metadata["alternates"]> {
  return canonical === undefined ? { types: FEEDS } : { canonical, types: FEEDS };
}
