import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Bound, Duration, Range, Result, Std } from "./index.js";

check<Equal<Duration, { secs: number; nanos: number }>>();
check<Equal<Range<number>, { start: number; end: number }>>();
check<Equal<Result<number, string>, { Ok: number } | { Err: string }>>();
check<Equal<Bound<number>, { Included: number } | { Excluded: number } | "Unbounded">>();
check<Equal<Std["mutex"], number[]>>();
check<Equal<Std["marker"], null>>();

export async function call(): Promise<number> {
  const stub = env.STD_TYPE_VALUES.getByName("a");
  // @ts-expect-error a `Duration` is an object
  await stub.wait(5);
  const results = await stub.outcome();
  return (await stub.wait({ secs: 1, nanos: 0 })).count + results.length;
}
