import { Suspense } from "react";
import type { Metadata } from "next";

import { toCaseSummary } from "@/lib/content/case-summary";
import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { getLiveLibrarySnapshot } from "@/lib/library/live-library";
import { LIBRARY_VERSION_META } from "@/lib/library/version-meta";
import { CaseBrowser } from "@/components/cases/case-browser";

export const metadata: Metadata = { title: "Cases" };

// Rendered per request: the list includes cases published in the app since the build.
export const dynamic = "force-dynamic";

export default async function CasesPage() {
  const { library, version } = await getLiveLibrarySnapshot();
  const causes = library.rootCauses.map((c) => ({ id: c.id, title: c.frontmatter.title }));
  const symptoms = ENTRY_SYMPTOMS.map(({ id, label, causes }) => ({ id, label, causes: [...causes] }));
  return (
    <>
      <meta name={LIBRARY_VERSION_META} content={String(version)} />
      <h1>Cases</h1>
      <Suspense>
        <CaseBrowser cases={library.cases.map(toCaseSummary)} causes={causes} symptoms={symptoms} />
      </Suspense>
    </>
  );
}
