import { causesNamedBy } from "./entry-symptoms";
import type { CaseEntry } from "./parse-entry";
import type { CaseFrontmatter } from "./schema";

/** What a list of cases needs; never carries the body. */
export type CaseSummary = Pick<CaseFrontmatter, "id" | "title" | "titleZh" | "type" | "status" | "rootCause" | "platform" | "layers" | "symptoms"> & {
  causes: string[];
};

export function toCaseSummary({ frontmatter: f }: CaseEntry): CaseSummary {
  return {
    id: f.id,
    title: f.title,
    titleZh: f.titleZh,
    type: f.type,
    status: f.status,
    rootCause: f.rootCause,
    platform: f.platform,
    layers: f.layers,
    symptoms: f.symptoms,
    causes: causesNamedBy(f),
  };
}
