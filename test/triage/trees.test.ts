import { describe, expect, it } from "vitest";

import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";
import { enumeratePaths, lintTree, lintTrees } from "@/lib/triage/lint-trees";
import { treeSchema, type Tree, type TreeNode } from "@/lib/triage/tree-schema";

import { knowledge } from "./case-fixtures";
import { SAMPLE_TREE as SAMPLE_TREE_FOR_LINT } from "./factories";

describe("the decision trees in content/trees", () => {
  const { trees } = knowledge;

  it("has one tree per entry symptom", () => {
    expect(trees.map((t) => t.symptom).sort()).toEqual(ENTRY_SYMPTOMS.map((s) => s.id).sort());
  });

  it("passes the lint", () => {
    expect(lintTrees(trees)).toEqual([]);
  });

  it("ends every path in a leaf that names taxonomy causes", () => {
    for (const tree of trees) {
      const byId = new Map(tree.nodes.map((n) => [n.id, n]));
      for (const path of enumeratePaths(tree)) {
        const last = byId.get(path[path.length - 1]);
        expect(last?.kind, `${tree.id}: ${path.join(" -> ")}`).toBe("leaf");
      }
    }
  });

  it("says every text in Chinese with the English text's numbers and quoted strings, and titles each tree by its symptom's Chinese label", () => {
    const pairsOf = (node: TreeNode): [string, string][] => {
      if (node.kind === "question")
        return [
          [node.text, node.textZh],
          ...(node.help && node.helpZh ? [[node.help, node.helpZh] as [string, string]] : []),
          ...node.answers.map((a): [string, string] => [a.label, a.labelZh]),
        ];
      if (node.kind === "command")
        return [
          [node.title, node.titleZh],
          [node.lookFor, node.lookForZh],
        ];
      return node.note && node.noteZh ? [[node.note, node.noteZh]] : [];
    };
    const missing: string[] = [];
    for (const tree of trees) {
      expect(tree.titleZh).toBe(ENTRY_SYMPTOMS.find((s) => s.id === tree.symptom)?.labelZh);
      for (const node of tree.nodes) {
        for (const [en, zh] of pairsOf(node)) {
          const kept = [...(en.match(/\d+/g) ?? []), ...[...en.matchAll(/(?<![A-Za-z])'([^']+)'(?![A-Za-z])/g)].map((m) => m[1])];
          for (const part of kept) if (!zh.includes(part)) missing.push(`${tree.id}/${node.id}: "${part}" is not in "${zh}"`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("refuses a node without its Chinese text, and English standing in for it", () => {
    const nodes = trees[0].nodes;
    const { textZh: _question, ...noChinese } = nodes.find((n) => n.kind === "question")!;
    const { lookForZh: _lookFor, ...noLookFor } = nodes.find((n) => n.kind === "command")!;
    const englishNote = { ...nodes.find((n) => n.kind === "leaf")!, noteZh: "Packets are lost." };
    for (const node of [noChinese, noLookFor, englishNote]) {
      expect(treeSchema.safeParse({ ...trees[0], nodes: [node, ...trees[0].nodes.slice(1)] }).success, node.id).toBe(false);
    }
  });

  it("reaches every taxonomy cause from some leaf", () => {
    const covered = new Set(trees.flatMap((t) => t.nodes.flatMap((n) => (n.kind === "leaf" ? n.causes : []))));
    expect(ROOT_CAUSE_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe("lintTree", () => {
  const withNodes = (nodes: Tree["nodes"]): Tree => ({ ...SAMPLE_TREE_FOR_LINT, nodes });

  it("accepts a well-formed tree", () => {
    expect(lintTree(SAMPLE_TREE_FOR_LINT)).toEqual([]);
  });

  it("reports a cycle", () => {
    const [question, command, leaf] = SAMPLE_TREE_FOR_LINT.nodes;
    const looping = { ...command, next: "scope" } as typeof command;
    expect(lintTree(withNodes([question, looping, leaf])).map((p) => p.message)).toContainEqual(expect.stringMatching(/^cycle: scope -> counters -> scope/));
  });

  it("reports an unreachable node and a dangling next", () => {
    const [question, command, leaf] = SAMPLE_TREE_FOR_LINT.nodes;
    const orphan = { kind: "leaf" as const, id: "orphan", causes: ["mtu-mismatch" as const] };
    const dangling = { ...command, next: "missing" } as typeof command;
    const messages = lintTree(withNodes([question, dangling, leaf, orphan])).map((p) => `${p.node}: ${p.message}`);
    expect(messages).toContain('counters: next "missing" does not exist');
    expect(messages).toContain("orphan: unreachable from start");
  });
});
