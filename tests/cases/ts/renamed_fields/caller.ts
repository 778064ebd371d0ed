import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { FileInfo } from "./index.js";

check<Equal<FileInfo, { path: string; sizeInBytes: number; mtime: number }>>();

export async function call(): Promise<number> {
  const stub = env.RENAMES.getByName("a");
  const info = await stub.touch({ path: "/", sizeInBytes: 1, mtime: 2 });
  // @ts-expect-error the Rust name is not the wire name
  await stub.touch({ file_path: "/", sizeInBytes: 1, mtime: 2 });
  return info.sizeInBytes;
}
