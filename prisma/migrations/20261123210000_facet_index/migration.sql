-- Covering index for facet counts: for each article matched by a search, source, date and
-- visibility are read from this index instead of the table row.
-- CreateIndex
CREATE INDEX "Article_id_status_removedAt_source_dateStart_idx" ON "Article"("id", "status", "removedAt", "source", "dateStart");
