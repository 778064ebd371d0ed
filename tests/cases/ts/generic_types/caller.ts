import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Either, Listing, Page, Pair, Tree } from "./index.js";

check<Equal<Page<Listing>, { items: Listing[]; next?: string | null }>>();
check<Equal<Pair<boolean>, Pair<boolean, string>>>();
check<Equal<Either<number, string>, { Left: number } | { Right: string }>>();
check<Equal<Tree<string>["children"], Tree<string>[]>>();

export async function call(): Promise<number> {
  const stub = env.LISTINGS.getByName("a");
  const page = await stub.page(null);
  const pair = await stub.pair({ first: 1, second: "b" });
  await stub.either({ Right: "r" });
  // @ts-expect-error `Pair<u8, String>` has a number first
  await stub.pair({ first: "a", second: "b" });
  return page.items.length + (pair.first ? 1 : 0);
}
