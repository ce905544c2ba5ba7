import { describe, expect, it } from "vitest";

import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";
import { enumeratePaths, lintTree, lintTrees } from "@/lib/triage/lint-trees";
import type { Tree } from "@/lib/triage/tree-schema";

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
