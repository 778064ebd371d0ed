// Type-level assertions for the callers that exercise generated types.

/** `true` exactly when `A` and `B` are the same type. */
export type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false;

/** Compiles only when `T` is `true`: `check<Equal<A, B>>()`. */
export function check<T extends true>(): T | void {}

/** A value of type `T`, for expressions that are only type-checked. */
export declare function value<T>(): T;

/**
 * A type as it travels over dogen's fetch transport (JSON), from the type
 * native RPC delivers (index.ts): bytes are arrays of numbers there, not
 * `Uint8Array`s. Everything else is the same.
 */
export type OverFetch<T> = T extends Uint8Array
  ? number[]
  : T extends object
    ? { [K in keyof T]: OverFetch<T[K]> }
    : T;
