/** Cases written and published in the app (lib/library); their section names the ticket or session. */
export const IN_APP_SOURCE = "netriage-library";

/**
 * The collections the library's cases were first written up in, named in words. A case's
 * `source.file` names one of them; `source.section` is the heading inside it.
 */
export const SOURCE_COLLECTIONS: Readonly<Record<string, { title: string; titleZh: string }>> = {
  "000_d9709133fe1660b2.txt": { title: "AWS network support cases", titleZh: "AWS 网络类案例" },
  "001_ffbba08da076dbdc.txt": { title: "Go, TCP, Kubernetes and kernel network case notes", titleZh: "网络排障案例笔记" },
  "002_cb25d78bd3a8f1ea.txt": { title: "A container that cannot reach AnyTunnel: a case write-up", titleZh: "容器无法访问 AnyTunnel 案例" },
  "003_e902ee583b4d4856.txt": { title: "Layer-4 load balancer troubleshooting article", titleZh: "负载均衡 4 层 TCP 模式排障" },
  "004_590f59fa6eb686e5.txt": { title: "Hard problems collected from deployments", titleZh: "疑难问题汇总" },
  [IN_APP_SOURCE]: { title: "Cases written by the team in Netriage", titleZh: "团队在 Netriage 中记录的案例" },
};

/** The collection a source file belongs to, or undefined for an unknown file. */
export function sourceCollection(file: string): { title: string; titleZh: string } | undefined {
  return SOURCE_COLLECTIONS[file];
}
