import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Host, Invoice, Money, Uuid } from "./index.js";

check<Equal<Invoice["total"], Money>>();
check<Equal<Invoice["cents"], number>>();
check<Equal<Invoice["id"], Uuid>>();
check<Equal<Host, { Domain: string } | { Ipv4: string } | { Ipv6: string }>>();

export async function call(): Promise<string> {
  const stub = env.USER_MAPPINGS.getByName("a");
  const invoice = await stub.invoice({ Domain: "example.com" });
  // @ts-expect-error `Money` is an amount and a currency
  const bad: Money = "EUR";
  void bad;
  return invoice.total;
}
