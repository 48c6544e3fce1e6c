-- CreateTable
CREATE TABLE "ConnectionStatusCount" (
    "regionId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "parentId" TEXT NOT NULL,
    "overall" "ConnectionOverall" NOT NULL,
    "widget" "WidgetState" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ConnectionStatusCount_pkey" PRIMARY KEY ("regionId","municipalityId","parentId","overall","widget")
);

-- CreateIndex
CREATE INDEX "ConnectionStatusCount_parentId_idx" ON "ConnectionStatusCount"("parentId");

-- Counts of the rows that exist already (lib/status/derive.ts keeps them from here on).
INSERT INTO "ConnectionStatusCount" ("regionId", "municipalityId", "parentId", overall, widget, n)
SELECT "regionId", coalesce("municipalityId", ''), coalesce("parentId", ''), overall, widget, count(*)::int
FROM "ConnectionStatus" GROUP BY 1, 2, 3, 4, 5;
