// Shared by the wrangler fixtures: a Worker reaching the Rust counter both
// through `import { env } from "cloudflare:workers"` and through the fetch
// handler's `env` argument, with the runtime types of `wrangler types`.
// The test copies it into each fixture, next to the generated `dogen/`.
import { env } from "cloudflare:workers";
import { counterClient, DogenProtocolError } from "./dogen/client.js";
import type { CounterError } from "./dogen/index.js";

/** Through the module-level `env` (`Cloudflare.Env`). */
export async function viaImportedEnv(name: string): Promise<number> {
  const counter = env.COUNTER.getByName(name);
  const value: number = await counter.increment(5);
  const reset = await counter.reset();
  const error: CounterError | null = reset.ok ? null : reset.error;
  // @ts-expect-error `increment` takes a number
  await counter.increment("5");
  // @ts-expect-error the counter has no `decrement`
  await counter.decrement(1);
  // @ts-expect-error read `error` only after checking `ok`
  reset.error;
  return value + (error === null ? 0 : error.Frozen.since);
}

/** Through the `env` a fetch handler is given (the global `Env`). */
export async function viaHandlerEnv(
  request: Request,
  env: Env,
): Promise<Response> {
  const name = new URL(request.url).pathname;
  const value: number = await env.COUNTER.getByName(name).increment(1);
  // @ts-expect-error `increment` takes one argument
  await env.COUNTER.getByName(name).increment();
  const client = counterClient(env.COUNTER.getByName(name));
  try {
    const viaFetch: number = await client.increment(2);
    // @ts-expect-error the client has the object's methods only
    await client.webSocketMessage();
    return new Response(
      String(value + viaFetch + (await viaImportedEnv(name))),
    );
  } catch (error) {
    if (error instanceof DogenProtocolError) {
      return new Response(error.kind, { status: 502 });
    }
    throw error;
  }
}
