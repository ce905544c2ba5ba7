import { ROOT_CAUSE_IDS, type RootCauseId } from "../content/root-cause-ids";
import { eachIndexTerm } from "../search/tokenize";

/**
 * A naive Bayes model over the words, technical tokens and Chinese bigrams of a ticket, trained from
 * labelled texts (the library's cases and cause pages, confirmed tickets). Each document counts a
 * term once (Bernoulli-style presence), so a long paste does not outvote the ticket's own words.
 * Deterministic: the same training texts give the same model.
 */
export type TextModel = {
  causes: RootCauseId[];
  /** Per term, the smoothed log-odds of seeing it in a text of each cause against the other causes. */
  terms: Map<string, Float64Array>;
};

export type LabelledText = { text: string; cause: RootCauseId };

/** Terms seen in fewer training texts than this are left out (noise, ids, hostnames). */
const MIN_DOCUMENTS = 2;
/** A text is read up to this many distinct terms (its first ones: the reporter's own words come first). */
const MAX_TERMS = 600;
/** Additive smoothing of the per-cause presence counts. */
const SMOOTHING = 0.5;

/** Only the first 200,000 characters are read: a ticket's own words come first. */
const MAX_TEXT = 200_000;

/** Distinct terms of a text, in order of first appearance, at most MAX_TERMS. */
export function textTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const term of eachIndexTerm(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text)) {
    if (term.length < 2 || /^\d+$/.test(term)) continue;
    seen.add(term);
    if (seen.size >= MAX_TERMS) break;
  }
  return [...seen];
}

export function trainTextModel(examples: LabelledText[]): TextModel {
  const causes = [...ROOT_CAUSE_IDS];
  const index = new Map(causes.map((c, i) => [c, i]));
  const docsPerCause = new Float64Array(causes.length);
  const presence = new Map<string, Float64Array>();
  for (const { text, cause } of examples) {
    const i = index.get(cause);
    if (i === undefined) continue;
    docsPerCause[i] += 1;
    for (const term of textTerms(text)) {
      let counts = presence.get(term);
      if (!counts) presence.set(term, (counts = new Float64Array(causes.length)));
      counts[i] += 1;
    }
  }
  const totalDocs = docsPerCause.reduce((a, b) => a + b, 0);
  const terms = new Map<string, Float64Array>();
  for (const [term, counts] of presence) {
    // A text counts a term once, so the presence counts add up to the term's document frequency.
    const total = counts.reduce((a, b) => a + b, 0);
    if (total < MIN_DOCUMENTS) continue;
    const odds = new Float64Array(causes.length);
    for (let i = 0; i < causes.length; i++) {
      const inCause = (counts[i] + SMOOTHING) / (docsPerCause[i] + 2 * SMOOTHING);
      const elsewhere = (total - counts[i] + SMOOTHING) / (totalDocs - docsPerCause[i] + 2 * SMOOTHING);
      odds[i] = Math.log(inCause / elsewhere);
    }
    terms.set(term, odds);
  }
  return { causes, terms };
}

export type WordingEvidence = { score: number; terms: string[] };

/**
 * Per cause, how much more the text's known terms fit it than the other causes (their summed
 * log-odds over the square root of their number, so a long text does not turn words into
 * certainty), and the three terms that speak most for it.
 */
export function textModelEvidence(model: TextModel, text: string): Map<RootCauseId, WordingEvidence> {
  const terms = textTerms(text).flatMap((term) => {
    const odds = model.terms.get(term);
    return odds ? [{ term, odds }] : [];
  });
  const scale = terms.length === 0 ? 0 : 1 / Math.sqrt(terms.length);
  return new Map(
    model.causes.map((cause, i) => {
      const score = terms.reduce((sum, t) => sum + t.odds[i], 0) * scale;
      const top = terms
        .filter((t) => t.odds[i] > 0)
        .sort((a, b) => b.odds[i] - a.odds[i])
        .slice(0, 3)
        .map((t) => t.term);
      return [cause, { score, terms: top }];
    }),
  );
}
