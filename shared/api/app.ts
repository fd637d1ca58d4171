/** The app itself: what the frame shows at start (office, schema, data file, warnings), page errors to the log, the sample year. */
import { z } from 'zod';
import type { CatalogCount, UnitCount } from './reference';
import type { OfficeInfo, OfficeLevelNotice } from './office';
import { command, empty, shortText } from './schemas';

export interface AppInfo {
  office: OfficeInfo | null;
  schemaVersion: number;
  dataFile: string;
  /** Vietnamese warnings about where the data is kept (a network share…), shown on every screen. */
  warnings: string[];
  catalog: CatalogCount[];
  units: UnitCount[];
  /** Years that hold an assignment, a decision or a disbursement figure, newest first (the frame's default year). */
  dataYears: number[];
  /** Set when the office's level of government has ended (a district from 1/7/2025): said once by the frame. */
  levelNotice: OfficeLevelNotice | null;
}

export interface DemoSeedResult {
  office: OfficeInfo;
  year: number;
  assignmentLines: number;
  /** Issued sample decisions (an allocation, the HĐND's recurrent breakdown and an HĐND adjustment). */
  decisions: number;
  /** Monthly disbursement entries, January to June. */
  disbursementEntries: number;
}

export const appCommands = {
  'app.info': command<AppInfo>()(empty, { reads: true }),
  /** An error the page caught and nothing handled: written to the log file, where support looks first. */
  'app.logError': command<{ logged: true }>()(
    z.object({ kind: shortText(40), message: shortText(2000), stack: shortText(8000).optional(), screen: shortText(300).optional() }).strict(),
    { reads: true },
  ),
  'demo.seed': command<DemoSeedResult>()(empty),
} as const;
