-- CreateTable
CREATE TABLE "Learner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Learner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttempt" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExerciseReview" (
    "learnerId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "box" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExerciseReview_pkey" PRIMARY KEY ("learnerId","exerciseId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Learner_nameKey_key" ON "Learner"("nameKey");

-- CreateIndex
CREATE INDEX "TrainingAttempt_learnerId_createdAt_idx" ON "TrainingAttempt"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingAttempt_createdAt_idx" ON "TrainingAttempt"("createdAt");

-- AddForeignKey
ALTER TABLE "TrainingAttempt" ADD CONSTRAINT "TrainingAttempt_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseReview" ADD CONSTRAINT "ExerciseReview_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

