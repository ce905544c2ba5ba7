-- AlterTable
ALTER TABLE "LibraryCase" ADD COLUMN     "zh" TEXT;

-- AlterTable
ALTER TABLE "CaseRevision" ADD COLUMN     "zh" TEXT;

