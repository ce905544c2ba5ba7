import { describe, expect, it } from "vitest";

import { extractEvidence } from "@/lib/evidence/extract";

const ids = (description: string, ...outputs: string[]) => extractEvidence({ description, outputs: outputs.map((text) => ({ text })) }).map((s) => s.id);

describe("signals derived from two observations", () => {
  it("reads 'No route to host' from a host that answers ping as a REJECT rule", () => {
    const ping = "64 bytes from 10.0.0.9: icmp_seq=1 ttl=64 time=0.41 ms";
    const refused = "nc: connect to 10.0.0.9 port 8080 (tcp) failed: No route to host";
    expect(ids("", ping, refused)).toContain("unreachable-but-up");
    expect(ids("", refused)).not.toContain("unreachable-but-up");
  });

  it("reads NXDOMAIN after a redeploy as a deleted endpoint", () => {
    const nxdomain = ";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 4242";
    expect(ids("Since the rollout yesterday the name no longer resolves.", nxdomain)).toContain("nxdomain-after-change");
    expect(ids("The name never resolved.", nxdomain)).not.toContain("nxdomain-after-change");
  });

  it("derives each combination once, inside extractEvidence", () => {
    const evidence = extractEvidence({
      description: "",
      outputs: [{ text: "64 bytes from 10.0.0.9: icmp_seq=1 ttl=64 time=0.41 ms" }, { text: ";; connection timed out; no servers could be reached" }],
    });
    expect(evidence.filter((s) => s.id === "reachable-but-port-silent")).toHaveLength(1);
  });
});
