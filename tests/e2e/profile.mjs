// Where one Worker's CPU goes during a batch of calls from the benchmark
// (tests/e2e/bench.mjs): runs workerd with its inspector on 127.0.0.1,
// samples the CPU of one service's isolate with the V8 profiler while the
// caller makes N sequential calls of one kind, and prints the functions
// with the most self time (not a test).
//
//   bash tests/e2e/build --release
//   node_modules/.bin/node tests/e2e/profile.mjs rpc counter        # KIND SERVICE [N]
//   node_modules/.bin/node tests/e2e/profile.mjs js jscounter
//   node_modules/.bin/node tests/e2e/profile.mjs hand caller 5000
//
// It needs Node 22 (its global WebSocket): the pinned one in node_modules.
//
// KIND is one of the benchmark's (rpc, fetch, hand, js, jsfetch); SERVICE
// one of workerd.mjs's (caller, counter, jscounter, ...). The whole profile
// is written to tests/e2e/.work/KIND-SERVICE.cpuprofile, which Chrome's
// DevTools open.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { startWorkerd, work } from "./workerd.mjs";

const [kind = "rpc", service = "counter", n = "3000"] = process.argv.slice(2);
if (typeof WebSocket !== "function") {
  console.error(`profile.mjs needs Node 22 or later (this is ${process.version}): node_modules/.bin/node tests/e2e/profile.mjs`);
  process.exit(2);
}
const INSPECTOR_PORT = 18795;

const workerd = await startWorkerd({ inspectorPort: INSPECTOR_PORT });
try {
  await workerd.json(`/bench/${kind}/profile-warm?n=500`);

  const targets = await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json`)).json();
  const target = targets.find((t) => t.webSocketDebuggerUrl.endsWith(`/${service}`));
  if (!target) throw new Error(`no service ${service}: ${targets.map((t) => t.title).join(", ")}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve);
    socket.addEventListener("error", reject);
  });
  const pending = new Map();
  let lastId = 0;
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++lastId;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });

  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 50 });
  await send("Profiler.start");
  const { totalMs } = await workerd.json(`/bench/${kind}/profile?n=${n}&untimed=1`);
  const { result } = await send("Profiler.stop");
  socket.close();

  const profile = result.profile;
  const out = join(work, `${kind}-${service}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let sampled = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url ? ` ${url.split("/").pop()}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"}${where}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    sampled += dt;
  });
  const idle = self.get("(idle)") ?? 0;
  console.log(`${service}, ${n} ${kind} calls: batch ${totalMs} ms; sampled ${(sampled / 1000).toFixed(0)} ms`);
  console.log(`CPU per call, idle excluded: ${((sampled - idle) / 1000 / Number(n)).toFixed(3)} ms`);
  console.log("self ms   share  function");
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${(us / 1000).toFixed(1).padStart(7)}  ${((100 * us) / sampled).toFixed(1).padStart(5)}%  ${key}`);
  }
  console.log(`whole profile: ${out}`);
} finally {
  await workerd.stop();
}
