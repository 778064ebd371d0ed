import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check";
import type { Optional } from "./index";

check<Equal<Optional, { someValue: number }>>();

export async function call(): Promise<number> {
  const stub = env.FEATURED.getByName("a");
  return (await stub.get()).someValue;
}
