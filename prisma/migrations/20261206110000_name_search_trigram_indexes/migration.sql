-- Name search by index (issue 19): trigram GIN indexes serve `ILIKE '%…%'` on the institutions'
-- names in the monitoring and on the public status page. pg_trgm ships with PostgreSQL (contrib)
-- and with PGlite (loaded where PGlite is opened, lib/db/adapter.ts). fastupdate off: a new row goes
-- into the index at once rather than into a pending list that only VACUUM empties (PGlite has no
-- autovacuum; a long pending list is read in full by every search and prices the index out).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "ConnectionStatus_name_trgm_idx" ON "ConnectionStatus" USING GIN ("name" gin_trgm_ops) WITH (fastupdate = off);

-- CreateIndex
CREATE INDEX "ConnectionStatus_fullName_trgm_idx" ON "ConnectionStatus" USING GIN ("fullName" gin_trgm_ops) WITH (fastupdate = off);
