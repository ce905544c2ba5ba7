-- The first migration creates Prisma's migration history; later issues add the models.
SELECT 1;
