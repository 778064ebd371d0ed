import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Stamps } from "./index.js";

type N = number;
check<Equal<Stamps["at"], [N, N, N, N, N, N, N, N, N]>>();
check<Equal<Stamps["rfc3339"], string>>();
check<Equal<Stamps["unix"], number>>();

export async function call(): Promise<string> {
  const stub = env.TIME_VALUES.getByName("a");
  // @ts-expect-error without `serde-human-readable` time writes arrays
  await stub.at("2024-01-01T00:00:00Z");
  return (await stub.at([2024, 1, 0, 0, 0, 0, 0, 0, 0])).rfc3339;
}
