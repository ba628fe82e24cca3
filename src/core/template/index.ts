/**
 * The bureau template: layout as data (build-template.ts), its snapshot (snapshot.ts) and types.
 */
export { DIRECTIONS, INDICATOR_GROUPS, MONEY_FORMAT, ORG_ROWS, RATE_FORMAT, SCORE_FORMAT, SHEET_NAMES, TEMPLATE_PALETTE, buildTemplate, templateTables } from "./build-template";
export type { TemplateOptions } from "./build-template";
export { templateSnapshot } from "./snapshot";
export type { CellRole, TemplateCell, TemplateKind, TemplateName, TemplatePalette, TemplateSheet, TemplateValidation, WorkbookTemplate } from "./types";
export { ADDIN_MANIFEST, CENTRALIZED, WEBEXTENSION_TYPES, sharedFolderCatalog, webExtensionParts } from "./webextension";
export type { AddinCatalog, PackagePart, WebExtensionParts } from "./webextension";
