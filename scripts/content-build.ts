// Compiles every MDX entry once, before `next build`; unchanged entries come from the hash cache.
import { getContentLibrary } from "../lib/content/library";
import { getCompiledEntry } from "../lib/content/compiled";

const started = performance.now();
const library = getContentLibrary();
const entries = [...library.cases, ...library.rootCauses];
for (const entry of entries) await getCompiledEntry(entry);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`content: ${library.cases.length} cases, ${library.rootCauses.length} root causes compiled in ${seconds} s`);
