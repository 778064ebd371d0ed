import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Settings } from "./index.js";

check<
  Equal<
    Settings,
    {
      name: string;
      verbose?: boolean;
      tags?: string[];
      limit?: number | null;
      nested?: { depth?: number };
    }
  >
>();

export async function call(): Promise<boolean> {
  const stub = env.DEFAULT_FIELDS.getByName("a");
  // @ts-expect-error `name` has no default
  await stub.apply({ verbose: true });
  const settings = await stub.apply({ name: "a" });
  return settings.verbose ?? false;
}
