import { describe, expect, it } from "vitest";

import { extractEvidence } from "@/lib/evidence/extract";
import { decisiveEvidence } from "@/lib/triage/decisive";

const CAUSE = "tcp-tw-recycle-nat-timestamps";
const snapshot = (paws: number, drops: number) =>
  `TcpExt:\n    ${drops} SYNs to LISTEN sockets dropped\n    ${paws} passive connections rejected because of time stamp`;

describe("decisiveEvidence", () => {
  it("does not count one snapshot of a cumulative counter", () => {
    const signals = extractEvidence({ description: "clients behind NAT time out", outputs: [{ command: "netstat -s", text: snapshot(3631476, 3631812) }] });
    expect(decisiveEvidence(CAUSE, signals)).toEqual([]);
  });

  it("counts a counter that rose between two snapshots", () => {
    const signals = extractEvidence({
      description: "x",
      outputs: [{ command: "netstat -s; sleep 10; netstat -s", text: `${snapshot(100, 110)}\n${snapshot(180, 190)}` }],
    });
    expect(decisiveEvidence(CAUSE, signals).map((s) => s.id)).toContain("paws-passive-rejected");
  });

  it("counts a setting read from output, never the ticket's words", () => {
    const fromOutput = extractEvidence({ description: "x", outputs: [{ text: "net.ipv4.tcp_tw_recycle = 1" }] });
    expect(decisiveEvidence(CAUSE, fromOutput).map((s) => s.id)).toEqual(["tw-recycle-on"]);
    const fromWords = extractEvidence({ description: "clients behind NAT, and we enabled tcp_tw_recycle" });
    expect(decisiveEvidence(CAUSE, fromWords)).toEqual([]);
  });

  it("reads a single snapshot from the parsers' since-boot mark", () => {
    const once = extractEvidence({ description: "x", outputs: [{ text: snapshot(3631476, 3631812) }] });
    expect(once.filter((s) => s.parser === "netstat-s").some((s) => s.sinceBoot)).toBe(true);
    expect(
      decisiveEvidence(
        CAUSE,
        once.map((s) => ({ ...s, sinceBoot: undefined })),
      ).map((s) => s.id),
    ).toContain("paws-passive-rejected");
  });
});
