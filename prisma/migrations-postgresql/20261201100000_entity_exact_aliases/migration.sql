-- Names matched only as written ("l'État", not "l'état"): see lib/content/mentions.ts.
-- AlterTable
ALTER TABLE "Entity" ADD COLUMN "exactAliases" TEXT NOT NULL DEFAULT '[]';
