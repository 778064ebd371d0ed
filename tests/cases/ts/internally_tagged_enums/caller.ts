import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Inner, Rect, Shape } from "./index.js";

check<Equal<Inner, { kind: "A"; a: number } | { kind: "B" }>>();

function area(shape: Shape): number {
  switch (shape.type) {
    case "Empty":
    case "Point":
    case "Nested":
      return 0;
    case "Circle":
      return Math.PI * shape.radius ** 2;
    case "Rect":
      return shape.w * shape.h;
  }
}

export async function call(): Promise<number> {
  const stub = env.SHAPES.getByName("a");
  const rect: Rect = { w: 1, h: 2 };
  await stub.area({ type: "Rect", ...rect });
  await stub.area({ type: "Nested", kind: "A", a: 1 });
  await stub.area({ type: "Point" });
  // @ts-expect-error a circle has a radius
  await stub.area({ type: "Circle" });
  // @ts-expect-error the tag is required
  await stub.area({ w: 1, h: 2 });
  return area({ type: "Circle", radius: 1 });
}
