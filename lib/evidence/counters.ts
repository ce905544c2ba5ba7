// Cumulative counters seen once or twice in a paste. Shared by the parsers that read counters
// (conntrack -S, ethtool -S, softnet_stat): one reading is "since boot", two readings give a rise.

/** The first and last reading of one cumulative counter, and the line of the last one. */
export type CounterReadings = {
  first: number;
  last: number;
  count: number;
  line: string;
  lineNumber: number;
  /** The last reading was already an increment (plain `nstat` prints changes since its last run). */
  increment?: boolean;
};

/** What a counter shows: its rise between the first and last reading, or its value since boot. */
export type CounterChange = { amount: number; rise: boolean };

/** Records one reading of `key`; the last reading's line is the one a signal quotes. */
export function recordReading(readings: Map<string, CounterReadings>, key: string, value: number, line: string, lineNumber: number, increment = false): void {
  const known = readings.get(key);
  if (!known) {
    readings.set(key, { first: value, last: value, count: 1, line, lineNumber, increment });
    return;
  }
  Object.assign(known, { last: value, count: known.count + 1, line, lineNumber, increment });
}

export function counterChange(readings: CounterReadings): CounterChange {
  if (readings.increment) return { amount: readings.last, rise: true };
  if (readings.count > 1) return { amount: readings.last - readings.first, rise: true };
  return { amount: readings.last, rise: false };
}

/** The signal fields a counter change gives: marked as a since-boot total when it was read only once. */
export const sinceBootOf = (change: CounterChange): { sinceBoot?: true } => (change.rise ? {} : { sinceBoot: true });

/** "ListenOverflows rose by 1204 between the first and last snapshot" or "... is 1204 (cumulative since boot)". */
export function describeChange(name: string, change: CounterChange, increment = false): string {
  if (increment) return `${name} rose by ${change.amount} since the previous nstat run`;
  if (change.rise) return `${name} rose by ${change.amount} between the first and last snapshot`;
  return `${name} is ${change.amount} (cumulative since boot; compare two snapshots to see it rise)`;
}
