-- CreateTable
CREATE TABLE "LibraryCase" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sessionId" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "libraryVersion" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LibraryCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseRevision" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "authorId" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "fields" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "caseId" TEXT,
    "causeId" TEXT,
    "kind" TEXT NOT NULL,
    "sessionId" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "suggestion" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryState" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LibraryState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LibraryCase_status_updatedAt_idx" ON "LibraryCase"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "LibraryCase_libraryVersion_idx" ON "LibraryCase"("libraryVersion");

-- CreateIndex
CREATE INDEX "CaseRevision_caseId_version_idx" ON "CaseRevision"("caseId", "version");

-- CreateIndex
CREATE INDEX "Feedback_caseId_kind_idx" ON "Feedback"("caseId", "kind");

-- CreateIndex
CREATE INDEX "Feedback_causeId_kind_idx" ON "Feedback"("causeId", "kind");

-- CreateIndex
CREATE INDEX "Feedback_kind_resolvedAt_idx" ON "Feedback"("kind", "resolvedAt");

