-- Full-text search on PostgreSQL: one tsvector per public article, in a table of its own like
-- SQLite's article_fts (Prisma cannot describe a tsvector column; the drift test leaves this table
-- aside). lib/search/postgresql-index.ts fills it inside the ingest transaction with the SAME folded
-- Snowball stems as the SQLite index (lib/search/text.ts), under the `simple` configuration (no
-- stemming or stop words of its own), weighted: title A, entity names B, summary and source C,
-- body D. Queries are built from the same stems, so both backends match the same articles.

-- CreateTable
CREATE TABLE "article_search" (
    "articleId" INTEGER NOT NULL,
    "document" TSVECTOR NOT NULL,

    CONSTRAINT "article_search_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "article_search_document_idx" ON "article_search" USING GIN ("document");

-- AddForeignKey
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
