import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Price } from "./index.js";

check<
  Equal<
    Price,
    {
      amount: string;
      approximate: number;
      exact: string;
      discount: number | null;
    }
  >
>();

export async function call(): Promise<string> {
  const stub = env.DECIMAL_VALUES.getByName("a");
  // @ts-expect-error a `Decimal` is a string
  await stub.price(1.5);
  return (await stub.price("1.50")).amount;
}
