/** How a stage of the KBNN statement analysis reports a finding; the sheet is added by the caller. */
import type { KbnnFinding } from '../../../../shared/api/findings';

export type KbnnReport = (severity: KbnnFinding['severity'], code: KbnnFinding['code'], cell: string | null, message: string) => void;
