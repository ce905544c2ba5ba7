import type { RootCauseId } from "../content/root-cause-ids";
import type { TriageKnowledge } from "./knowledge";
import type { Lang } from "./language";
import type { Tree, TreeNode } from "./tree-schema";

/** A node with its texts (question, help, answer labels, command title and "look for", leaf note) in `lang`. Pure. */
export function localizeNode<N extends TreeNode>(node: N, lang: Lang): N {
  if (lang === "en") return node;
  if (node.kind === "question")
    return {
      ...node,
      text: node.textZh,
      ...(node.helpZh ? { help: node.helpZh } : {}),
      answers: node.answers.map((answer) => ({ ...answer, label: answer.labelZh })),
    };
  if (node.kind === "command") return { ...node, title: node.titleZh, lookFor: node.lookForZh };
  return node.noteZh ? { ...node, note: node.noteZh } : node;
}

/** A tree with its title and every node's texts in `lang`. Pure. */
export function localizeTree(tree: Tree, lang: Lang): Tree {
  return lang === "en" ? tree : { ...tree, title: tree.titleZh, nodes: tree.nodes.map((node) => localizeNode(node, lang)) };
}

const localized = new WeakMap<TriageKnowledge, TriageKnowledge>();

/**
 * The knowledge as a diagnosis in `lang` reads it: cause titles, trees and fixes in that language
 * (English where a cause has no Chinese page yet). Causes keep their order, so ranking is unchanged.
 * Built once per knowledge.
 */
export function knowledgeIn(knowledge: TriageKnowledge, lang: Lang): TriageKnowledge {
  if (lang === "en") return knowledge;
  let zh = localized.get(knowledge);
  if (!zh) {
    const fixes = new Map<RootCauseId, string>([...(knowledge.fixes ?? []), ...(knowledge.fixesZh ?? [])]);
    zh = {
      ...knowledge,
      causes: knowledge.causes.map((cause) => ({ ...cause, title: cause.titleZh ?? cause.title })),
      trees: knowledge.trees.map((tree) => localizeTree(tree, lang)),
      fixes,
    };
    localized.set(knowledge, zh);
  }
  return zh;
}
