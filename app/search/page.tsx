import type { Metadata } from "next";
import Link from "next/link";

import { CASE_TYPES, LAYERS, PLATFORMS } from "@/lib/content/schema";
import { getLiveLibrary, getLiveSearchIndex } from "@/lib/library/live-library";
import { rankContent, searchContent } from "@/lib/search/search";
import { parseSearchParams, toSearchOptions } from "@/lib/search/search-params";
import { SearchForm, type SearchFilterField } from "@/components/search/search-form";
import { SearchLogger } from "@/components/search/search-logger";
import { SearchResults } from "@/components/search/search-results";
import { requireLibraryPage } from "@/app/_server/viewer";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

const RESULTS = 20;
const EXAMPLES = ["tcp_tw_recycle NAT", "DNS 解析偶尔 5 秒", "insert_failed", "no live upstreams while connecting to upstream"];

export default async function SearchPage({ searchParams }: Props) {
  await requireLibraryPage("/search");
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") params.set(key, value);
  if (!params.has("limit")) params.set("limit", String(RESULTS));
  const query = params.get("q")?.trim() ?? "";
  const parsed = parseSearchParams(params);
  const index = await getLiveSearchIndex();
  const hits = parsed.ok ? searchContent(index, parsed.params.q, toSearchOptions(parsed.params)) : [];
  // How many matched in all, not how many are shown.
  const matched =
    parsed.ok && hits.length > 0 ? rankContent(index, parsed.params.q, { ...toSearchOptions(parsed.params), limit: index.documents.length }).length : 0;

  const library = await getLiveLibrary();
  const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
  const filters: SearchFilterField[] = [
    {
      name: "kind",
      label: "Show",
      options: [
        { value: "case", label: "Cases" },
        { value: "cause", label: "Root causes" },
      ],
    },
    { name: "platform", label: "Platform", options: plain(PLATFORMS) },
    { name: "layer", label: "Layer", options: plain(LAYERS) },
    { name: "cause", label: "Root cause", options: library.rootCauses.map((c) => ({ value: c.id, label: c.frontmatter.title })) },
    { name: "type", label: "Type", options: plain(CASE_TYPES) },
  ];
  const selected = Object.fromEntries(filters.map((f) => [f.name, params.get(f.name) ?? ""]));

  return (
    <>
      <h1>Search</h1>
      <SearchForm query={query} selected={selected} filters={filters}>
        {!query ? (
          <p className="search-hint">
            Try{" "}
            {EXAMPLES.map((example, i) => (
              <span key={example}>
                {i > 0 && ", "}
                <Link href={`/search?${new URLSearchParams({ q: example })}`}>
                  <code>{example}</code>
                </Link>
              </span>
            ))}
            . Press <kbd>/</kbd> on any page to search.
          </p>
        ) : !parsed.ok ? (
          <p className="search-error" role="alert">
            {parsed.error}
          </p>
        ) : (
          <>
            <SearchLogger params={Object.fromEntries([...params].filter(([name]) => name !== "limit"))} />
            <SearchResults hits={hits} matched={matched} />
          </>
        )}
      </SearchForm>
    </>
  );
}
