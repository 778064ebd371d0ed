// Beside the generated index.ts in the project: the type `Money` maps to.

/** An amount and its currency, as `Money` writes it: `"12.34 EUR"`. */
export type Money = `${number} ${string}`;
