import { getContentLibrary } from "./lib/content/library";
import { getSectionMarkdown } from "./lib/content/parse-entry";
import { buildCauseTerms, findKeyTerms } from "./lib/training/key-terms";
const lib = getContentLibrary();
const tickets = lib.cases.filter(c => c.frontmatter.type === "problem").map(c => ({ cause: c.frontmatter.rootCause ?? c.id, text: getSectionMarkdown(c.body, "Issue") + "\n" + getSectionMarkdown(c.body, "Environment") }));
const t = buildCauseTerms(lib.rootCauses, tickets);
for (const [id, c] of t) console.log(id, "::", c.terms.slice(2).map(x=>x.term).join(" | "));
console.log("---- leaks of own cause");
for (const c of lib.cases) { const f = c.frontmatter; if (f.type !== "problem" || f.status !== "resolved") continue;
  const text = getSectionMarkdown(c.body, "Issue") + "\n" + getSectionMarkdown(c.body, "Environment");
  const l = findKeyTerms(text, t.get(f.rootCause!)!.terms); if (l.length) console.log(c.id, f.rootCause, l); }
