import { getContentLibrary } from "../content/library";
import { getCacheDir } from "../env";
import { loadOrBuildSearchIndexData } from "./index-cache";
import { loadSearchIndex, type SearchIndex } from "./search-index";

let cached: SearchIndex | undefined;

/** The search index of the configured content: the one built with the content (built now on a miss), loaded once per process. */
export function getSearchIndex(): SearchIndex {
  cached ??= loadSearchIndex(loadOrBuildSearchIndexData(getCacheDir(), getContentLibrary()).data);
  return cached;
}
