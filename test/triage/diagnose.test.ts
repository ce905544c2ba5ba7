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
        outputs: [{ command: "netstat -s", text: "    3631812 SYNs to LISTEN sockets dropped\n    3631476 passive connections rejected because of time stamp" }],
      },
      knowledge,
    );
    expect(result.rootCauses[0]).toMatchObject({ id: "tcp-tw-recycle-nat-timestamps", title: expect.any(String), cases: expect.arrayContaining(["anytunnel-container-syn-dropped-tw-recycle"]) });
    expect(result.rootCauses[0].evidence.some((e) => e.signal === "paws-passive-rejected" && e.source.startsWith("output 1"))).toBe(true);
    expect(result.next).toMatchObject({ kind: expect.stringMatching(/^(question|command)$/), id: expect.any(String), text: expect.any(String), why: expect.any(String) });
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
    expect(Object.keys(result)).toEqual(["rootCauses", "confidence", "next", "signals"]);
    expect(result.rootCauses[0]).toEqual(expect.objectContaining({ id: expect.any(String), score: expect.any(Number), evidence: expect.any(Array), cases: expect.any(Array) }));
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
