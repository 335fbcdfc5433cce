-- Archive-grade records (issue 11): provenance of each article, and records without full text.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN "fulltext" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Article" ADD COLUMN "captured" TEXT;
ALTER TABLE "Article" ADD COLUMN "archive" TEXT;
ALTER TABLE "Article" ADD COLUMN "rights" TEXT;
ALTER TABLE "Article" ADD COLUMN "genre" TEXT;
ALTER TABLE "Article" ADD COLUMN "titleSupplied" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Article" ADD COLUMN "note" TEXT;
