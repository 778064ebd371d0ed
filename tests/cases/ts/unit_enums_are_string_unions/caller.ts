import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { OneOnly, State } from "./index.js";

check<Equal<State, "Off" | "On" | "Blinking">>();
check<Equal<OneOnly, "Alone">>();

export async function call(): Promise<State> {
  const stub = env.LIGHTS.getByName("a");
  await stub.only("Alone");
  // @ts-expect-error not a variant
  await stub.set("Dim");
  return stub.set("On");
}
