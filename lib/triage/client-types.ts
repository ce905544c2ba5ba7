// Shapes the browser receives from /api/diagnose and /api/sessions (types only).
export type { DiagnoseResult } from "./diagnose";
export type { NextStep } from "./next-step";
export type { EvidenceItem, RankedCause } from "./rank";
export type { TriageSessionView } from "../sessions/session-schema";
