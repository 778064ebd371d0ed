import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Input } from "./index.js";

check<Equal<Input, { kind: "Known"; id: number } | string>>();

export async function call(): Promise<Input> {
  const stub = env.MIXED.getByName("a");
  await stub.read("raw");
  // @ts-expect-error the untagged variant carries no tag
  await stub.read({ kind: "Raw", 0: "x" });
  return stub.read({ kind: "Known", id: 1 });
}
