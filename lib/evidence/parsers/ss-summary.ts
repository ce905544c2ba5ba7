import { defineParser } from "../line-parser";
import { makeSignal, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";
import { stateCountSignal } from "./tcp-states";

const ID = "ss-summary";

/** `ss -s`: "TCP:   31234 (estab 100, closed 30000, orphaned 0, synrecv 0, timewait 30000/0), ports 0". */
const TCP_SUMMARY = /^TCP:\s+(\d+)\s+\(([^()]{1,300})\)/;

/** The counts ss -s shows, by the TCP state they are. "closed" and "orphaned" are not states. */
const SUMMARY_STATES = new Map<string, string>([
  ["timewait", "TIME_WAIT"],
  ["synrecv", "SYN_RECV"],
]);

export const ssSummaryParser = defineParser({
  id: ID,
  title: "ss -s socket summary",
  produces: ["many-time-wait", "many-syn-recv"],
  reads: { words: ["tcp:"] },
  reader(source) {
    // With several snapshots, the largest count of each state is reported.
    const best = new Map<SignalId, Signal>();
    const read = (line: string, lineNumber: number) => {
      const summary = TCP_SUMMARY.exec(line.trim());
      if (!summary) return;
      const total = Number(summary[1]);
      for (const part of summary[2].split(",")) {
        const [name, value] = part.trim().split(/\s+/);
        const state = SUMMARY_STATES.get(name);
        // "timewait 30000/0": the number before the slash is the sockets in TIME_WAIT.
        const count = Number.parseInt(value ?? "", 10);
        if (!state || !Number.isFinite(count)) continue;
        const verdict = stateCountSignal(state, count, total);
        if (!verdict || (best.get(verdict.signal)?.value ?? 0) >= count) continue;
        best.set(
          verdict.signal,
          makeSignal(verdict.signal, ID, line, lineNumber, source, {
            value: count,
            detail: `ss -s counts ${count} TCP sockets in ${state} of ${total} (${verdict.why})`,
          }),
        );
      }
    };
    return { read, finish: () => [...best.values()] };
  },
});
