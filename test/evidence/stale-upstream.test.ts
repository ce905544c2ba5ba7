import { describe, expect, it } from "vitest";

import type { EvidenceSource } from "@/lib/evidence/signal";
import { findStaleUpstream } from "@/lib/evidence/stale-upstream";

const log: EvidenceSource = { kind: "output", index: 0 };
const dig: EvidenceSource = { kind: "output", index: 1, command: "dig +short api.example.com" };
const NGINX =
  '2024/03/29 10:04:51 [error] 2211#2211: *5512093 upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.1.4.22, server: egress.internal, request: "POST /v1/charges HTTP/1.1", upstream: "https://34.117.82.19:443/v1/charges", host: "egress.internal"';

describe("findStaleUpstream", () => {
  it("flags a proxy sending to an address DNS no longer returns", () => {
    const [signal] = findStaleUpstream([
      { text: NGINX, source: log },
      { text: "151.101.65.18\n151.101.1.18", source: dig },
    ]);
    expect(signal).toMatchObject({ id: "upstream-not-in-dns", source: log, lineNumber: 1 });
    expect(signal.detail).toContain("34.117.82.19");
  });

  it("stays quiet when the upstream is among the answers, or either side is missing", () => {
    expect(
      findStaleUpstream([
        { text: NGINX, source: log },
        { text: "api.example.com. 60 IN A 34.117.82.19", source: dig },
      ]),
    ).toEqual([]);
    expect(findStaleUpstream([{ text: NGINX, source: log }])).toEqual([]);
    expect(findStaleUpstream([{ text: "151.101.65.18", source: dig }])).toEqual([]);
    const nslookup = "Server:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\nName:\tapi.example.com\nAddress: 34.117.82.19";
    expect(
      findStaleUpstream([
        { text: NGINX, source: log },
        { text: nslookup, source: dig },
      ]),
    ).toEqual([]);
  });
});
