import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import type { Command } from "./index.js";

check<
  Equal<
    Command,
    | { copy_file: { sourcePath: string; targetPath: string } }
    | { delete_file: { FILE_PATH: string } }
  >
>();

export async function call(): Promise<boolean> {
  const stub = env.COMMANDS.getByName("a");
  // @ts-expect-error the variant's own rename_all wins
  await stub.run({ delete_file: { filePath: "x" } });
  return stub.run({ copy_file: { sourcePath: "a", targetPath: "b" } });
}
