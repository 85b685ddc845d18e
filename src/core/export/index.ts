// The export and import formats: pure functions from a library bundle to files, and from files back to a bundle and an import plan.
export type { ExportBundle, ExportFile, ExportMeta } from './library-data';
export { CRISSCROSS_FORMAT, CRISSCROSS_FORMAT_VERSION, exportCrisscrossJson } from './crisscross-json';
export { exportMarkdownZip } from './markdown-format';
export { exportHtml, type HtmlExportOptions } from './html-format';
export { exportWebAnnotations, type WebAnnotationOptions } from './web-annotation-format';
export { CSV_COLUMNS, exportHighlightsCsv } from './csv-format';
export { exportNetscapeBookmarks } from './netscape-bookmarks';

export { ImportError, type ImportErrorCode, type ImportedLibrary, type ImportResult, type ParseOptions } from './import-result';
export { MAX_IMPORT_CHARS } from './json-text';
export { parseCrisscrossJson } from './crisscross-json-import';
export { parseNetscapeBookmarks } from './netscape-bookmarks-import';
export { parseWebAnnotations } from './web-annotation-import';
export { planImport, type ImportPlan, type PlanOptions } from './import-plan';
export type { ImportReport, PlanAction, PlanCounts, PlanItemType, PlanLine } from './import-report';
export { scopedFileName, selectBundle, type BundleScope } from './subset';
