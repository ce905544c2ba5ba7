import { Suspense } from "react";
import type { Metadata } from "next";

import { toCaseSummary } from "@/lib/content/case-summary";
import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { getLiveLibrary } from "@/lib/library/live-library";
import { CaseBrowser } from "@/components/cases/case-browser";

export const metadata: Metadata = { title: "Cases" };

// Rendered per request: the list includes cases published in the app since the build.
export const dynamic = "force-dynamic";

export default async function CasesPage() {
  const library = await getLiveLibrary();
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
