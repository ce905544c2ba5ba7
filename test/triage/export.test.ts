import { describe, expect, it } from "vitest";

import { compileMdx } from "@/lib/content/compile-mdx";
import { parseCaseEntry } from "@/lib/content/parse-entry";
import type { TriageSessionView } from "@/lib/sessions/session-schema";
import { diagnose } from "@/lib/triage/diagnose";
import { buildCaseDraft, buildCustomerReply, escapeMdx, fence, slugify, toCauseForExport } from "@/lib/triage/export";

import { knowledge, library } from "./case-fixtures";

const session: TriageSessionView = {
  id: "s1",
  ticketRef: "CASE-42",
  title: "Clients behind NAT cannot connect <sometimes>",
  description: "Some clients behind our office NAT time out connecting to {api}.\nOthers are fine.",
  answers: {},
  outputs: [{ command: "netstat -s", text: "    3631812 SYNs to LISTEN sockets dropped\n    3631476 passive connections rejected because of time stamp" }],
  notes: "Set net.ipv4.tcp_tw_recycle = 0 and the failures stopped.",
  status: "confirmed",
  confirmedCause: "tcp-tw-recycle-nat-timestamps",
  version: 3,
  shared: false,
  createdBy: null,
  updatedBy: null,
  createdAt: "2026-11-22T00:00:00.000Z",
  updatedAt: "2026-11-22T00:00:00.000Z",
};

const result = diagnose({ description: session.description, outputs: session.outputs }, knowledge);
const cause = toCauseForExport(library.getRootCause("tcp-tw-recycle-nat-timestamps")!);

describe("buildCustomerReply", () => {
  const reply = buildCustomerReply(session, result, cause, knowledge);

  it("restates the problem, says what was checked and found, names the cause and the fix", () => {
    expect(reply).toContain("> Some clients behind our office NAT time out");
    expect(reply).toContain("**What we checked**");
    expect(reply).toContain("`netstat -s`");
    expect(reply).toContain(`**${cause.title}**`);
    expect(reply).toContain("3631476 passive connections rejected because of time stamp");
    expect(reply).toContain("**How to fix it**");
    expect(cause.fix.length).toBeGreaterThan(20);
  });

  it("asks for tests with exact commands that were not run yet", () => {
    expect(reply).toMatch(/\*\*Please run these and send us the output\*\*[\s\S]*```bash\n.+\n```/);
  });
});

describe("buildCaseDraft", () => {
  const draft = buildCaseDraft(session, result, cause);

  it("is a valid case entry that compiles", async () => {
    const parsed = parseCaseEntry(`content/cases/${slugify(session.title)}.mdx`, draft);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    await expect(compileMdx(draft)).resolves.toMatchObject({ code: expect.any(String) });
  });

  it("carries the ticket, the pasted output and the cause", () => {
    expect(draft).toContain("rootCause: \"tcp-tw-recycle-nat-timestamps\"");
    expect(draft).toContain("3631476 passive connections rejected because of time stamp");
    expect(draft).toContain("&#123;api&#125;");
  });
});

describe("fence", () => {
  it("uses a fence longer than any backtick run in the text", () => {
    expect(fence("a ``` b")).toBe("````text\na ``` b\n````");
  });
});

describe("escapeMdx", () => {
  it("escapes JSX-significant characters", () => {
    expect(escapeMdx("<script>{x}</script>")).toBe("&lt;script&gt;&#123;x&#125;&lt;/script&gt;");
  });
});
