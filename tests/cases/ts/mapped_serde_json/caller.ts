import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Document, JsonObject, JsonValue } from "./index.js";

check<Equal<Document["attributes"], JsonObject>>();
check<Equal<JsonObject[string], JsonValue>>();
check<Equal<Document["score"], number>>();

export async function call(): Promise<unknown> {
  const stub = env.SERDE_JSON_VALUES.getByName("a");
  const value: JsonValue = { a: [1, "b", null, { c: true }] };
  // @ts-expect-error `undefined` is not JSON
  const bad: JsonValue = { a: undefined };
  void bad;
  return await stub.echo(value);
}
