import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Status, Thing } from "./index.js";

check<Equal<Thing, { name: string; count?: number }>>();
check<Equal<Status, { status: "Ok" } | { status: "Unknown" }>>();

export async function call(): Promise<Status> {
  const stub = env.TOLERANT.getByName("a");
  // @ts-expect-error an alias is accepted by Rust, but the type names one key
  await stub.take({ title: "x" });
  return stub.take({ name: "x" });
}
