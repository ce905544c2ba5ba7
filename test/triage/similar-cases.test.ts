import { describe, expect, it } from "vitest";

import { toSearchDocuments } from "@/lib/search/documents";
import { searchContent } from "@/lib/search/search";
import { buildSearchIndex } from "@/lib/search/search-index";
import { diagnose } from "@/lib/triage/diagnose";
import { mergeSimilarHits } from "@/lib/triage/similar-hits";

import { knowledge, library } from "./case-fixtures";

const NETSTAT = [
  "Ip:",
  "    1234567 total packets received",
  "Icmp:",
  "    12 ICMP messages received",
  "TcpExt:",
  "    3631812 SYNs to LISTEN sockets dropped",
  "    3631476 passive connections rejected because of time stamp",
].join("\n");

describe("similar past cases", () => {
  const index = buildSearchIndex(toSearchDocuments(library));
  const result = diagnose(
    {
      description: "some clients behind the office NAT cannot connect to our API on 443, SYN sent but no SYN-ACK; servers are Linux 4.x behind an ELB",
      outputs: [{ command: "netstat -s", text: NETSTAT }],
    },
    knowledge,
  );

  it("are searched from what the engine read, not the raw output lines", () => {
    expect(result.similar.query).not.toMatch(/total packets received|ICMP messages/);
    expect(result.similar.query).toMatch(/PAWS/);
    expect(result.similar.cause).toBe("tcp-tw-recycle-nat-timestamps");
  });

  it("list a case of the cause the evidence points at first", () => {
    const { query, cause } = result.similar;
    const causeHits = searchContent(index, query, { kinds: ["case"], limit: 2, filters: { cause } });
    const hits = mergeSimilarHits(causeHits, searchContent(index, query, { kinds: ["case"], limit: 5 }));
    expect(knowledge.casesByCause.get("tcp-tw-recycle-nat-timestamps")).toContain(hits[0].id);
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
  });
});
