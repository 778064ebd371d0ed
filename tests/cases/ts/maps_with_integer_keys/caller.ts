import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check";
import type { Sparse } from "./index";

check<Equal<Parameters<Sparse["byId"]>, [Record<number, string>]>>();

export async function call(): Promise<number> {
  const stub = env.SPARSE.getByName("a");
  const rows = await stub.byId({ 1: "one", 2: "two" });
  const first = rows[1];
  // @ts-expect-error values are strings
  await stub.byId({ 1: 1 });
  return first?.length ?? 0;
}
