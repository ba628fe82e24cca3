/**
 * src/hosts/wps/et-types.ts mirrors Kingsoft's et-jsapi-declare by hand (the package is ambient globals,
 * see that file). This test compiles, against the real typings, a file assigning WPS's own global
 * `Application` to our interfaces: if the typings and our mirror drift apart, it fails with the compiler's message.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

const root = path.join(__dirname, "..", "..");

test("the real WPS globals are assignable to our structural ET interfaces", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jx-et-"));
  const file = path.join(dir, "check.ts");
  const types = path.join(root, "src", "hosts", "wps", "et-types").replace(/\\/g, "/");
  fs.writeFileSync(
    file,
    [
      `/// <reference path="${path.join(root, "node_modules", "et-jsapi-declare", "index.d.ts").replace(/\\/g, "/")}" />`,
      `import type { WpsAddinRoot, WpsApplication, EtWorkbook, EtRange, EtName, EtWorksheet } from "${types}";`,
      "const root: WpsAddinRoot = wps;",
      "const app: WpsApplication = Application;",
      "const wb: EtWorkbook = Application.ActiveWorkbook;",
      "const range: EtRange = Application.ActiveWorkbook.ActiveSheet.UsedRange;",
      "const name: EtName = Application.ActiveWorkbook.Names.Item(1);",
      "const sheet: EtWorksheet = Application.ActiveWorkbook.ActiveSheet;",
      "export { root, app, wb, range, name, sheet };",
    ].join("\n"),
  );
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  fs.rmSync(dir, { recursive: true, force: true });
  expect(diagnostics).toEqual([]);
});
