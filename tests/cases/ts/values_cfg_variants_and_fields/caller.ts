import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Message, Platform } from "./index.js";

check<Equal<Message, { Always: number } | { OnWasm: string }>>();
check<Equal<Platform, { name: string; wasm_only: boolean }>>();

export async function call(): Promise<boolean> {
  const stub = env.CFG_VARIANTS_AND_FIELDS.getByName("a");
  // @ts-expect-error the wasm32 build has no `Native` variant
  await stub.get({ Native: [] });
  return (await stub.get({ OnWasm: "a" })).wasm_only;
}
