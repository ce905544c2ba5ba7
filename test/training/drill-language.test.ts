import { describe, expect, it } from "vitest";

import { parseCaseZhPage } from "@/lib/content/parse-entry";
import { buildCatalogueFromEntries } from "@/lib/training/catalogue";
import { drillLabels, teaserOf } from "@/lib/training/drill-labels";
import { toPrompt, type Exercise, type TicketDrill, type TicketPrompt } from "@/lib/training/exercise";
import { findKeyTerms, REDACTED } from "@/lib/training/key-terms";
import { blocksToText } from "@/lib/training/markdown";
import { scoreAnswer } from "@/lib/training/scoring";

import { caseZhSource } from "../factories";
import { catalogue, content, syntheticCase, trees } from "./fixtures";

const CJK = /[\u3400-\u9fff]/;
const zhCatalogue = buildCatalogueFromEntries(content.cases, content.rootCauses, trees, "zh");

/** What a drill decides, whatever its language: its id, its case, what is right. */
function decisionOf(exercise: Exercise) {
  if (exercise.kind === "signal")
    return { id: exercise.id, case: exercise.caseId, cause: exercise.rootCause, telling: exercise.telling.map((t) => t.lineNumber) };
  return {
    id: exercise.id,
    case: exercise.caseId,
    cause: exercise.rootCause,
    symptom: exercise.symptom.id,
    steps: exercise.steps.map((s) => [s.id, s.kind, s.right, s.command]),
    causes: exercise.causes.map((c) => c.id).sort(),
  };
}

function promptText(prompt: TicketPrompt): string {
  return [blocksToText(prompt.issue), blocksToText(prompt.environment), ...prompt.steps.map((s) => s.label)].join("\n");
}

describe("drills in Chinese", () => {
  it("are the English drills (same ids, steps, causes and right answers) with every text of the drill and its feedback in Chinese", () => {
    expect(zhCatalogue.exercises.map(decisionOf)).toEqual(catalogue.exercises.map(decisionOf));
    const english: string[] = [];
    for (const drill of zhCatalogue.exercises) {
      const texts =
        drill.kind === "ticket"
          ? [
              drill.caseTitle,
              drill.symptom.label,
              ...drill.steps.flatMap((s) => [s.label, s.why]),
              ...drill.causes.map((c) => c.title),
              ...drill.explanation.evidence.flatMap((e) => [e.meaning, ...e.favours.map((f) => f.title)]),
            ]
          : [drill.caseTitle, ...drill.telling.flatMap((t) => t.evidence.flatMap((e) => [e.meaning, ...e.favours.map((f) => f.title)]))];
      english.push(...texts.filter((text) => !CJK.test(text)).map((text) => `${drill.caseId}: ${text}`));
    }
    expect(english).toEqual([]);
  });

  it("score an answer as the English drill does and explain it in Chinese", () => {
    const drill = zhCatalogue.exercises.find((e): e is TicketDrill => e.kind === "ticket")!;
    const twin = catalogue.get(drill.id) as TicketDrill;
    const answer = { kind: "ticket" as const, stepId: drill.steps.find((s) => !s.right)!.id, causeId: drill.rootCause };
    const feedback = scoreAnswer(drill, answer, zhCatalogue.titleOf);
    expect(feedback.score).toEqual(scoreAnswer(twin, answer, catalogue.titleOf).score);
    expect(feedback.kind === "ticket" && [feedback.chosenStep.why, feedback.cause.title].every((text) => CJK.test(text))).toBe(true);
  });

  it("label and tease drills in Chinese for the queue and the trainer view", () => {
    const labels = drillLabels(zhCatalogue.exercises, "zh");
    expect([...labels.values()].every((label) => /^(工单|信号) \d+$/.test(label))).toBe(true);
    const signal = zhCatalogue.exercises.find((e) => e.kind === "signal")!;
    expect(teaserOf(signal, "zh")).toMatch(/ 输出$/);
  });
});

describe("a drill from a case with a Chinese page", () => {
  const entry = syntheticCase(
    "leaky-close-wait",
    // titleZh is the Chinese page's title, as content:check requires of a pair.
    { rootCause: "close-wait-leak", symptoms: ["requests hang"], titleZh: "请求卡住" },
    {
      Issue: "Requests to the API hang after a few hours. The server shows thousands of sockets in one state and restarting the service clears it.",
      Environment: "A Go service on Linux behind nginx.",
      Diagnosis: "### Step 1: Count states\n\n```bash\nss -tan | awk '{print $1}' | sort | uniq -c\n```\n\nMost sockets were in one state.",
      Cause: "The handler never closed the connection.",
    },
  );
  const zhBody = [
    "## 问题\n\n接口请求跑几个小时后就开始卡住，怀疑是 CLOSE_WAIT 堆积（应用未关闭连接）：服务器上有大量 CLOSE_WAIT，看起来像连接泄漏，重启服务后恢复。\n",
    "## 环境\n\nnginx 后面的 Go 服务，运行在 Linux 上。\n",
    "## 诊断\n\n### 第 1 步：按状态统计\n\n```bash\nss -tan | awk '{print $1}' | sort | uniq -c\n```\n\n大部分 socket 都处于同一个状态。\n",
    "## 原因\n\n处理函数从来没有关闭连接。\n",
    "## 解决\n\n在处理函数里关闭连接。\n",
    "## 下次如何识别\n\n按状态统计 socket。\n",
  ].join("\n");
  const zhPage = parseCaseZhPage("content/zh/cases/leaky-close-wait.mdx", caseZhSource({ id: "leaky-close-wait", title: "请求卡住" }, zhBody), "problem");
  if (!zhPage.ok) throw new Error(zhPage.problems.map((p) => p.message).join("; "));
  const withPage = { ...entry, zh: zhPage.entry };
  const zh = buildCatalogueFromEntries([...content.cases, withPage], content.rootCauses, trees, "zh");
  const drill = zh.exercises.find((e): e is TicketDrill => e.kind === "ticket" && e.caseId === entry.id)!;
  const prompt = toPrompt(drill) as TicketPrompt;

  it("shows the Chinese Issue, Environment and explanation", () => {
    expect(blocksToText(prompt.issue)).toContain("接口请求跑几个小时后就开始卡住");
    expect(blocksToText(prompt.environment)).toBe("nginx 后面的 Go 服务，运行在 Linux 上。");
    expect(blocksToText(drill.explanation.reasoning)).toBe("处理函数从来没有关闭连接。");
    expect(drill.caseTitle).toBe("请求卡住");
  });

  it("quotes the Chinese text in the evidence it explains", () => {
    expect(drill.explanation.evidence.some((line) => CJK.test(line.line))).toBe(true);
  });

  it("keeps a short Chinese Issue (Chinese says in 20 characters what English says in 40), and falls back to English when the Chinese names nothing but the answer", () => {
    const withIssue = (issue: string) => {
      const page = parseCaseZhPage(
        "content/zh/cases/leaky-close-wait.mdx",
        caseZhSource({ id: "leaky-close-wait", title: "请求卡住" }, zhBody.replace(/## 问题\n\n[^\n]*\n/, `## 问题\n\n${issue}\n`)),
        "problem",
      );
      if (!page.ok) throw new Error(page.problems.map((p) => p.message).join("; "));
      const catalogue = buildCatalogueFromEntries([...content.cases, { ...entry, zh: page.entry }], content.rootCauses, trees, "zh");
      const built = catalogue.exercises.find((e): e is TicketDrill => e.kind === "ticket" && e.caseId === entry.id)!;
      return blocksToText(built.issue);
    };
    expect(withIssue("接口请求跑几个小时后就卡住，服务器上某个状态的 socket 越来越多，重启后恢复。")).toMatch(/^接口请求/);
    expect(withIssue("CLOSE_WAIT 堆积（应用未关闭连接），连接泄漏。")).toMatch(/^Requests to the API hang/);
  });

  it("redacts the Chinese title and Chinese aliases of the causes it offers, leaving no key term of any of them in either language", () => {
    const issue = blocksToText(prompt.issue);
    expect(issue).not.toContain("CLOSE_WAIT 堆积（应用未关闭连接）");
    expect(issue).not.toContain("连接泄漏");
    expect(issue).toContain(REDACTED);
    const leaks = drill.causes.flatMap((c) => findKeyTerms(promptText(prompt), zh.causeTerms.get(c.id) ?? []).map((term) => `${c.id}: ${term}`));
    expect(leaks).toEqual([]);
  });
});
