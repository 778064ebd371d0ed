import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Profile } from "./index.js";

check<
  Equal<
    Profile,
    {
      name: string;
      nickname?: string | null;
      age?: number | null;
      friends?: string[] | null;
      maybe_maybe?: boolean | null;
    }
  >
>();

export async function call(): Promise<string> {
  const stub = env.PROFILES.getByName("a");
  // Missing and null options are both accepted, as serde reads them.
  const saved = await stub.save({ name: "ada" });
  await stub.save({ name: "ada", nickname: null, age: 36, friends: ["b"] });
  // @ts-expect-error `name` is not optional
  await stub.save({ nickname: "x" });
  // @ts-expect-error `age` is a number
  await stub.save({ name: "ada", age: "36" });
  return saved.nickname ?? saved.name;
}
