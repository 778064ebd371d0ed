import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { AccountId, Cents, UserId } from "./index.js";

check<Equal<UserId, string>>();
check<Equal<Cents, number>>();
check<Equal<AccountId, UserId[]>>();

export async function call(): Promise<number> {
  const stub = env.ACCOUNTS.getByName("a");
  const id = await stub.open("ada", 100);
  // @ts-expect-error a newtype is its field, not an object
  await stub.open({ 0: "ada" }, 100);
  return id.length;
}
