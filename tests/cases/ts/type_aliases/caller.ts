import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Ids, Row, Score, Table } from "./index.js";

check<Equal<Ids, number[]>>();
check<Equal<Score, number>>();
check<Equal<Table<Row>, Record<string, Row>>>();

export async function call(): Promise<Score> {
  const stub = env.ALIASES.getByName("a");
  // @ts-expect-error ids are numbers
  await stub.index(["1"], {});
  return stub.index([1, 2], { a: { cells: [1] } });
}
