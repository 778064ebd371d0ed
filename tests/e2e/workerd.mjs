// Runs workerd on 127.0.0.1 with the built examples (see ./build) and the
// TypeScript caller Worker, with Durable Object storage on disk.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const here = import.meta.dirname;
export const work = join(here, ".work");
const workerdBin = resolve(here, "../../node_modules/.bin/workerd");

/**
 * The capnp config: the caller Worker binds the namespaces of the other services; the
 * counter and faults services, Rust Workers of their own, listen on ports of their own.
 */
function config({ callerPort, counterPort, faultsPort, storage }) {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "caller", worker = .caller),
    (name = "counter", worker = .counter),
    (name = "limiter", worker = .limiter),
    (name = "faults", worker = .faults),
    (name = "records", worker = .records),
    (name = "jscounter", worker = .jscounter),
    (name = "storage", disk = (path = ${JSON.stringify(storage)}, writable = true)),
  ],
  sockets = [
    (name = "caller", address = "127.0.0.1:${callerPort}", http = (), service = "caller"),
    (name = "counter", address = "127.0.0.1:${counterPort}", http = (), service = "counter"),
    (name = "faults", address = "127.0.0.1:${faultsPort}", http = (), service = "faults"),
  ],
);

const caller :Workerd.Worker = (
  modules = [ (name = "caller.js", esModule = embed "caller.js") ],
  compatibilityDate = "2026-11-01",
  bindings = [
    (name = "COUNTER", durableObjectNamespace = (className = "Counter", serviceName = "counter")),
    (name = "LIMITER", durableObjectNamespace = (className = "RateLimiter", serviceName = "limiter")),
    (name = "FAULTS", durableObjectNamespace = (className = "Faults", serviceName = "faults")),
    (name = "RECORDS", durableObjectNamespace = (className = "Records", serviceName = "records")),
    (name = "JS_COUNTER", durableObjectNamespace = (className = "JsCounter", serviceName = "jscounter")),
  ],
);

const counter :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "counter/worker.js"),
    (name = "index_bg.wasm", wasm = embed "counter/index_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  bindings = [ (name = "COUNTER", durableObjectNamespace = "Counter") ],
  durableObjectNamespaces = [ (className = "Counter", uniqueKey = "dogen-e2e-counter", enableSql = true) ],
  durableObjectStorage = (localDisk = "storage"),
);

const limiter :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "limiter/worker.js"),
    (name = "index_bg.wasm", wasm = embed "limiter/index_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  bindings = [ (name = "LIMITER", durableObjectNamespace = "RateLimiter") ],
  durableObjectNamespaces = [ (className = "RateLimiter", uniqueKey = "dogen-e2e-limiter", enableSql = true) ],
  durableObjectStorage = (localDisk = "storage"),
);

const faults :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "faults/worker.js"),
    (name = "index_bg.wasm", wasm = embed "faults/index_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  bindings = [ (name = "FAULTS", durableObjectNamespace = "Faults") ],
  durableObjectNamespaces = [ (className = "Faults", uniqueKey = "dogen-e2e-faults", enableSql = true) ],
  durableObjectStorage = (localDisk = "storage"),
);

const records :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "records/worker.js"),
    (name = "index_bg.wasm", wasm = embed "records/index_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
  durableObjectNamespaces = [ (className = "Records", uniqueKey = "dogen-e2e-records", enableSql = true) ],
  durableObjectStorage = (localDisk = "storage"),
);

const jscounter :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "jscounter/worker.js") ],
  compatibilityDate = "2026-11-01",
  durableObjectNamespaces = [ (className = "JsCounter", uniqueKey = "dogen-e2e-jscounter", enableSql = true) ],
  durableObjectStorage = (localDisk = "storage"),
);
`;
}

/**
 * A running workerd; `stop()` ends it. Storage survives a stop. With `inspectorPort`, V8's
 * inspector listens on that port of 127.0.0.1 (one target per service).
 */
export async function startWorkerd({ callerPort = 18790, counterPort = 18791, faultsPort = 18792, inspectorPort } = {}) {
  const storage = join(work, "storage");
  mkdirSync(storage, { recursive: true });
  const configPath = join(work, "config.capnp");
  writeFileSync(configPath, config({ callerPort, counterPort, faultsPort, storage }));
  const inspector = inspectorPort === undefined ? [] : [`--inspector-addr=127.0.0.1:${inspectorPort}`];
  const child = spawn(workerdBin, ["serve", configPath, "--experimental", ...inspector], {
    cwd: work,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const base = `http://127.0.0.1:${callerPort}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`workerd exited ${child.exitCode}:\n${log}`);
    try {
      await fetch(`${base}/ready`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`workerd did not listen on ${base} within 20 s:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    base,
    counterBase: `http://127.0.0.1:${counterPort}`,
    faultsBase: `http://127.0.0.1:${faultsPort}`,
    /** workerd's resident memory, in MiB (Linux). */
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
      return Math.round(kib / 102.4) / 10;
    },
    log: () => log,
    /** `GET path` from the caller Worker, its body read as JSON; an answer other than 2xx throws. */
    async json(path) {
      const response = await fetch(base + path);
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
