-- CreateTable
CREATE TABLE "SystemState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- Full-text index of articles (SQLite FTS5). Prisma cannot describe virtual tables, so this one is
-- maintained by lib/search/sqlite-index.ts, and the drift test leaves it aside. It stores no text of
-- its own (contentless): the columns receive folded, stemmed words (lib/search/text.ts), and the
-- rowid is Article.id.
CREATE VIRTUAL TABLE "article_fts" USING fts5(
    "title", "summary", "body", "source", "entities",
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
