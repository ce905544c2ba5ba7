import type { OutputParser } from "../signal";
import { appErrorsParser } from "./app-errors";
import { cgroupCpuParser } from "./cgroup-cpu";
import { connectToolsParser } from "./connect-tools";
import { conntrackStatsParser } from "./conntrack-stats";
import { curlParser } from "./curl";
import { dnsToolsParser } from "./dns-tools";
import { fdLimitsParser } from "./fd-limits";
import { iptablesParser } from "./iptables";
import { kernelLogParser } from "./kernel-log";
import { netstatCountersParser } from "./netstat-s";
import { nicStatsParser } from "./nic-stats";
import { pathTraceParser } from "./path-trace";
import { proxyLogParser } from "./proxy-log";
import { softnetParser } from "./softnet";
import { ssListenParser } from "./ss-listen";
import { ssSummaryParser } from "./ss-summary";
import { stracePerfParser } from "./strace-perf";
import { sysctlParser } from "./sysctl";
import { tcpStatesParser } from "./tcp-states";
import { tcpdumpParser } from "./tcpdump";

/** Every output parser, by id. Trees name these ids in their command steps. */
export const PARSERS: readonly OutputParser[] = [
  netstatCountersParser,
  ssListenParser,
  ssSummaryParser,
  tcpStatesParser,
  conntrackStatsParser,
  kernelLogParser,
  sysctlParser,
  fdLimitsParser,
  curlParser,
  connectToolsParser,
  dnsToolsParser,
  pathTraceParser,
  nicStatsParser,
  softnetParser,
  iptablesParser,
  tcpdumpParser,
  proxyLogParser,
  stracePerfParser,
  appErrorsParser,
  cgroupCpuParser,
];

export function getParser(id: string): OutputParser | undefined {
  return PARSERS.find((p) => p.id === id);
}
