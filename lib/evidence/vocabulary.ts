/** The signal vocabulary, derived from the definitions in ./signals (the one place a signal is defined). */
import { SIGNAL_DEFINITIONS, SIGNAL_IDS, type SignalId } from "./signals";

export { isSignalId, SIGNAL_IDS, type SignalId } from "./signals";

/** What each signal means, in English. */
export const SIGNALS = Object.fromEntries(SIGNAL_IDS.map((id) => [id, SIGNAL_DEFINITIONS[id].meaning.en])) as Record<SignalId, string>;
