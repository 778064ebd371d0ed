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

check<Equal<Lower, "httperror" | "badthing2">>();
check<Equal<Upper, "HTTPERROR" | "BADTHING2">>();
check<Equal<Pascal, "HTTPError" | "BadThing2">>();
check<Equal<Camel, "hTTPError" | "badThing2">>();
check<Equal<Snake, "h_t_t_p_error" | "bad_thing2">>();
check<Equal<ScreamingSnake, "H_T_T_P_ERROR" | "BAD_THING2">>();
check<Equal<Kebab, "h-t-t-p-error" | "bad-thing2">>();
check<Equal<ScreamingKebab, "H-T-T-P-ERROR" | "BAD-THING2">>();

export async function call(): Promise<string> {
  const stub = env.VARIANT_CASES.getByName("a");
  const [snake = "bad_thing2"] = await stub.all(
    "httperror",
    "BADTHING2",
    "HTTPError",
    "hTTPError",
  );
  // @ts-expect-error lowercase, not camelCase
  await stub.all("httpError", "BADTHING2", "HTTPError", "hTTPError");
  return snake;
}
