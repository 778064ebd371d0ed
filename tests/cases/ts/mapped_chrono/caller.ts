import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Event } from "./index.js";

check<Equal<Event["at"], string>>();
check<Equal<Event["length"], [number, number]>>();
check<Equal<Event["millis"], number>>();

export async function call(): Promise<string> {
  const stub = env.CHRONO_VALUES.getByName("a");
  // @ts-expect-error a `DateTime` is a string
  await stub.at(Date.now());
  return (await stub.at(new Date().toISOString())).day;
}
