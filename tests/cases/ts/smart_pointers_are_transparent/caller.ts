import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Node, Pointers } from "./index.js";

check<
  Equal<Parameters<Pointers["hold"]>, [number, string, number[], string]>
>();
check<
  Equal<
    Node,
    { label: string; next?: Node | null; shared: Node[]; name: string }
  >
>();

export async function call(): Promise<string> {
  const stub = env.POINTERS.getByName("a");
  const node = await stub.node({ label: "a", shared: [], name: "n" });
  // @ts-expect-error a box is what it holds
  await stub.hold({ value: 1 }, "b", [], "d");
  return node.label;
}
