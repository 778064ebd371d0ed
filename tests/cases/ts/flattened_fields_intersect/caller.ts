import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Page, Paging, Query, Sort } from "./index.js";

check<Equal<Query, Paging>>();
check<Equal<Page, { items: string[] } & Paging & Sort>>();

export async function call(): Promise<number> {
  const stub = env.PAGES.getByName("a");
  const page = await stub.get({ offset: 0, limit: 10 });
  const sorted: Page = { items: [], offset: 0, sort: "name", descending: true };
  // @ts-expect-error flattened keys sit beside the others, not under the field
  const nested: Page = { items: [], paging: { offset: 0 }, sort: "newest" };
  return page.offset + page.items.length + sorted.offset + nested.offset;
}
