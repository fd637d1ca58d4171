/** How a recognition stage reports what is wrong: one finding at a time, in the order the sheet is read. */
import type { ImportFinding } from '../../../../shared/api/import-types';

export type Report = (finding: Omit<ImportFinding, 'sheet'>) => void;
