-- AlterTable
ALTER TABLE "TriageSession" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "shownDiagnosis" TEXT;

-- CreateTable
CREATE TABLE "SearchLog" (
    "id" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "results" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "clickedUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchLog_createdAt_idx" ON "SearchLog"("createdAt");

