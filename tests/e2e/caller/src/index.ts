// The TypeScript Worker of the end-to-end test. It is type-checked with
// `tsc --strict` against the TypeScript dogen generated for the examples
// (their env.d.ts types `env.COUNTER` and `env.LIMITER`), then bundled and
// run in workerd, where it calls the Rust Durable Objects over native RPC
// and over the fetch protocol and reports each value with its runtime shape.
import { env } from "cloudflare:workers";

import { counterClient } from "../../../../examples/counter/ts/client.js";
import type { Counter } from "../../../../examples/counter/ts/index.js";
import type { Limits, Policy } from "../../../../examples/limiter/ts/index.js";
import { faultsClient } from "../../faults/ts/client.js";
import type { Faults } from "../../faults/ts/index.js";
import { recordsClient } from "../../records/ts/client.js";
import type { Item, JsonValue } from "../../records/ts/index.js";

/** What kind of JavaScript value `value` is, as a test can compare it. */
function shape(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") {
    return Object.getPrototypeOf(value) === Object.prototype ? "object" : value.constructor.name;
  }
  return typeof value;
}

const shaped = (value: unknown) => ({ value, shape: shape(value) });

/** The error a call threw, as `{ name, message }` (all that crosses RPC). */
async function thrown(call: () => Promise<unknown>): Promise<{ name: string; message: string } | { returned: unknown }> {
  try {
    return { returned: await call() };
  } catch (error) {
    const e = error as Error;
    return { name: e.name, message: e.message };
  }
}

const T0 = 1_700_000_000_000;

async function counterRoute(name: string, action: string | undefined, url: URL): Promise<Response> {
  const stub: DurableObjectStub<Counter> = env.COUNTER.getByName(name);
  const by = Number(url.searchParams.get("by") ?? "1");
  switch (action) {
    case undefined:
    case "value":
      return Response.json(shaped(await stub.getCounterValue()));
    case "increment":
      return Response.json(shaped(await stub.increment(by)));
    case "decrement":
      return Response.json(shaped(await stub.decrement(by)));
    case "hello":
      return stub.fetch("https://counter/hello");
    case "bad-argument": {
      // What an untyped JavaScript caller could send.
      const untyped = stub as unknown as { increment(...args: unknown[]): Promise<unknown> };
      const error = await thrown(() => untyped.increment("five"));
      const tooMany = await thrown(() => untyped.increment(1, 2));
      return Response.json({ error, tooMany, after: shaped(await stub.increment(1)) });
    }
    case "not-allowed": {
      const untyped = stub as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const call = (method: string, ...args: unknown[]) => thrown(() => untyped[method]!(...args));
      return Response.json({
        free: await call("free"),
        __dogen_call: await call("__dogen_call", "increment", [1]),
        constructor: await call("constructor"),
      });
    }
    case "fetch-client":
      return Response.json(shaped(await counterClient(stub).increment(by)));
    case "raw":
      return Response.json(await rawReplies(stub));
    default:
      return new Response(`unknown counter action ${action}`, { status: 404 });
  }
}

/** One raw request to the object's dogen path: its reply's status, headers and body. */
async function rawReply(stub: Fetcher, init: RequestInit, path = "/__dogen/v1/call/increment") {
  const response = await stub.fetch(`https://counter${path}`, init);
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    allow: response.headers.get("allow"),
    body: (await response.json()) as unknown,
  };
}

/**
 * The fetch protocol's replies seen from outside any client: a call, a
 * GET, a path of another version, and a body whose declared length is over
 * the limit (a stream of fixed length that is never written: the object
 * answers from the header alone).
 */
async function rawReplies(stub: Fetcher) {
  const json = { "content-type": "application/json" };
  const call = await rawReply(stub, { method: "POST", headers: json, body: "[2]" });
  const get = await rawReply(stub, { method: "GET" });
  const otherVersion = await rawReply(stub, { method: "POST", headers: json, body: "[]" }, "/__dogen/v2/call/increment");
  const declared = new FixedLengthStream(16 * 1024 * 1024 + 1);
  const tooLarge = await rawReply(stub, { method: "POST", headers: json, body: declared.readable });
  await declared.writable.abort().catch(() => undefined);
  return { call, get, otherVersion, tooLarge };
}

async function limiterScenario(tenant: string): Promise<Response> {
  const limiter: DurableObjectStub<Limits> = env.LIMITER.getByName(tenant);
  const steps: Array<{ step: string; value?: unknown; shape?: string; error?: unknown }> = [];
  const step = async (name: string, call: () => Promise<unknown>) => {
    steps.push({ step: name, ...shaped(await call()) });
  };
  const first: Policy = { capacity: 3, refillPerSecond: 2, label: "first" };
  await step("notConfigured", () => limiter.acquire("a", 1, T0));
  await step("invalidPolicy", () => limiter.configure({ capacity: 0, refillPerSecond: 1 }));
  await step("configure", () => limiter.configure(first));
  await step("reconfigure", () => limiter.configure({ ...first, label: "second" }));
  // `label: undefined` stands for the key left out, as plain strict
  // TypeScript allows: Rust reads its default.
  const undefinedLabel = { ...first, label: undefined } as unknown as Policy;
  await step("reconfigureUndefinedLabel", () => limiter.configure(undefinedLabel));
  await step("afterUndefinedLabel", () => limiter.configure(first));
  await step("acquireA", () => limiter.acquire("a", 1, T0));
  await step("acquire", () => limiter.acquire("k", 2, T0));
  await step("rateLimited", () => limiter.acquire("k", 2, T0));
  await step("acquireLater", () => limiter.acquire("k", 2, T0 + 500));
  await step("usage", () => limiter.usage("k"));
  await step("usageMissing", () => limiter.usage("nobody"));
  await step("buckets", () => limiter.buckets());
  await step("reset", () => limiter.reset(null));
  await step("history", () => limiter.history(2));
  // A trailing `Option` argument left out is `None`: every event.
  await step("historyAll", () => limiter.history());
  await step("maxSafe", () => limiter.acquire("max", 3, Number.MAX_SAFE_INTEGER));
  await step("maxSafeUsage", () => limiter.usage("max"));
  steps.push({ step: "unsafeArgument", error: await thrown(() => limiter.acquire("x", 1, 2 ** 60)) });
  return Response.json(steps);
}

async function limiterAfterRestart(tenant: string): Promise<Response> {
  const limiter: DurableObjectStub<Limits> = env.LIMITER.getByName(tenant);
  return Response.json([{ step: "buckets", ...shaped(await limiter.buckets()) }]);
}

/** The JavaScript-only counter (tests/e2e/jscounter/worker.js), the benchmark's floor. */
interface JsCounter extends Rpc.DurableObjectBranded {
  increment(amount: number): Promise<number>;
}

declare global {
  namespace Cloudflare {
    interface Env {
      JS_COUNTER: DurableObjectNamespace<JsCounter>;
    }
  }
}

/** `increment(1)` through a hand-written `POST /increment` route of `stub`'s object. */
async function postIncrement(stub: Fetcher): Promise<number> {
  const response = await stub.fetch("https://counter/increment", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ amount: 1 }),
  });
  if (!response.ok) throw new Error(`hand-written route answered ${response.status}`);
  return (await response.json()) as number;
}

/**
 * `n` sequential `increment(1)` calls to the counter `name`, each timed:
 * over native RPC, through the generated fetch client, or through the
 * object's hand-written `POST /increment` route; and, as the floor, the
 * same two ways into the JavaScript-only counter (`js`, `jsfetch`), after
 * `untimed` calls that are not timed. For tests/e2e/bench.mjs.
 */
async function bench(kind: string | undefined, name: string, n: number, untimed: number): Promise<Response> {
  const stub: DurableObjectStub<Counter> = env.COUNTER.getByName(name);
  const client = counterClient(stub);
  const js = env.JS_COUNTER.getByName(name);
  const calls: Record<string, () => Promise<number>> = {
    rpc: () => stub.increment(1),
    fetch: () => client.increment(1),
    hand: () => postIncrement(stub),
    js: () => js.increment(1),
    jsfetch: () => postIncrement(js),
  };
  const call = kind === undefined ? undefined : calls[kind];
  if (call === undefined) return new Response(`unknown benchmark ${kind}`, { status: 404 });
  // Untimed calls first: the first call to an object creates it, which a batch must not count.
  for (let i = 0; i < untimed; i++) await call();
  const times: number[] = [];
  let last = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await call();
    times.push(performance.now() - t);
  }
  return Response.json({ kind, n, totalMs: performance.now() - start, last, times });
}

/** How long `call` took to settle, and how. */
async function timed(call: () => Promise<unknown>): Promise<{ ms: number; outcome: unknown }> {
  const start = Date.now();
  const outcome = await thrown(call);
  return { ms: Date.now() - start, outcome };
}

/**
 * Failures of the object `name`: panics (one, or `n` in a row, each timed),
 * a panic while another call is in flight, a storage failure over RPC and
 * over fetch.
 */
async function faultsRoute(name: string, action: string | undefined, url: URL): Promise<Response> {
  const stub: DurableObjectStub<Faults> = env.FAULTS.getByName(name);
  const n = Number(url.searchParams.get("n") ?? "1");
  switch (action) {
    case "add":
      return Response.json(shaped(await stub.add(Number(url.searchParams.get("by") ?? "1"))));
    case "footprint":
      return Response.json(await stub.footprint());
    case "adds": {
      let last = 0;
      for (let i = 0; i < n; i++) last = await stub.add(1);
      return Response.json({ n, last });
    }
    case "panics": {
      const slowest = { ms: 0, outcome: undefined as unknown };
      const messages = new Set<string>();
      for (let i = 0; i < n; i++) {
        const run = await timed(() => stub.boom(`boom ${i}`));
        const outcome = run.outcome as { name?: string; message?: string };
        if (outcome.message?.startsWith(`\`boom\` panicked: boom ${i} (at `)) messages.add("named");
        else messages.add(JSON.stringify(outcome));
        if (run.ms >= slowest.ms) Object.assign(slowest, run);
      }
      return Response.json({ n, slowest, messages: [...messages] });
    }
    case "panic-while-in-flight": {
      // `slow` on this object and on another one, then a panic on this one.
      const other: DurableObjectStub<Faults> = env.FAULTS.getByName(`${name}-other`);
      const here = timed(() => stub.slow(300));
      const there = timed(() => other.slow(300));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const boom = await timed(() => stub.boom("in flight"));
      const after = await timed(() => stub.add(1));
      return Response.json({ here: await here, there: await there, boom, after });
    }
    case "storage-rpc":
      return Response.json(await timed(() => stub.breakStorage()));
    case "storage-fetch":
      return Response.json(await timed(() => faultsClient(stub).breakStorage()));
    case "non-finite":
      return Response.json({
        rpcResult: await thrown(() => stub.notANumber()),
        fetchResult: await thrown(() => faultsClient(stub).notANumber()),
        rpcArgument: await thrown(() => stub.half(Number.NaN)),
        fetchArgument: await thrown(() => faultsClient(stub).half(Number.NaN)),
        finite: await thrown(() => stub.half(3)),
      });
    case "panic-fetch":
      return Response.json(await timed(() => faultsClient(stub).boom("over fetch")));
    default:
      return new Response(`unknown faults action ${action}`, { status: 404 });
  }
}

/**
 * Other crates' types over both transports: a `Uuid` and a `DateTime<Utc>`
 * are strings, a `serde_json::Value` is JSON, bytes are a `Uint8Array` over
 * RPC and an array of numbers over fetch.
 */
async function recordsRoute(): Promise<Response> {
  const stub = env.RECORDS.getByName("r");
  const data: JsonValue = { name: "dogen", tags: ["a", 1, true, null], nested: { n: 2.5 } };
  const item: Item = {
    id: "67e55044-10b1-426f-9247-bb680e5fe0c8",
    at: "2026-11-30T10:00:00Z",
    data,
    blob: new Uint8Array([1, 2, 255]),
  };
  const rpcEcho = await stub.echo(item);
  // `seen: undefined` stands for the key left out (plain strict TypeScript
  // allows it); Rust reads the default instead of refusing `undefined`.
  const rpcEchoUndefined = await stub.echo({ ...item, seen: undefined } as unknown as Item);
  const rpcNext = await stub.next(item.id, item.at, data, item.blob);
  const client = recordsClient(stub);
  const fetchEcho = await client.echo({ ...item, blob: [1, 2, 255] });
  const fetchNext = await client.next(item.id, item.at, data, [1, 2, 255]);
  const described = (value: Item | { blob: number[] }) => ({ ...value, blob: [...value.blob], blobShape: shape(value.blob) });
  return Response.json({
    rpcEcho: described(rpcEcho),
    rpcEchoUndefined: described(rpcEchoUndefined),
    rpcNext: described(rpcNext),
    fetchEcho: described(fetchEcho),
    fetchNext: described(fetchNext),
  });
}

/** Type-checked, never run: misuse the generated types must reject. */
export async function misuse(stub: DurableObjectStub<Counter>, limiter: DurableObjectStub<Limits>): Promise<void> {
  // @ts-expect-error a string is not an i64
  await stub.increment("five");
  // @ts-expect-error wasm-bindgen's `free` is not part of the interface
  await stub.free();
  // @ts-expect-error `refillPerSecond` is required
  await limiter.configure({ capacity: 1 });
  const result = await limiter.acquire("a", 1, 0);
  // @ts-expect-error `value` exists only once `ok` is checked
  result.value.remaining;
  if (result.ok) {
    const remaining: number = result.value.remaining;
    void remaining;
  } else if (typeof result.error !== "string" && "RateLimited" in result.error) {
    const retry: number = result.error.RateLimited.retry_after_ms;
    void retry;
  }
}

export default {
  async fetch(request: Request, handlerEnv: Env): Promise<Response> {
    // The handler's `env` and `cloudflare:workers`' `env` are the same bindings.
    const same: DurableObjectNamespace<Counter> = handlerEnv.COUNTER;
    void same;
    const url = new URL(request.url);
    const [kind, name, action] = url.pathname.split("/").filter(Boolean);
    if (kind === "ready") return new Response("ready");
    if (kind === "bench") {
      const n = Number(url.searchParams.get("n") ?? "100");
      return bench(name, action ?? "bench", n, Number(url.searchParams.get("untimed") ?? "0"));
    }
    if (kind === "counter" && name) return counterRoute(name, action, url);
    if (kind === "faults" && name) return faultsRoute(name, action, url);
    if (kind === "records") return recordsRoute();
    if (kind === "limiter" && name && action === "scenario") return limiterScenario(name);
    if (kind === "limiter" && name && action === "after-restart") return limiterAfterRestart(name);
    return new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
