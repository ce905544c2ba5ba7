import { describe, expect, it } from "vitest";

import { checkContentRules, codeKindOf } from "@/lib/content/content-rules";
import { parseCaseEntry, type CaseEntry } from "@/lib/content/parse-entry";

import { caseSource } from "../factories";

const SECTIONS = ["Issue", "Environment", "Diagnosis", "Cause", "Resolution", "How to spot it next time"];

function entry(diagnosis: string, overrides: Record<string, unknown> = {}): CaseEntry {
  const body = SECTIONS.map((heading) => `## ${heading}\n\n${heading === "Diagnosis" ? diagnosis : "Text."}\n`).join("\n");
  const result = parseCaseEntry("content/cases/sample-case.mdx", caseSource(overrides, body));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.entry;
}

const messages = (e: CaseEntry) => checkContentRules(e).map((p) => p.message);

describe("content rules", () => {
  it("accept a finished page", () => {
    expect(messages(entry("Run it:\n\n```bash\nnetstat -s\n```\n\n```text\n12 SYNs to LISTEN sockets dropped\n```", { commands: ["netstat -s"] }))).toEqual([]);
  });

  it("refuse a page that says how it was written", () => {
    expect(messages(entry("The seed gives no output."))).toEqual(['says how the page was written ("seed"): say what the case records instead']);
    expect(messages(entry("A `172.16.0.13` source (written `172.16.013` in the original).")).length).toBe(1);
    expect(messages(entry("Text.", { title: "Amounts do not reconcile (heading only in the seed)" })).length).toBe(1);
  });

  it("refuse a display filter or kernel source shown as output, under ``` or ~~~", () => {
    const [filter] = checkContentRules(entry("~~~text\ntcp.analysis.retransmission\n~~~"));
    expect(filter.message).toBe("a display filter is shown as command output: fence it as ```wireshark");
    expect(
      messages(entry("```text\n286 if (netif_xmit_stopped(txq) &&\n287     time_after(jiffies, trans_start)) {\n288   txq->trans_timeout++;\n289 }\n```")),
    ).toEqual(["source code is shown as command output: fence it as ```c"]);
    expect(messages(entry("```wireshark\ntcp.analysis.retransmission\n```\n\n```c\nif (a && b->c) {\n```"))).toEqual([]);
  });

  it("refuse a display filter or a setting listed as a command", () => {
    expect(
      messages(entry("Text.", { commands: ['(dns.qry.name == "x") && dns.a', "net.ipv4.tcp_tw_recycle = 0", "sysctl -w net.ipv4.tcp_tw_recycle=0"] })),
    ).toEqual([
      'commands: "(dns.qry.name == "x") && dns.a" is a display filter, not a command: name it in the body instead',
      'commands: "net.ipv4.tcp_tw_recycle = 0" is a setting, not a command: name it in the body instead',
    ]);
  });

  it("need a known source collection", () => {
    expect(messages(entry("Text.", { source: { file: "999_unknown.txt", section: "x" } }))[0]).toMatch(/not a known collection/);
  });
});

describe("codeKindOf", () => {
  it("leaves commands and outputs alone", () => {
    expect(codeKindOf("tshark -r x.pcapng -Y 'dns.a' -T fields -e ip.src")).toBeUndefined();
    expect(codeKindOf("Ip:\n    Forwarding: 1\nTcp:\n    1837 active connection openings")).toBeUndefined();
    expect(codeKindOf("[pid 34262] epoll_ctl(3, EPOLL_CTL_ADD, 6, {EPOLLIN|EPOLLOUT, {u32=1310076696}}) = 0")).toBeUndefined();
  });
});
