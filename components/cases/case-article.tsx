import type { ReactNode } from "react";

import type { ContentLibrary } from "@/lib/content/library";
import type { CaseEntry } from "@/lib/content/parse-entry";
import { sourceCollection } from "@/lib/content/source-collections";
import { CaseList } from "@/components/cases/case-list";
import { CauseLinks } from "@/components/cases/cause-links";
import { MdxContent } from "@/components/mdx/mdx-content";
import { CopyButton } from "@/components/ui/copy-button";

/** A case as readers see it, from the repository or published in the app; `feedback` goes under the facts. */
export function CaseArticle({ entry, code, library, feedback }: { entry: CaseEntry; code: string; library: ContentLibrary; feedback?: ReactNode }) {
  const f = entry.frontmatter;
  const related = library.relatedCases(entry.id);

  return (
    <article className="entry">
      <header className="entry-header">
        <p className="eyebrow">
          {f.type === "problem" ? "Case" : f.type === "how-to" ? "How-to" : "Technique note"}
          {f.status === "unresolved" && <span className="badge badge-unresolved">unresolved</span>}
        </p>
        <h1>{f.title}</h1>
        <p className="title-zh" lang="zh">
          {f.titleZh}
        </p>
      </header>

      <div className="entry-layout">
        <MdxContent code={code} />

        <aside className="entry-aside" aria-label="Case facts">
          {f.rootCause && (
            <section>
              <h2>Root cause</h2>
              <CauseLinks ids={[f.rootCause]} library={library} />
            </section>
          )}
          {f.suspectedCauses.length > 0 && (
            <section>
              <h2>Suspected causes</h2>
              <CauseLinks ids={f.suspectedCauses} library={library} />
            </section>
          )}
          {f.relatedCauses.length > 0 && (
            <section>
              <h2>Explains</h2>
              <CauseLinks ids={f.relatedCauses} library={library} />
            </section>
          )}
          {f.ruledOutCauses.length > 0 && (
            <section>
              <h2>Ruled out</h2>
              <CauseLinks ids={f.ruledOutCauses} library={library} />
            </section>
          )}
          <section>
            <h2>Symptoms</h2>
            <ul className="plain-list">
              {f.symptoms.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </section>
          {f.commands.length > 0 && (
            <section>
              <h2>Commands used</h2>
              <ul className="command-list">
                {f.commands.map((command) => (
                  <li key={command} className="command-item">
                    <code>{command}</code>
                    <CopyButton text={command} label="Copy" />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {f.errorStrings.length > 0 && (
            <section>
              <h2>Error strings</h2>
              <ul className="plain-list mono">
                {f.errorStrings.map((s) => (
                  <li key={s}>
                    <code>{s}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section>
            <h2>Environment</h2>
            <p className="badges">
              {[...f.platform, ...f.layers].map((tag) => (
                <span key={tag} className="badge">
                  {tag}
                </span>
              ))}
            </p>
          </section>
          {feedback}
          <section>
            <h2>Source</h2>
            <p className="source">
              {sourceCollection(f.source.file)?.title ?? "Case notes"}, the section <q lang="zh">{f.source.section}</q>
            </p>
          </section>
        </aside>
      </div>

      {related.length > 0 && (
        <section className="related">
          <h2>Related cases</h2>
          <CaseList cases={related} />
        </section>
      )}
    </article>
  );
}
