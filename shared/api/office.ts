import type { OfficeLevelCode } from '../domain/office-level';
/** The office: its district and pilot designation, and the signers with the role that decides what they may sign. */
import { z } from 'zod';
import { SIGNER_ROLE_CODES, type SignerRoleCode } from '../domain/signers';
import { command, empty, shortText } from './schemas';

export interface Signer {
  id: number;
  name: string;
  title: string;
  /** What the signer may sign (signer_role); null for a title that names no role yet (set it on Cài đặt). */
  roleCode: SignerRoleCode | null;
  /** A sample signer put in by "Tạo dữ liệu mẫu" for an office that had none. */
  sample: boolean;
  /** The day the signer stopped signing; retired signers are kept (issued decisions name them) but not offered. */
  retiredOn: string | null;
}

export interface SignerRole {
  code: SignerRoleCode;
  body: 'UBND' | 'HDND';
  rank: 'chu_tich' | 'pho_chu_tich';
  name: string;
  defaultTitle: string;
}

export interface SignerList {
  signers: Signer[];
  roles: SignerRole[];
}

export interface OfficeInfo {
  /** The GSO code of the unit the office stands for: a district (until 30/06/2025) or a commune/ward (from 01/07/2025). */
  districtCode: string;
  /** The unit's official name: "Huyện Tràng Định", "Xã Tràng Định". */
  districtName: string;
  /** The office's level of government, data (office-levels.csv): 'huyen' or 'xa'. */
  level: OfficeLevelCode;
  levelName: string;
  levelValidFrom: string | null;
  levelValidTo: string | null;
  /** The former units the office's unit was formed from (the successor table), e.g. Đề Thám, Hùng Sơn, Hùng Việt. */
  formedFrom: { code: string; name: string }[];
  provinceCode: string;
  provinceName: string;
  name: string;
  pilot: boolean;
  /** The document that designates the district as a pilot of NQ 111/2024/QH15 khoản 7, when it is one. */
  pilotBasis: string | null;
  /** The signers who can sign today (not retired), in their order. */
  signers: Signer[];
  createdAt: string;
}

export interface OfficeLevelNotice {
  /** ISO date the level ended (rule 10's districtLevelEnd). */
  endedOn: string;
  legalBasis: string;
  message: string;
}

export interface DistrictOption {
  code: string;
  name: string;
  /** The office level this unit stands for ('huyen' until 30/06/2025, 'xa' from 01/07/2025) and its name. */
  level: OfficeLevelCode;
  levelName: string;
  /** "Đề Thám, Hùng Sơn, Hùng Việt": what a 2025 commune was formed from; empty for a district. */
  formedFrom: string;
  /** The office level's validity: a district until 30/06/2025, a commune/ward from 01/07/2025. */
  validFrom: string | null;
  validTo: string | null;
  /** The office's default name for this unit, from the level's template: "Phòng Kinh tế xã Tràng Định". */
  defaultOfficeName: string;
  pilot: boolean;
  pilotBasis: string | null;
}

const signerRoleSchema = z.enum(SIGNER_ROLE_CODES);

/** A signer as set up: the role may be left out when the title names it ("Chủ tịch HĐND huyện"). */
const signerSchema = z.object({ name: shortText(100).min(1), title: shortText(100).min(1), roleCode: signerRoleSchema.optional() }).strict();

export const officeCommands = {
  'office.districts': command<DistrictOption[]>()(empty, { reads: true }),
  'office.setup': command<OfficeInfo>()(
    z
      .object({
        districtCode: shortText(10).min(1),
        name: shortText(200).optional(),
        signers: z.array(signerSchema).max(20),
      })
      .strict(),
  ),
  /** Every signer of the office (retired ones too) and the roles an office has. */
  'signers.list': command<SignerList>()(empty, { reads: true }),
  'signers.add': command<Signer>()(
    z.object({ name: shortText(100).min(1), title: shortText(100).min(1), roleCode: signerRoleSchema }).strict(),
  ),
  /** A new title or role (a promotion, a correction); decisions already issued keep the name and title they were issued with. */
  'signers.update': command<Signer>()(
    z
      .object({
        id: z.number().int().positive(),
        patch: z.object({ name: shortText(100).min(1), title: shortText(100).min(1), roleCode: signerRoleSchema }).partial().strict(),
      })
      .strict(),
  ),
  /** Retire (no longer offered for new decisions) or bring back a signer; a signer is never deleted. */
  'signers.retire': command<Signer>()(z.object({ id: z.number().int().positive(), retired: z.boolean() }).strict()),
} as const;
