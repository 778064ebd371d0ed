import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Color, Ordered } from "./index.js";

check<Equal<Ordered["by_name"], Record<string, number>>>();
check<Equal<Ordered["by_color"], Partial<Record<Color, string[]>>>>();
check<Equal<Ordered["tags"], string[]>>();

export async function call(): Promise<string[]> {
  const stub = env.INDEX_MAP_VALUES.getByName("a");
  return (await stub.ordered({ a: 1 })).tags;
}
