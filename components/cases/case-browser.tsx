"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import type { CaseSummary } from "@/lib/content/case-summary";
import { CASE_STATUSES, CASE_TYPES, LAYERS, PLATFORMS } from "@/lib/content/schema";

type Option = { value: string; label: string };
type Props = {
  cases: CaseSummary[];
  causes: { id: string; title: string }[];
  symptoms: { id: string; label: string; causes: string[] }[];
};

const FILTER_KEYS = ["symptom", "platform", "layer", "cause", "status", "type"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const plain = (values: readonly string[]): Option[] => values.map((value) => ({ value, label: value }));

export function CaseBrowser({ cases, causes, symptoms }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const selected = (key: FilterKey) => params.get(key) ?? "";

  const options: Record<FilterKey, { label: string; options: Option[] }> = {
    symptom: { label: "Symptom", options: symptoms.map((s) => ({ value: s.id, label: s.label })) },
    platform: { label: "Platform", options: plain(PLATFORMS) },
    layer: { label: "Layer", options: plain(LAYERS) },
    cause: { label: "Root cause", options: causes.map((c) => ({ value: c.id, label: c.title })) },
    status: { label: "Status", options: plain(CASE_STATUSES) },
    type: { label: "Type", options: plain(CASE_TYPES) },
  };

  const symptomCauses = symptoms.find((s) => s.id === selected("symptom"))?.causes;
  const visible = cases.filter(
    (c) =>
      (!symptomCauses || c.causes.some((cause) => symptomCauses.includes(cause))) &&
      (!selected("platform") || c.platform.some((p) => p === selected("platform"))) &&
      (!selected("layer") || c.layers.some((l) => l === selected("layer"))) &&
      (!selected("cause") || c.causes.includes(selected("cause"))) &&
      (!selected("status") || c.status === selected("status")) &&
      (!selected("type") || c.type === selected("type")),
  );

  function setFilter(key: FilterKey, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  const active = FILTER_KEYS.some((key) => selected(key));

  return (
    <div className="case-browser">
      <form className="filters" aria-label="Filter cases" onSubmit={(event) => event.preventDefault()}>
        {FILTER_KEYS.map((key) => (
          <label key={key} className="filter">
            <span>{options[key].label}</span>
            <select name={key} value={selected(key)} onChange={(event) => setFilter(key, event.target.value)}>
              <option value="">All</option>
              {options[key].options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        {active && (
          <button type="button" className="link-button" onClick={() => router.replace(pathname, { scroll: false })}>
            Clear filters
          </button>
        )}
      </form>

      <p className="result-count" aria-live="polite">
        {visible.length} of {cases.length} cases
      </p>
      <ul className="case-list">
        {visible.map((c) => (
          <li key={c.id} className="case-row">
            <Link href={`/cases/${c.id}`} className="case-title">
              {c.title}
            </Link>
            <span className="case-title-zh" lang="zh">
              {c.titleZh}
            </span>
            <span className="badges">
              <span className={`badge badge-${c.type}`}>{c.type}</span>
              {c.status === "unresolved" && <span className="badge badge-unresolved">unresolved</span>}
              {c.platform.map((p) => (
                <span key={p} className="badge">
                  {p}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {visible.length === 0 && <p>No case matches these filters.</p>}
    </div>
  );
}
