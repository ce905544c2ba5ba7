import { execFile } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { AnswerError, diagnose } from "@/lib/triage/diagnose";

import { knowledge } from "./case-fixtures";

const ROOT = path.join(import.meta.dirname, "../..");

describe("diagnose", () => {
  it("returns ranked causes with evidence and cases, a next step and the signals", () => {
    const result = diagnose(
      {
        description: "Some clients behind a NAT gateway time out connecting to our API; SYNs get no reply.",
        outputs: [
          { command: "netstat -s", text: "    3631812 SYNs to LISTEN sockets dropped\n    3631476 passive connections rejected because of time stamp" },
        ],
      },
      knowledge,
    );
    expect(result.rootCauses[0]).toMatchObject({
      id: "tcp-tw-recycle-nat-timestamps",
      title: expect.any(String),
      cases: expect.arrayContaining(["anytunnel-container-syn-dropped-tw-recycle"]),
    });
    expect(result.rootCauses[0].evidence.some((e) => e.signal === "paws-passive-rejected" && e.source.startsWith("output 1"))).toBe(true);
    expect(result.next).toMatchObject({
      kind: expect.stringMatching(/^(question|command)$/),
      id: expect.any(String),
      text: expect.any(String),
      why: expect.any(String),
    });
    expect(result.signals.find((s) => s.id === "paws-passive-rejected")?.line).toBe("3631476 passive connections rejected because of time stamp");
  });

  it("lets an answer change the ranking", () => {
    const before = diagnose({ description: "connections to the service time out" }, knowledge);
    const after = diagnose({ description: "connections to the service time out", answers: { symptom: "dns" } }, knowledge);
    expect(after.rootCauses.map((c) => c.id)).not.toEqual(before.rootCauses.map((c) => c.id));
  });

  it("names the field of an unknown question or answer", () => {
    expect(() => diagnose({ description: "x", answers: { "no-such-step": "yes" } }, knowledge)).toThrow(AnswerError);
    expect(() => diagnose({ description: "x", answers: { symptom: "purple" } }, knowledge)).toThrow(/answers.symptom|"purple" is not an answer/);
    expect(() => diagnose({ description: "x", answers: { "confirm-firewall-drop": "maybe" } }, knowledge)).toThrow(AnswerError);
  });
});

/** The ticket of issue 15, with one cumulative netstat -s pasted. */
const NAT_TICKET = {
  description: "some clients behind the office NAT cannot connect to our API on 443, SYN sent but no SYN-ACK; servers are Linux 4.x behind an ELB",
  outputs: [
    {
      command: "netstat -s",
      text: "Ip:\n    1234567 total packets received\nTcpExt:\n    3631812 SYNs to LISTEN sockets dropped\n    3631476 passive connections rejected because of time stamp\n    120 times the listen queue of a socket overflowed",
    },
  ],
};
const TW_RECYCLE = "tcp-tw-recycle-nat-timestamps";

describe("the walk on the NAT ticket", () => {
  it("checks the kernel precondition before offering tcp_tw_recycle for confirmation", () => {
    const result = diagnose(NAT_TICKET, knowledge);
    expect(result.rootCauses[0].id).toBe(TW_RECYCLE);
    expect(result.rootCauses[0].decisive).toEqual([]);
    expect(result.rootCauses[0].preconditions.find((p) => p.id === "kernel-before-4.12")?.state).toBe("unknown");
    expect(result.next).toMatchObject({ id: "cc-sysctl", purpose: "precondition", whereText: expect.stringMatching(/server/) });
    expect(result.next.confirms).toBeUndefined();
    expect(result.next.why).not.toMatch(/bits|gain|cost/);
  });

  it("does not ask what the ticket already says, and shows it as inferred", () => {
    const result = diagnose(NAT_TICKET, knowledge);
    expect(result.inferredAnswers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: "cc-error", value: "timeout" }),
        expect.objectContaining({ questionId: "cc-scope", value: "behind-nat" }),
      ]),
    );
  });

  it("rules tcp_tw_recycle out on a 4.12+ kernel, with the reason", () => {
    const result = diagnose({ ...NAT_TICKET, description: NAT_TICKET.description.replace("Linux 4.x", "kernel 5.10") }, knowledge);
    expect(result.rootCauses.map((c) => c.id)).not.toContain(TW_RECYCLE);
    expect(result.ruledOut.find((c) => c.id === TW_RECYCLE)?.reason).toMatch(/4\.12/);
  });

  it("rules out UDP and DNS causes for a TCP/443 ticket", () => {
    const ruled = diagnose(NAT_TICKET, knowledge).ruledOut.map((c) => c.id);
    expect(ruled).toEqual(expect.arrayContaining(["udp-receive-buffer-overflow", "dns-resolution-failure"]));
  });

  it("offers confirmation once tcp_tw_recycle = 1 is pasted (a decisive setting)", () => {
    const outputs = [...NAT_TICKET.outputs, { command: "sysctl net.ipv4.tcp_tw_recycle", text: "net.ipv4.tcp_tw_recycle = 1" }];
    const result = diagnose({ ...NAT_TICKET, outputs }, knowledge);
    expect(result.next).toMatchObject({ id: `confirm-${TW_RECYCLE}`, confirms: TW_RECYCLE, purpose: "confirm" });
  });

  it("after a no, drops the cause, lists it as ruled out and separates the rest", () => {
    const outputs = [...NAT_TICKET.outputs, { command: "sysctl net.ipv4.tcp_tw_recycle", text: "net.ipv4.tcp_tw_recycle = 1" }];
    const result = diagnose({ ...NAT_TICKET, outputs, answers: { [`confirm-${TW_RECYCLE}`]: "no" } }, knowledge);
    expect(result.rootCauses.map((c) => c.id)).not.toContain(TW_RECYCLE);
    expect(result.ruledOut).toEqual(expect.arrayContaining([expect.objectContaining({ id: TW_RECYCLE, by: "engineer" })]));
    expect(result.next.confirms).toBeUndefined();
    expect(result.next.gain ?? 0).toBeGreaterThan(0.01);
    expect(result.next.why).toContain(result.rootCauses[0].title);
    expect(result.next.why).toContain(result.rootCauses[1].title);
    expect(result.next.tree).toBe("cannot-connect");
  });

  it("brings back a cause refused on circumstance once an output shows it, and offers it again", () => {
    const answers = { [`confirm-${TW_RECYCLE}`]: "not-yet" };
    const refused = diagnose({ ...NAT_TICKET, answers }, knowledge);
    expect(refused.rootCauses.map((c) => c.id)).not.toContain(TW_RECYCLE);
    const outputs = [...NAT_TICKET.outputs, { command: "sysctl net.ipv4.tcp_tw_recycle", text: "net.ipv4.tcp_tw_recycle = 1" }];
    const shown = diagnose({ ...NAT_TICKET, outputs, answers }, knowledge);
    expect(shown.rootCauses[0].id).toBe(TW_RECYCLE);
    expect(shown.next.confirms).toBe(TW_RECYCLE);
  });

  it("once confirmed, the next step is the fix and how to verify it", () => {
    const outputs = [...NAT_TICKET.outputs, { command: "sysctl net.ipv4.tcp_tw_recycle", text: "net.ipv4.tcp_tw_recycle = 1" }];
    const result = diagnose({ ...NAT_TICKET, outputs, answers: { [`confirm-${TW_RECYCLE}`]: "yes" } }, knowledge);
    expect(result.next).toMatchObject({ kind: "fix", purpose: "fix" });
    expect(result.next.fix).toMatch(/tcp_tw_recycle/);
    expect(result.next.verify?.join(" ")).toMatch(/sysctl net.ipv4.tcp_tw_recycle/);
  });
});

describe("npm run triage", () => {
  const run = (stdin: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile("npx", ["tsx", "scripts/triage-cli.ts"], { cwd: ROOT }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(stdin);
    });

  it("prints the diagnosis of a JSON ticket on stdin", async () => {
    const { code, stdout } = await run(JSON.stringify({ description: "nslookup works but ping of the name fails", answers: { symptom: "dns" } }));
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).slice(0, 4)).toEqual(["rootCauses", "next", "signals", "confidence"]);
    expect(result.rootCauses[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), score: expect.any(Number), evidence: expect.any(Array), cases: expect.any(Array) }),
    );
  });

  it("exits 2 with a message on malformed JSON and on a schema violation", async () => {
    const malformed = await run("{not json");
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/not valid JSON/);
    const invalid = await run(JSON.stringify({ description: 42 }));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/description/);
  });
});
