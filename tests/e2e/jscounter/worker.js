// The counter written in JavaScript alone, no Wasm and no dogen: the floor
// that tests/e2e/bench.mjs compares the Rust counter's calls with. It does
// the same work per `increment` (one storage read, one write, clamped to
// ±(2^53 - 1)), over native RPC and over a `POST /increment` route.
import { DurableObject } from "cloudflare:workers";

const KEY = "value";
const LIMIT = Number.MAX_SAFE_INTEGER;

export class JsCounter extends DurableObject {
  async increment(amount) {
    const value = (await this.ctx.storage.get(KEY)) ?? 0;
    const next = Math.min(LIMIT, Math.max(-LIMIT, value + amount));
    await this.ctx.storage.put(KEY, next);
    return next;
  }

  async fetch(request) {
    if (request.method === "POST" && new URL(request.url).pathname === "/increment") {
      const { amount } = await request.json();
      if (!Number.isSafeInteger(amount)) return new Response('expected {"amount": <integer>}', { status: 400 });
      return Response.json(await this.increment(amount));
    }
    return new Response("Not Found", { status: 404 });
  }
}

export default {
  fetch() {
    return new Response("Not Found", { status: 404 });
  },
};
