import path from "node:path";

import { describe, expect, it } from "vitest";

import { diagnose, type DiagnoseResult } from "@/lib/triage/diagnose";
import { diagnoseInputSchema } from "@/lib/triage/diagnose-schema";
import { languageOf } from "@/lib/triage/language";
import { buildStepCatalog } from "@/lib/triage/step-catalog";
import { loadTicketSets } from "@/lib/triage/tickets";
import { confirmQuestionId } from "@/lib/triage/walk-questions";

import { knowledge } from "./case-fixtures";

const CJK = /[\u3400-\u9fff]/;
/** A text without what it quotes from the ticket ("..." and “...”), which stays in the ticket's language. */
const ownWords = (text: string) => text.replace(/"[^"]*"|“[^”]*”/g, "");

/** Every text of a result meant for a person (quoted lines and commands left out: they stay as written). */
function textsOf(result: DiagnoseResult): string[] {
  const { next } = result;
  return [
    ...result.rootCauses.flatMap((c) => [
      c.title,
      c.likelihood,
      ...c.decisive,
      ...c.evidence.flatMap((e) => [e.source, ...(e.meaning ? [e.meaning] : [])]),
      ...c.preconditions.flatMap((p) => [p.label, p.reason]),
    ]),
    next.text,
    next.why,
    ...(next.outcomes ?? []),
    ...(next.answers ?? []).map((a) => a.label),
    ...(next.whereText ? [next.whereText] : []),
    ...(next.lookFor ? [next.lookFor] : []),
    ...(next.verify ?? []),
    ...result.ruledOut.flatMap((c) => [c.title, c.reason]),
    ...result.inferredAnswers.flatMap((a) => [a.label, a.source]),
    ...Object.values(result.facts).flatMap((fact) => (fact ? [fact.source] : [])),
  ];
}

/** What must not change with the language: the ranking, the step proposed and the confidence. */
const decisionOf = (result: DiagnoseResult) => ({
  ranking: result.rootCauses.map((c) => [c.id, c.score]),
  next: [result.next.kind, result.next.id, result.next.purpose],
  ruledOut: result.ruledOut.map((c) => c.id),
  inferred: result.inferredAnswers.map((a) => [a.questionId, a.value]),
  confidence: result.confidence,
});

const tickets = loadTicketSets(path.join(import.meta.dirname, "../../content/tickets"));
const sample = [...tickets.filter((t) => t.lang === "zh").slice(0, 8), ...tickets.filter((t) => t.lang === "en").slice(0, 8)];

describe("languageOf", () => {
  it("reads a Chinese ticket as Chinese even with English output pasted in it", () => {
    expect(languageOf("客户端偶发连接超时，抓包看到 SYN 没有回 SYN-ACK。\n3631476 passive connections rejected because of time stamp")).toBe("zh");
  });

  it("reads an English ticket with a Chinese word or two as English", () => {
    expect(languageOf("Clients time out connecting to the API behind the NAT gateway (网关) since Monday")).toBe("en");
  });
});

describe("diagnose in English and in Chinese", () => {
  it("gives every sample ticket the same ranking, step and confidence in both languages, with every text in the language asked for", () => {
    expect(sample.length).toBeGreaterThanOrEqual(12);
    for (const ticket of sample) {
      const input = { description: ticket.description, outputs: ticket.outputs };
      const en = diagnose({ ...input, lang: "en" }, knowledge);
      const zh = diagnose({ ...input, lang: "zh" }, knowledge);
      expect(decisionOf(zh), ticket.id).toEqual(decisionOf(en));
      expect([en.lang, zh.lang]).toEqual(["en", "zh"]);
      expect(
        textsOf(zh).filter((text) => !CJK.test(text)),
        ticket.id,
      ).toEqual([]);
      expect(
        textsOf(en).filter((text) => CJK.test(ownWords(text)) && !ticket.description.includes(text)),
        ticket.id,
      ).toEqual([]);
    }
  });

  it("answers in the description's language unless the request names one", () => {
    const zhTicket = "部分客户端经过公司 NAT 访问 API 时连接超时，服务器内核 3.10，抓包看到 SYN 没有 SYN-ACK 回包。";
    expect(diagnose({ description: zhTicket }, knowledge).lang).toBe("zh");
    expect(diagnose({ description: "Some clients behind NAT time out connecting to the API." }, knowledge).lang).toBe("en");
    const forced = diagnose({ description: zhTicket, lang: "en" }, knowledge);
    expect(forced.lang).toBe("en");
    expect(forced.next.why).not.toMatch(CJK);
    expect(forced.rootCauses[0].title).toBe(knowledge.causes.find((c) => c.id === forced.rootCauses[0].id)?.title);
  });

  it("walks to the fix in Chinese: the confirmed cause's fix step, its verification and the ruled-out reasons", () => {
    const input = {
      description: "部分客户端经过 NAT 网关访问服务时连接超时，其他客户端正常。",
      outputs: [{ command: "netstat -s", text: "    3631812 SYNs to LISTEN sockets dropped\n    3631476 passive connections rejected because of time stamp" }],
      answers: { [confirmQuestionId("tcp-tw-recycle-nat-timestamps")]: "yes", [confirmQuestionId("syn-queue-overflow")]: "no" },
    };
    const zh = diagnose(input, knowledge);
    const en = diagnose({ ...input, lang: "en" }, knowledge);
    expect(zh.next).toMatchObject({ kind: "fix", id: "fix-tcp-tw-recycle-nat-timestamps" });
    expect(zh.next.text).toMatch(/^修复：/);
    expect(zh.next.verify?.length).toBeGreaterThan(0);
    expect(zh.ruledOut.find((c) => c.id === "syn-queue-overflow")?.reason).toBe("你已经排除了它。");
    expect(decisionOf(zh)).toEqual(decisionOf(en));
    expect(textsOf(zh).filter((text) => !CJK.test(text))).toEqual([]);
  });

  it("lists every step the wizard can show as answered in Chinese, with the same ids and answer values", () => {
    const en = buildStepCatalog(knowledge, "en");
    const zh = buildStepCatalog(knowledge, "zh");
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const notChinese = Object.entries(zh).flatMap(([id, step]) =>
      [step.text, ...step.answers.map((a) => a.label)].filter((text) => !CJK.test(text)).map((text) => `${id}: ${text}`),
    );
    expect(notChinese).toEqual([]);
    for (const [id, step] of Object.entries(zh))
      expect(
        step.answers.map((a) => a.value),
        id,
      ).toEqual(en[id].answers.map((a) => a.value));
  });

  it("rejects a language it does not write", () => {
    expect(diagnoseInputSchema.safeParse({ description: "x", lang: "fr" }).success).toBe(false);
  });
});
