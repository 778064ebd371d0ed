import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Empty, EmptyTuple, Never } from "./index.js";

check<Equal<Empty, Record<string, never>>>();
check<Equal<EmptyTuple, []>>();
check<Equal<Never, never>>();

export async function call(): Promise<Empty> {
  const stub = env.NOTHING.getByName("a");
  // @ts-expect-error an empty struct has no keys
  await stub.tuple([1]);
  // @ts-expect-error an empty struct is an object
  await stub.empty(5);
  return stub.tuple([]);
}
