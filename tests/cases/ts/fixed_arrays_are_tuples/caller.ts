import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Arrays, Grid } from "./index.js";

check<Equal<Parameters<Arrays["rgb"]>, [[number, number, number]]>>();
check<Equal<Parameters<Arrays["none"]>, [[]]>>();
check<
  Equal<
    Grid["cells"],
    [string | null, string | null, string | null, string | null, string | null]
  >
>();

export async function call(): Promise<number> {
  const stub = env.ARRAYS.getByName("a");
  const rgba = await stub.rgb([1, 2, 3]);
  // Through an RPC stub, workers-types turns tuples into arrays; the
  // generated types themselves keep the length:
  const exact = (color: Parameters<Arrays["rgb"]>[0]) => color;
  // @ts-expect-error three elements, not two
  exact([1, 2]);
  // @ts-expect-error an empty array
  await stub.none(["x"]);
  return rgba[3] ?? exact([1, 2, 3])[0];
}
