/**
 * `{ ...base, ...more }` for objects built in hot code (an indicator's score, a prose fact).
 *
 * Why not the spread: on Node 20's V8 (11.3) an object literal that opens with a spread and then adds
 * properties (`{ ...base, direction }`, `{ ...fact, suspect: true }`) gets a map of its own on every call
 * once its code is warm, so each such literal costs 1.5–10 µs and leaves garbage behind (measured: 19
 * indicators scored with it spent more time there than in reading their cells), against ≈0.1 µs for
 * `Object.assign`. A spread that is not the literal's first member, or a bare `{ ...base }`, is not
 * affected. The result is the same object: the same own keys in the same order with the same values.
 */
export function extend<A extends object, B extends object>(base: A, more: B): A & B {
  return Object.assign({}, base, more);
}
