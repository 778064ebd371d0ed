import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Expr, Tree } from "./index.js";

function evaluate(expr: Expr): number {
  if ("Number" in expr) return expr.Number;
  if ("Neg" in expr) return -evaluate(expr.Neg);
  if ("Add" in expr) return evaluate(expr.Add[0]) + evaluate(expr.Add[1]);
  return expr.Call.args.map(evaluate).reduce((a, b) => a + b, 0);
}

export async function call(): Promise<number> {
  const stub = env.TREES.getByName("a");
  const leaf: Tree = { label: "leaf", children: [] };
  const root: Tree = { label: "root", children: [leaf], parent: null };
  check<Equal<Tree["children"][number], Tree>>();
  // @ts-expect-error children are trees
  await stub.walk({ label: "x", children: ["y"] });
  const walked = await stub.walk(root);
  const sum: Expr = { Add: [{ Number: 1 }, { Neg: { Number: 2 } }] };
  return evaluate(sum) + ("Number" in walked ? walked.Number : 0);
}
