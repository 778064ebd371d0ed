import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Row } from "./index.js";

check<Equal<Row["id"], string>>();
check<Equal<Row["parent"], string | null | undefined>>();

export async function call(): Promise<string | undefined> {
  const stub = env.UUID_VALUES.getByName("a");
  // @ts-expect-error a UUID is a string
  await stub.get(1);
  return (await stub.get("67e55044-10b1-426f-9247-bb680e5fe0c8"))?.id;
}
