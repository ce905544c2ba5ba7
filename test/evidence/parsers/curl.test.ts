import { describe, expect, it } from "vitest";

import { curlParser } from "@/lib/evidence/parsers/curl";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string) => curlParser.parse(text, source);
const ids = (text: string) =>
  parse(text)
    .map((s) => s.id)
    .sort();
const find = (text: string, id: string) => parse(text).find((s) => s.id === id);

describe("curlParser", () => {
  it("reads a refused address followed by a successful fallback (elb-ip-refused-after-scale-down)", () => {
    const text = [
      "$ curl -v internal-a87dff023241411e7b48102ab8baa063-1424689483.cn-north-1.elb.amazonaws.com.cn/api/v1/cc/mine",
      "*   Trying 172.1.51.93...",
      "* connect to 172.1.51.93 port 80 failed: Connection refused",
      "*   Trying 172.1.57.214...",
      "* Connected to internal-a87dff023241411e7b48102ab8baa063-1424689483.cn-north-1.elb.amazonaws.com.cn (172.1.57.214) port 80 (#0)",
      "> GET /api/v1/cc/mine?appVer=6 HTTP/1.1",
      "< HTTP/1.1 420 CUSTOM",
    ].join("\n");
    expect(ids(text)).toEqual(["conn-refused", "connect-ok"]);
    const refused = find(text, "conn-refused");
    expect(refused?.line).toBe("* connect to 172.1.51.93 port 80 failed: Connection refused");
    expect(refused?.lineNumber).toBe(3);
    expect(refused?.parser).toBe("curl");
  });

  it("recognises a full TLS exchange as connected with no failure (user-cannot-reach-kong-elb)", () => {
    const text = [
      "*   Trying 54.223.53.86...",
      "* TCP_NODELAY set",
      "* Connected to kong-llsapp-lb-1173809350.cn-north-1.elb.amazonaws.com.cn (54.223.53.86) port 443 (#0)",
      "* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256",
      "> GET / HTTP/2",
      "< HTTP/2 404",
      "< content-type: application/json; charset=utf-8",
    ].join("\n");
    expect(ids(text)).toEqual(["connect-ok"]);
  });

  it("maps curl error codes to the failure they report", () => {
    expect(ids("curl: (7) Failed to connect to 10.0.0.5 port 80: Connection refused")).toEqual(["conn-refused"]);
    expect(ids("curl: (7) Failed connect to 10.0.0.5:80; Connection timed out")).toEqual(["conn-timeout"]);
    expect(ids("curl: (28) Connection timed out after 5001 milliseconds")).toEqual(["conn-timeout"]);
    expect(ids("curl: (28) Failed to connect to 10.0.0.5 port 443 after 75003 ms: Timeout was reached")).toEqual(["conn-timeout"]);
    expect(ids("curl: (52) Empty reply from server")).toEqual(["empty-reply"]);
    expect(ids("curl: (56) Recv failure: Connection reset by peer")).toEqual(["conn-reset"]);
    expect(ids("curl: (6) Could not resolve host: api.example.internal")).toEqual(["resolve-failed"]);
    expect(ids("curl: (6) Couldn't resolve host 'api.example.internal'")).toEqual(["resolve-failed"]);
    expect(ids("curl: (28) Resolving timed out after 5000 milliseconds")).toEqual(["resolve-failed"]);
    expect(ids("curl: (7) Failed to connect to 10.0.0.5 port 80: Cannot assign requested address")).toEqual(["cannot-assign-address"]);
    expect(ids("curl: (7) Failed to connect to 10.0.0.5 port 80: No route to host")).toEqual(["no-route-to-host"]);
  });

  it("counts repeated failures on one signal and quotes the first line", () => {
    const text = [
      "* connect to 10.0.0.5 port 80 failed: Connection refused",
      "* Failed to connect to 10.0.0.5 port 80: Connection refused",
      "curl: (7) Failed to connect to 10.0.0.5 port 80: Connection refused",
    ].join("\n");
    const signals = parse(text);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ id: "conn-refused", lineNumber: 1, value: 3 });
  });

  it("does not read an overall timeout as a connect timeout", () => {
    expect(ids("curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received")).toEqual([]);
  });

  it("reports a connection that got no response before the overall timeout as a slow first byte", () => {
    const text = [
      "* Connected to 10.0.0.5 (10.0.0.5) port 8080 (#0)",
      "> GET / HTTP/1.1",
      "* Operation timed out after 30001 milliseconds with 0 bytes received",
    ].join("\n");
    expect(find(text, "slow-first-byte")).toMatchObject({ value: 30.001, lineNumber: 3 });
  });

  it("reports 5xx status lines from -v and -I output", () => {
    const verbose = ["< HTTP/1.1 502 Bad Gateway", "< Server: nginx"].join("\n");
    expect(ids(verbose)).toEqual(["http-502", "http-5xx"]);
    expect(ids("HTTP/2 504\ncontent-type: text/html")).toEqual(["http-504", "http-5xx"]);
    expect(ids("HTTP/1.1 503 Service Unavailable")).toEqual(["http-5xx"]);
    expect(find(verbose, "http-5xx")?.detail).toBe("HTTP 502 response");
  });

  it("flags a 204 or 304 that carries a non-zero Content-Length", () => {
    const text = ["< HTTP/1.1 204 No Content", "< Content-Type: application/json", "< Content-Length: 38", "<"].join("\n");
    expect(find(text, "http-204-with-length")).toMatchObject({ line: "< Content-Length: 38", lineNumber: 3, value: 38 });
    expect(ids(["HTTP/1.1 304 Not Modified", "Content-Length: 0"].join("\n"))).toEqual([]);
    expect(ids(["HTTP/1.1 200 OK", "Content-Length: 38"].join("\n"))).toEqual([]);
    // A new response ends the 204's header block.
    expect(ids(["< HTTP/1.1 204 No Content", "<", "< HTTP/1.1 200 OK", "< Content-Length: 38"].join("\n"))).toEqual([]);
  });

  it("reads the seed's -w '::' timings as a slow first byte (http-204-content-length-hang)", () => {
    const text = [
      `$ curl  -o /dev/null -s -w %{time_namelookup}::%{time_connect}::%{time_starttransfer}::%{time_total}::%{speed_download}"\\n" --data-binary @req.dat https://www.baidu.com`,
      "0.004::0.005::2.013::2.014::1234.000",
    ].join("\n");
    const signal = find(text, "slow-first-byte");
    expect(signal).toMatchObject({ lineNumber: 2, value: 2.008 });
    expect(ids(text)).toEqual(["slow-first-byte"]);
    // Without the command, "::" lines are read in the seed's order.
    expect(ids("0.004::0.005::2.013::2.014")).toEqual(["slow-first-byte"]);
  });

  it("reads key: value timings, including the seed's time_starttransfe spelling", () => {
    const text = [
      "    time_namelookup:  5.012",
      "       time_connect:  5.013",
      "    time_appconnect:  0.000",
      "   time_pretransfer:  5.013",
      "  time_starttransfe:  5.020",
      "                     ----------",
      "         time_total:  5.021",
    ].join("\n");
    expect(ids(text)).toEqual(["slow-name-lookup"]);
    expect(find(text, "slow-name-lookup")).toMatchObject({ lineNumber: 1, value: 5.012 });
  });

  it("measures the connect phase apart from the name lookup", () => {
    const slowConnect = ["time_namelookup: 0.002", "time_connect:  1.015", "time_starttransfer: 1.020", "time_total: 1.021"].join("\n");
    expect(ids(slowConnect)).toEqual(["slow-connect"]);
    expect(find(slowConnect, "slow-connect")?.value).toBeCloseTo(1.013);
  });

  it("does not call a slow first byte slow when the connect phase was just as slow", () => {
    // 0.3 s connect (a far-away server), 1.2 s wait: under ten times the connect phase.
    expect(ids("0.001::0.301::1.501::1.600")).toEqual([]);
  });

  it("keeps the worst of many timing lines from a loop", () => {
    const text = ["0.004::0.005::0.010::0.011", "5.004::5.005::5.010::5.011", "10.004::10.005::10.010::10.011"].join("\n");
    const signal = find(text, "slow-name-lookup");
    expect(signal).toMatchObject({ lineNumber: 3, value: 10.004 });
    expect(signal?.detail).toContain("2 times");
  });

  it("reads -w '%{json}' output", () => {
    const json =
      '{"content_type":"text/html","http_code":504,"num_connects":1,"time_appconnect":0.000000,"time_connect":0.001200,"time_namelookup":0.001000,"time_pretransfer":0.001300,"time_starttransfer":3.002000,"time_total":3.002100}';
    expect(ids(json)).toEqual(["http-504", "http-5xx", "slow-first-byte"].sort());
  });

  it("maps a pasted -w template with http_code", () => {
    const text = [
      "$ while true; do curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' http://10.16.11.131:56789/; sleep 1; done",
      "200 0.003",
      "502 0.004",
      "200 0.003",
    ].join("\n");
    expect(find(text, "http-502")).toMatchObject({ line: "502 0.004", lineNumber: 3 });
  });

  it("emits nothing for other tools' output", () => {
    const dig = [
      "; <<>> DiG 9.16.1 <<>> google.com",
      ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1234",
      ";; Query time: 5003 msec",
      ";; SERVER: 127.0.0.1#53(127.0.0.1)",
    ].join("\n");
    const ps = [
      "UID  PID  PPID  C STIME TTY  TIME CMD",
      "root   1     0  0 10:00 ?    00:00:02 /sbin/init",
      "root 812     1  0 10:00 ?    00:00:00 nginx: master process",
    ].join("\n");
    const telnet = ["Trying 172.1.51.93...", "telnet: Unable to connect to remote host: Connection refused"].join("\n");
    const accessLog = '10.0.0.1 - - [14/Aug/2017:13:25:49 +0800] "GET /api HTTP/1.1" 502 173 "-" "curl/7.29.0"';
    expect(parse(dig)).toEqual([]);
    expect(parse(ps)).toEqual([]);
    expect(parse(telnet)).toEqual([]);
    expect(parse(accessLog)).toEqual([]);
    expect(parse("total: 3.2\nconnect: 1.5")).toEqual([]);
  });

  it("survives junk", () => {
    expect(parse("\u0000\u0001\u0002 garbage ::::: 1.2.3::x\n*\ncurl: (\n< HTTP/1.1 abc")).toEqual([]);
    expect(parse("")).toEqual([]);
  });
});
