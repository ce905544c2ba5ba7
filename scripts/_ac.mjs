import autocannon from "autocannon";
const [url, body] = [process.argv[2], process.argv[3]];
const opts = { url, connections: 50, ...(body ? { method: "POST", body, headers: { "content-type": "application/json" } } : {}) };
await autocannon({ ...opts, duration: 2 });
const r = await autocannon({ ...opts, duration: 10 });
console.log(`req/s ${r.requests.average} p50 ${r.latency.p50} p99 ${r.latency.p99} max ${r.latency.max} errors ${r.errors} non2xx ${r.non2xx}`);
