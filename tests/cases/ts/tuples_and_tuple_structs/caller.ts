import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Point, Span, Tuples } from "./index.js";

check<Equal<Point, [number, number, number]>>();
check<Equal<Span, [Point, Point]>>();
check<
  Equal<
    ReturnType<Tuples["pair"]>,
    Promise<[boolean, [number, number], [string, number][]]>
  >
>();

export async function call(): Promise<number> {
  const stub = env.TUPLES.getByName("a");
  const span = await stub.point([0, 0, 1]);
  // Through an RPC stub, workers-types turns tuples into arrays; the
  // generated types themselves keep each element's type and the length:
  const point = (p: Point) => p;
  // @ts-expect-error a tuple of three numbers
  point([0, 0]);
  // @ts-expect-error the elements are in order
  const pair: Parameters<Tuples["pair"]>[0] = ["a", 1];
  return span.length + point([1, 2, 3])[2] + (pair[0] ? 1 : 0);
}
