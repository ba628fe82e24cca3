/** fast-formula-parser ships no types; evaluate.ts declares the part it uses. */
declare module "fast-formula-parser";
