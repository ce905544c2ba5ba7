import { describe, expect, it } from "vitest";

import { proxyLogParser } from "@/lib/evidence/parsers/proxy-log";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 2, command: "tail error.log" };
const parse = (text: string) => proxyLogParser.parse(text, source);
const ids = (text: string) =>
  parse(text)
    .map((s) => s.id)
    .sort();
const find = (text: string, id: string) => parse(text).find((s) => s.id === id);

const nginxError = (message: string) =>
  `2023/05/01 10:00:00 [error] 1234#0: *5678 ${message}, client: 10.0.0.1, server: api.example.com, request: "GET /v1 HTTP/1.1", upstream: "http://10.0.1.5:8080/v1", host: "api.example.com"`;

describe("proxyLogParser", () => {
  it("reads tengine's no-live-upstreams flood and the 502s in its access log (tengine-stale-elb-ips-after-scale-up)", () => {
    const errors = [
      "2017/08/14 13:25:49 [error] 11020#0: *182655034 no live upstreams while connecting to upstream, client: 172.31.1.12, server: apineo.llsapp.com, request: ",
      "2017/08/14 13:25:49 [error] 11016#0: *182650101 no live upstreams while connecting to upstream, client: 172.31.1.12, server: apineo.llsapp.com, request: ",
      "2017/08/14 13:25:49 [error] 11015#0: *182654303 no live upstreams while connecting to upstream, client: 172.31.133.151, server: apineo.llsapp.com, request:",
    ].join("\n");
    expect(ids(errors)).toEqual(["upstream-no-live"]);
    expect(find(errors, "upstream-no-live")).toMatchObject({ lineNumber: 1, value: 3, parser: "proxy-log" });

    const access = [
      '2017-08-14T13:25:49+00:00 172.31.133.151 apineo.llsapp.com "0.000" GET /api/v1/cc/learning_goals/status? HTTP/1.1 502 "neo-cc"',
      '2017-08-14T13:25:49+00:00 172.31.133.151 apineo.llsapp.com "0.000" POST /api/v1/cc/answerup? HTTP/1.1 502 "neo-cc"',
      '2017-08-14T13:25:49+00:00 172.31.1.12 apineo.llsapp.com "0.000" GET /api/v1/cc/mine? HTTP/1.1 502 "neo-cc"',
      '2017-08-14T13:25:50+00:00 172.31.1.12 apineo.llsapp.com "0.012" GET /api/v1/cc/mine? HTTP/1.1 200 "neo-cc"',
    ].join("\n");
    expect(ids(access)).toEqual(["http-502", "http-5xx"]);
    expect(find(access, "http-502")).toMatchObject({ value: 3, lineNumber: 1, detail: "502 Bad Gateway responses in 3 of 4 logged requests" });
  });

  it("reads upstream connect failures by errno", () => {
    expect(ids(nginxError("connect() failed (111: Connection refused) while connecting to upstream"))).toEqual(["upstream-refused"]);
    expect(ids(nginxError("connect() failed (110: Connection timed out) while connecting to upstream"))).toEqual(["upstream-timeout"]);
    expect(ids(nginxError("connect() to unix:/run/php-fpm.sock failed (111: Connection refused) while connecting to upstream"))).toEqual(["upstream-refused"]);
    expect(ids(nginxError("connect() failed (99: Cannot assign requested address) while connecting to upstream"))).toEqual(["cannot-assign-address"]);
    expect(ids(nginxError("socket() failed (24: Too many open files) while connecting to upstream"))).toEqual(["too-many-open-files"]);
  });

  it("reads upstream timeouts with their phase", () => {
    const text = nginxError("upstream timed out (110: Connection timed out) while reading response header from upstream");
    expect(find(text, "upstream-timeout")?.detail).toBe("nginx timed out reading response header from upstream");
    expect(ids(nginxError("upstream timed out (110: Operation timed out) while connecting to upstream"))).toEqual(["upstream-timeout"]);
  });

  it("reads upstream resets and premature closes, but not client resets", () => {
    expect(ids(nginxError("recv() failed (104: Connection reset by peer) while reading response header from upstream"))).toEqual(["upstream-reset"]);
    expect(ids(nginxError("upstream prematurely closed connection while reading response header from upstream"))).toEqual(["upstream-reset"]);
    expect(
      ids("2023/05/01 10:00:00 [info] 1234#0: *5678 recv() failed (104: Connection reset by peer) while reading client request line, client: 10.0.0.1"),
    ).toEqual([]);
  });

  it("reads too many open files on accept", () => {
    expect(ids("2023/05/01 10:00:00 [crit] 1234#0: accept4() failed (24: Too many open files)")).toEqual(["too-many-open-files"]);
  });

  it("reads combined-format access logs", () => {
    const text = [
      '10.0.0.1 - - [01/May/2023:10:00:00 +0800] "GET /v1 HTTP/1.1" 200 512 "-" "curl/7.29.0"',
      '10.0.0.1 - - [01/May/2023:10:00:01 +0800] "GET /v1 HTTP/1.1" 504 167 "-" "curl/7.29.0"',
      '10.0.0.1 - - [01/May/2023:10:00:02 +0800] "POST /v1 HTTP/1.1" 503 167 "-" "curl/7.29.0"',
    ].join("\n");
    expect(ids(text)).toEqual(["http-504", "http-5xx"]);
    expect(find(text, "http-5xx")).toMatchObject({ value: 2, lineNumber: 2 });
    // A 5xx-looking byte count is not a status.
    expect(ids('10.0.0.1 - - [01/May/2023:10:00:00 +0800] "GET /v1 HTTP/1.1" 200 502 "-" "curl/7.29.0"')).toEqual([]);
  });

  it("reads AWS load balancer access logs", () => {
    const classic =
      '2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 502 - 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -';
    expect(ids(classic)).toEqual(["http-502", "http-5xx"]);
    const alb =
      'http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 - -1 -1 -1 503 - 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354"';
    expect(ids(alb)).toEqual(["http-5xx"]);
  });

  it("reads envoy messages and response flags", () => {
    expect(ids("upstream connect error or disconnect/reset before headers. reset reason: connection termination")).toEqual(["upstream-reset"]);
    expect(
      ids(
        "upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: delayed connect error: 111",
      ),
    ).toEqual(["upstream-refused"]);
    expect(ids("no healthy upstream")).toEqual(["upstream-no-live"]);
    const uc = '[2023-05-01T10:00:00.000Z] "GET /v1 HTTP/1.1" 503 UC 0 95 3 - "-" "curl/7.68.0" "8b2f" "api" "10.0.1.5:8080"';
    expect(ids(uc)).toEqual(["http-5xx", "upstream-reset"]);
    const ut = '[2023-05-01T10:00:00.000Z] "GET /v1 HTTP/1.1" 504 UT 0 24 15001 - "-" "curl/7.68.0" "8b2f" "api" "10.0.1.5:8080"';
    expect(ids(ut)).toEqual(["http-504", "http-5xx", "upstream-timeout"]);
    // UF alone does not say whether the connect was refused or timed out.
    const uf = '[2023-05-01T10:00:00.000Z] "GET /v1 HTTP/1.1" 503 UF,URX 0 91 30 - "-" "curl/7.68.0" "8b2f" "api" "10.0.1.5:8080"';
    expect(ids(uf)).toEqual(["http-5xx"]);
  });

  it("reads HAProxy termination states", () => {
    const http = (server: string, status: string, state: string) =>
      `Feb  6 12:14:14 localhost haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in ${server} 10/0/-1/-1/3001 ${status} 212 - - ${state} 1/1/1/1/3 0/0 "GET /index.html HTTP/1.1"`;
    expect(ids(http("static/srv1", "503", "SC--"))).toEqual(["http-5xx", "upstream-refused"]);
    expect(ids(http("static/srv1", "504", "sH--"))).toEqual(["http-504", "http-5xx", "upstream-timeout"]);
    expect(ids(http("static/<NOSRV>", "503", "SC--"))).toEqual(["http-5xx", "upstream-no-live"]);
    expect(ids(http("static/srv1", "200", "----"))).toEqual([]);
    const tcp = "Feb  6 12:12:56 localhost haproxy[14387]: 10.0.0.1:5000 [06/Feb/2009:12:12:51.443] fnt bck/srv1 0/0/5007 503 sC 0/0/0/0/3 0/0";
    expect(ids(tcp)).toEqual(["upstream-timeout"]);
    expect(ids("Feb  6 12:12:56 localhost haproxy[14387]: backend bck has no server available!")).toEqual(["upstream-no-live"]);
  });

  it("emits nothing for other tools' output", () => {
    const curl = ["*   Trying 10.0.0.1...", "> GET / HTTP/1.1", "< HTTP/1.1 502 Bad Gateway", "< Server: nginx"].join("\n");
    const ps = ["UID  PID  PPID  C STIME TTY  TIME CMD", "root   1     0  0 10:00 ?    00:00:02 /sbin/init"].join("\n");
    const dig = [";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1", ";; Query time: 5003 msec"].join("\n");
    const tcpdump = "12:00:00.000300 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [P.], seq 1:78, ack 1, win 502, length 77: HTTP: GET / HTTP/1.1";
    const telnet = "telnet: Unable to connect to remote host: Connection refused";
    for (const other of [curl, ps, dig, tcpdump, telnet]) expect(parse(other)).toEqual([]);
  });

  it("survives junk", () => {
    expect(parse('GET HTTP/1.1 5\n"GET / HTTP/1.1" abc\n0/0/0 x\n\u0000\u0001')).toEqual([]);
  });
});
