import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Ranked } from "./index.js";

check<Equal<Ranked, { score: number; weight: number }>>();

export async function call(): Promise<number> {
  const stub = env.ORDERED_FLOAT_VALUES.getByName("a");
  return (await stub.rank(0.5)).weight;
}
