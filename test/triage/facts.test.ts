import { describe, expect, it } from "vitest";

import { readFacts } from "@/lib/triage/facts";

const noise = (lines: number) => Array.from({ length: lines }, (_, i) => `app[${i}]: request served in ${i % 97} ms`).join("\n");

describe("readFacts", () => {
  it("reads the kernel and a missing tcp_tw_recycle from the lines of a long output that carry them", () => {
    const text = [
      noise(20_000),
      "Linux node-3 3.10.0-1160.el7.x86_64 #1 SMP",
      noise(20_000),
      "sysctl: cannot stat /proc/sys/net/ipv4/tcp_tw_recycle: No such file or directory",
    ].join("\n");
    const facts = readFacts({ description: "pods time out", outputs: [{ command: "uname -a; sysctl net.ipv4.tcp_tw_recycle", text }], answers: {} }, []);
    expect(facts.kernel).toEqual({ major: 3, minor: 10, line: "3.10.0-1160.el7.x86_64", source: "output 1" });
    expect(facts.twRecycleAbsent).toEqual({ line: "sysctl: cannot stat /proc/sys/net/ipv4/tcp_tw_recycle: No such file or directory", source: "output 1" });
  });

  it("prefers a kernel version over the release of a distribution named earlier", () => {
    const facts = readFacts({ description: "CentOS 7 hosts", outputs: [{ text: `${noise(10)}\n5.4.17-2136.el8uek.x86_64` }], answers: {} }, []);
    expect(facts.kernel).toMatchObject({ major: 5, minor: 4, source: "output 1" });
  });
});
