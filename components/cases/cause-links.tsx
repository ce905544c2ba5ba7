import Link from "next/link";

import type { ContentLibrary } from "@/lib/content/library";

/** Links to root-cause pages, titled from the library. */
export function CauseLinks({ ids, library }: { ids: readonly string[]; library: ContentLibrary }) {
  return (
    <ul className="chip-list">
      {ids.map((id) => (
        <li key={id}>
          <Link href={`/causes/${id}`} className="chip">
            {library.getRootCause(id)?.frontmatter.title ?? id}
          </Link>
        </li>
      ))}
    </ul>
  );
}
