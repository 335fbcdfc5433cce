-- Where each entity is mentioned in an article's text (offsets in ArticleBody.text).
-- AlterTable
ALTER TABLE "ArticleEntity" ADD COLUMN "positions" TEXT NOT NULL DEFAULT '[]';
