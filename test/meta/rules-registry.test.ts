/**
 * Meta-tests (eslint's habit): the registry, the sources, the tests, the docs and the preset agree.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../src/core/rules";
import { RECOMMENDED } from "../../src/core/config/presets";

const root = path.join(__dirname, "..", "..");
const read = (p: string): string => fs.readFileSync(path.join(root, p), "utf8");

describe("rule registry", () => {
  test("is sorted by id, without duplicates", () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  test("the preset lists exactly the registered rules", () => {
    expect(Object.keys(RECOMMENDED.rules).sort()).toEqual(RULES.map((r) => r.id));
  });

  test("every rule file in src/core/rules is registered", () => {
    const files = fs
      .readdirSync(path.join(root, "src/core/rules"))
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => f.replace(/\.ts$/, ""));
    expect(files.sort()).toEqual(RULES.map((r) => r.id));
  });

  test("has rules", () => expect(RULES.length).toBeGreaterThan(10));

  const cases = RULES.map((r) => [r.id, r] as const);
  (cases.length ? describe.each(cases) : describe.skip.each([["none", RULES[0]] as const]))("%s", (id, rule) => {
    test("id is kebab-case and names its source, test and doc", () => {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(fs.existsSync(path.join(root, `src/core/rules/${id}.ts`))).toBe(true);
      expect(fs.existsSync(path.join(root, `test/rules/${id}.test.ts`))).toBe(true);
      expect(fs.existsSync(path.join(root, `docs/rules/${id}.md`))).toBe(true);
    });

    test("doc description equals meta.docs.description", () => {
      const doc = read(`docs/rules/${id}.md`);
      const m = /^---\s*\n[\s\S]*?description:\s*["']?(.+?)["']?\s*\n[\s\S]*?---/m.exec(doc);
      expect(m?.[1]).toBe(rule.meta.docs.description);
    });

    test("every messageId is used by the rule and messages are camelCase", () => {
      const source = read(`src/core/rules/${id}.ts`);
      for (const messageId of Object.keys(rule.meta.messages)) {
        expect(messageId).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        // Used either as messageId: "x" or through a variable holding the literal.
        const uses = source.split(`"${messageId}"`).length - 1 + (source.split(`'${messageId}'`).length - 1);
        expect({ messageId, uses: uses >= 2 }).toEqual({ messageId, uses: true });
      }
    });

    test("messages are Chinese", () => {
      for (const template of Object.values(rule.meta.messages) as string[]) {
        expect(template).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    test("the README's rule table lists it with its description", () => {
      expect(read("README.md")).toContain(`| [${id}](docs/rules/${id}.md) |`);
      expect(read("README.md")).toContain(rule.meta.docs.description);
    });

    test("the test exercises valid and invalid cases", () => {
      const t = read(`test/rules/${id}.test.ts`);
      expect(t).toMatch(/valid\s*:/);
      expect(t).toMatch(/invalid\s*:/);
    });
  });
});
