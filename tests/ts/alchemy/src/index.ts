// The caller: `env.COUNTER` is typed through Alchemy's binding, with the
// methods of the Rust trait.
import { env } from "cloudflare:workers";

import type { CounterError } from "../dogen/index.js";

export default {
  async fetch(): Promise<Response> {
    const counter = env.COUNTER.getByName("a");
    const value: number = await counter.increment(5);
    const outcome = await counter.reset();
    if (!outcome.ok) {
      const error: CounterError = outcome.error;
      return Response.json(error, { status: 409 });
    }
    // @ts-expect-error a string is not an i64
    await counter.increment("five");
    // @ts-expect-error the trait has no `free`
    await counter.free();
    return Response.json(value);
  },
};
