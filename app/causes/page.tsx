import type { Metadata } from "next";
import Link from "next/link";

import { LAYERS } from "@/lib/content/schema";
import { getLiveLibrarySnapshot } from "@/lib/library/live-library";
import { LIBRARY_VERSION_META } from "@/lib/library/version-meta";

export const metadata: Metadata = { title: "Root causes" };

// Rendered per request: the list includes cases published in the app since the build.
export const dynamic = "force-dynamic";

export default async function CausesPage() {
  const { library, version } = await getLiveLibrarySnapshot();
  return (
    <>
      <meta name={LIBRARY_VERSION_META} content={String(version)} />
      <h1>Root causes</h1>
      <p className="lede">Each cause: how it shows, how to confirm it with exact commands, and the fix.</p>
      {LAYERS.map((layer) => {
        const causes = library.rootCauses.filter((c) => c.frontmatter.layers[0] === layer);
        if (causes.length === 0) return null;
        return (
          <section key={layer} className="layer-group">
            <h2>{layer}</h2>
            <ul className="cause-list">
              {causes.map((cause) => {
                const { confirmed, suspected } = library.casesForCause(cause.frontmatter.id);
                const count = confirmed.length + suspected.length;
                return (
                  <li key={cause.id} className="cause-row">
                    <Link href={`/causes/${cause.id}`} className="case-title">
                      {cause.frontmatter.title}
                    </Link>
                    <span className="case-title-zh" lang="zh">
                      {cause.frontmatter.titleZh}
                    </span>
                    <span className="cause-summary">{cause.frontmatter.summary}</span>
                    <span className="card-meta">{count === 1 ? "1 case" : `${count} cases`}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
