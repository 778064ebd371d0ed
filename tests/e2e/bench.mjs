// Benchmarks native RPC into a Rust Durable Object against the fetch paths,
// in one workerd run (not a test: numbers, not assertions).
//
//   bash tests/e2e/build --release && node tests/e2e/bench.mjs
//
// Three ways for the TypeScript caller to do `increment(1)` on the counter:
//   rpc    native Workers RPC through the entry module `dogen entry` writes
//   fetch  the generated TypeScript fetch client (dogen's wire format)
//   hand   a hand-written `POST /increment` route of the same object
// and, as the floor, the same counter written in JavaScript alone
// (tests/e2e/jscounter/worker.js), no Wasm and no dogen:
//   js       its `increment` over native Workers RPC
//   jsfetch  its hand-written `POST /increment` route
// Each does the same work in the object (a storage read and write).
//
// Throughput: the caller Worker makes N sequential calls and times the batch
// (workerd's clock ticks in whole milliseconds, too coarse for one call),
// after one untimed call that creates the round's object.
// Latency: Node sends one request per call, each making exactly one call, and
// times it; this includes the Node -> workerd HTTP hop, measured alone as
// `none` (a request that makes no call), so differences are the calls'.
import { startWorkerd } from "./workerd.mjs";

const KINDS = ["rpc", "fetch", "hand", "js", "jsfetch"];
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const BATCH = Number(process.env.BATCH ?? 1000);
const SAMPLES = Number(process.env.SAMPLES ?? 2000);

const workerd = await startWorkerd();
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs) => quantile(xs.slice().sort((a, b) => a - b), 0.5);

try {
  for (const kind of KINDS) await workerd.json(`/bench/${kind}/warm?n=300`);

  const throughput = Object.fromEntries(KINDS.map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Each round on fresh objects, made by an untimed first call, and the kinds in an order that
    // turns by one every round, so that no kind always runs first.
    const order = KINDS.map((_, i) => KINDS[(i + round) % KINDS.length]);
    for (const kind of order) {
      const { totalMs } = await workerd.json(`/bench/${kind}/batch-${round}?n=${BATCH}&untimed=1`);
      throughput[kind].push((BATCH / totalMs) * 1000);
    }
  }

  const latency = Object.fromEntries(["none", ...KINDS].map((k) => [k, []]));
  for (let i = 0; i < SAMPLES; i++) {
    for (const kind of ["none", ...KINDS]) {
      const path = kind === "none" ? "/ready" : `/bench/${kind}/latency?n=1`;
      const t = process.hrtime.bigint();
      const response = await fetch(workerd.base + path);
      await response.arrayBuffer();
      latency[kind].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }

  // Each round's ratio to a baseline's throughput in the same round, so that drift across the
  // run (the machine's other load, workerd warming up) cancels out; the median and the range.
  const paired = (kind, base = "hand") => {
    const ratios = throughput[kind].map((t, round) => t / throughput[base][round]).sort((a, b) => a - b);
    return { ratio: median(ratios), low: ratios[0], high: ratios[ratios.length - 1] };
  };
  const rows = KINDS.map((kind) => {
    const sorted = latency[kind].slice().sort((a, b) => a - b);
    return { kind, callsPerSec: median(throughput[kind]), ...paired(kind), p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
  });
  const none = latency.none.slice().sort((a, b) => a - b);
  console.log(`workerd, one run: ${ROUNDS} rounds x ${BATCH} calls (throughput), ${SAMPLES} timed requests each (latency)`);
  console.log(`HTTP hop alone (none): p50 ${quantile(none, 0.5).toFixed(3)} ms, p99 ${quantile(none, 0.99).toFixed(3)} ms`);
  console.log("kind    calls/s  vs hand (paired by round: median, range)   p50 ms  p99 ms  (latency includes the HTTP hop)");
  for (const r of rows) {
    const range = `(${r.low.toFixed(2)}-${r.high.toFixed(2)})`;
    console.log(
      `${r.kind.padEnd(7)} ${r.callsPerSec.toFixed(0).padStart(7)}  ${r.ratio.toFixed(2).padStart(6)}x ${range.padEnd(32)}  ${r.p50.toFixed(3).padStart(6)}  ${r.p99.toFixed(3).padStart(6)}`,
    );
  }
  // The same calls against the JavaScript-only floor: what Wasm, workers-rs and dogen add.
  console.log("floor: throughput vs the JavaScript-only counter's, paired by round (median, range); p50 ratio");
  const p50 = Object.fromEntries(rows.map((r) => [r.kind, r.p50]));
  for (const [kind, base] of [["rpc", "js"], ["fetch", "jsfetch"], ["hand", "jsfetch"]]) {
    const r = paired(kind, base);
    console.log(
      `floor ${kind} ${base} ${r.ratio.toFixed(2)}x (${r.low.toFixed(2)}-${r.high.toFixed(2)}) ${(p50[kind] / p50[base]).toFixed(2)}x`,
    );
  }
} finally {
  await workerd.stop();
}
