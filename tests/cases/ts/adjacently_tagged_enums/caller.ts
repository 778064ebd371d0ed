import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Message } from "./index.js";

check<
  Equal<
    Message,
    | { t: "Ping" }
    | { t: "Text"; c: string }
    | { t: "Pair"; c: [number, number] }
    | { t: "Move"; c: { x: number; y: number } }
  >
>();

export async function call(): Promise<string> {
  const stub = env.MESSAGES.getByName("a");
  const reply = await stub.send({ t: "Move", c: { x: 1, y: 2 } });
  // @ts-expect-error the content of `Text` is a string
  await stub.send({ t: "Text", c: 1 });
  return reply.t === "Text" ? reply.c : reply.t;
}
