import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Color, Palettes } from "./index.js";

check<Equal<Color, "red" | "green" | "blue">>();
check<Equal<Parameters<Palettes["mix"]>, [Partial<Record<Color, number>>]>>();

export async function call(): Promise<number> {
  const stub = env.PALETTES.getByName("a");
  // Every key may be missing: a map need not hold every variant.
  const mixed = await stub.mix({ red: 0.5 });
  // @ts-expect-error keys are the variants' wire names
  await stub.mix({ Red: 0.5 });
  return mixed.blue?.length ?? 0;
}
