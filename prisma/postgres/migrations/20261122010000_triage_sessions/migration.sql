-- CreateTable
CREATE TABLE "TriageSession" (
    "id" TEXT NOT NULL,
    "ticketRef" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "outputs" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "confirmedCause" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TriageSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TriageSession_updatedAt_idx" ON "TriageSession"("updatedAt");

