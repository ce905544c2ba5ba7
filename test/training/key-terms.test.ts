import { describe, expect, it } from "vitest";

import { buildCauseTerms, findKeyTerms, isTechnicalToken, REDACTED, redactKeyTerms, termPattern, tokenize } from "@/lib/training/key-terms";

import { catalogue, content } from "./fixtures";

const termsOf = (id: string) => catalogue.causeTerms.get(id as never)?.map((t) => t.term) ?? [];

describe("tokenize and isTechnicalToken", () => {
  it("drops punctuation, possessives, plurals and Chinese words", () => {
    expect(tokenize("Orchestrator cleanup deletes a live service's endpoint (ZK) 丢包")).toEqual([
      "Orchestrator",
      "cleanup",
      "delete",
      "live",
      "service",
      "endpoint",
      "ZK",
    ]);
  });

  it("recognises snake_case, dotted names, CamelCase counters, acronyms and mixed digits", () => {
    for (const token of ["tcp_tw_recycle", "nsswitch.conf", "ListenOverflows", "MTU", "4G"]) expect(isTechnicalToken(token)).toBe(true);
    for (const token of ["timeout", "Firewall", "dns"]) expect(isTechnicalToken(token)).toBe(false);
  });
});

describe("termPattern", () => {
  it("matches whole words in any case, plurals, and hyphen or space variants", () => {
    expect(findKeyTerms("Many SYN queues", [{ term: "syn queue", pattern: termPattern("syn queue") }])).toEqual(["syn queue"]);
    expect(findKeyTerms("backend keepalive expired", [{ term: "keep-alive", pattern: termPattern("keep-alive") }])).toEqual(["keep-alive"]);
    expect(findKeyTerms("nf_conntrack_count is low", [{ term: "conntrack", pattern: termPattern("conntrack") }])).toEqual([]);
  });
});

describe("buildCauseTerms on the real taxonomy", () => {
  it("names each cause by its distinctive tokens", () => {
    expect(termsOf("tcp-tw-recycle-nat-timestamps")).toEqual(expect.arrayContaining(["tcp-tw-recycle-nat-timestamps", "tcp_tw_recycle", "paws"]));
    expect(termsOf("conntrack-insert-race")).toEqual(expect.arrayContaining(["conntrack", "insert_failed"]));
    expect(termsOf("mtu-mismatch")).toEqual(expect.arrayContaining(["mtu"]));
    expect(termsOf("close-wait-leak")).toEqual(expect.arrayContaining(["close_wait"]));
    expect(termsOf("syn-queue-overflow")).toEqual(expect.arrayContaining(["syn queue"]));
  });

  it("leaves out words that three causes share", () => {
    for (const generic of ["tcp", "dns", "overflow", "timeout"]) {
      for (const [, terms] of catalogue.causeTerms) expect(terms.map((t) => t.term)).not.toContain(generic);
    }
  });
});

describe("buildCauseTerms", () => {
  const [mtu] = content.rootCauses.filter((c) => c.id === "mtu-mismatch");

  it("drops a word once the tickets of three different causes use it", () => {
    const tickets = (n: number) => Array.from({ length: n }, (_, i) => ({ cause: `cause-${i}`, text: "the MTU looked fine" }));
    const terms = (n: number) =>
      buildCauseTerms([mtu], tickets(n))
        .get("mtu-mismatch")
        ?.map((t) => t.term);
    expect(terms(2)).toContain("mtu");
    expect(terms(3)).not.toContain("mtu");
  });
});

describe("redactKeyTerms", () => {
  it("replaces every occurrence, longer terms first", () => {
    const terms = ["syn", "syn queue"].map((term) => ({ term, pattern: termPattern(term) }));
    expect(redactKeyTerms("SYN queue full; every SYN dropped", terms)).toBe(`${REDACTED} full; every ${REDACTED} dropped`);
  });
});
