import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Coordinates, Money, Order, Receipt, Status } from "./index.js";

check<Equal<Money, number>>();
check<Equal<Status, "Open" | "Closed">>();
check<Equal<Coordinates["place"], { name: string }>>();

export async function call(): Promise<Money> {
  const stub = env.SHOP.getByName("a");
  const order: Order = { lines: [{ sku: "a", price: 100 }] };
  const receipt: Receipt = await stub.order(order);
  await stub.locate({ lat: 0, lon: 0, place: { name: "here" } });
  const deep = await stub.deep();
  // @ts-expect-error a line has a price
  await stub.order({ lines: [{ sku: "a" }] });
  return deep.found ? receipt.total : 0;
}
