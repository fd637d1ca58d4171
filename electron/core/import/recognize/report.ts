/** How a recognition stage reports what is wrong: one finding at a time, in the order the sheet is read. */
import type { ImportFinding } from '../../../../shared/api/findings';

export type Report = (finding: Omit<ImportFinding, 'sheet'>) => void;
