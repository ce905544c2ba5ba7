// Compiles every MDX entry once, before `next build`; unchanged entries come from the hash cache.
// The search index is built from the same entries and cached the same way.
import { getCompiledEntry } from "../lib/content/compiled";
import { getContentLibrary } from "../lib/content/library";
import { getCacheDir } from "../lib/env";
import { loadOrBuildSearchIndexData } from "../lib/search/index-cache";

const started = performance.now();
const library = getContentLibrary();
const entries = [...library.cases, ...library.rootCauses];
for (const entry of entries) {
  await getCompiledEntry(entry, "en");
  if (entry.zh) await getCompiledEntry(entry, "zh");
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const zhPages = entries.filter((entry) => entry.zh).length;
console.log(`content: ${library.cases.length} cases, ${library.rootCauses.length} root causes (${zhPages} Chinese pages) compiled in ${seconds} s`);
const { data, rebuilt } = loadOrBuildSearchIndexData(getCacheDir(), library);
console.log(`search index: ${data.documents.length} entries, ${data.terms.length} terms (${rebuilt ? "built" : "unchanged"})`);
