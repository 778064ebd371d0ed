import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Optional } from "./index.js";

check<Equal<Optional, { someValue: number }>>();

export async function call(): Promise<number> {
  const stub = env.FEATURED.getByName("a");
  return (await stub.get()).someValue;
}
