import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Link } from "./index.js";

check<Equal<Link, { href: string; base?: string | null }>>();

export async function call(): Promise<string> {
  const stub = env.URL_VALUES.getByName("a");
  // @ts-expect-error a URL is a string
  await stub.fetchIt(new URL("https://example.com"));
  return (await stub.fetchIt("https://example.com")).href;
}
