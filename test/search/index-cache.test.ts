import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseCaseEntry, type CaseEntry } from "@/lib/content/parse-entry";
import { computeSearchInputHash, loadOrBuildSearchIndexData, SEARCH_INDEX_FILE } from "@/lib/search/index-cache";

import { caseSource } from "../factories";

function caseEntry(overrides: Record<string, unknown>): CaseEntry {
  const result = parseCaseEntry(`content/cases/${String(overrides.id)}.mdx`, caseSource(overrides));
  if (!result.ok) throw new Error(result.problems[0].message);
  return result.entry;
}

const first = caseEntry({ id: "mtu-case", title: "Large transfers stall over the VPN" });
const second = caseEntry({ id: "dns-case", title: "Lookups time out", aliases: ["dns timeout", "解析超时"] });
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "netriage-search-"));

describe("computeSearchInputHash", () => {
  it("does not depend on the order of the entries", () => {
    expect(computeSearchInputHash([first, second])).toBe(computeSearchInputHash([second, first]));
  });

  it("changes when an entry's source changes", () => {
    const edited = caseEntry({ id: "mtu-case", title: "Large transfers stall over the tunnel" });
    expect(computeSearchInputHash([edited, second])).not.toBe(computeSearchInputHash([first, second]));
  });
});

describe("loadOrBuildSearchIndexData", () => {
  it("builds and writes the index on a miss, then reads it back unchanged", () => {
    const dir = tempDir();
    const built = loadOrBuildSearchIndexData(dir, { cases: [first, second], rootCauses: [] });
    expect(built.rebuilt).toBe(true);
    expect(built.data.documents.map((d) => d.id)).toEqual(["mtu-case", "dns-case"]);
    expect(fs.existsSync(path.join(dir, SEARCH_INDEX_FILE))).toBe(true);

    const again = loadOrBuildSearchIndexData(dir, { cases: [first, second], rootCauses: [] });
    expect(again).toEqual({ data: built.data, rebuilt: false });
  });

  it("rebuilds when the content changed since the index was written", () => {
    const dir = tempDir();
    loadOrBuildSearchIndexData(dir, { cases: [first], rootCauses: [] });
    const next = loadOrBuildSearchIndexData(dir, { cases: [first, second], rootCauses: [] });
    expect(next.rebuilt).toBe(true);
    expect(next.data.documents).toHaveLength(2);
  });

  it("rebuilds over a cache file that is not valid JSON or has the wrong shape", () => {
    for (const junk of ["{not json", JSON.stringify({ inputHash: computeSearchInputHash([first]), index: { version: 1, terms: [] } })]) {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, SEARCH_INDEX_FILE), junk);
      expect(loadOrBuildSearchIndexData(dir, { cases: [first], rootCauses: [] }).rebuilt).toBe(true);
    }
  });
});
