// Alchemy's way to deploy a Worker bound to a Rust Durable Object that
// another Worker (`dogen-counter`) serves: the namespace is typed by the
// interface `dogen ts` wrote (`./dogen/index.js`).
import alchemy from "alchemy";
import { DurableObjectNamespace, Worker } from "alchemy/cloudflare";

import type { Counter } from "./dogen/index.js";

const app = await alchemy("dogen-alchemy");

export const counter = DurableObjectNamespace<Counter>("counter", {
  className: "Counter",
  scriptName: "dogen-counter",
});

export const worker = await Worker("caller", {
  entrypoint: "./src/index.ts",
  bindings: { COUNTER: counter },
});

await app.finalize();
