import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Primitives } from "./index.js";

type Args<K extends keyof Primitives> = Primitives[K] extends (
  ...args: infer A
) => unknown
  ? A
  : never;

check<
  Equal<Args<"signed">, [number, number, number, number, number]>
>();
check<Equal<Args<"text">, [string, string, string]>>();
check<Equal<Args<"flag">, [boolean]>>();
check<Equal<Args<"unit">, [null]>>();
check<Equal<ReturnType<Primitives["unsigned"]>, Promise<number>>>();
check<Equal<ReturnType<Primitives["text"]>, Promise<string>>>();
check<Equal<ReturnType<Primitives["unit"]>, Promise<void>>>();

export async function call(): Promise<number> {
  const stub = env.PRIMITIVES.getByName("a");
  const big: number = await stub.unsigned(1, 2, 3, 4, 5);
  const c: string = await stub.text("x", "owned", "borrowed");
  const on: boolean = await stub.flag(true);
  await stub.unit(null);
  // @ts-expect-error a string is not a number
  await stub.signed("1", 2, 3, 4, 5);
  // @ts-expect-error five arguments, not four
  await stub.signed(1, 2, 3, 4);
  // @ts-expect-error `()` is null, not undefined
  await stub.unit(undefined);
  // @ts-expect-error no such method
  await stub.floats2(1, 2);
  return big + c.length + (on ? 1 : 0);
}
