import { makeSignal, type Signal } from "./signal";
import type { SignalId } from "./vocabulary";

/** Pairs of observations that mean more together than apart. */
const COMBINATIONS: { when: [SignalId, SignalId]; emit: SignalId; detail: string }[] = [
  { when: ["ping-ok", "dns-timeout"], emit: "reachable-but-port-silent", detail: "the server answers ping, yet DNS queries to it time out" },
  { when: ["dns-tcp-ok", "dns-timeout"], emit: "udp-fails-tcp-works", detail: "DNS over TCP answers while the UDP query times out" },
  { when: ["ping-ok", "no-route-to-host"], emit: "unreachable-but-up", detail: "the host answers ping, yet connects to it fail with 'No route to host': a REJECT rule answers" },
  { when: ["connect-ok", "no-route-to-host"], emit: "unreachable-but-up", detail: "one port connects, another fails with 'No route to host': a REJECT rule answers" },
  { when: ["dns-nxdomain", "text-after-scaling"], emit: "nxdomain-after-change", detail: "a name that resolved before a redeploy or rescheduling now answers NXDOMAIN" },
];

/** Adds the combination signals that two observed signals imply. Pure. */
export function deriveSignals(signals: Signal[]): Signal[] {
  const byId = new Map(signals.map((s) => [s.id, s]));
  return COMBINATIONS.flatMap(({ when: [a, b], emit, detail }) => {
    const first = byId.get(a);
    const second = byId.get(b);
    if (!first || !second || byId.has(emit)) return [];
    return [makeSignal(emit, "derived", `${first.line} | ${second.line}`, second.lineNumber, second.source, { detail })];
  });
}
