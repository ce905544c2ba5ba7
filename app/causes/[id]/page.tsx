import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { getCompiledEntry } from "@/lib/content/compiled";
import { getContentLibrary } from "@/lib/content/library";
import { getLiveLibrarySnapshot } from "@/lib/library/live-library";
import { LIBRARY_VERSION_META } from "@/lib/library/version-meta";
import { CaseList } from "@/components/cases/case-list";
import { FeedbackPanel } from "@/components/library/feedback-panel";
import { MdxContent } from "@/components/mdx/mdx-content";

type Props = { params: Promise<{ id: string }> };

// Rendered per request: its case lists include cases published in the app since the build.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = getContentLibrary().getRootCause((await params).id);
  return entry ? { title: entry.frontmatter.title, description: entry.frontmatter.summary } : {};
}

export default async function CausePage({ params }: Props) {
  const { library, version } = await getLiveLibrarySnapshot();
  const entry = library.getRootCause((await params).id);
  if (!entry) notFound();
  const f = entry.frontmatter;
  const { code } = await getCompiledEntry(entry);
  const cases = library.casesForCause(f.id);
  const groups = [
    { title: "Cases with this root cause", cases: cases.confirmed },
    { title: "Suspected in", cases: cases.suspected },
    { title: "Background notes", cases: cases.background },
    { title: "Checked and ruled out in", cases: cases.ruledOut },
  ].filter((group) => group.cases.length > 0);

  return (
    <article className="entry">
      <meta name={LIBRARY_VERSION_META} content={String(version)} />
      <header className="entry-header">
        <p className="eyebrow">
          Root cause · <code>{f.id}</code>
        </p>
        <h1>{f.title}</h1>
        <p className="title-zh" lang="zh">
          {f.titleZh}
        </p>
        <p className="lede">{f.summary}</p>
      </header>

      <div className="entry-layout">
        <MdxContent code={code} />
        <aside className="entry-aside" aria-label="Signals and cases">
          <section>
            <h2>Signals</h2>
            <ul className="plain-list mono">
              {f.signals.map((signal) => (
                <li key={signal}>
                  <code>{signal}</code>
                </li>
              ))}
            </ul>
          </section>
          {groups.length === 0 && (
            <section>
              <h2>Cases</h2>
              <p>No documented case yet.</p>
            </section>
          )}
          {groups.map((group) => (
            <section key={group.title}>
              <h2>{group.title}</h2>
              <CaseList cases={group.cases} />
            </section>
          ))}
          <FeedbackPanel target={{ causeId: f.id }} />
        </aside>
      </div>
    </article>
  );
}
