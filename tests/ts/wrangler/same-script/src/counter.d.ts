import type { Counter as CounterObject } from "../dogen/index";

/** The Rust Durable Object class, as the wasm build's entry module exports it. */
export declare const Counter: new (
  ctx: DurableObjectState,
  env: Env,
) => CounterObject;
export type Counter = CounterObject;
