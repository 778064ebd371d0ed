// Two crates' generated fetch clients in one bundle (each with its own copy
// of runtime.ts): an error thrown by either client is an instance of both
// copies' `DogenProtocolError`, so a caller can catch them alike. The test
// bundles this file (esbuild) and runs it with the pinned node; it prints
// "ok" when every check passed.
import * as a from "./a/client.js";
import * as b from "./b/client.js";

function fail(message: string): never {
  throw new Error(message);
}

if (a.DogenProtocolError === b.DogenProtocolError) fail("the two copies are one class: the test proves nothing");

/** A stub that answers every call with `status` and `body`. */
const stub = (status: number, body: string): a.DogenFetcher => ({
  fetch: async () => new Response(body, { status }),
});

const internal = JSON.stringify({ error: { kind: "internal", message: "`get` failed: storage" } });
for (const [label, call] of [
  ["a", () => a.walletClient(stub(500, internal)).balance()],
  ["b", () => b.roomClient(stub(500, internal)).recent(1)],
] as const) {
  try {
    await call();
    fail(`${label}: the call did not throw`);
  } catch (error) {
    if (!(error instanceof a.DogenProtocolError)) fail(`${label}: not an instance of a's DogenProtocolError`);
    if (!(error instanceof b.DogenProtocolError)) fail(`${label}: not an instance of b's DogenProtocolError`);
    if (!(error instanceof Error)) fail(`${label}: not an Error`);
    if (error.kind !== "internal" || error.status !== 500) fail(`${label}: ${error.kind} ${error.status}`);
  }
}
if (new Error("plain") instanceof a.DogenProtocolError) fail("any error is a DogenProtocolError");
console.log("ok");
