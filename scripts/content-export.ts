// npm run content:export: writes the cases published in the app (DATABASE_URL) as content/cases/<id>.mdx, and
// content/zh/cases/<id>.mdx for those with a Chinese version: files that pass content:check; an id the
// repository already holds keeps the repository's files.
import path from "node:path";

import { closePrisma, getPrisma } from "../lib/db";
import { getContentDir } from "../lib/env";
import { exportPublishedCases } from "../lib/library/export";

const { written, kept } = await exportPublishedCases(getPrisma(), getContentDir());
for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
for (const file of kept) console.log(`kept ${path.relative(process.cwd(), file)} (the repository's version wins)`);
console.log(`${written.length} written, ${kept.length} kept; run npm run content:check, then commit the new files`);
await closePrisma();
