// npm run content:check [-- content/cases/<id>.mdx ...]: validate, compile and cross-check all content.
import path from "node:path";

import { checkContent, formatProblem } from "../lib/content/check-content";
import { createCompileCache } from "../lib/content/compile-cache";
import { getCacheDir, getContentDir } from "../lib/env";

const onlyFiles = process.argv.slice(2).map((file) => path.relative(process.cwd(), path.resolve(file)));
const problems = await checkContent({
  contentDir: getContentDir(),
  messagesDir: path.resolve("messages"),
  cache: createCompileCache(getCacheDir()),
  onlyFiles: onlyFiles.length > 0 ? onlyFiles : undefined,
});
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log("content ok");
