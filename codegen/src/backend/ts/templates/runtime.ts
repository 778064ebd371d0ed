{%- import "backend/ts/templates/macros.askama" as m -%}
{% call m::header("The client runtime for dogen's fetch wire format (`POST
/__dogen/v1/call/<wireName>`, see docs/protocol.md in dogen), shared by the
clients in client.ts. The same in every crate's output, so that errors are
told apart the same way whichever crate's client threw them.") %}{% endcall %}

/** What a `Result<T, E>` method resolves to (the same as index.ts's). */
type DurableResult<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Anything with a Durable Object stub's `fetch`. */
export interface DogenFetcher {
  fetch(input: string, init: RequestInit): Promise<Response>;
}

/**
 * Why a call did not produce a value: the protocol error kinds of dogen's wire
 * format (`internal`: the method failed, on storage for instance, or
 * panicked), and `transport` for a reply that is not a dogen reply at all
 * (something else answered).
 */
export type DogenProtocolErrorKind =
  | "unknown_method"
  | "bad_arguments"
  | "encode"
  | "bad_reply"
  | "bad_request"
  | "too_large"
  | "internal"
  | "transport";

/** The brand every copy of `DogenProtocolError` shares, across files and bundles. */
const BRAND = Symbol.for("dogen.DogenProtocolError");

/**
 * A call that did not produce a value. Application errors are never thrown.
 * `instanceof DogenProtocolError` holds for an error thrown by any crate's
 * client, whichever copy of this file made it.
 */
export class DogenProtocolError extends Error {
  override readonly name = "DogenProtocolError";
  /** What went wrong. */
  readonly kind: DogenProtocolErrorKind;
  /** The status of the reply; 0 for a call that was not sent. */
  readonly status: number;

  constructor(kind: DogenProtocolErrorKind, message: string, status: number) {
    super(message);
    this.kind = kind;
    this.status = status;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && BRAND in value;
  }
}

/**
 * `T` as it crosses the fetch protocol: bytes (`Uint8Array` over native
 * RPC) are JSON arrays of numbers.
 */
export type OverFetch<T> = T extends Uint8Array
  ? number[]
  : T extends Promise<infer R>
    ? Promise<OverFetch<R>>
    : T extends (...args: infer A) => infer R
      ? (...args: { [K in keyof A]: OverFetch<A[K]> }) => OverFetch<R>
      : T extends readonly unknown[]
        ? number extends T["length"]
          ? OverFetch<T[number]>[]
          : { [K in keyof T]: OverFetch<T[K]> }
        : T extends object
          ? { [K in keyof T]: OverFetch<T[K]> }
          : T;

/** For each method: whether it resolves to a `DurableResult`. */
export type Replies<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<infer R>
    ? [R] extends [never]
      ? "value"
      : [R] extends [DurableResult<unknown, unknown>]
        ? "result"
        : "value"
    : never;
};

const KINDS: readonly string[] = [
  "unknown_method",
  "bad_arguments",
  "encode",
  "bad_reply",
  "bad_request",
  "too_large",
  "internal",
];

/** A client of `stub` whose methods are `replies`' keys. */
export function dogenClient<T>(stub: DogenFetcher, replies: Replies<T>): T {
  const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  const table = replies as Record<string, "result" | "value">;
  for (const [method, reply] of Object.entries(table)) {
    client[method] = async (...args: unknown[]) => {
      const outcome = await call(stub, method, args);
      if (reply === "result") {
        return "ok" in outcome
          ? { ok: true, value: outcome.ok }
          : { ok: false, error: outcome.err };
      }
      if ("err" in outcome) {
        const message = `\`${method}\` replied with an application error but has none`;
        throw new DogenProtocolError("bad_reply", message, 200);
      }
      return outcome.ok;
    };
  }
  return client as T;
}

async function call(
  stub: DogenFetcher,
  method: string,
  args: unknown[],
): Promise<{ ok: unknown } | { err: unknown }> {
  const body = JSON.stringify(args, finiteNumber(method));
  const response = await stub.fetch(
    `https://dogen.internal/__dogen/v1/call/${method}`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    },
  );
  const status = response.status;
  const text = await response.text();
  let reply: unknown;
  try {
    reply = JSON.parse(
      text,
      (_key, value: unknown, context?: { source?: string }) =>
        exactInteger(value, context, status),
    );
  } catch (error) {
    if (error instanceof DogenProtocolError) {
      throw error;
    }
    throw notDogen(status);
  }
  if (typeof reply !== "object" || reply === null || Array.isArray(reply)) {
    throw notDogen(status);
  }
  const has = (key: string) => Object.hasOwn(reply, key);
  const fields = reply as { ok?: unknown; err?: unknown; error?: unknown };
  if (status === 200 && has("ok") && !has("err") && !has("error")) {
    return { ok: fields.ok };
  }
  if (status === 200 && has("err") && !has("ok") && !has("error")) {
    return { err: fields.err };
  }
  if (status !== 200 && has("error") && !has("ok") && !has("err")) {
    const error = fields.error as { kind?: unknown; message?: unknown } | null;
    const kind = error?.kind;
    const message = error?.message;
    if (
      typeof kind === "string" &&
      KINDS.includes(kind) &&
      typeof message === "string"
    ) {
      throw new DogenProtocolError(
        kind as DogenProtocolErrorKind,
        message,
        status,
      );
    }
  }
  throw notDogen(status);
}

/**
 * A `JSON.stringify` replacer refusing NaN and infinities, which JSON would
 * send as `null` (an `Option` argument would arrive as `None`): the call is
 * not sent.
 */
function finiteNumber(method: string) {
  return (_key: string, value: unknown): unknown => {
    if (typeof value === "number" && !Number.isFinite(value)) {
      const message = `bad arguments for \`${method}\`: ${value} cannot be sent: JSON and Workers RPC carry finite numbers only`;
      throw new DogenProtocolError("bad_arguments", message, 0);
    }
    return value;
  };
}

/**
 * Refuses an integer that a JavaScript number cannot hold exactly, rather
 * than let `JSON.parse` round it. `context.source`, the number's text, is
 * given by runtimes with JSON.parse source text access (V8, so workerd).
 */
function exactInteger(
  value: unknown,
  context: { source?: string } | undefined,
  status: number,
): unknown {
  const source = context?.source;
  if (
    typeof value === "number" &&
    !Number.isSafeInteger(value) &&
    source !== undefined &&
    /^-?\d+$/.test(source)
  ) {
    const message = `the reply holds the integer ${source}, beyond what a JavaScript number holds exactly (2^53 - 1)`;
    throw new DogenProtocolError("bad_reply", message, status);
  }
  return value;
}

function notDogen(status: number): DogenProtocolError {
  const message = `status ${status}: the reply is not a dogen reply`;
  return new DogenProtocolError("transport", message, status);
}
