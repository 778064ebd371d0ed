import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { External } from "./index.js";

check<
  Equal<
    External,
    | { Empty: Record<string, never> }
    | { Skipped: Record<string, never> }
    | { Full: { a: number } }
  >
>();

export async function call(): Promise<void> {
  const stub = env.EMPTY_STRUCT_VARIANTS.getByName("a");
  await stub.external({ Empty: {} });
  // @ts-expect-error serde reads an object
  await stub.external({ Empty: 1 });
}
