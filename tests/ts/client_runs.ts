// Runs the generated fetch client (the `Wallet` case's client.ts) against a
// fake stub that answers each call with a canned reply, and checks what the
// client sends and how it reads every kind of reply. The test bundles this
// file with the generated files (esbuild) and runs it with the pinned node;
// it prints "ok" when every check passed.
import { DogenProtocolError, walletClient, type DogenFetcher } from "./client.js";

type Reply = { status: number; body: string };

const sent: { url: string; method: string; type: string; body: string }[] = [];
let next: Reply = { status: 200, body: "{}" };

const stub: DogenFetcher = {
  async fetch(input, init) {
    sent.push({
      url: input,
      method: init.method ?? "",
      type: new Headers(init.headers).get("content-type") ?? "",
      body: String(init.body),
    });
    return new Response(next.body, { status: next.status });
  },
};

const wallet = walletClient(stub);

function fail(message: string): never {
  throw new Error(message);
}

function same(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
}

async function refused(
  call: () => Promise<unknown>,
  kind: string,
  status: number,
  what: string,
): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof DogenProtocolError)) fail(`${what}: threw ${error}`);
    same(
      [error.name, error.kind, error.status],
      ["DogenProtocolError", kind, status],
      what,
    );
    return;
  }
  fail(`${what}: did not throw`);
}

async function main(): Promise<void> {
  // NaN and infinities are refused before anything is sent (JSON would send null).
  for (const number of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    const before = sent.length;
    await refused(() => wallet.withdraw(number), "bad_arguments", 0, `${number} as an argument`);
    same(sent.length, before, `${number}: nothing was sent`);
  }
  next = { status: 200, body: '{"ok":5}' };
  same(await wallet.balance(), 5, "a value");
  same(
    sent.at(-1),
    {
      url: "https://dogen.internal/__dogen/v1/call/balance",
      method: "POST",
      type: "application/json",
      body: "[]",
    },
    "the request",
  );

  next = { status: 200, body: '{"ok":95}' };
  same(await wallet.withdraw(5), { ok: true, value: 95 }, "a Result's value");
  same(sent.at(-1)?.body, "[5]", "the arguments, as a JSON array");

  next = { status: 200, body: '{"err":{"Insufficient":{"balance":4}}}' };
  same(
    await wallet.withdraw(10),
    { ok: false, error: { Insufficient: { balance: 4 } } },
    "a Result's error",
  );

  next = { status: 200, body: '{"ok":null}' };
  same(await wallet.close(), { ok: true, value: null }, "Result<(), E>");

  next = {
    status: 200,
    body: '{"ok":[1,9007199254740991,-9007199254740991,1.5,1e300]}',
  };
  same(
    await wallet.history(),
    { ok: true, value: [1, 9007199254740991, -9007199254740991, 1.5, 1e300] },
    "safe integers and floats",
  );

  next = { status: 200, body: '{"ok":9007199254740993}' };
  await refused(
    () => wallet.balance(),
    "bad_reply",
    200,
    "an integer JSON.parse would round",
  );
  next = { status: 200, body: '{"ok":[-9007199254740992]}' };
  await refused(() => wallet.history(), "bad_reply", 200, "a negative one");

  next = {
    status: 404,
    body: '{"error":{"kind":"unknown_method","message":"no"}}',
  };
  await refused(
    () => wallet.balance(),
    "unknown_method",
    404,
    "a protocol error",
  );
  next = {
    status: 400,
    body: '{"error":{"kind":"bad_arguments","message":"no"}}',
  };
  await refused(
    () => wallet.withdraw(1),
    "bad_arguments",
    400,
    "bad arguments",
  );

  next = { status: 500, body: "Internal Server Error" };
  await refused(
    () => wallet.balance(),
    "transport",
    500,
    "a body that is not JSON",
  );
  next = { status: 400, body: '{"error":{"kind":"new_kind","message":"no"}}' };
  await refused(
    () => wallet.balance(),
    "transport",
    400,
    "a kind of another version",
  );
  next = { status: 200, body: '{"ok":1,"err":2}' };
  await refused(() => wallet.balance(), "transport", 200, "both ok and err");
  next = { status: 500, body: '{"ok":1}' };
  await refused(
    () => wallet.balance(),
    "transport",
    500,
    "ok with an error status",
  );
  next = { status: 200, body: '{"error":{"kind":"encode","message":"no"}}' };
  await refused(
    () => wallet.balance(),
    "transport",
    200,
    "error with status 200",
  );
  next = { status: 200, body: "[1]" };
  await refused(() => wallet.balance(), "transport", 200, "not an object");
  next = { status: 200, body: '{"err":"Closed"}' };
  await refused(
    () => wallet.balance(),
    "bad_reply",
    200,
    "err for a method without errors",
  );

  console.log("ok");
}

await main();
