import type { RootCauseId } from "../../content/root-cause-ids";
import type { ParserId } from "../parser-ids";
import type { Match } from "../prose";

/** How ticket prose shows a signal: phrase patterns per language, or a finder for what a phrase cannot say. */
export type TextDetection = {
  en?: RegExp;
  zh?: RegExp;
  find?: (sentence: string) => Match | undefined;
};

/**
 * How strongly a signal speaks for (positive) or against (negative) each root cause, as a
 * log-likelihood ratio in nats: about +3 is "this is how the cause shows itself" (seen with it,
 * rarely without), +1.5 is typical of it, +0.7 is compatible, and negative values mean the
 * observation is unlikely under the cause. Built from how each cause shows itself in general.
 */
export type SignalWeights = Partial<Record<RootCauseId, number>>;

/** One kind of evidence, defined once: what it means, how it is detected, what it weighs. */
export type SignalDefinition = {
  meaning: { en: string; zh: string };
  /** Output parsers that emit it. */
  parsers?: readonly ParserId[];
  /** How the ticket's own words show it. */
  text?: TextDetection;
  /** Made by extractEvidence from other signals or from two outputs together. */
  derived?: true;
  /**
   * Near-synonyms (one observation read several ways) share a group; a group counts once, by its
   * member with the largest weight for each cause.
   */
  group?: string;
  weights: SignalWeights;
};

export type SignalDefinitions = Record<string, SignalDefinition>;
