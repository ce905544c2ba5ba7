import { describe, expect, it } from "vitest";

import { extractEvidence } from "@/lib/evidence/extract";
import { appErrorsParser } from "@/lib/evidence/parsers/app-errors";
import { cgroupCpuParser } from "@/lib/evidence/parsers/cgroup-cpu";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const ids = (text: string) => appErrorsParser.parse(text, source).map((s) => s.id);

describe("appErrorsParser", () => {
  it("reads pool exhaustion as applications print it", () => {
    const hikari = [
      "2024-03-25 11:42:17.004 WARN  [http-nio-8080-exec-187] o.h.e.j.s.SqlExceptionHelper : SQL Error: 0, SQLState: null",
      "2024-03-25 11:42:17.004 ERROR [http-nio-8080-exec-187] o.h.e.j.s.SqlExceptionHelper : HikariPool-1 - Connection is not available, request timed out after 30000ms.",
      "2024-03-25 11:42:18.112 ERROR [http-nio-8080-exec-190] HikariPool-1 - Connection is not available, request timed out after 30000ms.",
    ].join("\n");
    const [signal] = appErrorsParser.parse(hikari, source);
    expect(signal).toMatchObject({ id: "app-pool-exhausted", lineNumber: 2, value: 2, parser: "app-errors" });
    expect(ids("sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30")).toEqual(["app-pool-exhausted"]);
    expect(ids("org.apache.http.conn.ConnectionPoolTimeoutException: Timeout waiting for connection from pool")).toEqual(["app-pool-exhausted"]);
    expect(ids("KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full.")).toEqual(["app-pool-exhausted"]);
    expect(ids("connection pool size 50, 12 in use")).toEqual([]);
  });

  it("reads servers reporting their accept queue, backlog, connection limit and memory kills", () => {
    expect(ids('Fri May 13 18:33:02 2022 - *** uWSGI listen queue of socket "127.0.0.1:35381" (fd: 3) full !!! (101/100) ***')).toEqual([
      "listen-queue-full-log",
    ]);
    expect(
      ids(
        "1:M 02 Jan 10:00:00.000 # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.",
      ),
    ).toEqual(["backlog-capped-log"]);
    expect(ids("ERROR 1040 (HY000): Too many connections")).toEqual(["server-connection-limit"]);
    expect(ids("(error) ERR max number of clients reached")).toEqual(["server-connection-limit"]);
    expect(ids("FATAL:  sorry, too many clients already")).toEqual(["server-connection-limit"]);
    expect(ids("      Reason:       OOMKilled\n      Exit Code:    137")).toEqual(["oom-killed"]);
    expect(ids("[12345.678] Out of memory: Killed process 4242 (java) total-vm:8123456kB")).toEqual(["oom-killed"]);
    expect(ids("the listen queue length is 128")).toEqual([]);
  });

  it("reads a service without endpoints and UDP sockets that drop", () => {
    expect(ids("NAME       ENDPOINTS   AGE\nweb-test   <none>      3d")).toEqual(["endpoints-empty"]);
    expect(ids("Endpoints:         <none>")).toEqual(["endpoints-empty"]);
    expect(ids("NAME       ENDPOINTS          AGE\nweb-test   10.2.0.7:8000      3d")).toEqual([]);
    const udp = "52807: 00000000:2711 00000000:0000 07 00000000:00000000 00:00000000 00000000   521        0 441182764 2 ffff883ff2eaea40 134813340";
    expect(ids(udp)).toEqual(["udp-rcvbuf-errors"]);
    expect(ids(udp.replace(/134813340$/, "0"))).toEqual([]);
  });

  it("reads socket errors as Java, Go, Python, Node, Redis, Kafka, PostgreSQL clients and kubelet print them", () => {
    const cases: [string, string][] = [
      ["java.net.SocketException: Too many open files", "too-many-open-files"],
      ["accept tcp [::]:8080: accept4: too many open files; retrying in 1s", "too-many-open-files"],
      ["Error: EMFILE: too many open files, open '/app/x.json'", "too-many-open-files"],
      ["OSError: [Errno 24] Too many open files", "too-many-open-files"],
      ["dial tcp 10.0.0.5:6379: connect: cannot assign requested address", "cannot-assign-address"],
      ["OSError: [Errno 99] Cannot assign requested address", "cannot-assign-address"],
      ["Error: connect EADDRNOTAVAIL 10.30.1.50:443 - Local (0.0.0.0:0)", "cannot-assign-address"],
      ["java.net.BindException: Cannot assign requested address (connect failed)", "cannot-assign-address"],
      ["ConnectionRefusedError: [Errno 111] Connection refused", "conn-refused"],
      ["redis.exceptions.ConnectionError: Error 111 connecting to 10.0.0.7:6379. Connection refused.", "conn-refused"],
      ["dial tcp 10.0.0.5:443: i/o timeout", "conn-timeout"],
      ["java.net.SocketTimeoutException: connect timed out", "conn-timeout"],
      [
        "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.x.com', port=443): Max retries exceeded with url: / (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f>, 'Connection to api.x.com timed out. (connect timeout=10)'))",
        "conn-timeout",
      ],
      ["java.net.SocketException: Connection reset", "conn-reset"],
      ["read tcp 10.0.0.1:45678->10.0.0.2:80: read: connection reset by peer", "conn-reset"],
      ["Error: read ECONNRESET", "conn-reset"],
      ["ConnectionResetError: [Errno 104] Connection reset by peer", "conn-reset"],
      ["write tcp 10.0.0.1:45678->10.0.0.2:80: write: broken pipe", "conn-reset"],
      ["dial tcp: lookup api.internal on 10.96.0.10:53: no such host", "resolve-failed"],
      ["socket.gaierror: [Errno -2] Name or service not known", "resolve-failed"],
      ["socket.gaierror: [Errno -3] Temporary failure in name resolution", "resolve-failed"],
      ["Error: getaddrinfo ENOTFOUND api.example.com", "resolve-failed"],
      ["Error: getaddrinfo EAI_AGAIN api.example.com", "resolve-failed"],
      ["java.net.UnknownHostException: api.example.com: Name or service not known", "resolve-failed"],
      ["dial tcp: lookup api.internal on 10.96.0.10:53: read udp 10.1.2.3:5353->10.96.0.10:53: i/o timeout", "dns-timeout"],
      ["dial tcp 10.0.0.9:80: connect: no route to host", "no-route-to-host"],
      ["java.net.NoRouteToHostException: No route to host (Host unreachable)", "no-route-to-host"],
      ["OSError: [Errno 113] No route to host", "no-route-to-host"],
      ["upstream connect error or disconnect/reset before headers. reset reason: connection termination", "upstream-reset"],
      ["2024/01/01 10:00:00 [error] 12#12: *345 upstream prematurely closed connection while reading response header from upstream", "upstream-reset"],
      ['Readiness probe failed: Get "http://10.1.2.3:8080/health": dial tcp 10.1.2.3:8080: connect: connection refused', "conn-refused"],
      [
        'Liveness probe failed: Get "http://10.1.2.3:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        "probe-failed-log",
      ],
      ["Warning  Unhealthy  2m (x12 over 5m)  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503", "probe-failed-log"],
      [
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure The last packet successfully received from the server was 28,800,123 milliseconds ago.",
        "stale-keepalive-log",
      ],
      [
        "org.apache.kafka.clients.NetworkClient: Connection to node -1 (localhost/127.0.0.1:9092) could not be established. Broker may not be available.",
        "refused-on-loopback",
      ],
      [
        'psql: error: could not connect to server: Connection refused Is the server running on host "localhost" (127.0.0.1) and accepting TCP/IP connections on port 5432?',
        "refused-on-loopback",
      ],
    ];
    const missed = cases.filter(([line, id]) => !extractEvidence({ description: "", outputs: [{ text: line }] }).some((s) => s.id === id));
    expect(missed).toEqual([]);
    expect(ids("the connection pool was reset at midnight by the operator")).toEqual([]);
  });

  it("reads HTTP clients that found a message's framing broken", () => {
    expect(ids("curl: (18) transfer closed with 327 bytes remaining to read")).toEqual(["http-framing-error"]);
    expect(ids("  code: 'HPE_INVALID_CONSTANT',")).toEqual(["http-framing-error"]);
    expect(ids("urllib3.exceptions.ProtocolError: ('Connection broken: IncompleteRead(1721 bytes read, 327 more expected)', ...)")).toEqual([
      "http-framing-error",
    ]);
    expect(ids("curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received")).toEqual([]);
  });

  it("reads a 204 or 304 header block that declares a body", () => {
    const dump = ["HTTP/1.1 304 Not Modified", 'ETag: "a81f-5e1"', "Content-Length: 20", "Connection: Keep-Alive", "", '{"code":0,"data":[]}'].join("\n");
    expect(appErrorsParser.parse(dump, source)).toMatchObject([{ id: "http-204-with-length", lineNumber: 3 }]);
    expect(ids(["HTTP/1.1 304 Not Modified", "Content-Length: 0", ""].join("\n"))).toEqual([]);
    expect(ids(["HTTP/1.1 200 OK", "Content-Length: 20", ""].join("\n"))).toEqual([]);
  });

  it("reads a refused loopback connect and a service the orchestrator does not know", () => {
    expect(ids("[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:26379").sort()).toEqual(["conn-refused", "refused-on-loopback"]);
    expect(ids("Error: connect ECONNREFUSED 10.4.1.11:26379")).toEqual(["conn-refused"]);
    expect(ids('Error from server (NotFound): services "payments-internal" not found')).toEqual(["service-not-found"]);
    expect(ids('Error from server (NotFound): pods "api-0" not found')).toEqual([]);
  });

  it("reads resolver files only root can read, and clients that cannot use their server list", () => {
    expect(ids("-rw-------. 1 root root   92 Mar 29 08:14 /etc/resolv.conf")).toEqual(["system-file-unreadable"]);
    expect(ids("-rw-r--r--. 1 root root   92 Mar 29 08:14 /etc/resolv.conf")).toEqual([]);
    expect(ids("/etc/profile.d/cis.sh:2:umask 077")).toEqual(["system-file-unreadable"]);
    expect(ids("WARN o.a.k.c.ClientUtils - Couldn't resolve server kafka-2.eu-internal:9092 from bootstrap.servers as DNS resolution failed")).toEqual([
      "client-bootstrap-error",
    ]);
  });

  it("reads a tool that runs a wrapper before the real binary (type -a)", () => {
    const [signal] = appErrorsParser.parse(["ping is /usr/local/bin/ping", "ping is /usr/bin/ping"].join("\n"), source);
    expect(signal).toMatchObject({ id: "tool-shadowed", lineNumber: 1 });
    expect(ids(["ping is /usr/bin/ping", "ping is /bin/ping"].join("\n"))).toEqual([]);
    expect(ids(["ls is aliased to `ls --color=auto'", "ls is /usr/bin/ls"].join("\n"))).toEqual(["tool-shadowed"]);
  });

  it("reads a command a script could not find", () => {
    expect(ids("/opt/ops/check_conn.sh: line 9: ss: command not found")).toEqual(["command-not-found"]);
    expect(ids("sh: 1: conntrack: not found")).toEqual(["command-not-found"]);
    expect(ids('exec: "ip": executable file not found in $PATH')).toEqual(["command-not-found"]);
    expect(ids("GET /api/users/42 404 not found")).toEqual([]);
  });
});

describe("cgroupCpuParser", () => {
  const stat = (throttled: number) => ["usage_usec 918221173", "nr_periods 1184021", `nr_throttled ${throttled}`, "throttled_usec 89210481220"].join("\n");

  it("reports a container throttled in a notable share of its CPU periods", () => {
    const [signal] = cgroupCpuParser.parse(stat(412893), source);
    expect(signal).toMatchObject({ id: "cpu-throttled", value: 35, lineNumber: 3 });
    expect(cgroupCpuParser.parse(stat(2000), source)).toEqual([]);
    expect(cgroupCpuParser.parse("nr_throttled 5", source)).toEqual([]);
  });
});
