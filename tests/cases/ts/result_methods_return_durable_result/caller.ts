import { env } from "cloudflare:workers";
import { check, type Equal } from "../../../ts/check.js";
import { DogenProtocolError, walletClient, type WalletClient } from "./client.js";
import type { DurableResult, Wallet, WalletError } from "./index.js";

check<
  Equal<
    ReturnType<Wallet["withdraw"]>,
    Promise<DurableResult<number, WalletError>>
  >
>();
check<
  Equal<ReturnType<Wallet["close"]>, Promise<DurableResult<null, WalletError>>>
>();
check<Equal<ReturnType<Wallet["balance"]>, Promise<number>>>();
check<
  Equal<ReturnType<Wallet["history"]>, Promise<DurableResult<number[], string>>>
>();
// The fetch client has the object's methods, with the same types.
check<Equal<WalletClient["withdraw"], Wallet["withdraw"]>>();
check<
  Equal<keyof WalletClient, "withdraw" | "close" | "balance" | "history">
>();

export async function viaRpc(): Promise<number> {
  const stub = env.WALLET.getByName("a");
  const outcome = await stub.withdraw(5);
  if (outcome.ok) {
    return outcome.value;
  }
  const error: WalletError = outcome.error;
  // @ts-expect-error read `value` only after checking `ok`
  outcome.value;
  return error === "Closed" ? 0 : error.Insufficient.balance;
}

export async function viaFetch(): Promise<string> {
  const client = walletClient(env.WALLET.getByName("a"));
  try {
    const closed = await client.close();
    const balance: number = await client.balance();
    // @ts-expect-error the client has the object's methods only
    await client.fetch("https://example.com");
    // @ts-expect-error cents are a number
    await client.withdraw("5");
    return closed.ok ? `closed at ${balance}` : JSON.stringify(closed.error);
  } catch (error) {
    if (error instanceof DogenProtocolError) {
      return `${error.kind} (${error.status}): ${error.message}`;
    }
    throw error;
  }
}
