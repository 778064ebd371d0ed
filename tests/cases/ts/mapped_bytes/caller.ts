import { env } from "cloudflare:workers";
import { check, type Equal, type OverFetch } from "../../../ts/check.js";
import type { Blob } from "./index.js";

check<Equal<Blob["bytes"], Uint8Array>>();
check<Equal<Blob["maybe"], Uint8Array | null>>();
check<Equal<OverFetch<Blob>["bytes"], number[]>>();
check<Equal<Blob["numbers"], number[]>>();

export async function call(): Promise<number> {
  const stub = env.BYTE_VALUES.getByName("a");
  const blob = await stub.store(new Uint8Array([1, 2]));
  // @ts-expect-error bytes are not a string
  await stub.store("AAE=");
  return blob.bytes.byteLength;
}
