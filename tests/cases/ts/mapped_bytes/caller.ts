import { env } from "cloudflare:workers";
import { check, type Equal, type OverFetch } from "../../../ts/check.js";
import { byteValuesClient, type ByteValuesClient } from "./client.js";
import type { Blob } from "./index.js";

check<Equal<Blob["bytes"], Uint8Array>>();
check<Equal<Blob["maybe"], Uint8Array | null>>();
check<Equal<OverFetch<Blob>["bytes"], number[]>>();
check<Equal<Blob["numbers"], number[]>>();
// The fetch client's types are the values JSON carries: bytes are numbers.
check<Equal<Parameters<ByteValuesClient["store"]>, [blob: number[]]>>();
check<Equal<Awaited<ReturnType<ByteValuesClient["store"]>>["buf"], number[]>>();
check<Equal<Awaited<ReturnType<ByteValuesClient["store"]>>["maybe"], number[] | null>>();

export async function call(): Promise<number> {
  const stub = env.BYTE_VALUES.getByName("a");
  const blob = await stub.store(new Uint8Array([1, 2]));
  // @ts-expect-error bytes are not a string
  await stub.store("AAE=");
  const overFetch = await byteValuesClient(stub).store([1, 2]);
  // @ts-expect-error over fetch, bytes are an array of numbers
  await byteValuesClient(stub).store(new Uint8Array([1, 2]));
  return blob.bytes.byteLength + overFetch.bytes.length;
}
