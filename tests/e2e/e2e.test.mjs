// End to end: the Rust Durable Objects of examples/counter and
// examples/limiter, built to wasm32 with their generated entry modules, run
// in a real workerd; a TypeScript Worker (type-checked against the generated
// index.ts/env.d.ts) calls them over native Workers RPC and over the fetch
// protocol, and reports what it got back, with each value's runtime shape.
//
// Build first (tests/run does): bash tests/e2e/build
// Then: node --test tests/e2e/e2e.test.mjs
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";

import { startWorkerd, work } from "./workerd.mjs";

let workerd;

/** How many panicking calls the panic test makes (PANICS=2000 by default). */
const PANICS = Number(process.env.PANICS ?? "2000");

async function get(path, base = workerd.base) {
  const response = await fetch(base + path);
  const text = await response.text();
  assert.equal(response.status, 200, `${path} answered ${response.status}: ${text}\n${workerd.log()}`);
  return text;
}

const json = async (path) => JSON.parse(await get(path));

before(async () => {
  assert.ok(existsSync(join(work, "caller.js")), "run `bash tests/e2e/build` first");
  rmSync(join(work, "storage"), { recursive: true, force: true });
  workerd = await startWorkerd();
});

after(async () => {
  await workerd?.stop();
});

describe("counter over native RPC", () => {
  test("env.COUNTER.getByName(name).increment(5) returns the new value as a number", async () => {
    assert.deepEqual(await json("/counter/a/increment?by=5"), { value: 5, shape: "number" });
    assert.deepEqual(await json("/counter/a/increment?by=2"), { value: 7, shape: "number" });
    assert.deepEqual(await json("/counter/a/decrement?by=3"), { value: 4, shape: "number" });
    assert.deepEqual(await json("/counter/a/value"), { value: 4, shape: "number" });
  });

  test("two names are two independent objects", async () => {
    assert.deepEqual(await json("/counter/b/increment?by=1"), { value: 1, shape: "number" });
    assert.deepEqual(await json("/counter/a/value"), { value: 4, shape: "number" });
  });

  test("a bad argument from untyped JavaScript is a clear error, and the object keeps working", async () => {
    const out = await json("/counter/c/bad-argument");
    assert.equal(out.error.name, "TypeError");
    assert.match(out.error.message, /bad arguments for `increment`: invalid type: string "five", expected i64/);
    assert.equal(out.tooMany.name, "TypeError");
    assert.equal(out.tooMany.message, "bad arguments for `increment`: expected 1 argument, got 2");
    assert.deepEqual(out.after, { value: 1, shape: "number" });
  });

  test("only the interface's methods are callable: not wasm-bindgen's `free`, not `__dogen_call`", async () => {
    const out = await json("/counter/c/not-allowed");
    for (const name of ["free", "__dogen_call", "constructor"]) {
      assert.equal(out[name].name, "TypeError", name);
      assert.match(out[name].message, /does not implement the method|not a function|Illegal constructor/, name);
    }
  });

  test("the object's workers-rs fetch handler still answers", async () => {
    assert.equal(await get("/counter/a/hello"), "hello from a Counter object");
  });
});

describe("counter over the fetch protocol", () => {
  test("the generated TypeScript fetch client reaches the same object", async () => {
    assert.deepEqual(await json("/counter/a/fetch-client/increment?by=10"), { value: 14, shape: "number" });
  });

  test("replies carry their status and headers: a call, a GET, another version, a body declared too large", async () => {
    const out = await json("/counter/raw/raw");
    const envelope = { contentType: "application/json", allow: null };
    assert.deepEqual(out.call, { ...envelope, status: 200, body: { ok: 2 } });
    assert.deepEqual(out.get, {
      status: 405,
      contentType: "application/json",
      allow: "POST",
      body: { error: { kind: "bad_request", message: "dogen calls use POST, not GET" } },
    });
    assert.equal(out.otherVersion.status, 400, JSON.stringify(out.otherVersion));
    assert.equal(out.otherVersion.contentType, "application/json");
    assert.equal(out.otherVersion.body.error.kind, "bad_request");
    assert.deepEqual(out.tooLarge, {
      ...envelope,
      status: 413,
      body: {
        error: {
          kind: "too_large",
          message: "the body of a dogen call is at most 16777216 bytes; this one has 16777217",
        },
      },
    });
  });

  test("the Rust Worker reaches it through the generated Rust client", async () => {
    assert.equal(await get("/a/increment?by=1", workerd.counterBase), "15");
    assert.equal(await get("/a", workerd.counterBase), "15");
  });
});

describe("limiter over native RPC: structs, enums, maps, Option, typed errors, 64-bit values", () => {
  let steps;
  before(async () => {
    steps = Object.fromEntries((await json("/limiter/t1/scenario")).map((s) => [s.step, s]));
  });

  test("a typed application error arrives as { ok: false, error }", () => {
    assert.deepEqual(steps.notConfigured.value, { ok: false, error: "NotConfigured" });
    assert.deepEqual(steps.invalidPolicy.value, {
      ok: false,
      error: { InvalidPolicy: "capacity must be at least 1" },
    });
    assert.deepEqual(steps.rateLimited.value, { ok: false, error: { RateLimited: { retry_after_ms: 500 } } });
  });

  test("Option: None is null, Some is the value", () => {
    assert.deepEqual(steps.configure.value, { ok: true, value: null });
    assert.deepEqual(steps.reconfigure.value.value, { capacity: 3, refillPerSecond: 2, label: "first" });
    // A default field sent as `undefined` is read as left out (the default, None).
    assert.deepEqual(steps.reconfigureUndefinedLabel.value.value, { capacity: 3, refillPerSecond: 2, label: "second" });
    assert.deepEqual(steps.afterUndefinedLabel.value.value, { capacity: 3, refillPerSecond: 2, label: null });
    assert.equal(steps.usageMissing.value, null);
    assert.equal(steps.usageMissing.shape, "null");
  });

  test("structs are plain objects with serde's field names", () => {
    assert.deepEqual(steps.acquire.value, { ok: true, value: { remaining: 1, grantedTotal: 2 } });
    assert.equal(steps.acquire.shape, "object");
    assert.equal(steps.usage.shape, "object");
    assert.deepEqual(steps.usage.value, { tokens: 0, updatedAtMs: 1_700_000_000_500, grantedTotal: 4 });
  });

  test("maps are plain objects keyed by string, in order", () => {
    assert.equal(steps.buckets.shape, "object");
    assert.deepEqual(Object.keys(steps.buckets.value), ["a", "k"]);
    assert.deepEqual(steps.buckets.value.a, { tokens: 2, updatedAtMs: 1_700_000_000_000, grantedTotal: 1 });
  });

  test("internally tagged enums carry their tag", () => {
    assert.equal(steps.history.shape, "array");
    assert.deepEqual(steps.history.value, [
      { type: "granted", key: "k", cost: 2, at_ms: 1_700_000_000_500 },
      { type: "reset", key: null },
    ]);
  });

  test("a trailing Option argument left out is None", () => {
    assert.equal(steps.historyAll.value.length, 5);
    assert.deepEqual(steps.historyAll.value.slice(-2), steps.history.value);
  });

  test("64-bit integers: exact up to 2^53 - 1, an error beyond, never rounded", () => {
    assert.deepEqual(steps.maxSafe.value, { ok: true, value: { remaining: 0, grantedTotal: 3 } });
    assert.equal(steps.maxSafeUsage.value.updatedAtMs, Number.MAX_SAFE_INTEGER);
    assert.equal(steps.unsafeArgument.error.name, "TypeError");
    assert.match(steps.unsafeArgument.error.message, /bad arguments for `acquire`/);
  });

  test("u64 results are numbers", () => {
    assert.deepEqual(steps.reset.value, 2);
    assert.equal(steps.reset.shape, "number");
  });
});

describe("other crates' types over native RPC and fetch", () => {
  test("a Uuid, a DateTime<Utc>, a serde_json::Value and bytes cross both ways, in the forms index.ts declares", async () => {
    const out = await json("/records");
    const data = { name: "dogen", tags: ["a", 1, true, null], nested: { n: 2.5 } };
    const echoed = { id: "67e55044-10b1-426f-9247-bb680e5fe0c8", at: "2026-11-30T10:00:00Z", data, seen: true };
    assert.deepEqual(out.rpcEcho, { ...echoed, blob: [1, 2, 255], blobShape: "Uint8Array" });
    assert.deepEqual(out.rpcEchoUndefined, out.rpcEcho, "a default field sent as undefined is read as left out");
    assert.deepEqual(out.fetchEcho, { ...echoed, blob: [1, 2, 255], blobShape: "array" });
    const next = { ...echoed, at: "2026-12-01T10:00:00Z", data: { wrapped: data }, blob: [255, 2, 1] };
    assert.deepEqual(out.rpcNext, { ...next, blobShape: "Uint8Array" });
    assert.deepEqual(out.fetchNext, { ...next, blobShape: "array" });
  });
});

describe("failures never hang, leak or lie", () => {
  test("a panic rejects its call with the method and the message; the object answers again", async () => {
    const out = await json("/faults/p1/panics?n=1");
    assert.deepEqual(out.messages, ["named"], JSON.stringify(out));
    assert.ok(out.slowest.ms < 1000, `the panic took ${out.slowest.ms} ms to reject`);
    assert.equal(out.slowest.outcome.name, "Error");
    assert.deepEqual(await json("/faults/p1/add?by=2"), { value: 2, shape: "number" });
  });

  test(`${PANICS} panicking calls each reject within a second; then this object and another answer, with flat memory`, async (t) => {
    await json("/faults/p2/add?by=1");
    const before = await json("/faults/p2/footprint");
    const rssBefore = workerd.rssMiB();
    const out = await json(`/faults/p2/panics?n=${PANICS}`);
    // workerd's memory, for the record: old instances go with the garbage
    // collector's own timing, so it is reported, not asserted.
    const rssAfter = workerd.rssMiB();
    await json(`/faults/p2-baseline/adds?n=${PANICS}`);
    t.diagnostic(
      `workerd RSS: ${rssBefore} MiB before ${PANICS} panics, ${rssAfter} MiB after; ` +
        `${workerd.rssMiB()} MiB after ${PANICS} ordinary calls more`,
    );
    assert.deepEqual(out.messages, ["named"], JSON.stringify(out));
    assert.ok(out.slowest.ms < 1000, `the slowest panic took ${out.slowest.ms} ms to reject`);
    // Rust state in memory is lost with the trapped instance: the count starts again.
    assert.deepEqual(await json("/faults/p2/add?by=5"), { value: 5, shape: "number" });
    assert.deepEqual(await json("/faults/p2-elsewhere/add?by=3"), { value: 3, shape: "number" });
    const after = await json("/faults/p2/footprint");
    assert.equal(after.memoryBytes, before.memoryBytes, "the Wasm memory grew");
    assert.equal(after.stackAddress, before.stackAddress, "the shadow stack leaked");
    assert.deepEqual(await json("/counter/after-panics/increment?by=1"), { value: 1, shape: "number" });
  });

  test("calls in flight when another call panics finish with their values", async () => {
    const out = await json("/faults/p3/panic-while-in-flight");
    assert.match(out.boom.outcome.message, /^`boom` panicked: in flight \(at /);
    assert.deepEqual(out.here.outcome, { returned: 300 });
    assert.deepEqual(out.there.outcome, { returned: 300 });
    assert.deepEqual(out.after.outcome, { returned: 1 });
  });

  test("a storage failure rejects the RPC call, naming the method", async () => {
    const out = await json("/faults/s1/storage-rpc");
    assert.equal(out.outcome.name, "Error");
    assert.match(out.outcome.message, /^`breakStorage` failed: /);
  });

  test("NaN is refused the same on both transports, as a result and as an argument", async () => {
    const out = await json("/faults/n1/non-finite");
    const refusal = /NaN cannot be sent: JSON and Workers RPC carry finite numbers only/;
    assert.equal(out.rpcResult.name, "Error");
    assert.match(out.rpcResult.message, refusal);
    assert.equal(out.fetchResult.name, "DogenProtocolError");
    assert.match(out.fetchResult.message, refusal);
    assert.equal(out.rpcArgument.name, "TypeError");
    assert.match(out.rpcArgument.message, /^bad arguments for `half`: /);
    assert.equal(out.fetchArgument.name, "DogenProtocolError");
    assert.match(out.fetchArgument.message, /^bad arguments for `half`: NaN cannot be sent/);
    assert.deepEqual(out.finite, { returned: 1.5 });
  });

  test("over fetch, a storage failure and a panic are the `internal` error", async () => {
    const storage = await json("/faults/s2/storage-fetch");
    assert.equal(storage.outcome.name, "DogenProtocolError");
    assert.match(storage.outcome.message, /^`breakStorage` failed: /);
    const panic = await json("/faults/s2/panic-fetch");
    assert.equal(panic.outcome.name, "DogenProtocolError");
    assert.match(panic.outcome.message, /^`boom` panicked: over fetch \(at /);
    assert.ok(panic.ms < 1000, `the panic took ${panic.ms} ms`);
  });
});

describe("a Rust caller sees each failure as its CallError (the generated client over fetch)", () => {
  // The faults service's own Worker (tests/e2e/faults/src/router.rs) calls
  // its object through FaultsClient and answers how each call ended.
  const rust = async (path) => JSON.parse(await get(path, workerd.faultsBase));

  test("a panic and a storage failure are CallError::Failed, with the method and the message", async () => {
    assert.deepEqual(await rust("/r1/add?by=2"), { returned: 2 });
    const boom = await rust("/r1/boom");
    assert.match(boom.failed, /^`boom` panicked: over the Rust client \(at /, JSON.stringify(boom));
    const storage = await rust("/r1/storage");
    assert.match(storage.failed, /^`breakStorage` failed: .*no such table/, JSON.stringify(storage));
    // The panic reset the object's instance, and the Worker calling it
    // from the same Wasm module still answers.
    assert.deepEqual(await rust("/r1/add?by=3"), { returned: 3 });
  });

  test("protocol errors arrive with their kind: encode, bad arguments, unknown method", async () => {
    const nan = /NaN cannot be sent: JSON and Workers RPC carry finite numbers only/;
    const result = await rust("/r2/nan-result");
    assert.equal(result.protocol?.kind, "Encode", JSON.stringify(result));
    assert.match(result.protocol.message, /^cannot encode the reply of `notANumber`: /);
    assert.match(result.protocol.message, nan);
    const argument = await rust("/r2/nan-argument");
    assert.equal(argument.protocol?.kind, "BadArguments", JSON.stringify(argument));
    assert.match(argument.protocol.message, /^cannot encode the arguments of `half`: /);
    assert.match(argument.protocol.message, nan);
    const unknown = await rust("/r2/unknown-method");
    assert.equal(unknown.protocol?.kind, "UnknownMethod", JSON.stringify(unknown));
    assert.match(unknown.protocol.message, /^unknown method `vanished`; this object has `boom`, `add`, /);
    const bad = await rust("/r2/bad-arguments");
    assert.equal(bad.protocol?.kind, "BadArguments", JSON.stringify(bad));
    assert.match(bad.protocol.message, /^bad arguments for `half`: invalid type: string "x", expected f64/);
    assert.deepEqual(await rust("/r2/add?by=1"), { returned: 1 });
  });

  test("floats read in workerd (through the engine's parseFloat and toString) are serde_json's values and words", async () => {
    const report = await rust("/r3/numbers");
    assert.deepEqual(report.mismatches, [], JSON.stringify(report));
    assert.ok(report.checked > 40_000, `only ${report.checked} texts read`);
  });
});

describe("persistence", () => {
  test("state survives a workerd restart", async () => {
    await workerd.stop();
    workerd = await startWorkerd();
    assert.deepEqual(await json("/counter/a/value"), { value: 15, shape: "number" });
    assert.deepEqual(await json("/counter/b/value"), { value: 1, shape: "number" });
    const steps = Object.fromEntries((await json("/limiter/t1/after-restart")).map((s) => [s.step, s]));
    assert.deepEqual(Object.keys(steps.buckets.value), ["max"]);
  });
});
