import Link from "next/link";

import { ENTRY_SYMPTOMS, matchesEntrySymptom } from "@/lib/content/entry-symptoms";
import { LAYERS } from "@/lib/content/schema";
import { getLiveLibrarySnapshot } from "@/lib/library/live-library";
import { LIBRARY_VERSION_META } from "@/lib/library/version-meta";

// Rendered per request: its counts include cases published in the app since the build.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { library, version } = await getLiveLibrarySnapshot();

  return (
    <>
      <meta name={LIBRARY_VERSION_META} content={String(version)} />
      <section className="hero">
        <h1>Netriage</h1>
        <p className="lede">
          Real network tickets from cloud and Linux hosts: what the customer saw, the commands that found the cause, and the fix. {library.cases.length} cases,{" "}
          {library.rootCauses.length} root causes.
        </p>
        <p className="button-row">
          <Link href="/triage" className="button primary">
            Triage a ticket
          </Link>
          <Link href="/cases" className="button">
            Browse cases
          </Link>
        </p>
      </section>

      <section aria-labelledby="by-symptom">
        <h2 id="by-symptom">Start from the symptom</h2>
        <ul className="card-grid">
          {ENTRY_SYMPTOMS.map((symptom) => {
            // The same rule as the case list the card opens (/cases?symptom=...).
            const count = library.cases.filter((c) => matchesEntrySymptom(c.frontmatter, symptom)).length;
            return (
              <li key={symptom.id} className="card">
                <Link href={`/cases?symptom=${symptom.id}`} className="card-link">
                  <span className="card-title">{symptom.label}</span>
                  <span className="card-sub" lang="zh">
                    {symptom.labelZh}
                  </span>
                  <span className="card-meta">{count === 1 ? "1 case" : `${count} cases`}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="by-cause">
        <h2 id="by-cause">Browse by root cause</h2>
        {LAYERS.map((layer) => {
          const causes = library.rootCauses.filter((c) => c.frontmatter.layers[0] === layer);
          if (causes.length === 0) return null;
          return (
            <div key={layer} className="layer-group">
              <h3>{layer}</h3>
              <ul className="chip-list">
                {causes.map((cause) => (
                  <li key={cause.id}>
                    <Link href={`/causes/${cause.id}`} className="chip">
                      {cause.frontmatter.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </>
  );
}
