import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Config, Limits } from "./index.js";

check<Equal<Config, { name: string; verbose?: boolean; level?: number }>>();
check<Equal<Limits, { max?: number; min?: number }>>();

export async function call(): Promise<string> {
  const stub = env.SETTINGS.getByName("a");
  const config = await stub.apply({ name: "x" }, {});
  // @ts-expect-error `name` has no default
  await stub.apply({ verbose: true }, {});
  return config.name;
}
