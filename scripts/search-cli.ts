// npm run --silent search -- "<query>" [--limit N] [--kind case|cause]: prints [{"id","score"}] as JSON, best first.
import { getSearchIndex } from "../lib/search/content-index";
import { rankContent } from "../lib/search/search";
import { parseSearchParams, toSearchOptions } from "../lib/search/search-params";

const words: string[] = [];
const params = new URLSearchParams();
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--limit" || args[i] === "--kind") params.set(args[i].slice(2), args[++i] ?? "");
  else words.push(args[i]);
}
params.set("q", words.join(" "));

const parsed = parseSearchParams(params);
if (!parsed.ok) {
  console.error(`search: ${parsed.error}`);
  process.exit(2);
}
const ranked = rankContent(getSearchIndex(), parsed.params.q, toSearchOptions(parsed.params));
console.log(JSON.stringify(ranked.map(({ document, score }) => ({ id: document.id, score }))));
