// Shapes the browser receives from /api/diagnose and /api/sessions (types only).
export type { Confidence } from "./calibration";
export type { DiagnoseResult, RuledOutCause, WalkedCause } from "./diagnose";
export type { InferredAnswer } from "./inferred-answers";
export type { Lang } from "./language";
export type { SimilarCasesRequest } from "./similar-cases";
export type { NextStep } from "./next-step";
export type { EvidenceItem, RankedCause } from "./rank";
export type { TriageSessionView } from "../sessions/session-schema";
