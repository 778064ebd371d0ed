import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Item, Lookups } from "./index.js";

check<
  Equal<Parameters<Lookups["find"]>, [(number | null)?, (string | null)?]>
>();
check<Equal<Parameters<Lookups["lead"]>, [number | null, number]>>();
check<Equal<ReturnType<Lookups["find"]>, Promise<Item | null>>>();
check<Equal<ReturnType<Lookups["nested"]>, Promise<(Item | null)[]>>>();

export async function call(): Promise<number> {
  const stub = env.LOOKUPS.getByName("a");
  const found = await stub.find(null, "hint");
  const all = await stub.nested(null);
  await stub.find(1);
  await stub.find();
  await stub.lead(null, 2);
  // @ts-expect-error only trailing `Option` arguments may be left out
  await stub.lead(2);
  return (found?.id ?? 0) + all.length + ((await stub.count()) ?? 0);
}
