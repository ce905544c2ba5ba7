-- CreateTable
CREATE TABLE "Learner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TrainingAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "rootCause" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "stepCorrect" BOOLEAN,
    "causeCorrect" BOOLEAN,
    "lineCorrect" BOOLEAN,
    "durationMs" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrainingAttempt_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExerciseReview" (
    "learnerId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "box" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("learnerId", "exerciseId"),
    CONSTRAINT "ExerciseReview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Learner_nameKey_key" ON "Learner"("nameKey");

-- CreateIndex
CREATE INDEX "TrainingAttempt_learnerId_createdAt_idx" ON "TrainingAttempt"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingAttempt_createdAt_idx" ON "TrainingAttempt"("createdAt");

