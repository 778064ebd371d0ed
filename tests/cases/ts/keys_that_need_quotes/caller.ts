import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { HttpHeaders, Quoted } from "./index.js";

check<
  Equal<
    HttpHeaders,
    {
      "content-type": string;
      "x-request-id"?: string | null;
      plain: boolean;
      "2fa": boolean;
      $ref: string;
    }
  >
>();
check<
  Equal<
    Quoted,
    'say "hi"' | "it's" | "back\\slash" | { "with space": { "a b": number } }
  >
>();

export async function call(): Promise<Quoted> {
  const stub = env.HEADERS.getByName("a");
  const headers: HttpHeaders = {
    "content-type": "text/plain",
    plain: true,
    "2fa": false,
    $ref: "#",
  };
  // @ts-expect-error keys are kebab-case
  await stub.set({ contentType: "x", plain: true, "2fa": false, $ref: "#" });
  return stub.set(headers);
}
