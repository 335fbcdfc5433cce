-- What the reading pages show about the whole corpus, computed at ingest and read as stored
-- (lib/ingest/derived.ts): related stories, co-mentions, articles per period. The next ingest
-- fills them (SystemState "derived-version" is absent until then).
-- CreateTable
CREATE TABLE "RelatedStory" (
    "articleId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "relatedId" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "RelatedStory_pkey" PRIMARY KEY ("articleId","rank")
);

-- CreateTable
CREATE TABLE "EntityPair" (
    "entityId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "EntityPair_pkey" PRIMARY KEY ("entityId","otherId")
);

-- CreateTable
CREATE TABLE "EntityPeriod" (
    "entityId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "EntityPeriod_pkey" PRIMARY KEY ("entityId","period")
);

-- CreateIndex
CREATE INDEX "RelatedStory_relatedId_idx" ON "RelatedStory"("relatedId");

-- CreateIndex
CREATE INDEX "EntityPair_entityId_count_idx" ON "EntityPair"("entityId", "count");

-- AddForeignKey
ALTER TABLE "RelatedStory" ADD CONSTRAINT "RelatedStory_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelatedStory" ADD CONSTRAINT "RelatedStory_relatedId_fkey" FOREIGN KEY ("relatedId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityPair" ADD CONSTRAINT "EntityPair_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityPair" ADD CONSTRAINT "EntityPair_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityPeriod" ADD CONSTRAINT "EntityPeriod_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
