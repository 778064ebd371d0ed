import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Event } from "./index.js";

check<
  Equal<
    Event,
    | "Started"
    | { Progress: number }
    | { Moved: [number, number] }
    | { Renamed: { from: string; to: string } }
    | "done"
  >
>();

function describe(event: Event): string {
  if (event === "Started" || event === "done") {
    return event;
  }
  if ("Progress" in event) {
    return `${event.Progress}%`;
  }
  if ("Moved" in event) {
    return `${event.Moved[0]},${event.Moved[1]}`;
  }
  return event.Renamed.to;
}

export async function call(): Promise<string> {
  const stub = env.EVENTS.getByName("a");
  const events = await stub.record({ Renamed: { from: "a", to: "b" } });
  // @ts-expect-error the Rust name of a renamed variant is not its wire name
  await stub.record("Finished");
  // @ts-expect-error progress is a number
  await stub.record({ Progress: "1" });
  return describe({ Moved: [1, 2] }) + events.length;
}
