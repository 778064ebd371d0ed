import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Voids } from "./index.js";

check<Equal<ReturnType<Voids["fire"]>, Promise<void>>>();
check<Equal<ReturnType<Voids["explicit"]>, Promise<void>>>();

export async function call(): Promise<void> {
  const stub = env.VOIDS.getByName("a");
  await stub.fire();
  await stub.explicit();
  // @ts-expect-error takes no arguments
  await stub.fire(1);
}
