import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Email, Tags } from "./index.js";

check<Equal<Email, string>>();
check<Equal<Tags, string[]>>();

export async function call(): Promise<string> {
  const stub = env.WRAPPERS.getByName("a");
  // @ts-expect-error a transparent struct is its field, not an object
  await stub.wrap({ address: "a@b.c" }, []);
  return stub.wrap("a@b.c", ["x"]);
}
