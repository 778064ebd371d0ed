import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { More } from "./index.js";

check<Equal<More["at"], string>>();
check<Equal<More["few"], number[]>>();
check<Equal<More["scores"], Record<string, number>>>();

export async function call(): Promise<string> {
  const stub = env.MORE_CRATES.getByName("a");
  return (await stub.get("2023-11-14T22:13:20Z")).exact;
}
