"use client";

import { Fragment, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

import { CASE_STATUSES, CASE_TYPES, LAYERS, PLATFORMS, REQUIRED_HEADINGS, REQUIRED_HEADINGS_ZH } from "@/lib/content/schema";
import { ApiError, fetchJson } from "@/lib/http/fetch-json";
import { isLocale } from "@/lib/i18n/locales";
import type { CaseFields, LibraryState, ZhVersion } from "@/lib/library/case-fields";
import type { CaseProblem } from "@/lib/library/check-case";
import { problemMessage } from "@/lib/library/problem-messages";
import { useLocalize } from "@/components/i18n/locale-link";
import { useErrorMessage } from "@/components/i18n/use-error-message";
import { renderCasePreview } from "@/app/_server/case-preview";

type Fields = Omit<CaseFields, "id">;
type ListKey = "suspectedCauses" | "ruledOutCauses" | "relatedCauses" | "symptoms" | "errorStrings" | "commands" | "tags" | "aliases" | "related";
const LIST_KEYS: ListKey[] = ["symptoms", "errorStrings", "commands", "aliases", "tags", "suspectedCauses", "ruledOutCauses", "relatedCauses", "related"];

export type EditorCase = { id: string; status: LibraryState; version: number; fields: Fields; body: string; zh: ZhVersion | null; problems: CaseProblem[] };

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

const headingsBody = (headings: readonly string[]) => headings.map((h) => `## ${h}\n\n`).join("");
const BLANK_BODY = headingsBody(REQUIRED_HEADINGS.problem);

/** The Chinese version as edited: symptoms one per line, and the body. */
type ZhDraft = { symptoms: string; body: string };
type BodyProblem = Extract<CaseProblem, { line: number }>;

type CauseChoice = { id: string; title: string };

/** The case editor: fields and MDX body, problems next to the field or line, a live preview, and the review actions. */
export function CaseEditor({ initial, canReview, causes }: { initial?: EditorCase; canReview: boolean; causes: CauseChoice[] }) {
  const router = useRouter();
  const t = useTranslations("editor");
  const enums = useTranslations("enums");
  const locale = useLocale();
  const localize = useLocalize();
  const describe = useErrorMessage();
  const [fields, setFields] = useState<Fields>(initial?.fields ?? BLANK);
  const [body, setBody] = useState(initial?.body ?? BLANK_BODY);
  const [zh, setZh] = useState<ZhDraft | null>(initial?.zh ? { symptoms: initial.zh.symptoms.join("\n"), body: initial.zh.body } : null);
  const [shownVersion, setShownVersion] = useState<"en" | "zh">("en");
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
  const zhBodyRef = useRef<HTMLTextAreaElement>(null);
  // The version and state the last answer gave: the next save or action names them, without waiting for the page to refresh.
  const [saved, setSaved] = useState(
    initial && { version: initial.version, status: initial.status, fields: initial.fields, body: initial.body, zh: initial.zh },
  );
  const id = initial?.id ?? "";

  const current: Fields = { ...fields, ...Object.fromEntries(LIST_KEYS.map((key) => [key, splitLines(lists[key])])) };
  const currentJson = JSON.stringify(current);
  const currentZh: ZhVersion | null = zh && { symptoms: splitLines(zh.symptoms), body: zh.body };
  const currentZhJson = JSON.stringify(currentZh);
  const shown = zh ? shownVersion : "en";

  useEffect(() => {
    const timer = setTimeout(() => {
      startChecking(async () => {
        const result = await renderCasePreview(
          { id: id || "new-case", fields: JSON.parse(currentJson), body, zh: JSON.parse(currentZhJson), show: shown },
          isLocale(locale) ? locale : "en",
        );
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
  }, [id, currentJson, body, currentZhJson, shown, locale]);

  /** A check's message in the editor's language: English pages show the check's own words. */
  const problemText = (text: string): ReactNode => {
    if (locale === "en") return text;
    const named = problemMessage(text);
    if (!named) {
      return (
        <>
          {t("problems.other")} <span lang="en">{text}</span>
        </>
      );
    }
    return (
      <>
        {t(`problems.${named.key}`, named.values)}
        {named.detail && (
          <>
            {" "}
            <code>{named.detail}</code>
          </>
        )}
      </>
    );
  };

  /** What went wrong with a save or a step: a refusal (422) names the failed check, in the editor's language where the catalogues name it. */
  const failure = (e: unknown): string => {
    const [, inZh, line, field, text = ""] = /^(?:(zh\.)?body line (\d+)|([\w.]+)): (.*)$/s.exec(e instanceof Error ? e.message : "") ?? [];
    const named = locale !== "en" && e instanceof ApiError && e.status === 422 ? problemMessage(text) : undefined;
    if (!named) return describe(e);
    const where = line ? t(inZh ? "zhLine" : "line", { line: Number(line) }) : field;
    return t("refused", { where, problem: t(`problems.${named.key}`, named.values) }) + (named.detail ? ` ${named.detail}` : "");
  };

  const problemsAt = (field: string) => [
    ...problems
      .filter((p): p is Extract<CaseProblem, { field: string }> => "field" in p && (p.field === field || p.field.startsWith(`${field}.`)))
      .map((p) => p.message),
    ...(fieldError?.field === field ? [fieldError.error] : []),
  ];
  const bodyProblems = problems.filter((p): p is BodyProblem => "line" in p && p.version === undefined);
  const zhBodyProblems = problems.filter((p): p is BodyProblem => "line" in p && p.version === "zh");

  function goToLine(line: number, version?: "zh") {
    const area = (version === "zh" ? zhBodyRef : bodyRef).current;
    if (!area) return;
    const lines = area.value.split("\n");
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
      setError(failure(e));
    }
  }

  const save = () =>
    run(async () => {
      if (!initial) {
        const created = await fetchJson<{ id: string }>("/api/cases", { method: "POST", body: { ...current, body, zh: currentZh } });
        router.replace(localize(`/library/${created.id}/edit`));
        return;
      }
      const result = await fetchJson<EditorCase>(`/api/cases/${id}`, {
        method: "PUT",
        body: { version: saved?.version, fields: current, body, zh: currentZh },
      });
      setSaved(result);
      setMessage(t("saved", { version: result.version }));
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
      setMessage(t("moved", { state: t(`states.${result.status}`), version: result.version }));
      setComment("");
      router.refresh();
    });

  const setField = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const toggle = (key: "platform" | "layers", value: string) =>
    setFields((f) => ({ ...f, [key]: f[key].includes(value as never) ? f[key].filter((v) => v !== value) : [...f[key], value] }));
  const status = saved?.status ?? "draft";
  const dirty = !saved || currentJson !== JSON.stringify(saved.fields) || body !== saved.body || currentZhJson !== JSON.stringify(saved.zh);
  const problemTotal = problems.length + (fieldError ? 1 : 0);
  const headingsZh = REQUIRED_HEADINGS_ZH[fields.type];

  return (
    <div className="case-editor">
      <form className="panel" aria-label={t("fields")} onSubmit={(event) => event.preventDefault()} noValidate>
        <FieldBox label={t("title")} problems={problemsAt("title")} describe={problemText}>
          <input value={fields.title} onChange={(event) => setField("title", event.target.value)} required />
        </FieldBox>
        <FieldBox label={t("titleZh")} problems={problemsAt("titleZh")} describe={problemText}>
          <input lang="zh" value={fields.titleZh} onChange={(event) => setField("titleZh", event.target.value)} />
        </FieldBox>
        <div className="field-row">
          <FieldBox label={t("type")} problems={problemsAt("type")} describe={problemText}>
            <select value={fields.type} onChange={(event) => setField("type", event.target.value as Fields["type"])}>
              {CASE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {enums(`type.${type}`)}
                </option>
              ))}
            </select>
          </FieldBox>
          <FieldBox label={t("caseStatus")} problems={problemsAt("status")} describe={problemText}>
            <select value={fields.status} onChange={(event) => setField("status", event.target.value as Fields["status"])}>
              {CASE_STATUSES.map((caseStatus) => (
                <option key={caseStatus} value={caseStatus}>
                  {enums(`status.${caseStatus}`)}
                </option>
              ))}
            </select>
          </FieldBox>
          <FieldBox label={t("rootCause")} problems={problemsAt("rootCause")} describe={problemText}>
            <select
              name="rootCause"
              value={fields.rootCause ?? ""}
              onChange={(event) => setField("rootCause", (event.target.value || null) as Fields["rootCause"])}
            >
              <option value="">{t("none")}</option>
              {causes.map((cause) => (
                <option key={cause.id} value={cause.id}>
                  {cause.title}
                </option>
              ))}
            </select>
          </FieldBox>
        </div>
        <CheckGroup
          label={t("platform")}
          values={PLATFORMS.map((value) => ({ value, label: enums(`platform.${value}`) }))}
          chosen={fields.platform}
          onToggle={(v) => toggle("platform", v)}
          problems={problemsAt("platform")}
          describe={problemText}
        />
        <CheckGroup
          label={t("layers")}
          values={LAYERS.map((value) => ({ value, label: enums(`layer.${value}`) }))}
          chosen={fields.layers}
          onToggle={(v) => toggle("layers", v)}
          problems={problemsAt("layers")}
          describe={problemText}
        />
        {LIST_KEYS.map((key) => (
          <FieldBox key={key} label={t(key)} problems={problemsAt(key)} describe={problemText}>
            <textarea rows={3} value={lists[key]} onChange={(event) => setLists((l) => ({ ...l, [key]: event.target.value }))} />
          </FieldBox>
        ))}
        <FieldBox label={t("sourceSection")} problems={problemsAt("source")} describe={problemText}>
          <input
            value={fields.source?.section ?? ""}
            onChange={(event) => setField("source", { file: fields.source?.file ?? "netriage-library", section: event.target.value })}
          />
        </FieldBox>
        <FieldBox label={t("body")} problems={problemsAt("body")} describe={problemText}>
          <textarea
            ref={bodyRef}
            className="mono case-body"
            rows={28}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            onFocus={() => setShownVersion("en")}
            spellCheck={false}
          />
        </FieldBox>
        <p className="card-meta" data-section-headings>
          {t("sections")}{" "}
          {REQUIRED_HEADINGS[fields.type].map((heading, i) => (
            <Fragment key={heading}>
              {i > 0 && " · "}
              <code>## {heading}</code> (<code lang="zh">## {headingsZh[i]}</code>)
            </Fragment>
          ))}
        </p>
        <BodyProblems label={t("bodyProblems")} problems={bodyProblems} lineLabel={(line) => t("line", { line })} describe={problemText} onGo={goToLine} />

        <fieldset className="field zh-version" data-zh-version={zh ? "present" : "absent"}>
          <legend>{t("zhVersion")}</legend>
          {zh ? (
            <>
              <FieldBox label={t("zhSymptoms")} problems={problemsAt("zh.symptoms")} describe={problemText}>
                <textarea
                  lang="zh"
                  rows={3}
                  value={zh.symptoms}
                  onChange={(event) => setZh({ ...zh, symptoms: event.target.value })}
                  onFocus={() => setShownVersion("zh")}
                />
              </FieldBox>
              <FieldBox label={t("zhBody")} problems={problemsAt("zh.body")} describe={problemText}>
                <textarea
                  lang="zh"
                  ref={zhBodyRef}
                  className="mono case-body"
                  rows={28}
                  value={zh.body}
                  onChange={(event) => setZh({ ...zh, body: event.target.value })}
                  onFocus={() => setShownVersion("zh")}
                  spellCheck={false}
                />
              </FieldBox>
              <BodyProblems
                label={t("zhBodyProblems")}
                problems={zhBodyProblems}
                lineLabel={(line) => t("zhLine", { line })}
                describe={problemText}
                onGo={(line) => goToLine(line, "zh")}
              />
              <button type="button" className="button" onClick={() => setZh(null)}>
                {t("zhRemove")}
              </button>
            </>
          ) : (
            <>
              <p className="card-meta">{t("zhNone")}</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setZh({ symptoms: "", body: headingsBody(headingsZh) });
                  setShownVersion("zh");
                }}
              >
                {t("zhAdd")}
              </button>
            </>
          )}
        </fieldset>
      </form>

      <aside className="panel case-preview" aria-label={t("preview")}>
        <p className="eyebrow">
          {t(`states.${status}`)} · {t("preview")}
        </p>
        <p role="status" data-check-state={checking ? "checking" : problemTotal === 0 ? "ok" : "problems"}>
          {checking ? t("checking") : problemTotal === 0 ? t("ready") : t("problemCount", { count: problemTotal })}
        </p>
        {zh && (
          <div className="button-row" role="group" aria-label={t("previewVersion")}>
            {(["en", "zh"] as const).map((version) => (
              <button key={version} type="button" className="button" aria-pressed={shown === version} onClick={() => setShownVersion(version)}>
                {t(`previewVersions.${version}`)}
              </button>
            ))}
          </div>
        )}
        <div data-preview-version={shown}>
          <h1 data-content-snippet>{shown === "zh" ? fields.titleZh : fields.title}</h1>
          {preview}
        </div>
      </aside>

      <section className="panel case-actions" aria-label={t("actions")}>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => void save()} disabled={!dirty && !!initial}>
            {initial ? t("save") : t("create")}
          </button>
          {initial && status === "draft" && (
            <button type="button" className="button" onClick={() => void act("submit")} disabled={dirty}>
              {t("submit")}
            </button>
          )}
          {initial && canReview && status !== "published" && (
            <button type="button" className="button" onClick={() => void act("publish")} disabled={dirty}>
              {t("publish")}
            </button>
          )}
          {initial && canReview && status !== "archived" && (
            <button type="button" className="button" onClick={() => void act("archive")} disabled={dirty}>
              {t("archive")}
            </button>
          )}
        </div>
        {initial && (
          <div className="field-row">
            <label className="field grow">
              <span>{t("reviewComment")}</span>
              <textarea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
            </label>
            <div className="button-row">
              <button type="button" className="button" onClick={() => void act("comment", true)} disabled={!comment.trim()}>
                {t("comment")}
              </button>
              {canReview && status === "in-review" && (
                <button type="button" className="button" onClick={() => void act("request-changes", true)} disabled={!comment.trim()}>
                  {t("requestChanges")}
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
            {t("reload")}
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

type Describe = (message: string) => ReactNode;

/** Problems of a body by line; a click selects the line. */
function BodyProblems({
  label,
  problems,
  lineLabel,
  describe,
  onGo,
}: {
  label: string;
  problems: BodyProblem[];
  lineLabel: (line: number) => string;
  describe: Describe;
  onGo: (line: number) => void;
}) {
  if (problems.length === 0) return null;
  return (
    <section aria-label={label}>
      <ul className="plain-list">
        {problems.map((p) => (
          <li key={`${p.line}:${p.message}`} className="field-error">
            <button type="button" className="button link" onClick={() => onGo(p.line)}>
              {lineLabel(p.line)}
            </button>
            : {describe(p.message)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FieldProblems({ problems, describe }: { problems: string[]; describe: Describe }) {
  return problems.map((problem) => (
    <span key={problem} className="field-error" role="alert">
      {describe(problem)}
    </span>
  ));
}

function FieldBox({ label, problems, describe, children }: { label: string; problems: string[]; describe: Describe; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      <FieldProblems problems={problems} describe={describe} />
    </label>
  );
}

function CheckGroup({
  label,
  values,
  chosen,
  onToggle,
  problems,
  describe,
}: {
  label: string;
  values: { value: string; label: string }[];
  chosen: readonly string[];
  onToggle: (value: string) => void;
  problems: string[];
  describe: Describe;
}) {
  return (
    <fieldset className="field check-group">
      <legend>{label}</legend>
      {values.map(({ value, label: valueLabel }) => (
        <label key={value} className="check">
          <input type="checkbox" checked={chosen.includes(value)} onChange={() => onToggle(value)} /> {valueLabel}
        </label>
      ))}
      <FieldProblems problems={problems} describe={describe} />
    </fieldset>
  );
}
