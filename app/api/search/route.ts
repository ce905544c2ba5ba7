// GET /api/search - cases and root causes matching a symptom, an error string, a command or pasted log lines.
import { NextResponse } from "next/server";

import { getSearchIndex } from "@/lib/search/content-index";
import { searchContent } from "@/lib/search/search";
import { parseSearchParams, toSearchOptions } from "@/lib/search/search-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: parsed.status });
  return NextResponse.json(searchContent(getSearchIndex(), parsed.params.q, toSearchOptions(parsed.params)));
}
