import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import { looseClient } from "./client.js";
import type { Value } from "./index.js";

check<
  Equal<
    Value,
    | null
    | boolean
    | number
    | string
    | [string, Value[]]
    | { key: string; value: Value }
  >
>();

// A type that recurses through arrays is too deep for workers-types' RPC
// stub typing (`Rpc.Provider`); the fetch client takes the generated types
// as they are.
export async function call(): Promise<Value> {
  const loose = looseClient(env.LOOSE.getByName("a"));
  await loose.parse(null);
  await loose.parse(["list", [1, "two", true]]);
  // @ts-expect-error no variant is an array of numbers
  await loose.parse([1, 2]);
  return loose.parse({ key: "k", value: 1 });
}
