import { defineParser } from "../line-parser";
import { makeSignal } from "../signal";

const ID = "cgroup-cpu";

/** Throttled in more than this share of CFS periods: the quota, not the network, sets the latency. */
const THROTTLED_SHARE = 0.05;

const COUNTER = /^\s*(nr_periods|nr_throttled)\s+(\d+)\s*$/;

/** cgroup v1 and v2 `cpu.stat`: the share of scheduler periods in which the CPU quota throttled the group. */
export const cgroupCpuParser = defineParser({
  id: ID,
  title: "cgroup cpu.stat (CPU quota throttling)",
  produces: ["cpu-throttled"],
  reads: { words: ["nr_"] },
  reader(source) {
    let periods: number | undefined;
    let throttled: { count: number; line: string; lineNumber: number } | undefined;
    return {
      read(line, lineNumber) {
        const match = COUNTER.exec(line);
        if (!match) return;
        if (match[1] === "nr_periods") periods = Number(match[2]);
        else throttled = { count: Number(match[2]), line, lineNumber };
      },
      finish() {
        if (!periods || !throttled || throttled.count / periods <= THROTTLED_SHARE) return [];
        const share = Math.round((100 * throttled.count) / periods);
        return [
          makeSignal("cpu-throttled", ID, throttled.line, throttled.lineNumber, source, {
            value: share,
            detail: `throttled in ${share}% of CPU periods (${throttled.count} of ${periods}): the container's CPU limit stalls it`,
          }),
        ];
      },
    };
  },
});
