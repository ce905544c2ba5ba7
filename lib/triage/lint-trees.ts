import type { Tree, TreeNode } from "./tree-schema";

export type TreeLintProblem = { tree: string; node?: string; message: string };

/** Successor node ids of a node (answers' next for questions, next for commands). */
export function successorsOf(node: TreeNode): string[] {
  if (node.kind === "question") return node.answers.flatMap((a) => (a.next ? [a.next] : []));
  if (node.kind === "command") return node.next ? [node.next] : [];
  return [];
}

/**
 * Checks one tree: unique ids, known targets, every node reachable from start,
 * no cycles, and every path ending in a leaf. Pure.
 */
export function lintTree(tree: Tree): TreeLintProblem[] {
  const problems: TreeLintProblem[] = [];
  const report = (message: string, node?: string) => problems.push({ tree: tree.id, node, message });
  const byId = new Map<string, TreeNode>();
  for (const node of tree.nodes) {
    if (byId.has(node.id)) report(`duplicate node id "${node.id}"`, node.id);
    byId.set(node.id, node);
  }
  if (!byId.has(tree.start)) report(`start node "${tree.start}" does not exist`);

  for (const node of tree.nodes) {
    if (node.kind === "question") {
      const values = node.answers.map((a) => a.value);
      if (new Set(values).size !== values.length) report("duplicate answer values", node.id);
      for (const answer of node.answers) {
        if (!answer.next) report(`answer "${answer.value}" leads nowhere (every path must end in a leaf)`, node.id);
      }
    }
    if (node.kind === "command" && !node.next) report("command step leads nowhere (every path must end in a leaf)", node.id);
    for (const next of successorsOf(node)) {
      if (!byId.has(next)) report(`next "${next}" does not exist`, node.id);
    }
  }

  // Depth-first walk from start: finds cycles and unreachable nodes.
  const state = new Map<string, "active" | "done">();
  const visit = (id: string, trail: string[]) => {
    const node = byId.get(id);
    if (!node) return;
    if (state.get(id) === "active") {
      report(`cycle: ${[...trail, id].join(" -> ")}`, id);
      return;
    }
    if (state.get(id) === "done") return;
    state.set(id, "active");
    for (const next of successorsOf(node)) visit(next, [...trail, id]);
    state.set(id, "done");
  };
  visit(tree.start, []);
  for (const node of tree.nodes) {
    if (!state.has(node.id)) report("unreachable from start", node.id);
  }
  return problems;
}

/** Lints all trees, including ids that must mean the same node across trees. */
export function lintTrees(trees: Tree[]): TreeLintProblem[] {
  const problems = trees.flatMap(lintTree);
  const seen = new Map<string, { tree: string; json: string }>();
  for (const tree of trees) {
    for (const node of tree.nodes) {
      const json = JSON.stringify(node);
      const earlier = seen.get(node.id);
      if (earlier && earlier.json !== json && node.kind !== "leaf") {
        problems.push({ tree: tree.id, node: node.id, message: `node id also used in tree "${earlier.tree}" with a different definition` });
      }
      if (!earlier) seen.set(node.id, { tree: tree.id, json });
    }
  }
  return problems;
}

/** Every path from start to a leaf, as node-id lists (for tests). */
export function enumeratePaths(tree: Tree): string[][] {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const paths: string[][] = [];
  const walk = (id: string, trail: string[]) => {
    const node = byId.get(id);
    if (!node || trail.includes(id)) return;
    const next = successorsOf(node);
    if (next.length === 0) paths.push([...trail, id]);
    for (const n of new Set(next)) walk(n, [...trail, id]);
  };
  walk(tree.start, []);
  return paths;
}
