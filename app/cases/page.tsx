import { Suspense } from "react";
import type { Metadata } from "next";

import { toCaseSummary } from "@/lib/content/case-summary";
import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { getContentLibrary } from "@/lib/content/library";
import { CaseBrowser } from "@/components/cases/case-browser";

export const metadata: Metadata = { title: "Cases" };

export default function CasesPage() {
  const library = getContentLibrary();
  const causes = library.rootCauses.map((c) => ({ id: c.id, title: c.frontmatter.title }));
  const symptoms = ENTRY_SYMPTOMS.map(({ id, label, causes }) => ({ id, label, causes: [...causes] }));
  return (
    <>
      <h1>Cases</h1>
      <Suspense>
        <CaseBrowser cases={library.cases.map(toCaseSummary)} causes={causes} symptoms={symptoms} />
      </Suspense>
    </>
  );
}
