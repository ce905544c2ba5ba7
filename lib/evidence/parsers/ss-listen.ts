import { defineParser } from "../line-parser";
import { makeSignal, type Signal } from "../signal";

const ID = "ss-listen";

/**
 * Backlogs of 128 or less are the old kernel default (somaxconn 128): a burst of more than a
 * hundred connections the application has not accepted yet overflows them.
 */
const SMALL_BACKLOG = 128;

/** An address:port column of ss ("0.0.0.0:8080", "[::]:22", "*:ssh", "127.0.0.53%lo:53"). */
const ADDRESS = /^\S*:(?:\d+|\*|[a-z][\w-]*)$/;
const INTEGER = /^\d+$/;

type Listener = { local: string; recvQ: number; backlog: number };

/**
 * A LISTEN row of ss (`ss -lnt`, `ss -tan`, with or without the Netid column). For a listener ss
 * shows the accept queue in Recv-Q and its backlog in Send-Q. netstat rows are not read: netstat
 * prints 0 as Send-Q for listeners, so it says nothing about the backlog.
 */
function listenerOf(line: string): Listener | undefined {
  if (!line.includes("LISTEN")) return undefined;
  const tokens = line.trim().split(/\s+/);
  const start = tokens[0] === "LISTEN" ? 0 : tokens[1] === "LISTEN" && /^tcp6?$/.test(tokens[0]) ? 1 : -1;
  if (start < 0) return undefined;
  const [, recvQ, sendQ, local, peer] = tokens.slice(start);
  if (!INTEGER.test(recvQ ?? "") || !INTEGER.test(sendQ ?? "")) return undefined;
  if (!ADDRESS.test(local ?? "") || !ADDRESS.test(peer ?? "")) return undefined;
  return { local, recvQ: Number(recvQ), backlog: Number(sendQ) };
}

/** Every row read has LISTEN in it, or is a BSD row (below). */

/** FreeBSD and macOS `netstat -Lan`: "0/0/128  *.22" or "tcp4  129/0/128  *.8080" (qlen/incqlen/maxqlen). */
const BSD_LISTEN_QUEUE = /^(?:tcp[46]{0,2}\s+)?(\d+)\/(\d+)\/(\d+)\s+(\S+)\s*$/;

/** BSD_LISTEN_QUEUE on an untrimmed line. */
const BSD_ROW = /^\s*(?:tcp[46]{0,2}\s+)?\d+\/\d+\/\d+\s+\S+\s*$/;

function bsdListenerOf(line: string): Listener | undefined {
  const match = BSD_LISTEN_QUEUE.exec(line.trim());
  return match ? { local: match[4], recvQ: Number(match[1]), backlog: Number(match[3]) } : undefined;
}

export const ssListenParser = defineParser({
  id: ID,
  title: "ss -lnt listeners (and netstat -Lan on FreeBSD and macOS)",
  produces: ["accept-queue-full", "listen-backlog-small"],
  reads: { words: ["listen"], also: (line) => BSD_ROW.test(line) },
  reader(source) {
    const signals: Signal[] = [];
    const full = new Set<string>();
    const small = new Set<string>();
    const read = (line: string, lineNumber: number) => {
      const listener = listenerOf(line) ?? bsdListenerOf(line);
      if (!listener || listener.backlog === 0) return;
      const { local, recvQ, backlog } = listener;
      // The kernel drops once the queue exceeds the backlog; ss shows it pinned at Send-Q or Send-Q + 1.
      if (recvQ >= backlog && !full.has(local)) {
        full.add(local);
        signals.push(
          makeSignal("accept-queue-full", ID, line, lineNumber, source, {
            value: recvQ,
            detail: `accept queue of ${local} holds ${recvQ} connections with a backlog of ${backlog}: it is full`,
          }),
        );
      }
      if (backlog <= SMALL_BACKLOG && !small.has(local)) {
        small.add(local);
        signals.push(
          makeSignal("listen-backlog-small", ID, line, lineNumber, source, {
            value: backlog,
            detail: `listener ${local} has a backlog of ${backlog} (128 or less)`,
          }),
        );
      }
    };
    return { read, finish: () => signals };
  },
});
