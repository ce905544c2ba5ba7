/** The name of the meta tag a page built from the live library carries: the library version it shows (server/page-cache.ts reads it). */
export const LIBRARY_VERSION_META = "netriage-library-version";
