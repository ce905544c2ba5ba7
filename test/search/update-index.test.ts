import { describe, expect, it } from "vitest";

import type { SearchDocument } from "@/lib/search/documents";
import { rankContent } from "@/lib/search/search";
import { buildSearchIndex } from "@/lib/search/search-index";
import { createBulkAdd, updateSearchIndex } from "@/lib/search/update-index";

const doc = (id: string, title: string, body = ""): SearchDocument => ({
  id,
  kind: "case",
  title,
  titleZh: "",
  type: "problem",
  platform: ["linux"],
  layers: ["network"],
  causes: [],
  aliases: [],
  symptoms: [],
  errorStrings: [],
  commands: [],
  tags: [],
  body,
  bodyZh: "",
});

const ids = (index: ReturnType<typeof buildSearchIndex>, query: string) => rankContent(index, query).map((r) => r.document.id);

describe("updateSearchIndex", () => {
  it("finds an added document by a word no document had, by prefix and by a typo", () => {
    const index = buildSearchIndex([doc("a", "conntrack table full"), doc("b", "mtu blackhole on vpn")]);
    updateSearchIndex(index, { upsert: [doc("c", "hairpin traffic dropped by kube-proxy")] });
    expect(ids(index, "hairpin")).toEqual(["c"]);
    expect(ids(index, "hairpi")).toEqual(["c"]);
    expect(ids(index, "hairpni traffic")).toContain("c");
    expect(ids(index, "conntrack")).toEqual(["a"]);
  });

  it("replaces a document with the same id and removes one", () => {
    const index = buildSearchIndex([doc("a", "conntrack table full"), doc("b", "mtu blackhole on vpn")]);
    updateSearchIndex(index, { upsert: [doc("a", "listen queue overflow")] });
    expect(ids(index, "conntrack")).toEqual([]);
    expect(ids(index, "overflow")).toEqual(["a"]);
    updateSearchIndex(index, { remove: [{ kind: "case", id: "b" }] });
    expect(ids(index, "blackhole")).toEqual([]);
  });

  it("ranks as a rebuilt index does when the added documents have the built ones' field lengths", () => {
    const built = [doc("a", "dns timeout in pods", "five seconds"), doc("b", "dns cache stale", "ttl ignored")];
    const added = doc("c", "dns timeout on nodes", "five retries");
    const incremental = buildSearchIndex([...built]);
    updateSearchIndex(incremental, { upsert: [added] });
    expect(ids(incremental, "dns timeout five")).toEqual(ids(buildSearchIndex([...built, added]), "dns timeout five"));
  });
});

describe("createBulkAdd", () => {
  const base = () => [doc("a", "conntrack table full", "nf_conntrack: table full, dropping packet"), doc("b", "mtu blackhole on vpn")];
  const added = [
    doc("c", "hairpin traffic dropped by kube-proxy", "hairpin mode off on the bridge"),
    doc("d", "conntrack insert failed under dns load", "insert_failed grows"),
    doc("a", "listen queue overflow", "SYNs to LISTEN sockets dropped"),
  ];
  const scores = (index: ReturnType<typeof buildSearchIndex>, query: string) => rankContent(index, query).map((r) => [r.document.id, r.score]);

  it("leaves the index as updateSearchIndex does with the same documents", () => {
    const one = buildSearchIndex(base());
    updateSearchIndex(one, { upsert: added });
    const bulk = buildSearchIndex(base());
    const adding = createBulkAdd(bulk);
    for (const d of added) adding.add(d);
    expect(ids(bulk, "hairpin")).toEqual([]);
    adding.commit(() => false);
    for (const query of ["hairpin", "conntrack", "listen queue", "conntrak insert", "table full", "vpn"])
      expect(scores(bulk, query)).toEqual(scores(one, query));
  });

  it("leaves out a document changed while it waited, and keeps the change", () => {
    const index = buildSearchIndex(base());
    const adding = createBulkAdd(index);
    const stale = doc("c", "hairpin traffic dropped by kube-proxy");
    adding.add(stale);
    updateSearchIndex(index, { upsert: [doc("c", "asymmetric routing drops replies")] });
    adding.commit((d) => d === stale);
    expect(ids(index, "hairpin")).toEqual([]);
    expect(ids(index, "asymmetric routing")).toEqual(["c"]);
  });
});
