import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { catch_, string_, switch_, Wrapper } from "./index.js";

check<Equal<catch_, { default: number }>>();
check<Equal<switch_, "case" | { Default: catch_ }>>();
check<Equal<Wrapper<string_>["inner"], string>>();

export async function call(): Promise<number> {
  const stub = env.RESERVED_WORD_TYPE_NAMES.getByName("a");
  const result = await stub.catch({ default: 1 });
  return result === "case" ? 0 : result.Default.default;
}
