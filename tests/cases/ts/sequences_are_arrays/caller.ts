import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Sequences } from "./index.js";

check<Equal<Parameters<Sequences["sets"]>, [string[], number[]]>>();
check<Equal<ReturnType<Sequences["others"]>, Promise<number[][]>>>();
check<Equal<Parameters<Sequences["holes"]>, [(string | null)[]]>>();
check<Equal<ReturnType<Sequences["holes"]>, Promise<(number[] | null)[]>>>();

export async function call(): Promise<number> {
  const stub = env.SEQUENCES.getByName("a");
  const bytes = await stub.vec(["a", "b"]);
  await stub.slice([1, 2, 3]);
  await stub.holes(["a", null]);
  // @ts-expect-error an array of strings, not one
  await stub.vec("a");
  return bytes.length;
}
