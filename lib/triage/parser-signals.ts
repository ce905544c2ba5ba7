import { PARSERS } from "../evidence/parsers";
import type { SignalId } from "../evidence/vocabulary";

/** Signals each parser can emit, by parser id: what running its command could reveal. */
export const PARSER_SIGNALS: Record<string, readonly SignalId[]> = Object.fromEntries(PARSERS.map((p) => [p.id, p.produces]));
