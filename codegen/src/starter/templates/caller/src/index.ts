// A Worker calling the to-do lists over native Workers RPC. `env.TODOS` is
// typed by ../ts/env.d.ts (written by `dogen ts`), merged with what
// `wrangler types` declares.
//
//   GET  /:list                    every item
//   POST /:list/add?title=...      a new item
//   POST /:list/complete?id=N      an item done, or 404 with the typed error
import { env } from "cloudflare:workers";

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const [list, action] = url.pathname.split("/").filter(Boolean);
    if (list === undefined) {
      return new Response("GET /:list, POST /:list/add?title=..., POST /:list/complete?id=N\n");
    }
    const todos = env.TODOS.getByName(list);
    switch (action) {
      case undefined:
        return Response.json(await todos.list());
      case "add":
        return Response.json(await todos.add(url.searchParams.get("title") ?? "untitled"));
      case "complete": {
        const outcome = await todos.complete(Number(url.searchParams.get("id")));
        return outcome.ok ? Response.json(outcome.value) : Response.json(outcome.error, { status: 404 });
      }
      default:
        return new Response("not found", { status: 404 });
    }
  },
} satisfies ExportedHandler<Env>;
