/**
 * Rule 25 — the structure of an imported workbook: the template is recognized (title, unit, year, district, header
 * and its column-number row), the columns match it, codes resolve in the catalog of the year, the totals row equals
 * the sum of the detail rows, duplicate rows are refused; the same file imported twice changes nothing
 * (import-service.ts). Those checks run while a sheet is recognized, so the rule's check is the recognizer itself,
 * exported here under the rule's name for the registry (electron/core/rules/registry.ts).
 */
export { recognizeSheet as importStructure } from './recognize';
