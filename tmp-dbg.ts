import { getContentLibrary } from "./lib/content/library";
import { getSectionMarkdown } from "./lib/content/parse-entry";
import { extractEvidence } from "./lib/evidence/extract";
import { getTriageKnowledge } from "./lib/triage/knowledge";
const lib = getContentLibrary(); const k = getTriageKnowledge();
for (const id of ["alb-502-keepalive-race","k8s-dns-5s-conntrack-dnat-race"]) {
const c = lib.getCase(id)!;
const sig = extractEvidence({ description: getSectionMarkdown(c.body,"Issue")+"\n\n"+getSectionMarkdown(c.body,"Environment") });
const obs = new Set(sig.map(s=>s.id)); console.log(id, [...obs]);
for (const t of k.trees) { const known = new Set(t.nodes.flatMap(n => n.kind==="question" ? n.answers.flatMap(a=>a.signals) : [])); console.log("  ", t.id, [...obs].filter(s=>known.has(s))); }
}
