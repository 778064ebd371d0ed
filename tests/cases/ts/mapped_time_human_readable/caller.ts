import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Day } from "./index.js";

check<Equal<Day, { date: string; weekday: string; length: string }>>();

export async function call(): Promise<string> {
  const stub = env.HUMAN_TIME.getByName("a");
  // @ts-expect-error with `serde-human-readable` time writes strings
  await stub.at([2024, 1, 0, 0, 0, 0, 0, 0, 0]);
  return (await stub.at("2024-01-01 0:00:00.0 +00:00:00")).date;
}
