import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type {
  Camel,
  Kebab,
  Lower,
  Pascal,
  ScreamingKebab,
  ScreamingSnake,
  Snake,
  Upper,
} from "./index.js";

check<Equal<keyof Lower, "user_id2" | "x">>();
check<Equal<keyof Upper, "USER_ID2" | "X">>();
check<Equal<keyof Pascal, "UserId2" | "X">>();
check<Equal<keyof Camel, "userId2" | "x">>();
check<Equal<keyof Snake, "user_id2" | "x">>();
check<Equal<keyof ScreamingSnake, "USER_ID2" | "X">>();
check<Equal<keyof Kebab, "user-id2" | "x">>();
check<Equal<keyof ScreamingKebab, "USER-ID2" | "X">>();

export async function call(): Promise<number> {
  const stub = env.FIELD_CASES.getByName("a");
  const results = await stub.all(
    { user_id2: 1, x: 2 },
    { USER_ID2: 1, X: 2 },
    { UserId2: 1, X: 2 },
    { userId2: 1, x: 2 },
  );
  await stub.all(
    { user_id2: 1, x: 2 },
    { USER_ID2: 1, X: 2 },
    { UserId2: 1, X: 2 },
    // @ts-expect-error camelCase keys
    { user_id2: 1, x: 2 },
  );
  return results.length;
}
