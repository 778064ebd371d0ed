import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Entry, Kind, Outcome, Report } from "./index.js";

check<
  Equal<
    Entry,
    {
      key: string;
      tags?: string[];
      ttl?: number | null;
      computed?: boolean;
      kind: Kind;
    }
  >
>();
check<Equal<Kind, "Hot" | "Legacy">>();
check<Equal<Outcome, "Stored" | "Evicted">>();
check<Equal<Report, { secret?: string; note?: string; outcome: Outcome }>>();

export async function call(): Promise<string> {
  const stub = env.CACHES.getByName("a");
  const report = await stub.put({ key: "k", kind: "Hot" });
  // @ts-expect-error `hits` is skipped: it is not on the wire
  await stub.put({ key: "k", kind: "Hot", hits: 1 });
  // @ts-expect-error `Internal` is skipped
  await stub.put({ key: "k", kind: "Internal" });
  return report.note ?? report.outcome;
}
