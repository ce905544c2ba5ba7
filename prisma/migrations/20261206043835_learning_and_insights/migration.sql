-- AlterTable
ALTER TABLE "TriageSession" ADD COLUMN "confirmedAt" DATETIME;
ALTER TABLE "TriageSession" ADD COLUMN "shownDiagnosis" TEXT;

-- CreateTable
CREATE TABLE "SearchLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "query" TEXT NOT NULL,
    "results" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "clickedUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SearchLog_createdAt_idx" ON "SearchLog"("createdAt");

