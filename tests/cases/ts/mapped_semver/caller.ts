import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Release } from "./index.js";

check<Equal<Release, { version: string; requires: string }>>();

export async function call(): Promise<string> {
  const stub = env.SEMVER_VALUES.getByName("a");
  return (await stub.resolve("^1")).version;
}
