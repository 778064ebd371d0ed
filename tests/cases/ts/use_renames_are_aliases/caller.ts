import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Circle, Outer, Page, Paged, Reexported, Round, Square } from "./index.js";

check<Equal<Outer, Circle>>();
check<Equal<Round, Circle>>();
check<Equal<Reexported, Square>>();
check<Equal<Paged<number>, Page<number>>>();
check<Equal<Paged, Page<string>>>();

export async function call(): Promise<number> {
  const stub = env.USE_RENAMES.getByName("a");
  const round = await stub.outer({ radius: 1 });
  const square = await stub.paged({ items: [1] }, { items: ["a"] });
  // @ts-expect-error `Paged<number>` holds numbers
  await stub.paged({ items: ["a"] }, { items: ["a"] });
  return round.radius + square.side;
}
