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
