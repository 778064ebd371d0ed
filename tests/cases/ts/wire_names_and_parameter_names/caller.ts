import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Naming } from "./index.js";

check<
  Equal<
    keyof Naming extends infer K
      ? Exclude<K, typeof Rpc.__DURABLE_OBJECT_BRAND>
      : never,
    "getCounterValue" | "peek" | "set" | "alreadyCamel"
  >
>();

export async function call(): Promise<number> {
  const stub = env.NAMING.getByName("a");
  const value = await stub.getCounterValue();
  await stub.set(1, "kind", true, 2);
  // @ts-expect-error the Rust name of a renamed method is not its wire name
  await stub.lookWithoutTouching();
  // @ts-expect-error methods are camelCase
  await stub.get_counter_value();
  return value + (await stub.peek()) + (await stub.alreadyCamel(1, 2));
}
