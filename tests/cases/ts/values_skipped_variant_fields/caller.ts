import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { External, Internal, Untagged } from "./index.js";

check<Equal<External, "Skipped" | { Partly: [number] } | { Kept: string }>>();
check<Equal<Untagged, string | null>>();
check<Equal<Internal, { type: "Skipped" } | { type: "Kept"; name: string }>>();

export async function call(): Promise<boolean> {
  const stub = env.SKIPPED_VARIANT_FIELDS.getByName("a");
  // @ts-expect-error a skipped field is not on the wire
  await stub.external({ Skipped: null });
  return (await stub.external("Skipped")) === "Skipped";
}
