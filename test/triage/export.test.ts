import { describe, expect, it } from "vitest";

import { compileMdx } from "@/lib/content/compile-mdx";
import { parseCaseEntry } from "@/lib/content/parse-entry";
import type { TriageSessionView } from "@/lib/sessions/session-schema";
import { diagnose } from "@/lib/triage/diagnose";
import { absoluteLinks, buildCaseDraft, buildCustomerReply, escapeMdx, fence, slugify, toCauseForExport } from "@/lib/triage/export";
import { languageOf } from "@/lib/triage/language";

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
  confirmedAt: null,
  shownDiagnosis: null,
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
    expect(reply).toContain("**What we checked and found**");
    expect(reply).toContain("`netstat -s`");
    expect(reply).toContain(`**${cause.title}**`);
    expect(reply).toContain("3631476 passive connections rejected because of time stamp");
    expect(reply).toContain("**How to fix it**");
    expect(cause.fix.length).toBeGreaterThan(20);
  });

  it("asks only for tests that could show this cause and fit the environment, while it lacks a decisive observation", () => {
    expect(reply).toMatch(/\*\*Please run these and send us the output\*\*[\s\S]*```bash\nsysctl .+\n```/);
    expect(reply).not.toMatch(/pod|resolver|netstat -su/);
  });

  it("lists each finding once and never the customer's own words as evidence", () => {
    const findings = reply.split("\n").filter((line) => line.startsWith("  - "));
    expect(new Set(findings).size).toBe(findings.length);
    expect(findings.join("\n")).not.toMatch(/behind our office NAT/);
  });

  it("asks for no test once a decisive observation is there", () => {
    const outputs = [...session.outputs, { command: "sysctl net.ipv4.tcp_tw_recycle", text: "net.ipv4.tcp_tw_recycle = 1" }];
    const decided = diagnose({ description: session.description, outputs }, knowledge);
    expect(buildCustomerReply({ ...session, outputs }, decided, cause, knowledge)).not.toMatch(/Please run these/);
  });

  it("makes links absolute from the public URL, or drops them", () => {
    expect(absoluteLinks("see [x](/causes/a)", "https://n.example.com/")).toBe("see [x](https://n.example.com/causes/a)");
    expect(absoluteLinks("see [x](/causes/a)")).toBe("see x");
  });

  it("answers a Chinese ticket in Chinese", () => {
    const zh = { ...session, description: "办公室 NAT 后面的部分客户端连不上我们的 API，SYN 没有回应" };
    expect(languageOf(zh.description)).toBe("zh");
    const zhReply = buildCustomerReply(zh, diagnose({ description: zh.description, outputs: zh.outputs }, knowledge), cause, knowledge);
    expect(zhReply).toMatch(/^您好/);
    expect(zhReply).toContain("**原因**");
  });

  it("writes a Chinese reply in Chinese throughout: the cause's Chinese title, summary and fix, Chinese verification, no English notes", () => {
    const zh = { ...session, description: "办公室 NAT 后面的部分客户端连不上我们的 API，SYN 没有回应" };
    const zhCause = {
      ...cause,
      summaryZh: "NAT 后的客户端时间戳不递增，SYN 被 PAWS 检查丢弃。",
      fixZh: "在服务器上执行 `sysctl -w net.ipv4.tcp_tw_recycle=0`。",
    };
    const zhReply = buildCustomerReply(zh, diagnose({ description: zh.description, outputs: zh.outputs }, knowledge), zhCause, knowledge);
    expect(zhReply).toContain(`**${cause.titleZh}**：${zhCause.summaryZh}`);
    expect(zhReply).toContain(zhCause.fixZh);
    expect(zhReply).not.toContain(cause.summary);
    expect(zhReply).toContain("**修复后如何验证**\n\n- 修复后重复工单里失败的请求或测试");
    const prose = zhReply.replace(/`[^`]*`/g, "").replace(/^> .*$/gm, "");
    expect(prose).not.toMatch(/\b(?:the|and|rose|between|snapshot)\b/i);
  });

  it("follows the session's language when it is set, whatever the description's", () => {
    const zh = { ...session, description: "办公室 NAT 后面的部分客户端连不上我们的 API，SYN 没有回应" };
    const english = buildCustomerReply(zh, diagnose({ description: zh.description, outputs: zh.outputs, lang: "en" }, knowledge), cause, knowledge, {
      lang: "en",
    });
    expect(english).toMatch(/^Hello,/);
    expect(english).toContain(`**${cause.title}**: ${cause.summary}`);
  });
});

describe("buildCaseDraft", () => {
  const draft = buildCaseDraft(session, result, cause);

  it("is a valid case entry that compiles", async () => {
    const parsed = parseCaseEntry(`content/cases/${slugify(session.title)}.mdx`, draft);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    await expect(compileMdx(draft)).resolves.toMatchObject({ code: expect.any(String) });
  });

  it("keeps the full title and takes error strings only from outputs", () => {
    const long = "Clients behind the office NAT cannot connect to our API on 443, SYN sent but no SYN-ACK, servers are Linux 4.x behind an ELB";
    const cut = { ...session, title: `${long.slice(0, 77)}…`, description: long, answers: { "cc-scope": "behind-nat" } };
    const cutDraft = buildCaseDraft(cut, diagnose({ description: cut.description, outputs: cut.outputs, answers: cut.answers }, knowledge), cause);
    expect(cutDraft).toContain(`title: ${JSON.stringify(long)}`);
    const errorStrings = JSON.parse(/^errorStrings: (.*)$/m.exec(cutDraft)?.[1] ?? "[]") as string[];
    expect(errorStrings.length).toBeGreaterThan(0);
    for (const line of errorStrings) expect(session.outputs.some((o) => o.text.includes(line))).toBe(true);
  });

  it("carries the ticket, the pasted output and the cause", () => {
    expect(draft).toContain('rootCause: "tcp-tw-recycle-nat-timestamps"');
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
