import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// What the real archive (content/) holds, read from its files, so that tests which count the whole
// archive follow the content as records are added instead of repeating a number.

const root = path.resolve(import.meta.dirname, "../..");

/** Public articles of content/articles: every file that is not a draft. */
export const ARCHIVE_ARTICLE_COUNT = readdirSync(path.join(root, "content/articles")).filter(
  (name) => name.endsWith(".md") && !/^status:\s*draft\s*$/m.test(readFileSync(path.join(root, "content/articles", name), "utf8")),
).length;
