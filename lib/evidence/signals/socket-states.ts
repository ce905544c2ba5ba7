import { CLOSE_WAIT, FIN_WAIT2, SYN_RECV, TIME_WAIT, findPileUp, findQueueAtBacklog } from "../prose";
import type { SignalDefinitions } from "./define";

/** Socket state tables (netstat -ant, ss -tan, ss -s, ss -lnt). */
export const SOCKET_STATES_SIGNALS = {
  "many-close-wait": {
    meaning: { en: "many sockets in CLOSE_WAIT", zh: "大量 socket 处于 CLOSE_WAIT" },
    parsers: ["tcp-states"],
    text: { find: (sentence) => findPileUp(sentence, CLOSE_WAIT) },
    weights: { "close-wait-leak": 3, "app-thread-pool-exhaustion": 1.5, "idle-connection-leak": 0.5 },
  },
  "many-fin-wait2": {
    meaning: { en: "many sockets in FIN_WAIT2", zh: "大量 socket 处于 FIN_WAIT2" },
    parsers: ["tcp-states"],
    text: { find: (sentence) => findPileUp(sentence, FIN_WAIT2) },
    weights: { "client-timeout-active-close": 3 },
  },
  "many-time-wait": {
    meaning: { en: "many sockets in TIME_WAIT", zh: "大量 socket 处于 TIME_WAIT" },
    parsers: ["ss-summary", "tcp-states"],
    text: { find: (sentence) => findPileUp(sentence, TIME_WAIT) },
    weights: { "time-wait-port-exhaustion": 2, "client-timeout-active-close": 0.5 },
  },
  "many-syn-recv": {
    meaning: { en: "many sockets in SYN_RECV", zh: "大量 socket 处于 SYN_RECV" },
    parsers: ["ss-summary", "tcp-states"],
    text: { find: (sentence) => findPileUp(sentence, SYN_RECV) },
    weights: { "syn-queue-overflow": 2.5, "tcp-tw-recycle-nat-timestamps": -0.5 },
  },
  "many-syn-sent": {
    meaning: { en: "many sockets in SYN_SENT (connects not answered)", zh: "大量 socket 处于 SYN_SENT（连接请求无响应）" },
    parsers: ["tcp-states"],
    weights: { "firewall-drop": 1, "tcp-tw-recycle-nat-timestamps": 1, "conntrack-table-full": 0.7, "lb-session-conflict": 0.7, "syn-queue-overflow": 0.5 },
  },
  "accept-queue-full": {
    meaning: { en: "a listener's Recv-Q has reached its Send-Q backlog (ss -lnt)", zh: "监听 socket 的 Recv-Q 已达到 Send-Q 的 backlog 上限（ss -lnt）" },
    parsers: ["ss-listen"],
    text: { find: findQueueAtBacklog },
    group: "accept-queue-overflowed",
    weights: { "accept-queue-overflow": 3, "app-thread-pool-exhaustion": 1.5, "close-wait-leak": 0.7 },
  },
  "listen-backlog-small": {
    meaning: { en: "a listener's backlog (ss -lnt Send-Q) is 128 or less", zh: "监听 socket 的 backlog（ss -lnt 的 Send-Q）不超过 128" },
    parsers: ["ss-listen"],
    group: "backlog-small",
    weights: { "accept-queue-overflow": 1 },
  },
} as const satisfies SignalDefinitions;
