"use client";

import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";

import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";
import { CASE_STATUSES, CASE_TYPES, LAYERS, PLATFORMS } from "@/lib/content/schema";
import { ApiError, fetchJson } from "@/lib/http/fetch-json";
import type { CaseFields, LibraryState } from "@/lib/library/case-fields";
import type { CaseProblem } from "@/lib/library/check-case";
import { renderCasePreview } from "@/app/(en)/library/preview-action";

const TEXT = {
  fields: "Fields",
  title: "Title",
  titleZh: "Chinese title",
  type: "Type",
  caseStatus: "Outcome",
  rootCause: "Root cause",
  none: "(none)",
  suspectedCauses: "Suspected causes (one id per line)",
  ruledOutCauses: "Ruled-out causes (one id per line)",
  relatedCauses: "Related causes (one id per line)",
  platform: "Platform",
  layers: "Layers",
  symptoms: "Symptoms (one per line)",
  errorStrings: "Error strings, exact (one per line)",
  commands: "Commands, exact (one per line)",
  tags: "Tags (one per line)",
  aliases: "Aliases, English and Chinese (one per line)",
  sourceSection: "Ticket or section",
  related: "Related case ids (one per line)",
  body: "Body (MDX)",
  bodyProblems: "Problems in the body",
  line: (n: number) => `Line ${n}`,
  preview: "Preview",
  checking: "Checking…",
  ready: "Passes every content check.",
  problemCount: (n: number) => (n === 1 ? "1 problem to fix before publishing." : `${n} problems to fix before publishing.`),
  save: "Save",
  create: "Create draft",
  submit: "Submit for review",
  publish: "Publish",
  requestChanges: "Request changes",
  comment: "Comment",
  archive: "Archive",
  reviewComment: "Review comment",
  saved: (v: number) => `Saved (version ${v}).`,
  stale: "Someone else saved this case since you opened it. Reload to see their version (copy your changes first).",
  reload: "Reload",
  status: { draft: "Draft", "in-review": "In review", published: "Published", archived: "Archived" },
} as const;

type Fields = Omit<CaseFields, "id">;
type ListKey = "suspectedCauses" | "ruledOutCauses" | "relatedCauses" | "symptoms" | "errorStrings" | "commands" | "tags" | "aliases" | "related";
const LIST_KEYS: ListKey[] = ["symptoms", "errorStrings", "commands", "aliases", "tags", "suspectedCauses", "ruledOutCauses", "relatedCauses", "related"];

export type EditorCase = { id: string; status: LibraryState; version: number; fields: Fields; body: string; problems: CaseProblem[] };

const BLANK: Fields = {
  title: "",
  titleZh: "",
  type: "problem",
  status: "resolved",
  rootCause: null,
  suspectedCauses: [],
  ruledOutCauses: [],
  relatedCauses: [],
  platform: [],
  layers: [],
  symptoms: [],
  errorStrings: [],
  commands: [],
  tags: [],
  aliases: [],
  source: { file: "netriage-library", section: "" },
  related: [],
};

const BLANK_BODY = ["Issue", "Environment", "Diagnosis", "Cause", "Resolution", "How to spot it next time"].map((h) => `## ${h}\n\n`).join("");

/** The case editor: fields and MDX body, problems next to the field or line, a live preview, and the review actions. */
export function CaseEditor({ initial, canReview }: { initial?: EditorCase; canReview: boolean }) {
  const router = useRouter();
  const [fields, setFields] = useState<Fields>(initial?.fields ?? BLANK);
  const [body, setBody] = useState(initial?.body ?? BLANK_BODY);
  const [lists, setLists] = useState(
    () => Object.fromEntries(LIST_KEYS.map((key) => [key, (initial?.fields ?? BLANK)[key].join("\n")])) as Record<ListKey, string>,
  );
  const [problems, setProblems] = useState<CaseProblem[]>(initial?.problems ?? []);
  const [fieldError, setFieldError] = useState<{ field?: string; error: string }>();
  const [preview, setPreview] = useState<ReactNode>(null);
  const [checking, startChecking] = useTransition();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [comment, setComment] = useState("");
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // The version and state the last answer gave: the next save or action names them, without waiting for the page to refresh.
  const [saved, setSaved] = useState(initial && { version: initial.version, status: initial.status, fields: initial.fields, body: initial.body });
  const id = initial?.id ?? "";

  const current: Fields = { ...fields, ...Object.fromEntries(LIST_KEYS.map((key) => [key, splitLines(lists[key])])) };
  const currentJson = JSON.stringify(current);

  useEffect(() => {
    const timer = setTimeout(() => {
      startChecking(async () => {
        const result = await renderCasePreview(id || "new-case", JSON.parse(currentJson), body);
        if ("error" in result) {
          setFieldError(result);
          return;
        }
        setFieldError(undefined);
        setProblems(result.problems);
        setPreview(result.preview);
      });
    }, 500);
    return () => clearTimeout(timer);
  }, [id, currentJson, body]);

  const problemsAt = (field: string) => [
    ...problems.filter((p): p is Extract<CaseProblem, { field: string }> => "field" in p && p.field.split(".")[0] === field).map((p) => p.message),
    ...(fieldError?.field === field ? [fieldError.error] : []),
  ];
  const bodyProblems = problems.filter((p): p is Extract<CaseProblem, { line: number }> => "line" in p);

  function goToLine(line: number) {
    const area = bodyRef.current;
    if (!area) return;
    const lines = body.split("\n");
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  async function run(work: () => Promise<void>) {
    setError(undefined);
    setMessage(undefined);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && /saved by someone else/.test(e.message)) setStale(true);
      setError((e as Error).message);
    }
  }

  const save = () =>
    run(async () => {
      if (!initial) {
        const created = await fetchJson<{ id: string }>("/api/cases", { method: "POST", body: { ...current, body } });
        router.replace(`/library/${created.id}/edit`);
        return;
      }
      const result = await fetchJson<EditorCase>(`/api/cases/${id}`, { method: "PUT", body: { version: saved?.version, fields: current, body } });
      setSaved(result);
      setMessage(TEXT.saved(result.version));
      router.refresh();
    });

  const act = (action: string, withComment = false) =>
    run(async () => {
      if (!initial) return;
      const result = await fetchJson<EditorCase>(`/api/cases/${id}/${action}`, {
        method: "POST",
        body: { version: saved?.version, ...(withComment ? { comment } : {}) },
      });
      setSaved(result);
      setMessage(`${TEXT.status[result.status]} (version ${result.version}).`);
      setComment("");
      router.refresh();
    });

  const setField = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const toggle = (key: "platform" | "layers", value: string) =>
    setFields((f) => ({ ...f, [key]: f[key].includes(value as never) ? f[key].filter((v) => v !== value) : [...f[key], value] }));
  const status = saved?.status ?? "draft";
  const dirty = !saved || currentJson !== JSON.stringify(saved.fields) || body !== saved.body;

  return (
    <div className="case-editor">
      <form className="panel" aria-label={TEXT.fields} onSubmit={(event) => event.preventDefault()} noValidate>
        <FieldBox label={TEXT.title} problems={problemsAt("title")}>
          <input value={fields.title} onChange={(event) => setField("title", event.target.value)} required />
        </FieldBox>
        <FieldBox label={TEXT.titleZh} problems={problemsAt("titleZh")}>
          <input lang="zh" value={fields.titleZh} onChange={(event) => setField("titleZh", event.target.value)} />
        </FieldBox>
        <div className="field-row">
          <FieldBox label={TEXT.type} problems={problemsAt("type")}>
            <select value={fields.type} onChange={(event) => setField("type", event.target.value as Fields["type"])}>
              {CASE_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </FieldBox>
          <FieldBox label={TEXT.caseStatus} problems={problemsAt("status")}>
            <select value={fields.status} onChange={(event) => setField("status", event.target.value as Fields["status"])}>
              {CASE_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </FieldBox>
          <FieldBox label={TEXT.rootCause} problems={problemsAt("rootCause")}>
            <select value={fields.rootCause ?? ""} onChange={(event) => setField("rootCause", (event.target.value || null) as Fields["rootCause"])}>
              <option value="">{TEXT.none}</option>
              {ROOT_CAUSE_IDS.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </FieldBox>
        </div>
        <CheckGroup
          label={TEXT.platform}
          values={PLATFORMS}
          chosen={fields.platform}
          onToggle={(v) => toggle("platform", v)}
          problems={problemsAt("platform")}
        />
        <CheckGroup label={TEXT.layers} values={LAYERS} chosen={fields.layers} onToggle={(v) => toggle("layers", v)} problems={problemsAt("layers")} />
        {LIST_KEYS.map((key) => (
          <FieldBox key={key} label={TEXT[key]} problems={problemsAt(key)}>
            <textarea rows={3} value={lists[key]} onChange={(event) => setLists((l) => ({ ...l, [key]: event.target.value }))} />
          </FieldBox>
        ))}
        <FieldBox label={TEXT.sourceSection} problems={problemsAt("source")}>
          <input
            value={fields.source?.section ?? ""}
            onChange={(event) => setField("source", { file: fields.source?.file ?? "netriage-library", section: event.target.value })}
          />
        </FieldBox>
        <FieldBox label={TEXT.body} problems={[]}>
          <textarea ref={bodyRef} className="mono case-body" rows={28} value={body} onChange={(event) => setBody(event.target.value)} spellCheck={false} />
        </FieldBox>
        {bodyProblems.length > 0 && (
          <section aria-label={TEXT.bodyProblems}>
            <ul className="plain-list">
              {bodyProblems.map((p) => (
                <li key={`${p.line}:${p.message}`} className="field-error">
                  <button type="button" className="button link" onClick={() => goToLine(p.line)}>
                    {TEXT.line(p.line)}
                  </button>
                  : {p.message}
                </li>
              ))}
            </ul>
          </section>
        )}
      </form>

      <aside className="panel case-preview" aria-label={TEXT.preview}>
        <p className="eyebrow">
          {TEXT.status[status]} · {TEXT.preview}
        </p>
        <p role="status" data-check-state={checking ? "checking" : problems.length === 0 && !fieldError ? "ok" : "problems"}>
          {checking ? TEXT.checking : problems.length === 0 && !fieldError ? TEXT.ready : TEXT.problemCount(problems.length + (fieldError ? 1 : 0))}
        </p>
        <h1>{fields.title}</h1>
        {preview}
      </aside>

      <section className="panel case-actions" aria-label="Actions">
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => void save()} disabled={!dirty && !!initial}>
            {initial ? TEXT.save : TEXT.create}
          </button>
          {initial && status === "draft" && (
            <button type="button" className="button" onClick={() => void act("submit")} disabled={dirty}>
              {TEXT.submit}
            </button>
          )}
          {initial && canReview && status !== "published" && (
            <button type="button" className="button" onClick={() => void act("publish")} disabled={dirty}>
              {TEXT.publish}
            </button>
          )}
          {initial && canReview && status !== "archived" && (
            <button type="button" className="button" onClick={() => void act("archive")} disabled={dirty}>
              {TEXT.archive}
            </button>
          )}
        </div>
        {initial && (
          <div className="field-row">
            <label className="field grow">
              <span>{TEXT.reviewComment}</span>
              <textarea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
            </label>
            <div className="button-row">
              <button type="button" className="button" onClick={() => void act("comment", true)} disabled={!comment.trim()}>
                {TEXT.comment}
              </button>
              {canReview && status === "in-review" && (
                <button type="button" className="button" onClick={() => void act("request-changes", true)} disabled={!comment.trim()}>
                  {TEXT.requestChanges}
                </button>
              )}
            </div>
          </div>
        )}
        {message && <p role="status">{message}</p>}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {stale && (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {TEXT.reload}
          </button>
        )}
      </section>
    </div>
  );
}

function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

function FieldBox({ label, problems, children }: { label: string; problems: string[]; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      {problems.map((problem) => (
        <span key={problem} className="field-error" role="alert">
          {problem}
        </span>
      ))}
    </label>
  );
}

function CheckGroup({
  label,
  values,
  chosen,
  onToggle,
  problems,
}: {
  label: string;
  values: readonly string[];
  chosen: readonly string[];
  onToggle: (value: string) => void;
  problems: string[];
}) {
  return (
    <fieldset className="field check-group">
      <legend>{label}</legend>
      {values.map((value) => (
        <label key={value} className="check">
          <input type="checkbox" checked={chosen.includes(value)} onChange={() => onToggle(value)} /> {value}
        </label>
      ))}
      {problems.map((problem) => (
        <span key={problem} className="field-error" role="alert">
          {problem}
        </span>
      ))}
    </fieldset>
  );
}
