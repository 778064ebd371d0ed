import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Email, Versioned } from "./index.js";

check<Equal<Email, string>>();
check<Equal<Versioned, [number, string]>>();

export async function call(): Promise<number> {
  const stub = env.CONVERSIONS.getByName("a");
  return (await stub.send("a@example.com")).length;
}
