import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Kind, Reference } from "./index.js";

check<Equal<Reference, { type: string; asyncMode: boolean; kind: Kind }>>();
check<Equal<Kind, "Loop" | "Plain">>();

export async function call(): Promise<string> {
  const stub = env.KEYWORDS.getByName("a");
  const reference = await stub.match({
    type: "t",
    asyncMode: true,
    kind: "Loop",
  });
  // @ts-expect-error `r#` is not part of the name
  await stub.match({ "r#type": "t", asyncMode: true, kind: "Loop" });
  // @ts-expect-error the wire name of `r#match` is `match`, not `rMatch`
  await stub.rMatch({ type: "t", asyncMode: true, kind: "Loop" });
  return reference.type;
}
