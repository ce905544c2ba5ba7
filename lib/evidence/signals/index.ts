import type { RootCauseId } from "../../content/root-cause-ids";
import { APP_ERRORS_SIGNALS } from "./app-errors";
import { CAPTURES_SIGNALS } from "./captures";
import { CLIENT_TOOLS_SIGNALS } from "./client-tools";
import { CONNTRACK_SIGNALS } from "./conntrack";
import { COUNTERS_SIGNALS } from "./counters";
import type { SignalDefinition, SignalWeights, TextDetection } from "./define";
import { DERIVED_SIGNALS } from "./derived";
import { DNS_SIGNALS } from "./dns";
import { FILE_DESCRIPTORS_SIGNALS } from "./file-descriptors";
import { FIREWALL_SIGNALS } from "./firewall";
import { KERNEL_LOG_SIGNALS } from "./kernel-log";
import { NIC_SIGNALS } from "./nic";
import { PATHS_SIGNALS } from "./paths";
import { PROCESS_SIGNALS } from "./process";
import { PROXY_SIGNALS } from "./proxy";
import { SOCKET_STATES_SIGNALS } from "./socket-states";
import { SYSCTL_SIGNALS } from "./sysctl";
import { TICKET_TEXT_SIGNALS } from "./ticket-text";

export type { SignalDefinition, SignalWeights, TextDetection } from "./define";

/** Every kind of evidence the engine understands, each defined once. Never reuse an id for a different meaning. */
export const SIGNAL_DEFINITIONS = {
  ...COUNTERS_SIGNALS,
  ...SOCKET_STATES_SIGNALS,
  ...CONNTRACK_SIGNALS,
  ...KERNEL_LOG_SIGNALS,
  ...SYSCTL_SIGNALS,
  ...FILE_DESCRIPTORS_SIGNALS,
  ...CLIENT_TOOLS_SIGNALS,
  ...DNS_SIGNALS,
  ...PATHS_SIGNALS,
  ...NIC_SIGNALS,
  ...FIREWALL_SIGNALS,
  ...CAPTURES_SIGNALS,
  ...PROXY_SIGNALS,
  ...PROCESS_SIGNALS,
  ...TICKET_TEXT_SIGNALS,
  ...APP_ERRORS_SIGNALS,
  ...DERIVED_SIGNALS,
};

export type SignalId = keyof typeof SIGNAL_DEFINITIONS;

export const SIGNAL_IDS = Object.keys(SIGNAL_DEFINITIONS) as SignalId[];

export const isSignalId = (value: string): value is SignalId => Object.hasOwn(SIGNAL_DEFINITIONS, value);

export const definitionOf = (id: SignalId): SignalDefinition => SIGNAL_DEFINITIONS[id];

/** The one accessor for weights: how much `signal` speaks for `cause` (log-likelihood ratio, nats). */
export const weightOf = (signal: SignalId, cause: RootCauseId): number => (definitionOf(signal).weights as SignalWeights)[cause] ?? 0;

/** Every cause a signal weighs, with its weight. */
export const weightsOf = (signal: SignalId): [RootCauseId, number][] => Object.entries(definitionOf(signal).weights) as [RootCauseId, number][];

/** The group a signal counts in: its declared group, or itself. */
export const groupOf = (signal: SignalId): string => definitionOf(signal).group ?? signal;

/** The prose rules, in definition order. */
export const TEXT_RULES: readonly ({ id: SignalId } & TextDetection)[] = SIGNAL_IDS.flatMap((id) => {
  const text = definitionOf(id).text;
  return text ? [{ id, ...text }] : [];
});
