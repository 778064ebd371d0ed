import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { QuarterlyReportDocument, ReportGenerationFailure } from "./index.js";

check<
  Equal<
    ReportGenerationFailure,
    | "OrganizationNotFound"
    | {
        FiscalYearOutOfRange: {
          earliest_available_year: number;
          latest_available_year: number;
        };
      }
    | { InsufficientPermissions: string }
  >
>();

export async function call(): Promise<number> {
  const stub = env.REPORTS.getByName("a");
  const outcome = await stub.generateQuarterlyReport("org", 2024, false);
  const sections = outcome.ok ? outcome.value.sections.length : 0;
  // @ts-expect-error three arguments
  await stub.generateQuarterlyReport("org", 2024);
  const report: QuarterlyReportDocument = {
    sections: [["q1", [{ a: [[1, 2, "x", true], null] }]]],
    status: "OrganizationNotFound",
  };
  return sections + report.sections.length;
}
