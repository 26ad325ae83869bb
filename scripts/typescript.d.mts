/** The flags Node.js needs to run the TypeScript sources (see typescript.mjs). */
export const typescriptArgs: string[];
