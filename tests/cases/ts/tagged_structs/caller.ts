import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Apple, Pear } from "./index.js";

check<Equal<Apple, { fruit: "Apple"; crisp: boolean }>>();
check<Equal<Pear, { fruit: "pear"; ripe: boolean }>>();

export async function call(): Promise<boolean> {
  const stub = env.TAGGED.getByName("a");
  const apple = await stub.pick(
    { fruit: "Apple", crisp: true },
    { fruit: "pear", ripe: false },
  );
  await stub.pick(
    { fruit: "Apple", crisp: true },
    // @ts-expect-error the tag is the serde name, `pear`
    { fruit: "Pear", ripe: false },
  );
  return apple.crisp;
}
