import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { FirstOnly, Folder, Note, Undocumented } from "./index.js";

check<Equal<Folder, "Inbox" | "Archive" | { Custom: string }>>();
check<Equal<FirstOnly, "One" | "Two">>();
check<Equal<Undocumented, "A">>();

export async function call(): Promise<string> {
  const stub = env.NOTES.getByName("a");
  const note: Note = { text: "hi", folder: { Custom: "x" }, plain: true };
  const number = await stub.add(note);
  const back = await stub.get(number);
  // @ts-expect-error the folder is a variant
  await stub.add({ text: "hi", folder: "Drafts", plain: true });
  return back?.text ?? (await stub.kinds("Two"));
}
