import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Names } from "./index.js";

check<Equal<Names, { smol: string; compact: string; many: string[] }>>();

export async function call(): Promise<string> {
  const stub = env.STRING_TYPE_VALUES.getByName("a");
  return (await stub.names("a")).compact;
}
