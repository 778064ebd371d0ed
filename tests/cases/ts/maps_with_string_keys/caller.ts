import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Dictionaries, Entry } from "./index.js";

check<
  Equal<
    Parameters<Dictionaries["merge"]>,
    [Record<string, number>, Record<string, string[]>]
  >
>();
check<Equal<Entry["values"], Record<string, Record<string, number>>>>();
check<
  Equal<
    ReturnType<Dictionaries["chars"]>,
    Promise<Record<string, number | null>>
  >
>();

export async function call(): Promise<number> {
  const stub = env.DICTIONARIES.getByName("a");
  const merged = await stub.merge({ a: 1 }, { b: ["c"] });
  // @ts-expect-error values are numbers
  await stub.merge({ a: "1" }, {});
  return Object.keys(merged).length;
}
