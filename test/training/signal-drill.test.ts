import { describe, expect, it } from "vitest";

import { extractEvidence } from "@/lib/evidence/extract";
import type { SignalDrill } from "@/lib/training/exercise";
import { buildSignalDrills } from "@/lib/training/signal-drill";

import { catalogue, syntheticCase } from "./fixtures";

const titleOf = (id: string) => `title of ${id}`;

const NETSTAT = [
  "TcpExt:",
  "    120 packets pruned from receive queue",
  "    3631812 SYNs to LISTEN sockets dropped",
  "    3631476 passive connections rejected because of time stamp",
  "    7 resets received",
  "    12 failed connection attempts",
].join("\n");

const withOutput = (output: string, frontmatter: Record<string, unknown> = {}) =>
  syntheticCase(
    "quoted",
    { rootCause: "tcp-tw-recycle-nat-timestamps", ...frontmatter },
    { Diagnosis: `### Step 1\n\n\`\`\`bash\nnetstat -s\n\`\`\`\n\n\`\`\`text\n${output}\n\`\`\`` },
  );

describe("buildSignalDrills", () => {
  it("makes the lines the parsers read evidence from the telling lines, with the command that produced them", () => {
    const [drill] = buildSignalDrills(withOutput(NETSTAT), titleOf);
    expect(drill.command).toBe("netstat -s");
    expect(drill.lines).toHaveLength(6);
    expect(drill.telling.map((t) => t.lineNumber)).toEqual([3, 4]);
    expect(drill.telling[1].evidence.map((e) => e.signal)).toContain("paws-passive-rejected");
    expect(drill.rootCause).toBe("tcp-tw-recycle-nat-timestamps");
  });

  it("files a drill from an unresolved case under the cause its telling lines favour most", () => {
    const [drill] = buildSignalDrills(withOutput(NETSTAT, { status: "unresolved", rootCause: null, suspectedCauses: ["syn-queue-overflow"] }), titleOf);
    expect(drill.rootCause).toBe("tcp-tw-recycle-nat-timestamps");
  });

  it("makes no drill when nothing, or more than half of the lines, matter", () => {
    expect(buildSignalDrills(withOutput("all good\nnothing here\nat all"), titleOf)).toEqual([]);
    expect(buildSignalDrills(withOutput(NETSTAT.split("\n").slice(2, 4).join("\n")), titleOf)).toEqual([]);
  });
});

describe("signal drills from the real library", () => {
  const drills = catalogue.exercises.filter((e): e is SignalDrill => e.kind === "signal");

  it("exist, and each telling line is one the parsers read from the output", () => {
    console.log(`signal drills: ${drills.length}`);
    expect(drills.length).toBeGreaterThan(0);
    for (const drill of drills) {
      const parsed = new Set(extractEvidence({ description: "", outputs: [{ text: drill.lines.join("\n") }] }).map((s) => s.lineNumber));
      for (const { lineNumber, line } of drill.telling) {
        expect(parsed.has(lineNumber)).toBe(true);
        expect(line).toBe(drill.lines[lineNumber - 1].trim());
      }
    }
  });
});
