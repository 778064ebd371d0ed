import { viaHandlerEnv } from "../caller";

// The class of the Durable Object is the Rust object, exported by the
// entry module of the wasm build; src/counter.d.ts gives it the type that
// `dogen ts` generated, so `wrangler types` sees that type too.
export { Counter } from "./counter";

export default {
  fetch(request, env) {
    return viaHandlerEnv(request, env);
  },
} satisfies ExportedHandler<Env>;
