import Link from "next/link";

import type { CaseEntry } from "@/lib/content/parse-entry";

export function CaseList({ cases }: { cases: CaseEntry[] }) {
  return (
    <ul className="case-list compact">
      {cases.map((c) => (
        <li key={c.id} className="case-row">
          <Link href={`/cases/${c.id}`} className="case-title">
            {c.frontmatter.title}
          </Link>
          <span className="case-title-zh" lang="zh">
            {c.frontmatter.titleZh}
          </span>
        </li>
      ))}
    </ul>
  );
}
