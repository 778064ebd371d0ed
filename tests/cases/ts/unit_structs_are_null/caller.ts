import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Marker } from "./index.js";

check<Equal<Marker, null>>();

export async function call(): Promise<number> {
  const stub = env.MARKERS.getByName("a");
  const marks = await stub.mark(null);
  // @ts-expect-error a unit struct is null
  await stub.mark({});
  return marks.length;
}
