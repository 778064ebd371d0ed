// The project `dogen new` writes, under `wrangler dev` (local mode,
// 127.0.0.1): the TypeScript caller Worker calls the Rust Durable Object
// over native Workers RPC; every method, a typed error, and persistence
// across a restart. Run by tests/newcomer/run, with PROJECT set.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";

const project = process.env.PROJECT;
const port = Number(process.env.PORT ?? "18830");
const base = `http://127.0.0.1:${port}`;

/** `npm run dev` in the caller, in its own process group; `stop()` ends it all. */
async function dev() {
  const child = spawn("npm", ["run", "dev", "--", "--ip", "127.0.0.1", "--port", String(port)], {
    cwd: join(project, "caller"),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  // The first start builds the object (worker-build --release, dogen entry).
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${base}/`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`wrangler dev did not answer on ${base}:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    log: () => log,
    async stop() {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

let server;

async function call(method, path) {
  const response = await fetch(base + path, { method });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) };
}

before(async () => {
  assert.ok(project, "set PROJECT to the directory `dogen new` wrote");
  server = await dev();
});

after(async () => {
  await server?.stop();
});

test("every method over native RPC, through the TypeScript caller", async () => {
  assert.deepEqual(await call("GET", "/groceries"), { status: 200, body: [] });
  assert.deepEqual(await call("POST", "/groceries/add?title=milk"), {
    status: 200,
    body: { id: 1, title: "milk", done: false },
  });
  assert.deepEqual(await call("POST", "/groceries/add?title=eggs"), {
    status: 200,
    body: { id: 2, title: "eggs", done: false },
  });
  assert.deepEqual(await call("POST", "/groceries/complete?id=2"), {
    status: 200,
    body: { id: 2, title: "eggs", done: true },
  });
  assert.deepEqual(await call("GET", "/groceries"), {
    status: 200,
    body: [
      { id: 1, title: "milk", done: false },
      { id: 2, title: "eggs", done: true },
    ],
  });
});

test("a typed error arrives as a value", async () => {
  assert.deepEqual(await call("POST", "/groceries/complete?id=9"), { status: 404, body: { kind: "NotFound", id: 9 } });
});

test("two lists are two objects", async () => {
  assert.deepEqual((await call("POST", "/chores/add?title=dishes")).body, { id: 1, title: "dishes", done: false });
  assert.equal((await call("GET", "/groceries")).body.length, 2);
});

test("items persist across a restart of wrangler dev", async () => {
  await server.stop();
  server = await dev();
  assert.deepEqual((await call("GET", "/groceries")).body, [
    { id: 1, title: "milk", done: false },
    { id: 2, title: "eggs", done: true },
  ]);
});
