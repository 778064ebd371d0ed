import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Entry } from "./index.js";

check<Equal<Entry, { id: string }>>();

export async function call(): Promise<string> {
  const stub = env.ULID_VALUES.getByName("a");
  // @ts-expect-error a ULID is a string
  await stub.next(42);
  return (await stub.next()).id;
}
